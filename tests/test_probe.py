"""The probe against real interpreters, old and new, and against real broken ones."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from venvtour.errors import ProbeError
from venvtour.probe import failure_line, probe, resolve_interpreter

PYENV = Path("/root/.pyenv")
OLDEST_AND_NEWEST = [PYENV / "versions" / version / "bin" / "python" for version in ("3.6.15", "3.13.0")]
PYTHON2 = PYENV / "versions" / "2.7.18" / "bin" / "python"
SHIM = PYENV / "shims" / "python3.6"


def own_answer(python: Path) -> dict[str, object]:
    """Ask the interpreter directly, without venvtour, for the facts the probe must agree with."""
    code = "import json, sys; print(json.dumps({'prefix': sys.prefix, 'base': getattr(sys, 'base_prefix', '')}))"
    completed = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    answer: dict[str, object] = json.loads(completed.stdout)
    return answer


def needs(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is not installed here")


def script(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize("python", OLDEST_AND_NEWEST, ids=lambda path: path.parent.parent.name)
def test_probe_reads_base_interpreters_of_every_age(python: Path) -> None:
    if not python.exists():
        pytest.skip(f"{python} is not installed here")
    facts = probe(python)
    own = own_answer(python)
    assert facts.prefix == own["prefix"]
    assert facts.base_prefix == own["base"]
    assert not facts.in_venv
    assert facts.version.startswith(python.parent.parent.name[:4])
    assert facts.pip_module is not None and facts.pip_module.endswith("__init__.py")


@needs(OLDEST_AND_NEWEST[0])
def test_probe_sees_a_python_36_venv_as_a_venv(tmp_path: Path) -> None:
    venv = tmp_path / "old venv"
    subprocess.run([str(OLDEST_AND_NEWEST[0]), "-m", "venv", "--without-pip", str(venv)], check=True)
    facts = probe(venv / "bin" / "python")
    assert facts.in_venv
    assert facts.prefix == own_answer(venv / "bin" / "python")["prefix"] == str(venv)
    assert facts.pyvenv_cfg == str(venv / "pyvenv.cfg")
    assert facts.pip_module is None


def test_probe_finds_pth_folders_and_pythonpath(
    base_python: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    venv, added, from_env = tmp_path / "venv", tmp_path / "added by pth", tmp_path / "from env"
    subprocess.run([str(base_python), "-m", "venv", "--without-pip", str(venv)], check=True)
    added.mkdir()
    from_env.mkdir()
    site_packages = probe(venv / "bin" / "python").site_packages[0]
    (Path(site_packages) / "venvtour_test.pth").write_text(f"# a comment\nimport os\n{added}\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(from_env))
    facts = probe(venv / "bin" / "python")
    assert facts.pth_paths == (str(added),)
    assert facts.pythonpath == (str(from_env),)
    assert str(added) in facts.path and str(from_env) in facts.path


@needs(SHIM)
def test_a_pyenv_shim_that_errors_is_reported_by_its_own_words() -> None:
    with pytest.raises(ProbeError, match=r"python3\.6 failed \(exit 127\): pyenv: python3\.6: command not found"):
        probe(SHIM)


@needs(PYTHON2)
def test_python_2_is_refused_clearly() -> None:
    with pytest.raises(ProbeError, match=r"this is Python 2\.7; venvtour can inspect Python 3\.6 and newer"):
        probe(PYTHON2)


def test_a_text_file_is_not_an_interpreter(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello\n", encoding="utf-8")
    notes.chmod(0o755)
    with pytest.raises(ProbeError, match="could not be run: it is not a program this system can run"):
        probe(notes)


def test_an_interpreter_that_crashes_is_named_with_its_signal(tmp_path: Path) -> None:
    crashing = script(tmp_path, "python", "#!/bin/sh\nkill -SEGV $$\n")
    with pytest.raises(ProbeError, match="crashed: killed by SIGSEGV"):
        probe(crashing)


def test_a_program_that_answers_nonsense_is_not_a_python(tmp_path: Path) -> None:
    liar = script(tmp_path, "python", "#!/bin/sh\necho 'I am python, honest'\n")
    with pytest.raises(ProbeError, match=r"did not answer like a Python 3\.6\+ interpreter"):
        probe(liar)


def test_a_hanging_interpreter_and_its_children_are_stopped(tmp_path: Path) -> None:
    """The child ``sleep`` holds the pipes: only stopping the whole group lets the probe return."""
    hanging = script(tmp_path, "python", "#!/bin/sh\nsleep 600 &\nwait\n")
    with pytest.raises(ProbeError, match=r"did not answer within 0\.3 seconds and was stopped"):
        probe(hanging, timeout=0.3)


def test_a_missing_path_and_an_unknown_command_are_named(tmp_path: Path) -> None:
    with pytest.raises(ProbeError, match="no Python interpreter at"):
        probe(tmp_path / "nothing" / "python")
    with pytest.raises(ProbeError, match=r"no python9\.99 on PATH"):
        resolve_interpreter("python9.99", search_path=str(tmp_path))


def test_a_command_is_looked_up_on_the_path_given(tmp_path: Path, base_python: Path) -> None:
    (tmp_path / "python3.99").symlink_to(base_python)
    assert resolve_interpreter("python3.99", search_path=str(tmp_path)) == tmp_path / "python3.99"


@pytest.mark.parametrize(
    ("stderr", "line"),
    [
        ("Traceback (most recent call last):\n  File 'x'\n    boom()\nValueError: bad\n", "ValueError: bad"),
        ("Fatal Python error: init_fs_encoding: failed\nModuleNotFoundError: x\n", "Fatal Python error: init_fs_"),
        ("pyenv: python3.6: command not found\n\nNote: see pyenv help\n", "pyenv: python3.6: command not found"),
        ("", "no message"),
    ],
)
def test_the_failure_line_is_the_one_that_names_the_failure(stderr: str, line: str) -> None:
    assert failure_line(stderr).startswith(line)
