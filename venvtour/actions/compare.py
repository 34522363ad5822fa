"""``compare``: two interpreters asked the same questions, each in its own process."""

from __future__ import annotations

from dataclasses import dataclass

from venvtour.actions.context import StepContext
from venvtour.model import CompareStep, FactName
from venvtour.probe import InterpreterFacts


@dataclass(frozen=True)
class CompareResult:
    labels: tuple[str, str]
    facts: tuple[InterpreterFacts, InterpreterFacts]
    fact_names: tuple[FactName, ...]
    show_path: bool


def perform_compare(step: CompareStep, context: StepContext) -> CompareResult:
    (left_label, left), (right_label, right) = step.compare.items()
    facts = (context.facts(context.path(left)), context.facts(context.path(right)))
    return CompareResult((left_label, right_label), facts, step.facts, step.path)
