"""How ``venvtour doctor`` looks: one block per check, verdict first, then evidence and fix."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from venvtour.doctor.findings import DoctorReport, Finding, Verdict

VERDICT_STYLES = {
    Verdict.OK: "added",
    Verdict.WARNING: "warning",
    Verdict.PROBLEM: "error",
    Verdict.SKIPPED: "muted",
}


def finding_text(finding: Finding) -> Text:
    text = Text(finding.title, "bold")
    for line in finding.evidence:
        text.append(f"\n{line}", "muted" if finding.verdict is Verdict.SKIPPED else "")
    if finding.fix and finding.verdict is not Verdict.OK:
        text.append("\nfix: ", "command")
        text.append(finding.fix)
    return text


def summary_text(report: DoctorReport) -> Text:
    problems, warnings = report.count(Verdict.PROBLEM), report.count(Verdict.WARNING)
    style = "error" if problems else "warning" if warnings else "added"
    return Text(f"{problems} problem(s), {warnings} warning(s)", style)


def render_doctor(report: DoctorReport) -> RenderableType:
    """A two-column grid, so wrapped evidence stays indented under its check."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for finding in report.findings:
        grid.add_row(Text(finding.verdict.value, VERDICT_STYLES[finding.verdict]), finding_text(finding))
        grid.add_row()
    return Group(grid, summary_text(report))
