"""``tree``: a folder of the workspace as it is on disk, symlinks with their targets."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from venvtour.actions.context import StepContext
from venvtour.errors import StepFailed
from venvtour.model import TreeStep

MAX_ENTRIES_PER_FOLDER = 12


@dataclass(frozen=True)
class TreeEntry:
    name: str
    kind: str
    target: str | None
    children: tuple[TreeEntry, ...]
    hidden: int


@dataclass(frozen=True)
class TreeResult:
    shown_as: str
    root: TreeEntry


def entry_kind(path: Path) -> str:
    if path.is_symlink():
        return "symlink"
    return "folder" if path.is_dir() else "file"


def read_entry(path: Path, depth: int) -> TreeEntry:
    kind = entry_kind(path)
    target = os.readlink(path) if kind == "symlink" else None
    if kind != "folder" or depth == 0:
        return TreeEntry(path.name, kind, target, (), 0)
    listing = sorted(path.iterdir(), key=lambda child: (entry_kind(child) == "file", child.name))
    children = tuple(read_entry(child, depth - 1) for child in listing[:MAX_ENTRIES_PER_FOLDER])
    return TreeEntry(path.name, kind, None, children, max(0, len(listing) - MAX_ENTRIES_PER_FOLDER))


def perform_tree(step: TreeStep, context: StepContext) -> TreeResult:
    path = context.path(step.tree)
    if not path.is_dir():
        raise StepFailed(f"{step.tree} is not a folder in the workspace")
    return TreeResult(context.placeholders.expand(step.tree), read_entry(path, step.depth))
