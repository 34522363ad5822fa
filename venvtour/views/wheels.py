"""How the written demo wheels look: each file with its size."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from venvtour.actions.wheels import WheelsResult


def render_wheels(result: WheelsResult) -> RenderableType:
    lines = [Text.assemble(("wrote into ", "muted"), (result.shown_as + "/", "path"))]
    for wheel in result.wheels:
        lines.append(Text.assemble("  ", (wheel.name, "path"), (f"  {wheel.stat().st_size} bytes", "muted")))
    return Group(*lines)
