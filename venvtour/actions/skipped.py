"""A step whose tool is not installed here: the lesson says so, gives install advice, and goes on."""

from __future__ import annotations

from dataclasses import dataclass

from venvtour.tools import INSTALL_ADVICE


@dataclass(frozen=True)
class SkippedResult:
    missing: tuple[str, ...]
    advice: tuple[str, ...]


def skipped_for(missing: tuple[str, ...]) -> SkippedResult:
    return SkippedResult(missing, tuple(INSTALL_ADVICE[tool] for tool in missing))
