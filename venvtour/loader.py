"""Read a lesson file into a :class:`~venvtour.model.Lesson`, or fail with ``file:line: field: message``.

The YAML comes with the line of every key (``yaml_lines``); pydantic's error locations are mapped
back onto those lines.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from venvtour.errors import LessonError
from venvtour.model import ACTION_KEYS, STEP_TAGS, Lesson
from venvtour.yaml_lines import Location, parse_yaml, read_text

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
    data, lines = parse_yaml(path, read_text(path))
    try:
        lesson = Lesson.model_validate(data)
    except ValidationError as error:
        raise LessonError("\n".join(describe_errors(path, error, lines, data))) from None
    return LessonFile(path=path, lesson=lesson, lines=lines)


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
