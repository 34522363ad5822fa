"""How one interpreter's facts look: a two-column table."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from venvtour.actions.inspect import InspectResult
from venvtour.views.compare import FACT_LABEL_WIDTH, FACT_LABELS, fact_text


def render_inspect(result: InspectResult) -> RenderableType:
    table = Table(title=Text(f"{result.shown_as}, asked live", "path"), title_justify="left", expand=True)
    table.add_column("fact", style="bold", width=FACT_LABEL_WIDTH)
    table.add_column("value", ratio=3, overflow="fold")
    for name in result.fact_names:
        table.add_row(FACT_LABELS[name], fact_text(result.facts, name))
    return table
