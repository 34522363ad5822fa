"""The workspace is created and marked by venvtour, and nothing unmarked is ever emptied or removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from venvtour.errors import WorkspaceError
from venvtour.workspace import MARKER, Workspace, remove_workspace


def test_open_creates_and_marks_a_new_folder(tmp_path: Path) -> None:
    space = Workspace.open(tmp_path / "new ws ü")
    assert (space.root / MARKER).is_file()


def test_open_reuses_a_marked_folder_with_files(tmp_path: Path) -> None:
    space = Workspace.open(tmp_path / "ws")
    (space.root / "kept.txt").write_text("x")
    assert Workspace.open(tmp_path / "ws").root == space.root
    assert (space.root / "kept.txt").read_text() == "x"


def test_open_refuses_a_foreign_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "project.py").write_text("print('mine')")
    with pytest.raises(WorkspaceError, match="did not make"):
        Workspace.open(tmp_path)
    assert not (tmp_path / MARKER).exists()


def test_open_reports_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("x")
    with pytest.raises(WorkspaceError, match="not writable"):
        Workspace.open(tmp_path / "a file" / "ws")


def test_lesson_paths_may_not_climb_out(tmp_path: Path) -> None:
    space = Workspace.open(tmp_path / "ws")
    assert space.path(".venv/bin") == space.root / ".venv" / "bin"
    with pytest.raises(WorkspaceError, match="outside the workspace"):
        space.path("../elsewhere")


def test_reset_keeps_the_marker_and_progress(tmp_path: Path) -> None:
    space = Workspace.open(tmp_path / "ws")
    (space.root / "progress.json").write_text("{}")
    (space.root / ".venv" / "bin").mkdir(parents=True)
    (space.root / "link").symlink_to(tmp_path)
    space.reset()
    assert sorted(entry.name for entry in space.root.iterdir()) == [MARKER, "progress.json"]
    assert tmp_path.is_dir()


def test_clean_refuses_a_folder_without_the_marker(tmp_path: Path) -> None:
    folder = tmp_path / "precious"
    folder.mkdir()
    (folder / "thesis.tex").write_text("years of work")
    with pytest.raises(WorkspaceError, match="did not make it"):
        remove_workspace(folder)
    assert (folder / "thesis.tex").read_text() == "years of work"


def test_clean_removes_a_marked_workspace(tmp_path: Path) -> None:
    space = Workspace.open(tmp_path / "ws")
    (space.root / ".venv").mkdir()
    remove_workspace(space.root)
    assert not space.root.exists()


def test_clean_of_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no workspace"):
        remove_workspace(tmp_path / "nothing")
