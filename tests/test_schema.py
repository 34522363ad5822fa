"""The published JSON Schema: generated from the model, shipped up to date, and as strict as the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from venvtour.cli import app
from venvtour.schema import SCHEMA_FILE_NAME, lesson_schema, schema_text

LESSONS = Path(__file__).resolve().parent.parent / "lessons"
SHIPPED = sorted(LESSONS.glob("*.yaml"))
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}"

GOOD: dict[str, Any] = {"id": "good", "title": "Good", "summary": "s", "steps": [{"say": "hi"}]}
BROKEN: dict[str, dict[str, Any]] = {
    "two actions in a step": {**GOOD, "steps": [{"run": "a", "show": "b"}]},
    "no action and no text": {**GOOD, "steps": [{"title": "only a title"}]},
    "a misspelt action": {**GOOD, "steps": [{"rn": "a"}]},
    "an unknown step key": {**GOOD, "steps": [{"run": "a", "expct": "success"}]},
    "an id with capitals": {**GOOD, "id": "Good"},
    "no steps": {**GOOD, "steps": []},
    "no summary": {key: value for key, value in GOOD.items() if key != "summary"},
    "a tree too deep": {**GOOD, "steps": [{"tree": ".venv", "depth": 9}]},
    "an unknown expectation": {**GOOD, "steps": [{"run": "a", "expect": "maybe"}]},
    "a compare of one": {**GOOD, "steps": [{"compare": {"base": "{python}"}}]},
    "an unknown lesson key": {**GOOD, "author": "me"},
}


def test_the_shipped_schema_is_the_generated_one() -> None:
    """Fails after a model change until `venvtour schema > lessons/lesson.schema.json` is run."""
    shipped = (LESSONS / SCHEMA_FILE_NAME).read_text(encoding="utf-8")
    assert shipped == schema_text(), "regenerate: venvtour schema > lessons/lesson.schema.json"


def test_the_schema_command_prints_it() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == lesson_schema()


def test_the_schema_covers_every_step_key() -> None:
    """Editors complete what the schema lists: every action of the model must be in it."""
    from venvtour.model import ACTION_KEYS

    step_keys = {key for definition in lesson_schema()["$defs"].values() for key in definition.get("properties", {})}
    assert set(ACTION_KEYS) <= step_keys


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_every_shipped_lesson_points_editors_at_the_schema(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_the_schema_accepts_every_shipped_lesson(path: Path) -> None:
    validator = schema_validator()
    errors = [error.message for error in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert errors == []


@pytest.mark.parametrize("name", BROKEN)
def test_the_schema_rejects_broken_lessons(name: str) -> None:
    assert schema_validator().is_valid(GOOD)
    assert not schema_validator().is_valid(BROKEN[name])


@pytest.mark.parametrize("name", BROKEN)
def test_the_loader_rejects_the_same_broken_lessons(name: str, tmp_path: Path) -> None:
    """The schema and the model agree: what editors flag, validate flags too."""
    from venvtour.errors import LessonError
    from venvtour.loader import load_lesson

    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(BROKEN[name]), encoding="utf-8")
    with pytest.raises(LessonError):
        load_lesson(path)


def schema_validator() -> Any:
    """jsonschema is a dev dependency only: the tool itself validates with the pydantic model."""
    jsonschema = pytest.importorskip("jsonschema")
    validator_class = jsonschema.Draft202012Validator
    schema = lesson_schema()
    validator_class.check_schema(schema)
    return validator_class(schema)
