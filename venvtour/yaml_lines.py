"""YAML parsed with the line of every key and list item, so that any later message can point into the file.

Only plain YAML is accepted (safe loading, no tags that build objects), and a key given twice is an
error rather than a silent overwrite. This module needs no pydantic, so ``list`` can read lessons cheaply.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from venvtour.errors import LessonError

Location = tuple[str | int, ...]
TEXT_TAG = "tag:yaml.org,2002:str"
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise LessonError(f"{path}: cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise LessonError(f"{path}: is not UTF-8 text") from None


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
