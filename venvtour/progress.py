"""Which lessons and steps a learner finished in one workspace, kept in ``<workspace>/progress.json``.

The file is replaced atomically (a temporary file, then ``os.replace``), so a crash, Ctrl-C or a full
disk leaves either the old file or the new one, never half of one. A file that cannot be read is set
aside under a new name rather than deleted: it is the learner's, and the tour simply starts clean.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from venvtour.errors import WorkspaceError

FILE_NAME = "progress.json"
FORMAT = 1


@dataclass
class LessonProgress:
    done: set[int] = field(default_factory=set)
    total: int = 0
    updated: str = ""

    @property
    def finished(self) -> bool:
        return self.total > 0 and len(self.done) >= self.total

    def next_step(self) -> int:
        """The step after the last finished one; a finished lesson starts again at its first step."""
        if not self.done or self.finished:
            return 0
        return min(max(self.done) + 1, self.total - 1)


@dataclass
class Progress:
    """Step numbers are 0-based here; people see them 1-based."""

    path: Path
    lessons: dict[str, LessonProgress] = field(default_factory=dict)
    last_lesson: str | None = None
    warning: str | None = None

    def of(self, lesson_id: str) -> LessonProgress:
        return self.lessons.get(lesson_id) or LessonProgress()

    def mark_done(self, lesson_id: str, index: int, total: int) -> None:
        """Record one finished step and write the file at once, so Ctrl-C a moment later loses nothing."""
        entry = self.lessons.setdefault(lesson_id, LessonProgress())
        entry.done.add(index)
        entry.total = total
        entry.updated = now()
        self.last_lesson = lesson_id
        self.save()

    def clear(self, lesson_id: str | None = None) -> None:
        if lesson_id is None:
            self.lessons.clear()
            self.last_lesson = None
        else:
            self.lessons.pop(lesson_id, None)
            if self.last_lesson == lesson_id:
                self.last_lesson = None
        self.save()

    def save(self) -> None:
        write_atomically(self.path, json.dumps(to_json(self), indent=2) + "\n")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_json(progress: Progress) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "last_lesson": progress.last_lesson,
        "lessons": {
            lesson_id: {"done": sorted(entry.done), "total": entry.total, "updated": entry.updated}
            for lesson_id, entry in progress.lessons.items()
        },
    }


def from_json(path: Path, data: Any) -> Progress:
    """Check every field; anything unexpected raises ValueError and the file is treated as corrupt."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("lessons"), dict):
        raise ValueError("not a venvtour progress file")
    last = data.get("last_lesson")
    if last is not None and not isinstance(last, str):
        raise ValueError("last_lesson is not a lesson id")
    lessons = {}
    for lesson_id, entry in data["lessons"].items():
        done, total, updated = entry.get("done"), entry.get("total"), entry.get("updated")
        if not (isinstance(done, list) and all(isinstance(i, int) and i >= 0 for i in done)):
            raise ValueError(f"{lesson_id}: done is not a list of step numbers")
        if not isinstance(total, int) or not isinstance(updated, str):
            raise ValueError(f"{lesson_id}: total or updated is missing")
        lessons[lesson_id] = LessonProgress(set(done), total, updated)
    return Progress(path, lessons, last)


def load_progress(workspace_root: Path) -> Progress:
    """The saved progress, or a clean one; a corrupt file is renamed and a warning is left to show."""
    path = workspace_root / FILE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Progress(path)
    except OSError as error:
        raise WorkspaceError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return from_json(path, json.loads(text))
    except (ValueError, AttributeError, UnicodeDecodeError) as error:
        aside = set_aside(path)
        return Progress(path, warning=f"{path} could not be read ({error}); it was moved to {aside.name}")


def set_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    path.rename(aside)
    return aside


def write_atomically(path: Path, text: str) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise WorkspaceError(f"could not save progress to {path}: {error.strerror or error}") from None
        raise
