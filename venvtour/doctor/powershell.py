"""Windows only: an execution policy that stops ``Activate.ps1`` from loading."""

from __future__ import annotations

from venvtour.doctor.findings import Finding, Verdict
from venvtour.errors import ProbeError
from venvtour.probe import run_limited

TITLE = "PowerShell may run Activate.ps1"
BLOCKING = {"restricted", "allsigned", "undefined"}
POLICY_TIMEOUT_SECONDS = 20.0


def policy_finding(policy: str) -> Finding:
    """``Undefined`` as the effective policy means Windows' default for clients: ``Restricted``."""
    evidence = (f"Get-ExecutionPolicy says {policy}",)
    if policy.strip().lower() not in BLOCKING:
        return Finding("powershell-policy", TITLE, Verdict.OK, evidence)
    return Finding(
        "powershell-policy",
        TITLE,
        Verdict.WARNING,
        (*evidence, "Activate.ps1 cannot be loaded because running scripts is disabled on this system"),
        "Set-ExecutionPolicy -ExecutionPolicy RemoteSigned -Scope CurrentUser, or activate from cmd with "
        r".venv\Scripts\activate.bat",
    )


def check_powershell_policy(os_name: str) -> Finding:
    if os_name != "nt":
        return Finding("powershell-policy", TITLE, Verdict.SKIPPED, ("not Windows: no execution policy here",))
    try:
        returncode, stdout, stderr = run_limited(
            ["powershell", "-NoProfile", "-Command", "Get-ExecutionPolicy"], POLICY_TIMEOUT_SECONDS
        )
    except ProbeError as error:
        return Finding("powershell-policy", TITLE, Verdict.SKIPPED, (str(error),))
    if returncode != 0:
        return Finding("powershell-policy", TITLE, Verdict.SKIPPED, (stderr.strip() or "powershell failed",))
    return policy_finding(stdout)
