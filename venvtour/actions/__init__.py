"""Step actions: each does the real thing and returns a result; none of them prints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from venvtour.actions.activation import perform_activate, perform_deactivate
from venvtour.actions.compare import perform_compare
from venvtour.actions.context import StepContext
from venvtour.actions.run import perform_run
from venvtour.actions.show import perform_show
from venvtour.actions.tree import perform_tree
from venvtour.model import Step

PERFORMERS: dict[str, Callable[[Any, StepContext], object]] = {
    "run": perform_run,
    "show": perform_show,
    "tree": perform_tree,
    "compare": perform_compare,
    "activate": perform_activate,
    "deactivate": perform_deactivate,
}

__all__ = ["StepContext", "perform"]


def perform(step: Step, context: StepContext) -> object | None:
    """Carry out the step's action; a step with only text has nothing to do and returns None."""
    performer = PERFORMERS.get(step.action)
    return performer(step, context) if performer else None
