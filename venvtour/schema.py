"""The lesson format as a JSON Schema, generated from the pydantic model so the two never drift apart.

Editors use it to autocomplete and check lesson files as they are written; the copy shipped beside the
built-in lessons is regenerated with ``venvtour schema > lessons/lesson.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from venvtour.model import Lesson

SCHEMA_FILE_NAME = "lesson.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def lesson_schema() -> dict[str, Any]:
    """The model's own schema, labelled so editors know the dialect and what it describes."""
    schema = Lesson.model_json_schema()
    return {
        "$schema": DIALECT,
        "title": "venvtour lesson",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    """Indented with a final newline, so the shipped copy reads well in a diff when the model changes."""
    return json.dumps(lesson_schema(), indent=2, ensure_ascii=False) + "\n"
