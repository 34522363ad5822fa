"""The full tour: every lesson played with --no-pause, timed as a whole, per lesson and per action kind.

A step is timed from outside, from its heading to the next heading (or to the end of the play), so
its time is what the learner waits for: the action and the drawing of its result. The time before the
first heading (start-up, opening, probing the base python) is kept apart as ``start``. The kind of each
step comes from venvtour's own lesson model, read in-process; nothing else of venvtour runs here.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HEADING = re.compile(r"Step (\d+)/(\d+)")
ID_HEADING = re.compile(r"\bid\b")
LESSON_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
START = "start"


@dataclass
class TourTimes:
    total: float = 0.0
    by_lesson: dict[str, float] = field(default_factory=dict)
    by_kind: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    steps_by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failed: dict[str, str] = field(default_factory=dict)


def lesson_ids(list_output: str) -> list[str]:
    """The ids in `venvtour list`'s table: the word under the ``id`` heading on each row below it.

    Only the column is relied on, not the table's borders or its other columns, which change.
    """
    lines = list_output.splitlines()
    for number, line in enumerate(lines):
        heading = ID_HEADING.search(line)
        if heading:
            cells = (row[heading.start() :].split() for row in lines[number + 1 :])
            return [words[0] for words in cells if words and LESSON_ID.fullmatch(words[0])]
    raise RuntimeError(f"no id column in `venvtour list`:\n{list_output}")


def step_kinds() -> dict[str, list[str]]:
    from venvtour.catalog import load_catalog
    from venvtour.errors import VenvtourError

    try:
        return {loaded.lesson.id: [step.action for step in loaded.lesson.steps] for loaded in load_catalog()}
    except VenvtourError as error:
        raise RuntimeError(f"the lessons do not load: {error}") from None


def heading_times(argv: Sequence[str], env: Mapping[str, str]) -> tuple[list[float], float]:
    """Seconds from the start at which each step heading appeared, and the seconds the whole play took."""
    started = time.perf_counter()
    seen: list[float] = []
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(env), text=True) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if HEADING.search(line):
                seen.append(time.perf_counter() - started)
        stderr = child.stderr.read() if child.stderr else ""
    ended = time.perf_counter() - started
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[3:5])} exited {child.returncode}: {stderr.strip()[-300:]}")
    return seen, ended


def add_lesson(times: TourTimes, lesson: str, kinds: list[str], seen: list[float], ended: float) -> None:
    times.total += ended
    times.by_lesson[lesson] = ended
    times.by_kind[START] += seen[0] if seen else ended
    times.steps_by_kind[START] += 1
    for kind, begin, end in zip(kinds, seen, [*seen[1:], ended], strict=False):
        times.by_kind[kind] += end - begin
        times.steps_by_kind[kind] += 1


def play_all(python: str, base: str, workspace: Path, lessons: list[str], env: Mapping[str, str]) -> TourTimes:
    """Every lesson in one workspace, in the list's order, as a learner goes through them."""
    kinds = step_kinds()
    times = TourTimes()
    for lesson in lessons:
        argv = [python, "-m", "venvtour", *play_args(lesson, workspace, base, pause=False)]
        try:
            seen, ended = heading_times(argv, {**env, "PYTHONUNBUFFERED": "1"})
        except RuntimeError as error:
            times.failed[lesson] = str(error)
            continue
        add_lesson(times, lesson, kinds.get(lesson, []), seen, ended)
    return times


def play_args(lesson: str, workspace: Path, base: str, *, pause: bool) -> tuple[str, ...]:
    """The same interpreter for the tour and its floor is passed explicitly, never left to a default."""
    return ("play", lesson, *(() if pause else ("--no-pause",)), "--workspace", str(workspace), "--python", base)
