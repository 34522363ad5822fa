"""``venvtour doctor``: every detection made true for real in tmp_path, then found."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from venvtour.commands import diagnosis
from venvtour.doctor import run_doctor, venvs_to_check
from venvtour.doctor.creation import check_venv_creation
from venvtour.doctor.findings import Finding, Verdict
from venvtour.doctor.managed import check_externally_managed
from venvtour.doctor.paths import check_path_order, check_pip_matches
from venvtour.doctor.powershell import check_powershell_policy, policy_finding
from venvtour.doctor.venvs import NotAVenv, check_venv
from venvtour.inspection import pip_facts
from venvtour.probe import probe

PYENV = Path("/root/.pyenv/versions")
COPYABLE = PYENV / "3.8.18"
PY312, PY313 = PYENV / "3.12.1" / "bin", PYENV / "3.13.0" / "bin"
# What a copied interpreter can do without: it only has to start, make venvs and run ensurepip.
NOT_NEEDED = shutil.ignore_patterns(
    "test", "tests", "__pycache__", "idlelib", "tkinter", "turtledemo", "lib2to3", "include", "share", "config-*", "*.a"
)
needs_copyable = pytest.mark.skipif(not COPYABLE.is_dir(), reason=f"{COPYABLE} is not installed here")
needs_pyenv = pytest.mark.skipif(not (PY312.is_dir() and PY313.is_dir()), reason="pyenv 3.12 and 3.13 needed")


def copied_interpreter(folder: Path) -> Path:
    """A private Python installation: ours to break."""
    shutil.copytree(COPYABLE, folder, symlinks=True, ignore=NOT_NEEDED)
    return folder / "bin" / "python3.8"


def make_venv(python: Path, folder: Path, *options: str) -> Path:
    subprocess.run([str(python), "-m", "venv", *options, str(folder)], check=True, capture_output=True)
    return folder


def text_of(finding: Finding) -> str:
    return "\n".join((*finding.evidence, finding.fix or ""))


def run_cli(*args: str) -> tuple[int, str, str]:
    app = typer.Typer()
    diagnosis.register(app)
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, " ".join(result.stderr.split())


@needs_copyable
def test_a_venv_whose_base_python_was_removed_is_a_problem(tmp_path: Path) -> None:
    python = copied_interpreter(tmp_path / "python install")
    venv = make_venv(python, tmp_path / "venv", "--without-pip")
    assert check_venv(venv).verdict is Verdict.OK
    shutil.rmtree(tmp_path / "python install")
    finding = check_venv(venv)
    assert finding.verdict is Verdict.PROBLEM
    assert f"home = {tmp_path / 'python install' / 'bin'}" in text_of(finding)
    assert "does not exist" in text_of(finding)
    assert "python3 -m venv --clear" in text_of(finding)


def test_a_moved_venv_is_a_problem_named_by_its_scripts(tmp_path: Path, base_python: Path) -> None:
    """With pip, so a real pip script carries the old path in its #! line."""
    old, new = tmp_path / "old place", tmp_path / "new place"
    make_venv(base_python, old)
    assert check_venv(old).verdict is Verdict.OK
    old.rename(new)
    finding = check_venv(new)
    assert finding.verdict is Verdict.PROBLEM
    assert f"pip starts with #!{old / 'bin' / 'python'}" in text_of(finding)
    assert f"activate sets VIRTUAL_ENV={old}" in text_of(finding)


def test_a_healthy_venv_is_ok_and_a_plain_folder_is_refused(shared_venv: Path, tmp_path: Path) -> None:
    assert check_venv(shared_venv).verdict is Verdict.OK
    with pytest.raises(NotAVenv, match=r"is not a venv: it has no pyvenv\.cfg"):
        check_venv(tmp_path)


def test_doctor_venv_option_on_a_plain_folder_is_one_clear_message(tmp_path: Path) -> None:
    code, out, err = run_cli("doctor", "--venv", str(tmp_path), "--python", "/nonexistent/python")
    assert code == 1
    assert f"error: {tmp_path} is not a venv" in err
    assert "Traceback" not in out + err


def test_a_python_shadowing_the_active_venv_is_a_problem(tmp_path: Path, base_python: Path, shared_venv: Path) -> None:
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "python").symlink_to(base_python)
    scripts = shared_venv / "bin"
    env = {"VIRTUAL_ENV": str(shared_venv), "PATH": os.pathsep.join([str(shadow), str(scripts), "/usr/bin"])}
    finding = check_path_order(env)
    assert finding.verdict is Verdict.PROBLEM
    assert f"`python` resolves to {shadow / 'python'}, not {scripts / 'python'}" in text_of(finding)


def test_venv_bin_not_first_without_shadowing_is_a_warning(tmp_path: Path, shared_venv: Path) -> None:
    scripts = shared_venv / "bin"
    env = {"VIRTUAL_ENV": str(shared_venv), "PATH": os.pathsep.join([str(tmp_path), str(scripts)])}
    finding = check_path_order(env)
    assert finding.verdict is Verdict.WARNING
    assert f"{scripts} is PATH entry 2, after {tmp_path}" in text_of(finding)
    first = {"VIRTUAL_ENV": str(shared_venv), "PATH": os.pathsep.join([str(scripts), str(tmp_path)])}
    assert check_path_order(first).verdict is Verdict.OK


