"""How the interpreters found look, and the venvs each one pinned."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from venvtour.actions.interpreters import InterpretersResult

MAX_FAILED_SHOWN = 6


def found_table(result: InterpretersResult) -> Table:
    table = Table(title="Python interpreters found here", title_justify="left", expand=True)
    table.add_column("found by")
    table.add_column("path", ratio=3, overflow="fold")
    table.add_column("version")
    for found in result.found:
        if found.version:
            table.add_row(found.source, Text(found.path, "path"), found.version)
    return table


def failed_lines(result: InterpretersResult) -> list[RenderableType]:
    """Often a dozen pyenv shims: their names on one line and one reason as an example, not a wall of errors."""
    failed = [found for found in result.found if found.problem]
    if not failed:
        return []
    names = ", ".join(found.path for found in failed[:MAX_FAILED_SHOWN])
    more = f" and {len(failed) - MAX_FAILED_SHOWN} more" if len(failed) > MAX_FAILED_SHOWN else ""
    return [
        Text(f"Left out, because they did not answer as Python 3: {names}{more}.", "muted"),
        Text(f"For example: {failed[0].problem}", "muted"),
    ]


def venvs_table(result: InterpretersResult) -> Table:
    table = Table(title="One venv per version: what each one pins", title_justify="left", expand=True)
    table.add_column("venv", overflow="fold")
    table.add_column("pyvenv.cfg home", ratio=2, overflow="fold")
    table.add_column("pyvenv.cfg version")
    table.add_column("its python runs")
    for venv in result.venvs:
        table.add_row(Text(venv.folder, "path"), Text(venv.home, "path"), venv.cfg_version, venv.runs_version)
    return table


def render_interpreters(result: InterpretersResult) -> RenderableType:
    parts: list[RenderableType] = [found_table(result), *failed_lines(result), venvs_table(result)]
    if len(result.venvs) == 1:
        parts.append(Text("Only one Python version was found here, so there is one venv to show.", "warning"))
    parts.extend(Text(problem, "warning") for problem in result.problems)
    return Group(*parts)
