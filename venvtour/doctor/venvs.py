"""A venv's health: is its base Python still there, and do its scripts still name this folder?"""

from __future__ import annotations

import os
import re
from pathlib import Path

from venvtour.doctor.findings import Finding, Verdict
from venvtour.errors import VenvtourError
from venvtour.inspection import SCRIPT_FOLDERS, VENV_CONFIG, is_python_name, normal, shebang_interpreter

ACTIVATE_LINE = re.compile(r"""^\s*(?:export\s+)?VIRTUAL_ENV=(["'])(?P<path>[^"']+)\1\s*$""", re.MULTILINE)
SCRIPT_SIZE_LIMIT = 1_000_000
SHOWN = 3
RECREATE = (
    "Recreate it: save `{python} -m pip freeze > requirements.txt` if it still runs, then "
    "`python3 -m venv --clear {venv}` and `{venv}/bin/python -m pip install -r requirements.txt`"
)


class NotAVenv(VenvtourError):
    """A folder given as a venv that has no pyvenv.cfg."""


def read_config(venv: Path) -> dict[str, str]:
    """Read ``key = value`` lines as ``site.venv()`` does: the first ``=`` splits, keys are lower-cased."""
    config = venv / VENV_CONFIG
    if not config.is_file():
        raise NotAVenv(f"{venv} is not a venv: it has no {VENV_CONFIG}")
    values: dict[str, str] = {}
    for line in config.read_text(encoding="utf-8", errors="replace").splitlines():
        key, separator, value = line.partition("=")
        if separator:
            values[key.strip().lower()] = value.strip()
    return values


def scripts_folder(venv: Path) -> Path:
    return next((venv / name for name in SCRIPT_FOLDERS if (venv / name).is_dir()), venv / SCRIPT_FOLDERS[0])


def base_evidence(values: dict[str, str], scripts: Path) -> tuple[str, ...]:
    """Where the base interpreter went: ``home`` must exist and the venv's python must not be a dangling link."""
    home = values.get("home")
    if not home:
        return (f"{VENV_CONFIG} has no `home` key: the venv does not say where its base Python is",)
    if not Path(home).is_dir():
        return (f"home = {home} in {VENV_CONFIG} does not exist: the base Python was moved or removed",)
    executable = values.get("executable")
    if executable and not Path(executable).is_file():
        return (f"executable = {executable} in {VENV_CONFIG} does not exist",)
    broken = [path for path in sorted(scripts.glob("python*")) if path.is_symlink() and not path.exists()]
    return tuple(f"{path} -> {os.readlink(path)}, which does not exist" for path in broken[:SHOWN])


def foreign_shebangs(scripts: Path) -> list[str]:
    """Scripts whose ``#!`` names a python outside this scripts folder: the venv was moved (or copied)."""
    found = []
    for script in sorted(scripts.iterdir()):
        if script.is_symlink() or not script.is_file() or script.stat().st_size > SCRIPT_SIZE_LIMIT:
            continue
        program = shebang_interpreter(script)
        if program and is_python_name(program) and normal(os.path.dirname(program)) != normal(str(scripts)):
            found.append(f"{script.name} starts with #!{program}")
    return found


def activate_elsewhere(venv: Path, scripts: Path) -> str | None:
    activate = scripts / "activate"
    if not activate.is_file():
        return None
    match = ACTIVATE_LINE.search(activate.read_text(encoding="utf-8", errors="replace"))
    if match and os.path.realpath(match["path"]) != os.path.realpath(venv):
        return f"{activate.name} sets VIRTUAL_ENV={match['path']}"
    return None


def moved_evidence(venv: Path, values: dict[str, str], scripts: Path) -> tuple[str, ...]:
    if values.get("relocatable", "").lower() == "true" or not scripts.is_dir():
        return ()
    activate = activate_elsewhere(venv, scripts)
    shebangs = foreign_shebangs(scripts)
    return tuple(shebangs[:SHOWN]) + ((activate,) if activate else ())


def check_venv(venv: Path) -> Finding:
    """Raises :class:`NotAVenv` for a folder without pyvenv.cfg: asked about by name, that is the user's error."""
    values = read_config(venv)
    scripts = scripts_folder(venv)
    title = f"the venv {venv} is intact"
    python = scripts / "python"
    base = base_evidence(values, scripts)
    if base:
        fix = RECREATE.format(python=python, venv=venv) + " (with a base Python that exists)"
        return Finding(f"venv:{venv}", title, Verdict.PROBLEM, base, fix)
    moved = moved_evidence(venv, values, scripts)
    if moved:
        evidence = (f"this venv is at {venv}, but:", *moved)
        fix = RECREATE.format(python=python, venv=venv) + "; a venv cannot be moved. Meanwhile `python -m pip` works"
        return Finding(f"venv:{venv}", title, Verdict.PROBLEM, evidence, fix)
    evidence = (f"home = {values['home']} exists", f"its scripts name {scripts}")
    return Finding(f"venv:{venv}", title, Verdict.OK, evidence)