def test_an_active_venv_that_is_gone_or_off_path_is_a_problem(tmp_path: Path, shared_venv: Path) -> None:
    gone = check_path_order({"VIRTUAL_ENV": str(tmp_path / "gone"), "PATH": "/usr/bin"})
    assert gone.verdict is Verdict.PROBLEM and "does not exist" in text_of(gone)
    off = check_path_order({"VIRTUAL_ENV": str(shared_venv), "PATH": str(tmp_path)})
    assert off.verdict is Verdict.PROBLEM and "is not on PATH at all" in text_of(off)
    assert check_path_order({"PATH": "/usr/bin"}).verdict is Verdict.OK


@needs_pyenv
def test_pip_of_another_python_on_path_is_a_problem(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "python").symlink_to(PY312 / "python3.12")
    (second / "pip").symlink_to(PY313 / "pip3")
    search = os.pathsep.join([str(first), str(second)])
    python = first / "python"
    finding = check_pip_matches(python, pip_facts(python, probe(python), search))
    assert finding.verdict is Verdict.PROBLEM
    assert f"run by {PY313 / 'python3.13'}" in text_of(finding)
    assert "python -m pip" in text_of(finding)
    same = check_pip_matches(PY312 / "python", pip_facts(PY312 / "python", probe(PY312 / "python"), str(PY312)))
    assert same.verdict is Verdict.OK


@needs_copyable
def test_externally_managed_marker_in_a_copied_stdlib_is_found(tmp_path: Path) -> None:
    python = copied_interpreter(tmp_path / "python install")
    stdlib = Path(probe(python).stdlib)
    assert check_externally_managed(stdlib).verdict is Verdict.OK
    (stdlib / "EXTERNALLY-MANAGED").write_text("[externally-managed]\nError=use apt\n", encoding="utf-8")
    assert probe(python).externally_managed == str(stdlib / "EXTERNALLY-MANAGED")
    finding = check_externally_managed(stdlib)
    assert finding.verdict is Verdict.WARNING
    assert "externally-managed-environment" in text_of(finding)
    assert "python3 -m venv .venv" in text_of(finding)


@needs_copyable
def test_missing_ensurepip_makes_venv_creation_a_problem_naming_python3_venv(tmp_path: Path) -> None:
    python = copied_interpreter(tmp_path / "python install")
    facts = probe(python)
    shutil.rmtree(Path(facts.stdlib) / "ensurepip")
    finding = check_venv_creation(python, Path(facts.stdlib), facts.version, debian=True)
    assert finding.verdict is Verdict.PROBLEM
    assert f"{Path(facts.stdlib) / 'ensurepip' / '__main__.py'} is missing" in finding.evidence
    assert "sudo apt install python3-venv (or python3.8-venv" in text_of(finding)
    elsewhere = check_venv_creation(python, Path(facts.stdlib), facts.version, debian=False)
    assert "python3-venv" not in text_of(elsewhere)


def test_venv_creation_works_with_a_good_python_and_leaves_nothing_behind(
    base_python: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    facts = probe(base_python)
    finding = check_venv_creation(base_python, Path(facts.stdlib), facts.version)
    assert finding.verdict is Verdict.OK
    assert f"pip was installed at {tmp_path}" in text_of(finding)
    assert list(tmp_path.iterdir()) == []


def test_the_active_venv_and_dot_venv_are_checked_once_each(tmp_path: Path, base_python: Path) -> None:
    dot_venv = make_venv(base_python, tmp_path / ".venv", "--without-pip")
    other = make_venv(base_python, tmp_path / "other", "--without-pip")
    assert venvs_to_check({"VIRTUAL_ENV": str(dot_venv)}, tmp_path, [dot_venv]) == [dot_venv]
    assert venvs_to_check({"VIRTUAL_ENV": str(other)}, tmp_path, []) == [other, dot_venv]
    assert venvs_to_check({}, tmp_path / "other", []) == []


def test_powershell_policy_is_windows_only_and_read_from_its_answer() -> None:
    assert check_powershell_policy("posix").verdict is Verdict.SKIPPED
    assert policy_finding("Restricted\r\n").verdict is Verdict.WARNING
    assert "RemoteSigned -Scope CurrentUser" in text_of(policy_finding("Undefined"))
    assert policy_finding("RemoteSigned").verdict is Verdict.OK


def test_a_broken_python_stops_the_interpreter_checks_with_one_problem(tmp_path: Path) -> None:
    broken = tmp_path / "python"
    broken.write_text("#!/bin/sh\necho 'no' >&2\nexit 7\n", encoding="utf-8")
    broken.chmod(0o755)
    report = run_doctor({"PATH": str(tmp_path)}, tmp_path)
    first = report.findings[0]
    assert first.verdict is Verdict.PROBLEM
    assert "failed (exit 7): no" in text_of(first)
    assert {finding.check for finding in report.findings} == {"python", "path-order", "powershell-policy"}
    assert report.has_problem


@needs_pyenv
def test_doctor_json_exits_1_on_a_problem_and_0_without(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole command, on a PATH made for the test: first a pip/python mismatch, then a clean PATH."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "python").symlink_to(PY312 / "python3.12")
    (second / "pip").symlink_to(PY313 / "pip3")
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", os.pathsep.join([str(first), str(second), "/usr/bin", "/bin"]))
    code, out, _ = run_cli("doctor", "--json")
    data = json.loads(out)
    verdicts = {check["check"]: check["verdict"] for check in data["checks"]}
    assert code == 1
    assert data["problems"] == 1 and verdicts["pip-python"] == "problem"
    assert verdicts["venv-creation"] == "ok"
    monkeypatch.setenv("PATH", os.pathsep.join([str(PY312), "/usr/bin", "/bin"]))
    code, out, _ = run_cli("doctor")
    assert code == 0
    assert "0 problem(s)" in out
