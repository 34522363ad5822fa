"""Checking a learner's answer to a question step. Pure: the player asks, this only judges.

Answers are often paths or commands, so they are compared loosely: surrounding space and quotes,
repeated spaces, a trailing slash and ``./`` do not make an answer wrong. Plain words ignore case;
paths keep it, because on most systems ``Bin`` and ``bin`` are different folders.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from venvtour.model import QuestionStep
from venvtour.placeholders import Placeholders

SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Question:
    """A question step with its placeholders filled in for this machine."""

    text: str
    answer: str
    choices: tuple[str, ...] | None
    hint: str | None


def expand_question(step: QuestionStep, placeholders: Placeholders) -> Question:
    choices = tuple(placeholders.expand(choice) for choice in step.choices) if step.choices else None
    hint = placeholders.expand(step.hint) if step.hint else None
    return Question(placeholders.expand(step.question), placeholders.expand(step.answer), choices, hint)


def normalise(text: str) -> str:
    cleaned = SPACES.sub(" ", text.strip().strip("\"'`").strip())
    if "/" in cleaned or "\\" in cleaned:
        cleaned = posixpath.normpath(cleaned.replace("\\", "/"))
    return cleaned if "/" in cleaned else cleaned.casefold()


def chosen_text(question: Question, given: str) -> str | None:
    """With choices, a number picks one (1-based); the choice's own text is accepted too."""
    if question.choices is None:
        return given
    stripped = given.strip()
    if stripped.isdigit():
        number = int(stripped)
        return question.choices[number - 1] if 1 <= number <= len(question.choices) else None
    matches = [choice for choice in question.choices if normalise(choice) == normalise(given)]
    return matches[0] if matches else None


def is_correct(question: Question, given: str) -> bool:
    chosen = chosen_text(question, given)
    return chosen is not None and normalise(chosen) == normalise(question.answer)
