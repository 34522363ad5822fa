"""How a step looks when a tool it needs is not installed: what is missing and how to get it."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from venvtour.actions.skipped import SkippedResult
from venvtour.views.prose import prose


def render_skipped(result: SkippedResult) -> RenderableType:
    parts: list[RenderableType] = []
    if result.command:
        parts.append(Text.assemble(("$ ", "muted"), (result.command, "command"), ("   (not run)", "muted")))
    for tool, advice in zip(result.missing, result.advice, strict=True):
        parts.append(Text(f"{tool} is not installed here, so this step is skipped.", "warning"))
        parts.append(prose(advice))
    return Group(*parts)
