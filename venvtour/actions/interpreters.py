"""``interpreters``: the Pythons on this machine, and one venv per version to show what a venv pins.

A venv never brings its own Python: it is made by one interpreter and keeps using it. So each venv
here is made by a different interpreter (without pip, which is not the point), and its pyvenv.cfg
and its running python are read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from venvtour.actions.context import StepContext
from venvtour.discovery import Candidate, candidates
from venvtour.errors import ProbeError, StepFailed
from venvtour.model import InterpretersStep
from venvtour.probe import InterpreterFacts
from venvtour.process import run_command
from venvtour.tools import tool_environment

CREATE_TIMEOUT_SECONDS = 120.0


@dataclass(frozen=True)
class Found:
    source: str
    path: str
    version: str | None
    problem: str | None


@dataclass(frozen=True)
class PinnedVenv:
    folder: str
    made_with: str
    home: str
    cfg_version: str
    runs_version: str


@dataclass(frozen=True)
class InterpretersResult:
    found: tuple[Found, ...]
    venvs: tuple[PinnedVenv, ...]
    problems: tuple[str, ...]


def minor(facts: InterpreterFacts) -> str:
    return ".".join(str(part) for part in facts.version_info[:2])


def probe_all(found: list[Candidate], context: StepContext) -> tuple[list[Found], dict[str, InterpreterFacts]]:
    """Probe each candidate; the same installation reached by two paths counts once, and a venv's python is no
    installation of its own, so it is left out."""
    report: list[Found] = []
    by_version: dict[str, InterpreterFacts] = {}
    resolved: set[str] = set()
    for candidate in found:
        try:
            facts = context.facts(candidate.path)
        except ProbeError as error:
            report.append(Found(candidate.source, str(candidate.path), None, str(error)))
            continue
        if facts.executable_resolved in resolved or facts.in_venv:
            continue
        resolved.add(facts.executable_resolved)
        report.append(Found(candidate.source, str(candidate.path), facts.version, None))
        by_version.setdefault(minor(facts), facts)
    return report, by_version


def chosen_versions(by_version: dict[str, InterpreterFacts], tour: str, at_most: int) -> list[str]:
    """The tour's version, then the oldest and newest of the others: the widest spread in few venvs."""
    others = sorted((v for v in by_version if v != tour), key=lambda v: tuple(int(p) for p in v.split(".")))
    picked = [others[0], others[-1]][:at_most] if len(others) > 1 else others[:at_most]
    return [tour, *dict.fromkeys(picked)]


def make_venv(python: Path, folder: Path, context: StepContext) -> str | None:
    """Make the venv; the reason it failed otherwise (some Linux Pythons come without venv)."""
    argv = [str(python), "-m", "venv", "--without-pip", str(folder)]
    result = run_command(argv, context.workspace.root, tool_environment(context.workspace.root), CREATE_TIMEOUT_SECONDS)
    if result.succeeded:
        return None
    last = (result.output.strip().splitlines() or ["no message"])[-1]
    return f"{python} could not make a venv: {last}"


def pinned(folder: Path, shown: str, python: Path, context: StepContext) -> PinnedVenv:
    facts = context.facts(context.placeholders.venv_python(folder))
    values = facts.pyvenv_cfg_values
    return PinnedVenv(shown, str(python), values.get("home", "?"), values.get("version", "?"), facts.version)


def perform_interpreters(step: InterpretersStep, context: StepContext) -> InterpretersResult:
    base = context.path(step.interpreters)
    shown = context.placeholders.expand(step.interpreters)
    report, by_version = probe_all(candidates(tool_environment(context.workspace.root)), context)
    tour = context.facts(context.python)
    by_version[minor(tour)] = tour
    venvs, problems = [], []
    for version in chosen_versions(by_version, minor(tour), step.at_most):
        python = Path(by_version[version].executable)
        folder = base / f"py{version}"
        problem = make_venv(python, folder, context)
        if problem:
            problems.append(problem)
            continue
        venvs.append(pinned(folder, f"{shown}/py{version}", python, context))
    if not venvs:
        raise StepFailed("no interpreter here could make a venv:\n" + "\n".join(problems))
    return InterpretersResult(tuple(report), tuple(venvs), tuple(problems))
