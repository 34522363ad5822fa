"""The one place a rich Console is made, so colour and width rules hold for every command."""

from __future__ import annotations

import os
from typing import IO

from rich.console import Console
from rich.theme import Theme

THEME = Theme(
    {
        "command": "bold green",
        "added": "green",
        "removed": "red",
        "muted": "grey50",
        "path": "cyan",
        "heading": "bold magenta",
        "warning": "yellow",
        "error": "bold red",
    }
)


def make_console(file: IO[str] | None = None, record: bool = False, width: int | None = None) -> Console:
    """``NO_COLOR`` is honoured by rich itself; ``TERM=dumb`` also turns colour and effects off here."""
    dumb = os.environ.get("TERM") == "dumb"
    return Console(
        file=file,
        record=record,
        width=width,
        theme=THEME,
        no_color=dumb or None,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
