"""Read a lesson file into a :class:`~venvtour.model.Lesson`, or fail with ``file:line: field: message``.

YAML is parsed once into nodes so that every key and list item keeps its line; pydantic's error
locations are then mapped back onto those lines. Only plain YAML is accepted (safe loading, no tags
that build objects), and a key given twice is an error rather than a silent overwrite.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from venvtour.errors import LessonError
from venvtour.model import ACTION_KEYS, STEP_TAGS, Lesson

Location = tuple[str | int, ...]
TEXT_TAG = "tag:yaml.org,2002:str"
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STEP_FIELDS = sorted({name for model in STEP_TAGS for name in model.model_fields})


@dataclass(frozen=True)
class LessonFile:
    """A lesson together with where it came from, so later messages can point into the file."""

    path: Path
    lesson: Lesson
    lines: dict[Location, int]

    def step_line(self, index: int) -> int:
        return self.lines.get(("steps", index), 1)


def load_lesson(path: Path) -> LessonFile:
    """Load and validate one lesson file; every problem raises :class:`LessonError` naming the place."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LessonError(f"{path}: cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise LessonError(f"{path}: is not UTF-8 text") from None
    data, lines = parse_yaml(path, text)
    try:
        lesson = Lesson.model_validate(data)
    except ValidationError as error:
        raise LessonError("\n".join(describe_errors(path, error, lines, data))) from None
    return LessonFile(path=path, lesson=lesson, lines=lines)


def parse_yaml(path: Path, text: str) -> tuple[Any, dict[Location, int]]:
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise LessonError(f"{path}:1: the file is empty; a lesson needs id, title, summary and steps")
        lines: dict[Location, int] = {}
        record_lines(path, node, (), lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise LessonError(f"{path}:{line}: not valid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise LessonError(f"{path}: not valid YAML: {error}") from None
    finally:
        loader.dispose()
    return data, lines


def record_lines(path: Path, node: yaml.Node, location: Location, lines: dict[Location, int]) -> None:
    lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key_node.tag != TEXT_TAG:
                raise LessonError(
                    f"{path}:{key_node.start_mark.line + 1}: YAML reads the key {key!r} as something other than text;"
                    " put it in quotes"
                )
            if key in seen:
                raise LessonError(f"{path}:{key_node.start_mark.line + 1}: {key!r} is given twice")
            seen.add(key)
            record_lines(path, value_node, (*location, key), lines)
            lines[(*location, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            record_lines(path, item, (*location, index), lines)


def describe_errors(path: Path, error: ValidationError, lines: dict[Location, int], data: Any) -> list[str]:
    if not isinstance(data, dict):
        return [f"{path}:1: a lesson file holds a mapping with id, title, summary and steps"]
    messages = []
    details = error.errors()
    for detail in details:
        if detail["type"] == "too_short" and detail["loc"] == ("steps",) and len(details) > 1:
            continue  # pydantic's echo of a failed step, not a problem of its own
        location = without_tags(detail["loc"])
        line = nearest_line(location, lines)
        messages.append(f"{path}:{line}: {dotted(location)}: {message_for(detail, location)}")
    return messages


def without_tags(location: tuple[str | int, ...]) -> Location:
    """Drop the union tag pydantic inserts after a step's index (``steps.3.run.expect``)."""
    parts = list(location)
    if len(parts) > 2 and parts[0] == "steps" and isinstance(parts[1], int) and parts[2] in STEP_TAGS.values():
        del parts[2]
    return tuple(parts)


def nearest_line(location: Location, lines: dict[Location, int]) -> int:
    for end in range(len(location), -1, -1):
        if location[:end] in lines:
            return lines[location[:end]]
    return 1


def dotted(location: Location) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "lesson"


def message_for(detail: Any, location: Location) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        return unknown_key_message(str(location[-1]), location)
    if kind == "step_action":
        return step_action_message(detail["input"])
    text = str(detail["msg"])
    return text[:1].lower() + text[1:]


def unknown_key_message(key: str, location: Location) -> str:
    known = STEP_FIELDS if location[:1] == ("steps",) else sorted(Lesson.model_fields)
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key{hint}"


def step_action_message(value: Any) -> str:
    choices = ", ".join(("say", *ACTION_KEYS))
    if not isinstance(value, dict):
        return f"a step is a mapping with one action key: {choices}"
    found = [key for key in ACTION_KEYS if key in value]
    if found:
        return f"one action per step, found {' and '.join(found)}"
    unknown = [str(key) for key in value if key not in STEP_FIELDS]
    close = [match for key in unknown for match in difflib.get_close_matches(key, (*ACTION_KEYS, "say"), n=1)]
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"no action: a step needs one of {choices}{hint}"
