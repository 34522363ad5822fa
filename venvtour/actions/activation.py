"""``activate`` and ``deactivate``: a real shell sources the venv's script; we read what changed."""

from __future__ import annotations

from dataclasses import dataclass

from venvtour.actions.context import StepContext
from venvtour.actions.skipped import SkippedResult, skipped_for
from venvtour.model import ActivateStep, DeactivateStep, Step
from venvtour.shells import ActivationCapture, choose_shell


@dataclass(frozen=True)
class ActivationResult:
    capture: ActivationCapture
    phase: str

    @property
    def sides(self) -> tuple[str, str]:
        return ("before", "after") if self.phase == "activate" else ("after", "restored")


def capture_for(venv_text: str, shell_name: str | None, context: StepContext) -> ActivationCapture:
    """One shell run serves both the activate and the deactivate step of the same venv."""
    shell = choose_shell(shell_name)
    venv = context.path(venv_text)
    key = (venv, shell.name)
    if key not in context.captures:
        context.captures[key] = shell.capture(context.venv_scripts(venv))
    return context.captures[key]


def missing_shell(step: Step, name: str | None, context: StepContext) -> SkippedResult | None:
    """A shell the lesson names but this machine lacks: the lesson says so and goes on."""
    if name is None:
        return None
    shell = choose_shell(name)
    return None if shell.find() else skipped_for(step, (shell.name,), context)


def perform_activate(step: ActivateStep, context: StepContext) -> ActivationResult | SkippedResult:
    return missing_shell(step, step.shell, context) or ActivationResult(
        capture_for(step.activate, step.shell, context), "activate"
    )


def perform_deactivate(step: DeactivateStep, context: StepContext) -> ActivationResult | SkippedResult:
    return missing_shell(step, step.shell, context) or ActivationResult(
        capture_for(step.deactivate, step.shell, context), "deactivate"
    )
