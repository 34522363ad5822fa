"""``show``: a file of the workspace, with notes on the ``key = value`` lines it really has."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from venvtour.actions.context import StepContext
from venvtour.errors import StepFailed
from venvtour.model import ShowStep

MAX_SHOWN_BYTES = 64 * 1024


@dataclass(frozen=True)
class ConfigEntry:
    key: str
    value: str
    note: str | None


@dataclass(frozen=True)
class FileResult:
    path: Path
    shown_as: str
    text: str
    entries: tuple[ConfigEntry, ...]
    missing: bool = False


def config_entries(text: str, notes: dict[str, str]) -> tuple[ConfigEntry, ...]:
    entries = []
    for line in text.splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            entries.append(ConfigEntry(key.strip(), value.strip(), notes.get(key.strip().lower())))
    return tuple(entries)


def perform_show(step: ShowStep, context: StepContext) -> FileResult:
    path = context.path(step.show)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SHOWN_BYTES)
    except FileNotFoundError:
        if step.if_missing is not None:
            shown = context.placeholders.expand(step.show)
            return FileResult(path, shown, context.placeholders.expand(step.if_missing), (), missing=True)
        raise StepFailed(f"{step.show} does not exist in the workspace") from None
    except IsADirectoryError:
        raise StepFailed(f"{step.show} is a folder; use a tree step to show it") from None
    text = data.decode("utf-8", errors="replace")
    entries = config_entries(text, {key.lower(): note for key, note in step.notes.items()}) if step.notes else ()
    return FileResult(path, context.placeholders.expand(step.show), text, entries)
