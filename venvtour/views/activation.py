"""How activation looks: the shell's state before and after, and PATH as entries added or removed."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from venvtour.actions.activation import ActivationResult
from venvtour.shells.base import WATCHED, Snapshot

ROWS = ("prompt", *[name for name in WATCHED if name != "PATH"], "python")
ROW_LABELS = {"prompt": "prompt (as drawn)", "python": "`python` runs"}


def path_changes(old: Snapshot, new: Snapshot, separator: str) -> list[Text]:
    old_entries = (old.get("PATH") or "").split(separator)
    new_entries = (new.get("PATH") or "").split(separator)
    lines = [
        Text(f"+ {entry}   (position {position} of {len(new_entries)})", "added")
        for position, entry in enumerate(new_entries, 1)
        if entry not in old_entries
    ]
    lines += [Text(f"- {entry}", "removed") for entry in old_entries if entry not in new_entries]
    return lines or [Text("PATH is unchanged", "muted")]


def shown(value: str | None) -> Text:
    return Text("(unset)", "muted") if value is None else Text(repr(value)[1:-1] if value == "" else value)


def render_activation(result: ActivationResult) -> RenderableType:
    capture = result.capture
    old_side, new_side = result.sides
    old, new = getattr(capture, old_side), getattr(capture, new_side)
    verb = "source" if result.phase == "activate" else "deactivate in"
    heading = Text.assemble(
        (f"{capture.shell} ", "bold"), (f"({capture.program}) ", "muted"), f"{verb} ", (str(capture.script), "path")
    )
    table = Table(expand=True)
    table.add_column("", style="bold", no_wrap=True)
    table.add_column(old_side, ratio=2, overflow="fold")
    table.add_column(new_side, ratio=2, overflow="fold")
    for name in ROWS:
        style = "" if old.get(name) == new.get(name) else "yellow"
        table.add_row(ROW_LABELS.get(name, name), shown(old.get(name)), shown(new.get(name)), style=style)
    parts: list[RenderableType] = [
        heading,
        table,
        Text("PATH:", "bold"),
        *path_changes(old, new, capture.path_separator),
    ]
    if result.phase == "deactivate":
        same = capture.restored == capture.before
        verdict = "everything is back as it was before activation" if same else "not everything is as it was"
        parts.append(Text(("✓ " if same else "✗ ") + verdict, "added" if same else "error"))
    return Group(*parts)
