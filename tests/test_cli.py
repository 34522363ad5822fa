"""The commands as a user runs them: real lessons, real workspaces, exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from venvtour import __version__
from venvtour.cli import app
from venvtour.workspace import MARKER

WIDE = {"COLUMNS": "300", "NO_COLOR": "1"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"venvtour {__version__}"


def test_list_shows_the_create_lesson(runner: CliRunner) -> None:
    result = runner.invoke(app, ["list"], env=WIDE)
    assert result.exit_code == 0
    assert "create" in result.output
    assert "Create a virtual environment" in result.output


def test_play_create_shows_what_is_really_on_disk(runner: CliRunner, tmp_path: Path, base_python: Path) -> None:
    workspace = tmp_path / "class room"
    result = runner.invoke(app, ["play", "create", "--no-pause", "--workspace", str(workspace)], env=WIDE)
    assert result.exit_code == 0, result.output
    venv = workspace / ".venv"
    home_line = next(line for line in (venv / "pyvenv.cfg").read_text().splitlines() if line.startswith("home"))
    assert home_line.strip() in result.output
    base_prefix = subprocess.run(
        [str(base_python), "-c", "import sys; print(sys.prefix)"], capture_output=True, text=True, check=True
    ).stdout.strip()
    venv_prefix = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sys; print(sys.prefix)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert base_prefix in result.output
    assert venv_prefix == str(venv)
    assert venv_prefix in result.output
    assert f"+ {venv / 'bin'}" in result.output
    assert "Create a virtual environment: done" in result.output


def test_play_an_unknown_lesson_lists_the_known_ones(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["play", "nope", "--no-pause", "--workspace", str(tmp_path / "ws")], env=WIDE)
    assert result.exit_code == 1
    assert "no lesson 'nope'" in result.output
    assert "create" in result.output
    assert "Traceback" not in result.output


def test_a_failing_step_ends_the_run_with_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    lesson = tmp_path / "fails.yaml"
    lesson.write_text(
        "id: fails\ntitle: Fails\nsummary: x\nsteps:\n"
        "  - run: '{python} -c \"import sys; sys.exit(2)\"'\n"
        "  - run: '{python} -m venv --without-pip second-step-ran'\n"
    )
    workspace = tmp_path / "ws"
    result = runner.invoke(app, ["play", str(lesson), "--no-pause", "--trust", "--workspace", str(workspace)], env=WIDE)
    assert result.exit_code == 1
    assert "step 1 of 'fails' failed" in result.output
    assert not (workspace / "second-step-ran").exists()


def test_play_in_a_foreign_folder_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = runner.invoke(app, ["play", "create", "--no-pause", "--workspace", str(tmp_path)], env=WIDE)
    assert result.exit_code == 1
    assert "did not make" in result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]


def test_play_with_a_missing_python_is_one_message(runner: CliRunner, tmp_path: Path) -> None:
    args = ["play", "create", "--no-pause", "--workspace", str(tmp_path / "ws"), "--python", str(tmp_path / "py")]
    result = runner.invoke(app, args, env=WIDE)
    assert result.exit_code == 1
    assert "no Python interpreter at" in result.output


def test_validate_exit_codes(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("id: good\ntitle: Good\nsummary: x\nsteps:\n  - say: hi\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\nsummary: x\nsteps:\n  - run: x\n    expct: 1\n")
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0
    result = runner.invoke(app, ["validate", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:6: steps[0].expct: unknown key" in result.output


def test_shipped_lessons_validate(runner: CliRunner) -> None:
    lessons = Path(__file__).resolve().parent.parent / "lessons"
    result = runner.invoke(app, ["validate", str(lessons)])
    assert result.exit_code == 0, result.output


def test_clean_removes_only_a_marked_workspace(runner: CliRunner, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("x")
    refused = runner.invoke(app, ["clean", "--workspace", str(foreign)])
    assert refused.exit_code == 1
    assert (foreign / "keep.txt").exists()
    marked = tmp_path / "marked"
    marked.mkdir()
    (marked / MARKER).write_text("{}")
    assert runner.invoke(app, ["clean", "--workspace", str(marked)]).exit_code == 0
    assert not marked.exists()


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "venvtour", "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == f"venvtour {__version__}"
