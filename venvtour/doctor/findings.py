"""A doctor's finding: a verdict, the evidence read off the machine, and the fix, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Finding:
    check: str
    title: str
    verdict: Verdict
    evidence: tuple[str, ...]
    fix: str | None = None


@dataclass(frozen=True)
class DoctorReport:
    findings: tuple[Finding, ...]

    @property
    def has_problem(self) -> bool:
        return any(finding.verdict is Verdict.PROBLEM for finding in self.findings)

    def count(self, verdict: Verdict) -> int:
        return sum(finding.verdict is verdict for finding in self.findings)
