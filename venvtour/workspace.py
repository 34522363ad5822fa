"""The folder where the tour makes its real venvs, and the rules that keep the tour inside it.

A marker file says venvtour made the folder; nothing without it is ever emptied or removed, and
lesson paths may not climb out of it.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from venvtour import __version__
from venvtour.errors import WorkspaceError

MARKER = ".venvtour-workspace"
KEPT_ON_RESET = frozenset({MARKER, "progress.json"})


@dataclass(frozen=True)
class Workspace:
    """An existing, marked folder that the tour owns."""

    root: Path

    @classmethod
    def open(cls, root: Path) -> Workspace:
        """Use ``root``, creating and marking it if needed; refuse a foreign folder that holds files."""
        root = Path(os.path.abspath(root))
        if root.exists() and not root.is_dir():
            raise WorkspaceError(f"workspace {root} is a file, not a folder")
        if root.is_dir() and not (root / MARKER).is_file() and any(root.iterdir()):
            raise WorkspaceError(
                f"workspace {root} already holds files that venvtour did not make; choose an empty or a new folder"
            )
        try:
            root.mkdir(parents=True, exist_ok=True)
            marker = root / MARKER
            if not marker.is_file():
                marker.write_text(marker_text(), encoding="utf-8")
        except OSError as error:
            raise WorkspaceError(f"workspace {root} is not writable: {error.strerror or error}") from None
        return cls(root)

    def path(self, relative: str) -> Path:
        """A path inside the workspace; a lesson path that climbs out of it is refused."""
        candidate = Path(os.path.normpath(self.root / relative))
        if candidate != self.root and self.root not in candidate.parents:
            raise WorkspaceError(f"{relative} is outside the workspace {self.root}")
        return candidate

    def reset(self) -> None:
        """Remove everything the lessons made, keeping the marker and the learner's progress."""
        for entry in self.root.iterdir():
            if entry.name not in KEPT_ON_RESET:
                remove(entry)


def marker_text() -> str:
    return json.dumps({"made_by": "venvtour", "version": __version__, "created": datetime.now(UTC).isoformat()})


def remove(entry: Path) -> None:
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry)
    else:
        entry.unlink()


def remove_workspace(root: Path) -> None:
    """Delete a workspace folder, but only one that carries venvtour's marker."""
    root = Path(os.path.abspath(root))
    if not root.exists():
        raise WorkspaceError(f"there is no workspace at {root}")
    if not (root / MARKER).is_file():
        raise WorkspaceError(f"{root} has no {MARKER} marker: venvtour did not make it, so it will not remove it")
    try:
        shutil.rmtree(root)
    except OSError as error:
        raise WorkspaceError(f"could not remove {root}: {error.strerror or error}") from None
