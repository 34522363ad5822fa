"""PEP 668: a base Python that refuses ``pip install`` outside a venv."""

from __future__ import annotations

from pathlib import Path

from venvtour.doctor.findings import Finding, Verdict

MARKER = "EXTERNALLY-MANAGED"
TITLE = "the base Python lets pip install into it (PEP 668)"


def check_externally_managed(stdlib: Path) -> Finding:
    """``stdlib`` is ``sysconfig.get_path('stdlib')`` of the interpreter; a venv's is its base's."""
    marker = stdlib / MARKER
    if not marker.is_file():
        return Finding("externally-managed", TITLE, Verdict.OK, (f"no {MARKER} file in {stdlib}",))
    return Finding(
        "externally-managed",
        TITLE,
        Verdict.WARNING,
        (
            f"{marker} exists: the system's package manager owns this Python",
            "`pip install` outside a venv stops with: error: externally-managed-environment",
        ),
        "Install into a venv instead: python3 -m venv .venv && .venv/bin/python -m pip install PACKAGE "
        "(for command-line apps, pipx). Do not delete the marker or use --break-system-packages.",
    )
