"""The lesson table shown by `list`, `progress` and a bare `venvtour`: light, so those commands start fast."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich import box
from rich.table import Table
from rich.text import Text


@dataclass(frozen=True)
class LessonRow:
    """One line of the lesson table: what `list`, `progress` and a bare `venvtour` show."""

    number: int
    lesson_id: str
    title: str
    done: int
    total: int


def lessons_table(rows: Iterable[LessonRow]) -> Table:
    """Lessons with their progress; a finished one gets a tick so a learner sees where they are."""
    table = Table("#", "id", "title", "done", box=box.SIMPLE_HEAD)
    for row in rows:
        mark = "✓" if row.total and row.done >= row.total else ""
        done = Text(f"{row.done}/{row.total} {mark}".rstrip(), "added" if mark else ("" if row.done else "muted"))
        table.add_row(str(row.number), Text(row.lesson_id, "command"), row.title, done)
    return table
