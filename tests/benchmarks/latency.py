"""Step latency: from an Enter pressed on a real pseudo-terminal to the next step's heading drawn.

The lesson has only say-steps, so nothing runs between the two: what is timed is the player itself
(reading the key, clearing the footer, drawing the heading). The key is sent only once the previous
step has been quiet for a while, so the player is surely waiting for it and no drawing is counted twice.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pexpect

STEPS = 8
SETTLE_SECONDS = 0.3
TIMEOUT_SECONDS = 30.0
TERMINAL_SIZE = (40, 120)
SAY = "A short paragraph with `code` and *emphasis*, as lessons have, so that drawing it costs what it usually does."


def write_lesson(folder: Path) -> Path:
    """A lesson of say-steps only; its id cannot clash with a shipped lesson's."""
    steps = "".join(f"  - title: Reading {number}\n    say: {SAY}\n" for number in range(1, STEPS + 1))
    path = folder / "latency-lesson.yaml"
    path.write_text(
        f"id: zz-benchmark-latency\ntitle: Latency benchmark\nsummary: Say-steps only.\nsteps:\n{steps}",
        encoding="utf-8",
    )
    return path


def heading(number: int) -> str:
    return f"Step {number}/{STEPS}"


def play_once(argv: Sequence[str], env: Mapping[str, str]) -> list[float]:
    """One play of the lesson; the seconds from each Enter to the next heading."""
    child = pexpect.spawn(
        argv[0], list(argv[1:]), env=dict(env), dimensions=TERMINAL_SIZE, encoding="utf-8", timeout=TIMEOUT_SECONDS
    )
    try:
        child.expect_exact(heading(1))
        latencies = [press_enter_until(child, heading(number)) for number in range(2, STEPS + 1)]
        settle(child)
        child.send("\r")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    if child.exitstatus != 0:
        raise RuntimeError(f"the latency lesson ended with exit status {child.exitstatus}: {child.before[-300:]!r}")
    return latencies


def press_enter_until(child: pexpect.spawn, text: str) -> float:
    settle(child)
    started = time.perf_counter()
    child.send("\r")
    child.expect_exact(text)
    return time.perf_counter() - started


def settle(child: pexpect.spawn) -> None:
    """Let the step finish drawing and the player sit at its key prompt, reading whatever it drew."""
    deadline = time.perf_counter() + SETTLE_SECONDS
    while (left := deadline - time.perf_counter()) > 0:
        try:
            child.read_nonblocking(size=65536, timeout=left)
        except pexpect.TIMEOUT:
            return
