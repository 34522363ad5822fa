"""Where `play` spends its time besides the lesson's own commands, read from one run under cProfile.

The profiler slows Python code (imports, drawing) more than the commands, which run in other
processes: the shares show where to look, the timed figures stay the ones measured without it.
A part whose function was renamed shows 0 and its time moves to ``the rest``.
"""

from __future__ import annotations

import pstats
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

# pstats' table: (file, line, function) to (calls, primitive calls, own time, cumulative time, callers).
Stats = dict[tuple[str, int, str], tuple[int, int, float, float, object]]

# Part of the run, and the (file ending, function name) whose cumulative time measures it.
PARTS = (
    ("the lesson's commands", "venvtour/process.py", "run_command"),
    ("imports", "<frozen importlib._bootstrap>", "_find_and_load"),
    ("loading lessons", "venvtour/catalog.py", "load_catalog"),
    ("probes of interpreters", "venvtour/probe.py", "probe"),
    ("shell activation captures", "venvtour/shells/base.py", "capture"),
    ("drawing (rich Console.print)", "rich/console.py", "print"),
    ("saving progress", "venvtour/progress.py", "save"),
)


def profile_play(python: str, play_args: Sequence[str], env: Mapping[str, str], out: Path) -> list[tuple[str, float]]:
    """Seconds per part, then ``the rest`` and ``total``, from one profiled run."""
    argv = [python, "-m", "cProfile", "-o", str(out), "-m", "venvtour", *play_args]
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(env), check=True)
    stats: Stats = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    total = max(row[3] for row in stats.values())
    parts = [(name, cumulative(stats, ending, function)) for name, ending, function in PARTS]
    return [*parts, ("the rest", total - sum(seconds for _, seconds in parts)), ("total", total)]


def cumulative(stats: Stats, ending: str, name: str) -> float:
    """cProfile counts a recursive function's time once, at its outermost call, so imports add up right."""
    return sum(row[3] for (file, _, function), row in stats.items() if function == name and file.endswith(ending))
