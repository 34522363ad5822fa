"""Where lessons are found: the ones shipped with venvtour, then folders the user adds, in file-name order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from venvtour.errors import LessonError
from venvtour.yaml_lines import parse_yaml, read_text

if TYPE_CHECKING:
    from venvtour.loader import LessonFile

PACKAGE = Path(__file__).resolve().parent
LESSONS_ENV = "VENVTOUR_LESSONS"


def builtin_lessons_dir() -> Path:
    """Inside an installed wheel the lessons sit in the package; in a source checkout, beside it."""
    shipped = PACKAGE / "lessons"
    return shipped if shipped.is_dir() else PACKAGE.parent / "lessons"


def extra_lesson_dirs(options: Sequence[Path] | None = None, environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Folders from ``--lessons`` and then ``VENVTOUR_LESSONS`` (``os.pathsep``-separated), each once.

    A folder that is not there is an error: a typo would otherwise hide a teacher's lessons silently.
    """
    from_env = [Path(part) for part in environ.get(LESSONS_ENV, "").split(os.pathsep) if part.strip()]
    folders: dict[Path, Path] = {}
    for folder in [*(options or ()), *from_env]:
        if not folder.is_dir():
            raise LessonError(f"lessons folder {folder} does not exist or is not a folder")
        resolved = folder.resolve()
        if resolved != builtin_lessons_dir().resolve():
            folders.setdefault(resolved, folder)
    return list(folders.values())


def is_builtin(lesson_file: LessonFile) -> bool:
    """Shipped with venvtour, and so trusted to run its commands without asking."""
    return lesson_file.path.resolve().parent == builtin_lessons_dir().resolve()


def lesson_paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


@dataclass(frozen=True)
class Outline:
    """What a list of lessons shows of each: enough to choose one, not enough to play it."""

    path: Path
    id: str
    title: str
    steps: int

    @classmethod
    def of(cls, lesson_file: LessonFile) -> Outline:
        lesson = lesson_file.lesson
        return cls(lesson_file.path, lesson.id, lesson.title, len(lesson.steps))


def catalog_paths(folders: list[Path] | None) -> list[Path]:
    return [path for folder in [builtin_lessons_dir(), *(folders or [])] for path in lesson_paths(folder)]


def check_unique_ids(found: Iterable[tuple[str, Path]]) -> None:
    """An id used twice is an error naming both files: a teacher's lesson never hides a built-in one."""
    seen: dict[str, Path] = {}
    for lesson_id, path in found:
        if lesson_id in seen:
            raise LessonError(f"{path}: lesson id {lesson_id!r} is already used by {seen[lesson_id]}")
        seen[lesson_id] = path


def load_catalog(folders: list[Path] | None = None) -> list[LessonFile]:
    """All lessons, built-in first, each validated whole."""
    from venvtour.loader import load_lesson

    lessons = [load_lesson(path) for path in catalog_paths(folders)]
    check_unique_ids((loaded.lesson.id, loaded.path) for loaded in lessons)
    return lessons


def load_outlines(folders: list[Path] | None = None) -> list[Outline]:
    """All lessons as ``list`` shows them: read without validating each step, which only playing needs.

    A file whose heading is not plainly right is loaded whole instead, so it fails with the same
    ``file:line: field: message`` as it would when played.
    """
    outlines = [read_outline(path) for path in catalog_paths(folders)]
    check_unique_ids((outline.id, outline.path) for outline in outlines)
    return outlines


def read_outline(path: Path) -> Outline:
    data, _ = parse_yaml(path, read_text(path))
    if isinstance(data, dict):
        lesson_id, title, steps = data.get("id"), data.get("title"), data.get("steps")
        if isinstance(lesson_id, str) and isinstance(title, str) and isinstance(steps, list) and steps:
            return Outline(path, lesson_id, title, len(steps))
    from venvtour.loader import load_lesson

    return Outline.of(load_lesson(path))


def find_lesson(lessons: list[LessonFile], name: str) -> LessonFile:
    """A lesson by id, or by the path of a lesson file."""
    from venvtour.loader import load_lesson

    for loaded in lessons:
        if loaded.lesson.id == name:
            return loaded
    if name.endswith((".yaml", ".yml")) and Path(name).is_file():
        return load_lesson(Path(name))
    known = ", ".join(loaded.lesson.id for loaded in lessons)
    raise LessonError(f"no lesson {name!r}; the lessons are: {known}")
