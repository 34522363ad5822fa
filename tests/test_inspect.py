"""``venvtour inspect`` against real venvs, real interpreters and a PATH built for each test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from venvtour.commands import diagnosis
from venvtour.inspection import (
    as_json,
    environment_kind,
    inspect_interpreter,
    same_interpreter,
    shebang_interpreter,
)
from venvtour.probe import probe

PYENV = Path("/root/.pyenv/versions")
PY312, PY313 = PYENV / "3.12.1" / "bin", PYENV / "3.13.0" / "bin"
DOCUMENTED_KEYS = {
    "schema",
    "interpreter",
    "found_as",
    "executable",
    "links",
    "executable_resolved",
    "version",
    "implementation",
    "prefix",
    "base_prefix",
    "exec_prefix",
    "base_exec_prefix",
    "in_venv",
    "environment_kind",
    "pyvenv_cfg",
    "pyvenv_cfg_values",
    "site_packages",
    "user_site",
    "user_site_enabled",
    "externally_managed",
    "sys_path",
    "pip",
    "running_venvtour",
    "same_as_running",
}
needs_pyenv = pytest.mark.skipif(not (PY312.is_dir() and PY313.is_dir()), reason="pyenv 3.12 and 3.13 needed")


def own_prefix(python: Path) -> str:
    """The interpreter's own answer, asked without venvtour."""
    code = "import sys; print(sys.prefix)"
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def run_cli(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout, and stderr with rich's line wrapping undone."""
    app = typer.Typer()
    diagnosis.register(app)
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, " ".join(result.stderr.split())


def make_venv(base_python: Path, folder: Path) -> Path:
    subprocess.run([str(base_python), "-m", "venv", "--without-pip", str(folder)], check=True)
    return folder


def test_json_of_a_venv_python_reports_the_venv(shared_venv: Path) -> None:
    code, out, _ = run_cli("inspect", "--json", str(shared_venv / "bin" / "python"))
    data = json.loads(out)
    assert code == 0
    assert set(data) == DOCUMENTED_KEYS
    assert data["in_venv"] is True
    assert data["prefix"] == own_prefix(shared_venv / "bin" / "python") == str(shared_venv)
    assert data["environment_kind"] == "venv"
    assert data["pyvenv_cfg"] == str(shared_venv / "pyvenv.cfg")
    assert data["links"][0] == str(shared_venv / "bin" / "python")
    assert data["links"][-1] == os.path.realpath(shared_venv / "bin" / "python")


def test_json_of_a_base_python_reports_no_venv(base_python: Path) -> None:
    code, out, _ = run_cli("inspect", "--json", str(base_python))
    data = json.loads(out)
    assert code == 0
    assert data["in_venv"] is False
    assert data["prefix"] == data["base_prefix"] == own_prefix(base_python)
    assert data["pyvenv_cfg"] is None
    assert {entry["kind"] for entry in data["sys_path"]} >= {"stdlib", "lib-dynload", "site-packages"}


def test_a_venv_folder_is_inspected_through_its_own_python(shared_venv: Path) -> None:
    inspection = inspect_interpreter(str(shared_venv))
    assert inspection.chosen.path == shared_venv / "bin" / "python"
    assert "the python of the venv" in inspection.chosen.how
    assert inspection.facts.prefix == str(shared_venv)


def test_the_rich_view_shows_prefixes_and_labelled_path(shared_venv: Path) -> None:
    code, out, _ = run_cli("inspect", str(shared_venv))
    assert code == 0
    assert "sys.base_prefix" in out and "yes: sys.prefix != sys.base_prefix (venv)" in out
    assert "site-packages" in out and "lib-dynload" in out


def test_without_argument_python_on_path_is_used_falling_back_to_python3(
    tmp_path: Path, base_python: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_python3 = tmp_path / "bin"
    only_python3.mkdir()
    (only_python3 / "python3").symlink_to(base_python)
    inspection = inspect_interpreter(None, search_path=str(only_python3))
    assert inspection.chosen.path == only_python3 / "python3"
    assert "no `python` on PATH" in inspection.chosen.how
    (only_python3 / "python").symlink_to(base_python)
    monkeypatch.setenv("PATH", str(only_python3))
    code, out, _ = run_cli("inspect", "--json")
    assert code == 0
    assert json.loads(out)["found_as"] == "`python` on PATH"
    assert json.loads(out)["interpreter"] == str(only_python3 / "python")


def test_same_as_running_compares_with_the_interpreter_running_venvtour(shared_venv: Path) -> None:
    assert inspect_interpreter(sys.executable).same_as_running
    assert not inspect_interpreter(str(shared_venv)).same_as_running


def test_sys_path_entries_are_labelled_by_reason(
    base_python: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real user site (PYTHONUSERBASE), a real .pth in a venv, and a PYTHONPATH entry."""
    venv = make_venv(base_python, tmp_path / "venv")
    facts = probe(venv / "bin" / "python")
    added, from_env = tmp_path / "added", tmp_path / "from env"
    added.mkdir()
    from_env.mkdir()
    (Path(facts.site_packages[0]) / "extra.pth").write_text(f"{added}\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(from_env))
    kinds = {entry.path: entry.kind for entry in inspect_interpreter(str(venv)).sys_path}
    assert kinds[str(added)] == ".pth"
    assert kinds[str(from_env)] == "PYTHONPATH"
    assert kinds[facts.site_packages[0]] == "site-packages"
    assert kinds[""] == "cwd/script dir"
    monkeypatch.delenv("PYTHONPATH")
    monkeypatch.setenv("PYTHONUSERBASE", str(tmp_path / "user base"))
    user_site = Path(probe(base_python).user_site or "")
    user_site.mkdir(parents=True)
    kinds = {entry.path: entry.kind for entry in inspect_interpreter(str(base_python)).sys_path}
    assert kinds[str(user_site)] == "user site"


@pytest.mark.parametrize(("key", "kind"), [("uv", "uv"), ("virtualenv", "virtualenv")])
def test_the_tool_that_made_a_venv_is_read_from_pyvenv_cfg(
    base_python: Path, tmp_path: Path, key: str, kind: str
) -> None:
    venv = make_venv(base_python, tmp_path / "venv")
    with (venv / "pyvenv.cfg").open("a", encoding="utf-8") as config:
        config.write(f"{key} = 0.1.2\n")
    assert inspect_interpreter(str(venv)).environment_kind == kind


def test_a_conda_meta_folder_marks_a_conda_environment(base_python: Path, tmp_path: Path) -> None:
    (tmp_path / "conda-meta").mkdir()
    facts = replace(probe(base_python), prefix=str(tmp_path))
    assert environment_kind(facts) == "conda"


@needs_pyenv
def test_pip_of_another_python_on_path_is_told_apart(tmp_path: Path) -> None:
    """PATH: a folder with 3.12's python, then one with 3.13's pip, as a stale shell hash or shim leaves it."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "python").symlink_to(PY312 / "python3.12")
    (second / "pip").symlink_to(PY313 / "pip3")
    search = os.pathsep.join([str(first), str(second)])
    pip = inspect_interpreter(None, search_path=search).pip
    assert pip.on_path == str(second / "pip")
    assert pip.shebang == str(PY313 / "python3.13")
    assert pip.same is False
    assert inspect_interpreter(None, search_path=str(PY312)).pip.same is True


def test_a_pip_without_python_shebang_is_asked_where_it_lives(
    shared_venv: Path, base_python: Path, tmp_path: Path
) -> None:
    """A wrapper (like a pyenv shim) hides its Python; ``pip --version`` tells."""
    wrapper = tmp_path / "pip"
    wrapper.write_text(f'#!/bin/sh\nexec "{base_python}" -m pip "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    (tmp_path / "python").symlink_to(base_python)
    pip = inspect_interpreter(None, search_path=str(tmp_path)).pip
    assert pip.reported_location == pip.module
    assert pip.same is True
    pip = inspect_interpreter(str(shared_venv), search_path=str(tmp_path)).pip
    assert pip.module is None and pip.same is None


def test_shebangs_in_each_form_name_their_interpreter(tmp_path: Path, base_python: Path) -> None:
    plain, long, via_env = tmp_path / "plain", tmp_path / "long", tmp_path / "env"
    plain.write_text("#!/opt/py/bin/python3 -E\nimport x\n", encoding="utf-8")
    long.write_text("#!/bin/sh\n'''exec' \"/my venv/bin/python\" \"$0\" \"$@\"\n' '''\n", encoding="utf-8")
    via_env.write_text("#!/usr/bin/env python3\n", encoding="utf-8")
    (tmp_path / "python3").symlink_to(base_python)
    assert shebang_interpreter(plain) == "/opt/py/bin/python3"
    assert shebang_interpreter(long) == "/my venv/bin/python"
    assert shebang_interpreter(via_env, search_path=str(tmp_path)) == str(tmp_path / "python3")


def test_two_names_for_one_venv_interpreter_are_the_same_but_venv_and_base_are_not(
    shared_venv: Path, base_python: Path
) -> None:
    scripts = shared_venv / "bin"
    assert same_interpreter(str(scripts / "python"), str(scripts / "python3"))
    assert not same_interpreter(str(scripts / "python"), str(base_python))


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing", "no Python interpreter at"),
        ("plain folder", "is a folder but not a venv: it has no pyvenv.cfg"),
        ("notes.txt", "it is not a program this system can run"),
    ],
)
def test_bad_input_is_one_clear_message(tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "plain folder").mkdir()
    (tmp_path / "notes.txt").write_text("not python\n", encoding="utf-8")
    (tmp_path / "notes.txt").chmod(0o755)
    code, out, err = run_cli("inspect", str(tmp_path / target))
    assert code == 1
    assert message in err
    assert "Traceback" not in out + err


def test_a_hanging_interpreter_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    hanging = tmp_path / "python"
    hanging.write_text("#!/bin/sh\nsleep 600\n", encoding="utf-8")
    hanging.chmod(0o755)
    code, _, err = run_cli("inspect", "--timeout", "0.3", str(hanging))
    assert code == 1
    assert "did not answer within 0.3 seconds" in err


def test_as_json_round_trips_through_json(shared_venv: Path) -> None:
    data = as_json(inspect_interpreter(str(shared_venv)))
    assert json.loads(json.dumps(data)) == data
    pip = data["pip"]
    assert isinstance(pip, dict)
    assert set(pip) == {"on_path", "shebang", "reported_location", "module", "same"}


def test_a_venv_whose_base_python_is_gone_points_to_doctor(tmp_path: Path, base_python: Path) -> None:
    base = tmp_path / "base"
    base.mkdir()
    (base / "python3").symlink_to(base_python)
    venv = make_venv(base / "python3", tmp_path / "venv")
    shutil.rmtree(base)
    code, out, err = run_cli("inspect", str(venv))
    assert code == 1
    assert f"no working python in bin/ or Scripts/; `venvtour doctor --venv {venv}` says why" in err
    assert "Traceback" not in out + err


def test_a_link_to_a_base_python_elsewhere_is_the_same_interpreter(tmp_path: Path, base_python: Path) -> None:
    """Outside a venv, a link anywhere runs the same installation; inside one, pyvenv.cfg makes it another."""
    (tmp_path / "python").symlink_to(base_python)
    assert same_interpreter(str(tmp_path / "python"), str(base_python))
    (tmp_path / "pyvenv.cfg").write_text(f"home = {base_python.parent}\n", encoding="utf-8")
    assert not same_interpreter(str(tmp_path / "python"), str(base_python))
