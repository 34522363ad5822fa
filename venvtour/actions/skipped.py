"""A step whose tool is not installed here: the lesson says so, gives install advice, and goes on."""

from __future__ import annotations

from dataclasses import dataclass

from venvtour.actions.context import StepContext
from venvtour.actions.run import display_command
from venvtour.model import RunStep, Step
from venvtour.tools import INSTALL_ADVICE


@dataclass(frozen=True)
class SkippedResult:
    missing: tuple[str, ...]
    advice: tuple[str, ...]
    command: str | None


def skipped_for(step: Step, missing: tuple[str, ...], context: StepContext) -> SkippedResult:
    """The command is still shown, as the learner would type it, so the step teaches it even unrun."""
    command = display_command(context.placeholders.argv(step.run), context) if isinstance(step, RunStep) else None
    return SkippedResult(missing, tuple(INSTALL_ADVICE[tool] for tool in missing), command)
