"""PATH decides which ``python`` and ``pip`` a shell runs; these checks read a given PATH, not just ours."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from venvtour.doctor.findings import Finding, Verdict
from venvtour.inspection import PipFacts, normal

ORDER_TITLE = "the active venv comes first on PATH"
PIP_TITLE = "`pip` on PATH belongs to the python checked"
COMMANDS = ("python", "python3", "pip")
REACTIVATE = "Run `deactivate`, then activate the venv again, last (after anything that edits PATH, such as ~/.bashrc)"


def venv_scripts(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin")


def check_path_order(env: Mapping[str, str]) -> Finding:
    """An activated venv works only while its scripts folder wins the PATH search for each command."""
    active = env.get("VIRTUAL_ENV")
    if not active:
        return Finding("path-order", ORDER_TITLE, Verdict.OK, ("no venv is active: VIRTUAL_ENV is not set",))
    scripts = venv_scripts(Path(active))
    if not scripts.is_dir():
        evidence = (f"VIRTUAL_ENV={active}", f"{scripts} does not exist")
        return Finding("path-order", ORDER_TITLE, Verdict.PROBLEM, evidence, "Run `deactivate`; the venv is gone")
    search = env.get("PATH", "")
    entries = [entry for entry in search.split(os.pathsep) if entry]
    for command in COMMANDS:
        found = shutil.which(command, path=search)
        venv_has = shutil.which(command, path=str(scripts))
        if found and venv_has and normal(os.path.dirname(found)) != normal(str(scripts)):
            evidence = (f"VIRTUAL_ENV={active}", f"`{command}` resolves to {found}, not {venv_has}")
            return Finding("path-order", ORDER_TITLE, Verdict.PROBLEM, evidence, REACTIVATE)
    position = next((number for number, entry in enumerate(entries) if normal(entry) == normal(str(scripts))), None)
    if position is None:
        evidence = (f"VIRTUAL_ENV={active}", f"{scripts} is not on PATH at all")
        return Finding("path-order", ORDER_TITLE, Verdict.PROBLEM, evidence, REACTIVATE)
    if position > 0:
        ahead = (f"{scripts} is PATH entry {position + 1}, after {', '.join(entries[:position])}",)
        fix = "Commands in those folders win over the venv's; " + REACTIVATE[0].lower() + REACTIVATE[1:]
        return Finding("path-order", ORDER_TITLE, Verdict.WARNING, ahead, fix)
    return Finding("path-order", ORDER_TITLE, Verdict.OK, (f"{scripts} is first on PATH",))


def check_pip_matches(python: Path, pip: PipFacts) -> Finding:
    """``pip install X`` followed by ``python -c 'import X'`` fails when the two belong to different Pythons."""
    if pip.on_path is None:
        return Finding("pip-python", PIP_TITLE, Verdict.OK, ("no `pip` on PATH: `python -m pip` is the way",))
    runs = pip.shebang or "(no #! line)"
    evidence: tuple[str, ...] = (f"python checked: {python}", f"`pip` on PATH: {pip.on_path}, run by {runs}")
    if pip.reported_location:
        evidence += (f"`pip --version` says it lives in {pip.reported_location}",)
    evidence += (f"`python -m pip` would import {pip.module or '(nothing: pip is not installed there)'}",)
    if pip.same:
        return Finding("pip-python", PIP_TITLE, Verdict.OK, evidence)
    fix = "Use `python -m pip ...`: it always installs for the python you run"
    if pip.same is None:
        return Finding("pip-python", PIP_TITLE, Verdict.WARNING, (*evidence, "cannot tell whose pip it is"), fix)
    return Finding("pip-python", PIP_TITLE, Verdict.PROBLEM, evidence, fix)
