"""progress.json: saved after every step, replaced atomically, a corrupt file set aside and never lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from venvtour.errors import WorkspaceError
from venvtour.progress import FILE_NAME, load_progress
from venvtour.workspace import Workspace


def test_steps_done_are_saved_and_read_back(workspace: Workspace) -> None:
    progress = load_progress(workspace.root)
    progress.mark_done("create", 0, 3)
    progress.mark_done("create", 1, 3)
    again = load_progress(workspace.root)
    assert again.of("create").done == {0, 1}
    assert again.of("create").next_step() == 2
    assert again.last_lesson == "create"
    assert again.of("create").updated.endswith("+00:00")


def test_a_finished_lesson_starts_again_at_its_first_step(workspace: Workspace) -> None:
    progress = load_progress(workspace.root)
    for index in range(3):
        progress.mark_done("create", index, 3)
    assert load_progress(workspace.root).of("create").finished
    assert load_progress(workspace.root).of("create").next_step() == 0


def test_a_corrupt_file_is_set_aside_with_a_warning(workspace: Workspace) -> None:
    (workspace.root / FILE_NAME).write_text('{"format": 1, "lessons": {"create": {"done": [0', encoding="utf-8")
    progress = load_progress(workspace.root)
    assert progress.warning is not None and "could not be read" in progress.warning
    assert progress.lessons == {}
    aside = list(workspace.root.glob(f"{FILE_NAME}.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8").startswith('{"format": 1')
    assert not (workspace.root / FILE_NAME).exists()


@pytest.mark.parametrize(
    "content",
    ["[]", '{"format": 2, "lessons": {}}', '{"format": 1, "lessons": {"x": {"done": ["a"], "total": 1}}}', "\x00\xff"],
)
def test_well_formed_json_of_the_wrong_shape_is_also_corrupt(workspace: Workspace, content: str) -> None:
    (workspace.root / FILE_NAME).write_text(content, encoding="utf-8")
    assert load_progress(workspace.root).warning is not None


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    progress = load_progress(workspace.root)
    progress.mark_done("create", 0, 3)
    before = (workspace.root / FILE_NAME).read_text(encoding="utf-8")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(WorkspaceError, match="No space left on device"):
        progress.mark_done("create", 1, 3)
    assert (workspace.root / FILE_NAME).read_text(encoding="utf-8") == before
    assert sorted(path.name for path in workspace.root.iterdir()) == [".venvtour-workspace", FILE_NAME]


def test_clear_one_lesson_or_all(workspace: Workspace) -> None:
    progress = load_progress(workspace.root)
    progress.mark_done("a", 0, 2)
    progress.mark_done("b", 0, 2)
    progress.clear("a")
    assert set(load_progress(workspace.root).lessons) == {"b"}
    progress.clear()
    assert json.loads((workspace.root / FILE_NAME).read_text())["lessons"] == {}


def test_reset_keeps_the_progress(workspace: Workspace) -> None:
    load_progress(workspace.root).mark_done("a", 0, 2)
    (workspace.root / ".venv").mkdir()
    workspace.reset()
    assert load_progress(workspace.root).of("a").done == {0}
    assert not (workspace.root / ".venv").exists()


def test_no_file_means_a_clean_start(tmp_path: Path) -> None:
    progress = load_progress(tmp_path)
    assert progress.lessons == {} and progress.warning is None
