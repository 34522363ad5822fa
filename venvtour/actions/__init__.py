"""Step actions: each does the real thing and returns a result; none of them prints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from venvtour.actions.activation import perform_activate, perform_deactivate
from venvtour.actions.compare import perform_compare
from venvtour.actions.context import StepContext
from venvtour.actions.inspect import perform_inspect
from venvtour.actions.interpreters import perform_interpreters
from venvtour.actions.run import perform_run
from venvtour.actions.show import perform_show
from venvtour.actions.skipped import skipped_for
from venvtour.actions.timing import perform_timing
from venvtour.actions.tree import perform_tree
from venvtour.actions.wheels import perform_wheels
from venvtour.model import Step
from venvtour.tools import find_tool

PERFORMERS: dict[str, Callable[[Any, StepContext], object]] = {
    "run": perform_run,
    "show": perform_show,
    "tree": perform_tree,
    "compare": perform_compare,
    "activate": perform_activate,
    "deactivate": perform_deactivate,
    "inspect": perform_inspect,
    "wheels": perform_wheels,
    "interpreters": perform_interpreters,
    "timing": perform_timing,
}

__all__ = ["StepContext", "perform"]


def perform(step: Step, context: StepContext) -> object | None:
    """Carry out the step's action; a step with only text has nothing to do and returns None.

    A step needing a tool that is not installed is skipped here, with advice, so the lesson goes on.
    """
    missing = tuple(tool for tool in step.requires if find_tool(tool) is None)
    if missing:
        return skipped_for(step, missing, context)
    performer = PERFORMERS.get(step.action)
    return performer(step, context) if performer else None
