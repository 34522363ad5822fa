"""``timing``: how long making a venv takes here, with each available tool, measured for real.

Each command runs a few times, each time in a fresh folder that is removed afterwards; the median
is kept, so one slow run (a cold disk cache) does not decide. Tools with a cache of their own
(virtualenv, uv) get one untimed run first, so that they are compared warm, as a learner uses them.
"""

from __future__ import annotations

import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

from venvtour.actions.context import StepContext
from venvtour.model import TimingStep
from venvtour.process import run_command
from venvtour.tools import find_tool, tool_environment

RUN_TIMEOUT_SECONDS = 300.0


@dataclass(frozen=True)
class Contender:
    label: str
    slug: str
    tool: str | None
    warm_up: bool


@dataclass(frozen=True)
class Timing:
    label: str
    seconds: tuple[float, ...]
    missing: str | None
    problem: str | None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None


@dataclass(frozen=True)
class TimingResult:
    timings: tuple[Timing, ...]
    runs: int


CONTENDERS = (
    Contender("python -m venv", "venv", None, False),
    Contender("python -m venv --without-pip", "venv-without-pip", None, False),
    Contender("virtualenv", "virtualenv", "virtualenv", True),
    Contender("uv venv", "uv", "uv", True),
)


def command(contender: Contender, tool: Path | None, python: Path, folder: Path) -> list[str]:
    if contender.slug == "venv":
        return [str(python), "-m", "venv", str(folder)]
    if contender.slug == "venv-without-pip":
        return [str(python), "-m", "venv", "--without-pip", str(folder)]
    if contender.slug == "virtualenv":
        return [str(tool), "--quiet", "--python", str(python), str(folder)]
    return [str(tool), "venv", "--quiet", "--offline", "--python", str(python), str(folder)]


def measure(contender: Contender, tool: Path | None, base: Path, runs: int, context: StepContext) -> Timing:
    env = tool_environment(context.workspace.root)
    seconds = []
    for number in range(runs + contender.warm_up):
        folder = base / f"{contender.slug}-{number}"
        if folder.exists():
            shutil.rmtree(folder)
        result = run_command(command(contender, tool, context.python, folder), base, env, RUN_TIMEOUT_SECONDS)
        shutil.rmtree(folder, ignore_errors=True)
        if not result.succeeded:
            last = (result.output.strip().splitlines() or ["no message"])[-1]
            return Timing(contender.label, (), None, f"exit code {result.returncode}: {last}")
        if number >= contender.warm_up:
            seconds.append(result.seconds)
    return Timing(contender.label, tuple(seconds), None, None)


def perform_timing(step: TimingStep, context: StepContext) -> TimingResult:
    base = context.path(step.timing)
    base.mkdir(parents=True, exist_ok=True)
    timings = []
    for contender in CONTENDERS:
        tool = find_tool(contender.tool) if contender.tool else None
        if contender.tool and tool is None:
            timings.append(Timing(contender.label, (), contender.tool, None))
            continue
        timings.append(measure(contender, tool, base, step.runs, context))
    return TimingResult(tuple(timings), step.runs)
