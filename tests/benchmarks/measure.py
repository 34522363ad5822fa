"""Run one child process and measure it: wall time, its own peak RSS, and the peak of its whole tree.

Every measured command, venvtour's and the floors', starts through the same small wrapper, so the
wrapper's cost is paid on both sides of each ratio and cancels out.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# Runs a module (like ``python -m``) or a script file, then writes this process's own peak RSS.
# RUSAGE_SELF leaves out the children: pip inside ``python -m venv`` is the floor's work, not venvtour's.
WRAPPER = '''"""Run a module or a script as python would, then report this process's own peak RSS in KiB."""
import atexit
import resource
import runpy
import sys

report, target = sys.argv[1], sys.argv[2]
sys.argv = [target, *sys.argv[3:]]


def write_peak():
    with open(report, "w") as handle:
        handle.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


atexit.register(write_peak)
if target.endswith(".py"):
    runpy.run_path(target, run_name="__main__")
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
'''

STDERR_TAIL_LINES = 5


class RunFailed(Exception):
    """A measured command exited non-zero: its figure cannot be trusted, so it is reported as failed."""


@dataclass(frozen=True)
class Sample:
    seconds: float
    self_peak_kib: int
    tree_peak_kib: int
    output: str


@dataclass(frozen=True)
class Command:
    """A measured command: an interpreter running a module or script through the wrapper."""

    label: str
    python: str
    target: str
    args: tuple[str, ...] = ()

    def argv(self, wrapper: Path, report: Path) -> list[str]:
        return [self.python, str(wrapper), str(report), self.target, *self.args]


class Runner:
    """Owns the scratch folder where the wrapper, the peak reports and the stderr logs go."""

    def __init__(self, scratch: Path, env: Mapping[str, str]) -> None:
        self.scratch = scratch
        self.env = dict(env)
        self.wrapper = scratch / "peak_wrapper.py"
        self.wrapper.write_text(WRAPPER, encoding="utf-8")
        self.count = 0

    def measure(self, command: Command) -> Sample:
        self.count += 1
        report = self.scratch / f"peak-{self.count}.txt"
        log = self.scratch / f"stderr-{self.count}.txt"
        output = self.scratch / f"stdout-{self.count}.txt"
        with log.open("wb") as stderr, output.open("wb") as stdout:
            started = time.perf_counter()
            child = subprocess.Popen(
                command.argv(self.wrapper, report),
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
                env=self.env,
                cwd=self.scratch,
            )
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise RunFailed(f"{command.label} exited {child.returncode}: {tail(log)}")
        peak = int(report.read_text(encoding="utf-8"))
        return Sample(seconds, peak, usage.ru_maxrss, output.read_text(encoding="utf-8", errors="replace"))


def tail(log: Path) -> str:
    lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return " | ".join(line.strip() for line in lines[-STDERR_TAIL_LINES:]) or "no message"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def imported_modules(argv: Sequence[str], env: Mapping[str, str], cwd: Path) -> dict[str, float]:
    """Module name to its own import time in ms, read from ``-X importtime`` (argv[0] is the python)."""
    completed = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(env),
        cwd=cwd,
        check=False,
    )
    modules: dict[str, float] = {}
    for line in completed.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            self_us, _, name = line.removeprefix("import time:").split("|")
            modules[name.strip()] = int(self_us) / 1000
    return modules
