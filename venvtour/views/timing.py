"""How the measured times look: one row per tool, the median and the spread, missing tools marked."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from venvtour.actions.timing import Timing, TimingResult


def row(timing: Timing) -> tuple[Text, Text, Text]:
    label = Text(timing.label, "command")
    if timing.missing:
        return label, Text(f"{timing.missing} is not installed", "muted"), Text("")
    if timing.problem or timing.median is None:
        return label, Text(f"failed: {timing.problem}", "warning"), Text("")
    spread = f"{min(timing.seconds):.3f} to {max(timing.seconds):.3f} s"
    return label, Text(f"{timing.median:.3f} s"), Text(spread, "muted")


def render_timing(result: TimingResult) -> RenderableType:
    table = Table(title=f"Making one venv, measured here ({result.runs} runs each)", title_justify="left")
    table.add_column("command")
    table.add_column("median", justify="right")
    table.add_column("fastest to slowest")
    for timing in result.timings:
        table.add_row(*row(timing))
    measured = [timing for timing in result.timings if timing.median]
    parts: list[RenderableType] = [table]
    if len(measured) > 1:
        fastest = min(measured, key=lambda timing: timing.median or 0.0)
        parts.append(Text(f"Fastest here: {fastest.label}.", "added"))
    return Group(*parts)
