"""The `activate` and `deactivate` lessons played to the end, as a user would, in fresh workspaces.

Each lesson is played once per module; the tests read the facts it showed and check them against
the venv it made.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from venvtour.cli import app

pytestmark = pytest.mark.skipif(
    os.name == "nt" or shutil.which("bash") is None, reason="the lessons run bash and sh on a POSIX layout"
)

LESSONS = Path(__file__).resolve().parent.parent / "lessons"
WIDE = {"COLUMNS": "400", "NO_COLOR": "1"}


@dataclass(frozen=True)
class Played:
    venv: Path
    home: Path
    output: str


def play(lesson: str, root: Path, path: str | None = None) -> Played:
    """Play with an empty home folder and no venv active, so what the lesson shows depends on it alone."""
    workspace, home = root / "my work é", root / "home"
    home.mkdir()
    env = {**WIDE, "HOME": str(home), "VIRTUAL_ENV": None, "XDG_CONFIG_HOME": None, "XDG_DATA_HOME": None}
    if path is not None:
        env["PATH"] = path
    result = CliRunner().invoke(app, ["play", lesson, "--no-pause", "--workspace", str(workspace)], env=env)
    assert result.exit_code == 0, result.output
    return Played(workspace / ".venv", home, result.output)


@pytest.fixture(scope="module")
def activate(tmp_path_factory: pytest.TempPathFactory) -> Played:
    return play("activate", tmp_path_factory.mktemp("activate"))


@pytest.fixture(scope="module")
def deactivate(tmp_path_factory: pytest.TempPathFactory) -> Played:
    return play("deactivate", tmp_path_factory.mktemp("deactivate"))


def test_both_lessons_validate_without_warnings() -> None:
    files = [str(LESSONS / "04-activate.yaml"), str(LESSONS / "05-deactivate.yaml")]
    result = CliRunner().invoke(app, ["validate", *files], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "warning:" not in result.output


def test_both_lessons_are_in_the_catalog() -> None:
    result = CliRunner().invoke(app, ["list"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Activate a virtual environment" in result.output
    assert "Deactivate a virtual environment" in result.output


def test_activate_ends_and_makes_its_own_venv(activate: Played) -> None:
    assert (activate.venv / "pyvenv.cfg").is_file()
    assert "Activate a virtual environment: done" in activate.output


def test_activation_puts_the_venv_scripts_first_on_path(activate: Played) -> None:
    assert f"+ {activate.venv / 'bin'}   (position 1 of" in activate.output


def test_executing_activate_changes_nothing(activate: Played) -> None:
    assert "Permission denied" in activate.output
    assert "VIRTUAL_ENV before: (unset)" in activate.output
    assert "VIRTUAL_ENV after running it: (unset)" in activate.output


def test_the_venv_python_knows_its_venv_without_activation(activate: Played) -> None:
    assert str(activate.venv) in activate.output.splitlines()


def test_the_scripts_of_every_shell_are_listed(activate: Played) -> None:
    for script in ("activate", "activate.csh", "activate.fish", "Activate.ps1"):
        assert (activate.venv / "bin" / script).is_file()
        assert f"── {script}" in activate.output


def test_fish_activates_or_is_reported_missing(activate: Played) -> None:
    if shutil.which("fish"):
        assert f"fish ({shutil.which('fish')}) source {activate.venv / 'bin' / 'activate.fish'}" in activate.output
    else:
        assert "fish is not installed here, so this step is skipped." in activate.output


def test_csh_activates_or_is_reported_missing(activate: Played) -> None:
    if shutil.which("tcsh") or shutil.which("csh"):
        assert f"source {activate.venv / 'bin' / 'activate.csh'}" in activate.output
        assert "(.venv) %#" in activate.output
    else:
        assert "csh is not installed here, so this step is skipped." in activate.output


def test_without_fish_and_csh_the_lesson_says_so_and_goes_on(tmp_path: Path) -> None:
    """A PATH holding only bash and sh: the shell steps report what is missing, and the lesson still ends."""
    only = tmp_path / "only bash and sh"
    only.mkdir()
    for program in ("bash", "sh"):
        (only / program).symlink_to(shutil.which(program) or program)
    played = play("activate", tmp_path, path=str(only))
    assert "fish is not installed here, so this step is skipped." in played.output
    assert "csh is not installed here, so this step is skipped." in played.output
    assert f"+ {played.venv / 'bin'}   (position 1 of 2)" in played.output
    assert "Activate a virtual environment: done" in played.output


def test_the_shells_leave_the_home_folder_alone(activate: Played) -> None:
    """fish makes its config and data folders, and shells may save history; none of that may land in the home."""
    written = {path.relative_to(activate.home).as_posix() for path in activate.home.rglob("*")}
    assert not written & {".config", ".local", ".bash_history", ".zsh_history", ".history"}


def test_deactivate_restores_everything(deactivate: Played) -> None:
    assert f"- {deactivate.venv / 'bin'}" in deactivate.output
    assert "everything is back as it was before activation" in deactivate.output
    assert "Deactivate a virtual environment: done" in deactivate.output


def test_deactivate_is_a_function_that_removes_itself(deactivate: Played) -> None:
    assert "after activate: function" in deactivate.output
    assert "PATH is the saved value again" in deactivate.output
    assert "_OLD_VIRTUAL_PATH: (unset)" in deactivate.output
    assert "deactivate is now: function" not in deactivate.output


def test_a_child_shell_inherits_variables_but_not_the_function(deactivate: Played) -> None:
    assert f"VIRTUAL_ENV in the child: {deactivate.venv}" in deactivate.output
    assert "deactivate in the child: function" not in deactivate.output
