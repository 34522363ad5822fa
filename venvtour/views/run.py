"""How a command and its real output look."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from venvtour.actions.run import RunResult


def render_run(result: RunResult) -> RenderableType:
    return Group(Text.assemble(("$ ", "muted"), (result.command, "command")), render_outcome(result))


def render_outcome(result: RunResult) -> RenderableType:
    """What the command printed and how it ended: all that follows a command a presenter has typed out."""
    parts: list[RenderableType] = []
    output = result.result.output.rstrip()
    if output:
        parts.append(Text(output))
    verdict = "failed, as expected" if result.expect == "failure" else "done"
    parts.append(Text(f"exit code {result.result.returncode} · {result.result.seconds:.2f} s · {verdict}", "muted"))
    return Group(*parts)
