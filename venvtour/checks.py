"""What ``venvtour validate`` finds: everything a run would trip on, found before a class starts.

Loading (YAML syntax and the model) comes first; a lesson that loads is then read the way the player
would run it. Errors stop a run for sure; warnings are likely trouble that only the run itself can
confirm, such as a file no earlier step makes or a program missing from this machine.
"""

from __future__ import annotations

import difflib
import posixpath
import shlex
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from venvtour.catalog import builtin_lessons_dir, lesson_paths
from venvtour.errors import LessonError
from venvtour.loader import LessonFile, load_lesson, nearest_line
from venvtour.model import RunStep, ShowStep, Step, TreeStep
from venvtour.placeholders import DESCRIPTIONS, names_in, unknown_names
from venvtour.yaml_lines import Location

Severity = Literal["error", "warning"]
PLACEHOLDER_PATHS = {"{workspace}": ".", "{venv}": ".venv"}


@dataclass(frozen=True)
class Finding:
    """One problem, as ``file:line: message``; a warning's message starts with ``warning:``."""

    severity: Severity
    path: Path
    text: str


def check_files(files: list[Path]) -> list[Finding]:
    """Each file loaded and checked; an id used twice, by two of the files or by a built-in lesson, names both."""
    findings: list[Finding] = []
    first_with_id = builtin_ids()
    for file in files:
        try:
            lesson_file = load_lesson(file)
        except LessonError as error:
            findings.append(Finding("error", file, str(error)))
            continue
        lesson_id = lesson_file.lesson.id
        if lesson_id in first_with_id and first_with_id[lesson_id].resolve() != file.resolve():
            line = lesson_file.lines.get(("id",), 1)
            message = f"lesson id {lesson_id!r} is already used by {first_with_id[lesson_id]}"
            findings.append(Finding("error", file, f"{file}:{line}: {message}"))
        first_with_id.setdefault(lesson_id, file)
        findings.extend(check_lesson(lesson_file))
    return findings


def builtin_ids() -> dict[str, Path]:
    """The built-in lessons' ids: a lesson of the same id could not be added with ``--lessons``.

    A built-in lesson that does not load is left to its own check, when its folder is validated.
    """
    ids: dict[str, Path] = {}
    for path in lesson_paths(builtin_lessons_dir()):
        try:
            ids.setdefault(load_lesson(path).lesson.id, path)
        except LessonError:
            continue
    return ids


def check_lesson(lesson_file: LessonFile) -> Iterator[Finding]:
    made: list[str] = []
    for index, step in enumerate(lesson_file.lesson.steps):
        yield from check_placeholders(lesson_file, index, step)
        if isinstance(step, ShowStep | TreeStep):
            yield from check_made_earlier(lesson_file, index, step, made)
        if isinstance(step, RunStep):
            yield from check_command(lesson_file, index, step, made)
        made.extend(map(workspace_relative, step.makes))


def finding(severity: Severity, lesson_file: LessonFile, location: Location, message: str) -> Finding:
    line = nearest_line(location, lesson_file.lines)
    label = "warning: " if severity == "warning" else ""
    return Finding(severity, lesson_file.path, f"{lesson_file.path}:{line}: {label}{message}")


def check_placeholders(lesson_file: LessonFile, index: int, step: Step) -> Iterator[Finding]:
    for field, text in step_texts(step):
        for name in unknown_names(text):
            message = f"steps[{index}].{field}: unknown placeholder {{{name}}}{placeholder_hint(name)}"
            yield finding("error", lesson_file, ("steps", index, field), message)


def placeholder_hint(name: str) -> str:
    close = difflib.get_close_matches(name, DESCRIPTIONS, n=1)
    if close:
        return f" (did you mean {{{close[0]}}}?)"
    known = ", ".join(f"{{{known}}}" for known in DESCRIPTIONS)
    return f"; the placeholders are {known}, and {{{{ }}}} writes a brace"


def step_texts(step: Step) -> Iterator[tuple[str, str]]:
    """Every text of a step that could hold a placeholder, with the field it is in."""
    for field, value in step.model_dump().items():
        if isinstance(value, str):
            yield field, value
        elif isinstance(value, dict):
            yield from ((field, text) for text in value.values() if isinstance(text, str))
        elif isinstance(value, tuple | list):
            yield from ((field, text) for text in value if isinstance(text, str))


def check_command(lesson_file: LessonFile, index: int, step: RunStep, made: list[str]) -> Iterator[Finding]:
    location = ("steps", index, "run")
    try:
        words = shlex.split(step.run)
    except ValueError as error:
        yield finding("error", lesson_file, location, f"steps[{index}].run: cannot be split into arguments: {error}")
        return
    if not words:
        yield finding("error", lesson_file, location, f"steps[{index}].run: the command is empty")
        return
    made.extend(path for path in map(workspace_relative, words[1:]) if path != ".")
    program = words[0]
    if not names_in(program) and "/" not in program and program not in step.requires and not shutil.which(program):
        message = f"steps[{index}].run: program {program!r} is not found on this machine"
        yield finding("warning", lesson_file, location, message)


def check_made_earlier(
    lesson_file: LessonFile, index: int, step: ShowStep | TreeStep, made: list[str]
) -> Iterator[Finding]:
    field = step.action
    shown = step.show if isinstance(step, ShowStep) else step.tree
    wanted = workspace_relative(shown)
    expected_missing = isinstance(step, ShowStep) and step.if_missing is not None
    if expected_missing or posixpath.isabs(wanted) or any(inside(wanted, path) for path in made):
        return
    message = f"steps[{index}].{field}: {shown} is not made by an earlier step, nor named in an earlier command"
    yield finding("warning", lesson_file, ("steps", index, field), message)


def workspace_relative(text: str) -> str:
    """A lesson path as the workspace sees it, so ``{workspace}/.venv/``, ``./.venv`` and ``.venv`` match."""
    for placeholder, relative in PLACEHOLDER_PATHS.items():
        if text == placeholder or text.startswith(placeholder + "/"):
            text = relative + text[len(placeholder) :]
    return posixpath.normpath(text) if text else "."


def inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + "/")
