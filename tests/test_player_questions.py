"""Answer checking: loose about spacing, quotes and slashes, strict about what the answer is."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from venvtour.model import QuestionStep
from venvtour.placeholders import Placeholders
from venvtour.probe import probe
from venvtour.questions import Question, expand_question, is_correct, normalise

FREE = Question("Where?", "/tmp/ws/.venv/bin", None, None)
CHOICE = Question("Which?", "bin", ("lib", "bin", "include"), None)


@pytest.mark.parametrize("given_answer", ["/tmp/ws/.venv/bin", " /tmp/ws/.venv/bin/ ", "'/tmp/ws/./.venv/bin'"])
def test_a_path_answer_ignores_spacing_quotes_and_slashes(given_answer: str) -> None:
    assert is_correct(FREE, given_answer)


@pytest.mark.parametrize("given_answer", ["/tmp/ws/.venv/Bin", "/tmp/ws/.venv", "bin", ""])
def test_a_different_path_is_wrong(given_answer: str) -> None:
    assert not is_correct(FREE, given_answer)


@pytest.mark.parametrize(
    ("given_answer", "right"),
    [("2", True), (" 2 ", True), ("1", False), ("BIN", True), ("4", False), ("0", False), ("x", False)],
)
def test_choices_by_number_or_by_text(given_answer: str, right: bool) -> None:
    assert is_correct(CHOICE, given_answer) is right


def test_words_ignore_case_and_repeated_spaces() -> None:
    assert is_correct(Question("?", "sys.base_prefix", None, None), "  SYS.BASE_PREFIX ")
    assert is_correct(Question("?", "the same python", None, None), "The  same\tPython")


@given(st.text())
def test_normalise_is_stable(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def test_placeholders_are_filled_in_everywhere(tmp_path: Path, base_python: Path) -> None:
    step = QuestionStep.model_validate(
        {"question": "In {workspace}?", "answer": "{scripts}", "choices": ["{scripts}", "lib"], "hint": "{python}"}
    )
    question = expand_question(step, Placeholders(base_python, tmp_path, probe))
    assert question.text == f"In {tmp_path}?"
    assert question.answer == "bin" and question.choices == ("bin", "lib")
    assert question.hint == str(base_python)
