"""Each shell module against its real shell: a real venv is activated and deactivated, and the state read back.

A shell that is not installed here is skipped, never faked.
"""

from __future__ import annotations

import base64
import os
import subprocess
from pathlib import Path

import pytest

from venvtour.errors import StepFailed
from venvtour.shells import SHELLS, choose_shell
from venvtour.shells.base import FIELD, RECORD, parse_snapshots

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX shells and the bin/ layout")

VENV_NAME = "my venv"


def installed(name: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(SHELLS[name].find() is None, reason=f"{name} is not installed")


ALL_SHELLS = [pytest.param(name, marks=installed(name)) for name in SHELLS]
UNSETS_PYTHONHOME = [pytest.param(name, marks=installed(name)) for name in ("bash", "zsh", "fish", "powershell")]


@pytest.fixture(autouse=True)
def no_venv_active(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run from an activated venv would otherwise start with its VIRTUAL_ENV already set."""
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, base_python: Path) -> Path:
    """A real venv whose path has a space, as users' folders do."""
    folder = tmp_path_factory.mktemp("shells") / VENV_NAME
    subprocess.run([str(base_python), "-m", "venv", "--without-pip", str(folder)], check=True)
    return folder


@pytest.mark.parametrize("name", ALL_SHELLS)
def test_activation_puts_the_venv_first_and_deactivate_restores_path(name: str, venv: Path) -> None:
    capture = SHELLS[name].capture(venv / "bin")
    before = capture.before["PATH"] or ""
    after = (capture.after["PATH"] or "").split(":")
    assert capture.before["VIRTUAL_ENV"] is None
    assert capture.after["VIRTUAL_ENV"] == str(venv)
    assert after == [str(venv / "bin"), *before.split(":")]
    assert capture.after["python"] == str(venv / "bin" / "python")
    assert capture.restored["PATH"] == before
    assert capture.restored["VIRTUAL_ENV"] is None
    assert capture.restored == capture.before


@pytest.mark.parametrize("name", ALL_SHELLS)
def test_the_prompt_gains_the_venv_name_and_loses_it_again(name: str, venv: Path) -> None:
    capture = SHELLS[name].capture(venv / "bin")
    before, after = capture.before["prompt"], capture.after["prompt"]
    assert before is not None and f"({VENV_NAME})" not in before
    assert after == f"({VENV_NAME}) {before}"
    assert capture.restored["prompt"] == before


@pytest.mark.parametrize("name", UNSETS_PYTHONHOME)
def test_activate_unsets_pythonhome_and_deactivate_brings_it_back(
    name: str, venv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONHOME", "/somewhere/else")
    capture = SHELLS[name].capture(venv / "bin")
    assert capture.before["PYTHONHOME"] == "/somewhere/else"
    assert capture.after["PYTHONHOME"] is None
    assert capture.restored["PYTHONHOME"] == "/somewhere/else"


@pytest.mark.parametrize("name", ALL_SHELLS)
def test_deactivate_unsets_a_virtual_env_inherited_from_an_outer_venv(
    name: str, venv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """activate saves the old PATH and prompt but not an old VIRTUAL_ENV: deactivate leaves it unset."""
    monkeypatch.setenv("VIRTUAL_ENV", "/an/outer/venv")
    capture = SHELLS[name].capture(venv / "bin")
    assert capture.before["VIRTUAL_ENV"] == "/an/outer/venv"
    assert capture.after["VIRTUAL_ENV"] == str(venv)
    assert capture.restored["VIRTUAL_ENV"] is None
    assert capture.restored["PATH"] == capture.before["PATH"]


@installed("csh")
def test_activate_csh_leaves_pythonhome_alone(venv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONHOME", "/somewhere/else")
    capture = SHELLS["csh"].capture(venv / "bin")
    assert capture.after["PYTHONHOME"] == "/somewhere/else"


@installed("fish")
def test_fish_writes_nothing_into_the_home_folder(venv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(variable, raising=False)
    SHELLS["fish"].capture(venv / "bin")
    assert list(home.iterdir()) == []


@pytest.mark.parametrize("name", ALL_SHELLS)
def test_a_missing_activate_script_is_a_clear_failure(name: str, tmp_path: Path) -> None:
    shell = SHELLS[name]
    with pytest.raises(StepFailed, match=rf"{shell.script_name} does not exist: was the venv created\?"):
        shell.capture(tmp_path / "bin")


@pytest.mark.parametrize("name", list(SHELLS))
def test_a_shell_that_is_not_installed_is_a_clear_failure(
    name: str, venv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(StepFailed, match=rf"^{name} is not installed here$"):
        SHELLS[name].capture(venv / "bin")


def test_a_shell_without_a_module_is_named_in_the_failure() -> None:
    with pytest.raises(StepFailed, match="cannot capture nu activation yet"):
        choose_shell("nu")


def test_powershell_gets_its_script_intact_whatever_the_quoting() -> None:
    shell = SHELLS["powershell"]
    argv = shell.argv("pwsh", shell.capture_script())
    assert argv[:-1] == ["pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-EncodedCommand"]
    assert base64.b64decode(argv[-1]).decode("utf-16-le") == shell.capture_script()


def test_without_bash_or_zsh_there_is_no_default_shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(StepFailed, match="no bash or zsh is installed here"):
        choose_shell(None)


@installed("bash")
def test_bash_comes_first_by_default() -> None:
    assert choose_shell(None).name == "bash"


@installed("zsh")
def test_without_bash_zsh_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "zsh").symlink_to(SHELLS["zsh"].find() or "zsh")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert choose_shell(None).name == "zsh"


def test_the_prompt_loses_colour_codes_but_other_values_keep_every_character() -> None:
    output = (
        f"{RECORD}after\n"
        f"prompt{FIELD}set{FIELD}\x1b[38;5;67m(v) \x1b(B\x1b[mme@host\x01\x02> \n"
        f"PS1{FIELD}set{FIELD}\x1b[1m$ \n"
        f"VIRTUAL_ENV{FIELD}{FIELD}\n"
    )
    assert parse_snapshots(output) == {"after": {"prompt": "(v) me@host> ", "PS1": "\x1b[1m$ ", "VIRTUAL_ENV": None}}
