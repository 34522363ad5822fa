"""The loader accepts good lessons and names file, line and field for every bad one."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from venvtour.errors import LessonError
from venvtour.loader import STEP_FIELDS, load_lesson
from venvtour.model import RunStep, SayStep, ShowStep

HEADER = "id: demo\ntitle: Demo\nsummary: A demo.\nsteps:\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lesson.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(LessonError) as caught:
        load_lesson(write(tmp_path, text))
    return str(caught.value)


def test_a_good_lesson_loads_with_step_lines(tmp_path: Path) -> None:
    loaded = load_lesson(write(tmp_path, HEADER + "  - say: hello\n  - run: echo hi\n    say: x\n  - show: a.cfg\n"))
    assert [type(step) for step in loaded.lesson.steps] == [SayStep, RunStep, ShowStep]
    assert [loaded.step_line(index) for index in range(3)] == [5, 6, 8]


def test_an_untitled_step_is_labelled_as_going_on_with_the_titled_one_before_it(tmp_path: Path) -> None:
    steps = (
        "  - show: a.txt\n"
        "  - title: Make it\n    run: x\n"
        "  - show: b.txt\n"
        "  - tree: .\n"
        "  - question: Why?\n    answer: because\n"
    )
    lesson = load_lesson(write(tmp_path, HEADER + steps)).lesson
    labels = [lesson.label(index) for index in range(len(lesson.steps))]
    assert labels == ["Demo", "Make it", "Make it (continued)", "Make it (continued)", "A question"]


def test_missing_field_names_file_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "id: demo\ntitle: Demo\nsteps:\n  - say: hi\n")
    with pytest.raises(LessonError, match=rf"^{path}:1: summary: field required$"):
        load_lesson(path)


def test_unknown_key_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    message = error_of(tmp_path, HEADER + "  - run: echo\n    expct: failure\n")
    assert message.endswith("lesson.yaml:6: steps[0].expct: unknown key (did you mean 'expect'?)")


def test_misspelt_action_is_named(tmp_path: Path) -> None:
    message = error_of(tmp_path, HEADER + "  - say: ok\n  - rum: echo\n")
    assert ":6: steps[1]: no action" in message
    assert "did you mean 'run'?" in message


def test_two_actions_in_one_step(tmp_path: Path) -> None:
    assert ":5: steps[0]: one action per step, found run and show" in error_of(
        tmp_path, HEADER + "  - run: a\n    show: b\n"
    )


def test_wrong_type_points_at_the_value(tmp_path: Path) -> None:
    assert ":5: steps[0].run: input should be a valid string" in error_of(tmp_path, HEADER + "  - run: [1, 2]\n")


def test_every_error_of_a_file_is_reported(tmp_path: Path) -> None:
    message = error_of(tmp_path, HEADER + "  - run: a\n    expct: 1\n  - tree: x\n    depth: 99\n")
    assert "steps[0].expct" in message
    assert "steps[1].depth: input should be less than or equal to 6" in message


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    assert "lesson.yaml:3: not valid YAML" in error_of(tmp_path, "id: x\ntitle: [\n")


def test_a_key_given_twice_is_an_error(tmp_path: Path) -> None:
    assert "lesson.yaml:2: 'id' is given twice" in error_of(tmp_path, "id: x\nid: y\n")


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "just text\n"])
def test_empty_or_non_mapping_files_are_refused(tmp_path: Path, text: str) -> None:
    assert "lesson.yaml:1:" in error_of(tmp_path, text)


def test_object_construction_tags_are_refused(tmp_path: Path) -> None:
    message = error_of(tmp_path, "id: !!python/object/apply:os.system ['echo hacked']\n")
    assert "not valid YAML" in message


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "lesson.yaml"
    path.write_bytes(b"id: \xff\xfe\n")
    with pytest.raises(LessonError, match="not UTF-8"):
        load_lesson(path)


def test_a_key_yaml_reads_as_a_boolean_must_be_quoted(tmp_path: Path) -> None:
    assert ":6: YAML reads the key 'yes' as something other than text" in error_of(
        tmp_path, HEADER + "  - show: a.cfg\n    notes: {yes: 1}\n"
    )


keys = st.text(string.ascii_lowercase + "_", min_size=1, max_size=12).filter(lambda key: key not in STEP_FIELDS)


@settings(max_examples=50, deadline=None)
@given(key=keys)
def test_any_unknown_step_key_is_rejected_on_its_line(tmp_path_factory: pytest.TempPathFactory, key: str) -> None:
    folder = tmp_path_factory.mktemp("lessons")
    text = HEADER + f"  - say: first\n  - run: echo\n    '{key}': 1\n"
    message = error_of(folder, text)
    assert f":7: steps[1].{key}: unknown key" in message
