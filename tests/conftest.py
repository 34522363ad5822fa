"""Shared fixtures: real interpreters and real, fresh workspaces in tmp_path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from venvtour.commands.common import default_python
from venvtour.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def base_python() -> Path:
    """The base interpreter behind the test run: the tour's default python."""
    return Path(default_python())


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """A fresh workspace whose path has a space and a non-ASCII letter, as users' folders do."""
    return Workspace.open(tmp_path / "my work é")


@pytest.fixture(scope="session")
def shared_venv(tmp_path_factory: pytest.TempPathFactory, base_python: Path) -> Path:
    """One real venv (without pip, for speed) for tests that only read it."""
    import subprocess

    folder = tmp_path_factory.mktemp("shared") / "venv dir"
    subprocess.run([str(base_python), "-m", "venv", "--without-pip", str(folder)], check=True)
    return folder


@pytest.fixture(scope="session")
def this_python() -> Path:
    return Path(sys.executable)
