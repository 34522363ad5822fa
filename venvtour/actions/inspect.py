"""``inspect``: one interpreter's facts, asked in its own process."""

from __future__ import annotations

from dataclasses import dataclass

from venvtour.actions.context import StepContext
from venvtour.model import FactName, InspectStep
from venvtour.probe import InterpreterFacts


@dataclass(frozen=True)
class InspectResult:
    shown_as: str
    facts: InterpreterFacts
    fact_names: tuple[FactName, ...]


def perform_inspect(step: InspectStep, context: StepContext) -> InspectResult:
    python = context.path(step.inspect)
    return InspectResult(context.placeholders.expand(step.inspect), context.facts(python), step.facts)
