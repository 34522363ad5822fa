"""How a workspace file looks: annotated ``key = value`` lines, or the text as it is."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from venvtour.actions.show import FileResult
from venvtour.views.prose import prose

NOTE_INDENT = 4


def render_show(result: FileResult) -> RenderableType:
    title = Text(result.shown_as, "path")
    if result.missing:
        return Group(Text.assemble((result.shown_as, "path"), (" does not exist here.", "warning")), prose(result.text))
    if not result.entries:
        return Panel(Text(result.text.rstrip("\n")), title=title, title_align="left")
    return Panel(Group(*annotated_lines(result)), title=title, title_align="left")


def annotated_lines(result: FileResult) -> Iterator[RenderableType]:
    """Each line whole, as in the file, and its note indented beneath it: one layout for 80 columns and 200."""
    for entry in result.entries:
        yield Text.assemble((entry.key, "bold"), " = ", (entry.value, "path"), overflow="fold")
        if entry.note:
            yield Padding(prose(entry.note), (0, 0, 0, NOTE_INDENT), style="muted")
