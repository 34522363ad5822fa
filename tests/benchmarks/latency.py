"""Step latency: from an Enter pressed on a real pseudo-terminal to the next step's heading drawn.

The lesson has only say-steps, so nothing runs between the two: what is timed is the player itself
(reading the key, clearing the footer, drawing the heading). The key is sent only once the previous
step has been quiet for a while, so the player is surely waiting for it and no drawing is counted twice.
Each say-text ends in a word of its own, so the time until the whole step is drawn is read as well.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pexpect

STEPS = 8
SETTLE_SECONDS = 0.3
TIMEOUT_SECONDS = 30.0
TERMINAL_SIZE = (40, 100)
SAY = "A short paragraph with `code` and *emphasis*, as lessons have, so that drawing it costs what it usually does."


def write_lesson(folder: Path) -> Path:
    """A lesson of say-steps only; its id cannot clash with a shipped lesson's."""
    steps = "".join(step_text(number) for number in range(1, STEPS + 1))
    path = folder / "latency-lesson.yaml"
    path.write_text(
        f"id: zz-benchmark-latency\ntitle: Latency benchmark\nsummary: Say-steps only.\nsteps:\n{steps}",
        encoding="utf-8",
    )
    return path


def step_text(number: int) -> str:
    return f"  - title: Reading {number}\n    say: {SAY} {end_word(number)}\n"


def heading(number: int) -> str:
    return f"Step {number}/{STEPS}"


def end_word(number: int) -> str:
    """One word, so that wrapping can never split it."""
    return f"reading{number}done"


def play_once(argv: Sequence[str], env: Mapping[str, str]) -> list[tuple[float, float]]:
    """One play of the lesson; for each Enter, the seconds until the next heading and until that step is drawn."""
    terminal_env = {**env, "TERM": "xterm-256color"}
    child = pexpect.spawn(
        argv[0], list(argv[1:]), env=terminal_env, dimensions=TERMINAL_SIZE, encoding="utf-8", timeout=TIMEOUT_SECONDS
    )
    child.delaybeforesend = None  # pexpect sleeps 50 ms before each send by default: not the player's time
    try:
        expect_text(child, heading(1))
        latencies = [press_enter(child, number) for number in range(2, STEPS + 1)]
        settle(child)
        child.send("\r")
        expect_text(child, pexpect.EOF)
    finally:
        child.close(force=True)
    if child.exitstatus != 0:
        raise RuntimeError(f"the latency lesson ended with exit status {child.exitstatus}")
    return latencies


def press_enter(child: pexpect.spawn, number: int) -> tuple[float, float]:
    settle(child)
    started = time.perf_counter()
    child.send("\r")
    expect_text(child, heading(number))
    headed = time.perf_counter() - started
    expect_text(child, end_word(number))
    return headed, time.perf_counter() - started


def expect_text(child: pexpect.spawn, text: str | type[pexpect.EOF]) -> None:
    """Wait for ``text`` (or the end); if it never comes, say what the screen showed last, not pexpect's dump."""
    try:
        child.expect_exact(text)
    except (pexpect.TIMEOUT, pexpect.EOF) as error:
        shown = " ".join(str(child.before).split())[-200:]
        raise RuntimeError(f"{text!r} never appeared ({type(error).__name__}); the screen showed: {shown}") from None


def settle(child: pexpect.spawn) -> None:
    """Let the step finish drawing and the player sit at its key prompt, reading whatever it drew."""
    deadline = time.perf_counter() + SETTLE_SECONDS
    while (left := deadline - time.perf_counter()) > 0:
        try:
            child.read_nonblocking(size=65536, timeout=left)
        except pexpect.TIMEOUT:
            return
