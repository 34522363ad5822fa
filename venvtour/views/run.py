"""How a command and its real output look."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from venvtour.actions.run import RunResult


def render_run(result: RunResult) -> RenderableType:
    parts: list[RenderableType] = [Text.assemble(("$ ", "muted"), (result.command, "command"))]
    output = result.result.output.rstrip()
    if output:
        parts.append(Text(output))
    verdict = "failed, as expected" if result.expect == "failure" else "done"
    parts.append(Text(f"exit code {result.result.returncode} · {result.result.seconds:.2f} s · {verdict}", "muted"))
    return Group(*parts)
