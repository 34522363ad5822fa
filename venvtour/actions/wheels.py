"""``wheels``: the demo-lib wheels written into the workspace, for installs that need no network."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from venvtour.actions.context import StepContext
from venvtour.demo_packages import write_wheels
from venvtour.errors import StepFailed
from venvtour.model import WheelsStep


@dataclass(frozen=True)
class WheelsResult:
    shown_as: str
    wheels: tuple[Path, ...]


def perform_wheels(step: WheelsStep, context: StepContext) -> WheelsResult:
    folder = context.path(step.wheels)
    try:
        written = write_wheels(folder)
    except OSError as error:
        raise StepFailed(f"could not write the demo wheels into {step.wheels}: {error.strerror or error}") from None
    return WheelsResult(context.placeholders.expand(step.wheels), written)
