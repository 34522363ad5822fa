"""How a workspace file looks: annotated ``key = value`` lines, or the text as it is."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from venvtour.actions.show import FileResult
from venvtour.views.prose import prose


def render_show(result: FileResult) -> RenderableType:
    title = Text(result.shown_as, "path")
    if result.missing:
        return Group(Text.assemble((result.shown_as, "path"), (" does not exist here.", "warning")), prose(result.text))
    if not result.entries:
        return Panel(Text(result.text.rstrip("\n")), title=title, title_align="left")
    table = Table(show_header=False, box=None, pad_edge=False, expand=False)
    table.add_column("line", no_wrap=False, ratio=1, overflow="fold")
    table.add_column("note", ratio=1)
    for entry in result.entries:
        line = Text.assemble((entry.key, "bold"), " = ", (entry.value, "path"))
        table.add_row(line, prose(entry.note) if entry.note else Text(""))
    return Group(Panel(table, title=title, title_align="left"))
