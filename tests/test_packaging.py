"""The built wheel carries the lessons and the probe, and works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True,
    )
    return next(out.glob("venvtour-*.whl"))


def test_the_wheel_ships_every_lesson_and_the_probe(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {path.name for path in (REPO / "lessons").glob("*.yaml")}
    assert {f"venvtour/lessons/{name}" for name in shipped} <= names
    assert "venvtour/probe_script.py" in names
    assert "venvtour/lessons/lesson.schema.json" in names


def test_the_installed_wheel_lists_lessons_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)], check=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "COLUMNS": "200"}
    code = "import venvtour, sys; print(venvtour.__file__); sys.argv = ['venvtour', 'list']; venvtour.cli.main()"
    result = subprocess.run(
        [sys.executable, "-c", "import venvtour.cli\n" + code], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(str(target))
    assert "create" in result.stdout
