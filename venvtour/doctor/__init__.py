"""``venvtour doctor``: checks for what stops people using venvs, each runnable against explicit inputs.

Every check takes what it looks at (an interpreter, a PATH string, an environment mapping, a venv
folder, a stdlib folder) as arguments, so tests can point it at conditions they made for real.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from venvtour.doctor.creation import check_venv_creation
from venvtour.doctor.findings import DoctorReport, Finding, Verdict
from venvtour.doctor.managed import check_externally_managed
from venvtour.doctor.paths import check_path_order, check_pip_matches
from venvtour.doctor.powershell import check_powershell_policy
from venvtour.doctor.venvs import check_venv
from venvtour.errors import ProbeError
from venvtour.inspection import VENV_CONFIG, choose_interpreter, pip_facts
from venvtour.probe import probe

JSON_SCHEMA = 1
PYTHON_TITLE = "the python to check runs and answers"


def interpreter_findings(python: str | None, search_path: str) -> list[Finding]:
    """Checks that need a working interpreter; when it does not answer, that is the one finding."""
    try:
        chosen = choose_interpreter(python, search_path)
        facts = probe(chosen.path)
    except ProbeError as error:
        fix = "Name a working interpreter with --python, or repair the one PATH finds (pyenv: `pyenv versions`)"
        return [Finding("python", PYTHON_TITLE, Verdict.PROBLEM, (str(error),), fix)]
    answered = (f"{chosen.how}: {chosen.path}", f"Python {facts.version} at {facts.executable}")
    return [
        Finding("python", PYTHON_TITLE, Verdict.OK, answered),
        check_venv_creation(chosen.path, Path(facts.stdlib), facts.version),
        check_externally_managed(Path(facts.stdlib)),
        check_pip_matches(chosen.path, pip_facts(chosen.path, facts, search_path)),
    ]


def venvs_to_check(env: Mapping[str, str], cwd: Path, explicit: Sequence[Path]) -> list[Path]:
    """The venvs asked for, the active one and ``./.venv``, each once."""
    candidates = [venv.absolute() for venv in explicit]
    if env.get("VIRTUAL_ENV") and (Path(env["VIRTUAL_ENV"]) / VENV_CONFIG).is_file():
        candidates.append(Path(env["VIRTUAL_ENV"]))
    if (cwd / ".venv" / VENV_CONFIG).is_file():
        candidates.append(cwd / ".venv")
    unique: dict[str, Path] = {}
    for candidate in candidates:
        unique.setdefault(os.path.realpath(candidate), candidate)
    return list(unique.values())


def run_doctor(
    env: Mapping[str, str],
    cwd: Path,
    python: str | None = None,
    venvs: Sequence[Path] = (),
    os_name: str = os.name,
) -> DoctorReport:
    search_path = env.get("PATH", "")
    findings = interpreter_findings(python, search_path)
    findings.append(check_path_order(env))
    findings.extend(check_venv(venv) for venv in venvs_to_check(env, cwd, venvs))
    findings.append(check_powershell_policy(os_name))
    return DoctorReport(tuple(findings))


def as_json(report: DoctorReport) -> dict[str, object]:
    """The documented ``doctor --json`` shape; ``schema`` changes only when a key changes meaning."""
    return {
        "schema": JSON_SCHEMA,
        "problems": report.count(Verdict.PROBLEM),
        "warnings": report.count(Verdict.WARNING),
        "checks": [
            {
                "check": finding.check,
                "title": finding.title,
                "verdict": finding.verdict.value,
                "evidence": list(finding.evidence),
                "fix": finding.fix,
            }
            for finding in report.findings
        ],
    }
