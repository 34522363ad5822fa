"""Does ``python -m venv`` work here? Made for real, with pip, in a temporary folder of our own."""

from __future__ import annotations

import tempfile
from pathlib import Path

from venvtour.doctor.findings import Finding, Verdict
from venvtour.errors import ProbeError
from venvtour.probe import run_limited

TITLE = "python -m venv makes a working venv, pip included"
CREATE_TIMEOUT_SECONDS = 180.0
EVIDENCE_LINES = 4
DEBIAN_MARKER = Path("/etc/debian_version")


def ensurepip_missing(stdlib: Path) -> bool:
    """Debian's venv looks for the same file before it gives up with its python3-venv message."""
    return not (stdlib / "ensurepip" / "__main__.py").is_file()


def ensurepip_fix(version: str, debian: bool) -> str:
    major_minor = ".".join(version.split(".")[:2])
    if debian:
        return (
            f"Debian/Ubuntu split venv's pip bootstrap off: sudo apt install python3-venv "
            f"(or python{major_minor}-venv for this version)"
        )
    return f"Reinstall Python {major_minor} with its ensurepip module, or use one that has it (python.org, pyenv, uv)"


def failure_finding(output: str, stdlib: Path, version: str, debian: bool) -> Finding:
    lines = tuple(line for line in output.strip().splitlines() if line.strip())[-EVIDENCE_LINES:]
    if ensurepip_missing(stdlib) or "ensurepip" in output:
        evidence = (f"{stdlib / 'ensurepip' / '__main__.py'} is missing", *lines)
        return Finding("venv-creation", TITLE, Verdict.PROBLEM, evidence, ensurepip_fix(version, debian))
    fix = "Read the error above; `python -m venv --without-pip DIR` shows whether venv itself works"
    return Finding("venv-creation", TITLE, Verdict.PROBLEM, lines or ("no output",), fix)


def check_venv_creation(python: Path, stdlib: Path, version: str, debian: bool | None = None) -> Finding:
    """``--without-pip`` is not enough: ensurepip is what is usually missing."""
    debian = DEBIAN_MARKER.is_file() if debian is None else debian
    with tempfile.TemporaryDirectory(prefix="venvtour-doctor-") as folder:
        trial = Path(folder) / "trial"
        try:
            returncode, stdout, stderr = run_limited([str(python), "-m", "venv", str(trial)], CREATE_TIMEOUT_SECONDS)
        except ProbeError as error:
            return Finding("venv-creation", TITLE, Verdict.PROBLEM, (str(error),), None)
        made = (trial / "pyvenv.cfg").is_file()
        pip = [path for path in (trial / "bin" / "pip", trial / "Scripts" / "pip.exe") if path.is_file()]
        if returncode == 0 and made and pip:
            evidence = (f"{python} -m venv {trial}: exit 0, then removed", f"pip was installed at {pip[0]}")
            return Finding("venv-creation", TITLE, Verdict.OK, evidence)
        return failure_finding(stdout + stderr, stdlib, version, debian)
