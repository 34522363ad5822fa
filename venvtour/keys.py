"""Single key presses from a terminal, without waiting for Enter, and what each key means at a pause."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

ARROWS = {"\x1b[C": "right", "\x1b[D": "left", "\x1b[A": "up", "\x1b[B": "down"}
NAMES = {"\r": "enter", "\n": "enter", " ": "space", "\x1b": "escape"}
MOVES = {
    "enter": "next",
    "space": "next",
    "right": "next",
    "n": "next",
    "b": "back",
    "left": "back",
    "r": "rerun",
    "g": "jump",
    "l": "list",
    "?": "help",
    "h": "help",
    "q": "quit",
    "escape": "quit",
}
HELP = (
    ("Enter, space, →", "next step"),
    ("b, ←", "back: show the previous step again, without running it"),
    ("r", "run the current step again, live"),
    ("g", "go to a step by its number"),
    ("l", "list the lesson's steps"),
    ("?", "this help"),
    ("q, Esc", "quit (progress is kept; `venvtour resume` goes on)"),
    ("Ctrl-C", "stop at once, even while a command runs"),
)


def read_key() -> str:
    """The next key as a name (``enter``, ``space``, ``left``) or the character itself; Ctrl-C raises."""
    raw = read_raw(None)
    assert raw is not None
    return key_name(raw)


def read_key_within(seconds: float) -> str | None:
    """Like read_key, but None when no key came within ``seconds`` (for ``--auto``)."""
    raw = read_raw(seconds)
    return None if raw is None else key_name(raw)


def key_name(raw: str) -> str:
    if raw == "\x03":
        raise KeyboardInterrupt
    return ARROWS.get(raw) or NAMES.get(raw) or raw


def read_raw(seconds: float | None) -> str | None:
    """One key from the terminal in raw mode; waiting and reading happen in that one mode, so no key is lost."""
    if sys.platform == "win32":
        import msvcrt

        deadline = None if seconds is None else time.monotonic() + seconds
        while deadline is not None and not msvcrt.kbhit():
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.02)
        first = msvcrt.getwch()
        if first in ("\x00", "\xe0"):
            return {"M": "\x1b[C", "K": "\x1b[D", "H": "\x1b[A", "P": "\x1b[B"}.get(msvcrt.getwch(), "")
        return first
    import select
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setraw(fd, termios.TCSANOW)
        if seconds is not None and not select.select([fd], [], [], seconds)[0]:
            return None
        first = os.read(fd, 1).decode(errors="replace")
        if first == "\x1b":
            return first + read_escape_tail(fd)
        return first
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def read_escape_tail(fd: int) -> str:
    """An arrow key arrives as ESC [ X; a lone Escape has nothing after it."""
    import select

    tail = ""
    while len(tail) < 2 and select.select([fd], [], [], 0.05)[0]:
        tail += os.read(fd, 1).decode(errors="replace")
    return tail


@contextmanager
def keys_kept() -> Iterator[None]:
    """For a whole tour: no echo and no line buffering, so a key pressed while a command runs waits, unseen,
    for the next pause instead of scribbling over the output. The terminal is restored however the tour ends.

    Modes are switched with TCSANOW throughout: the default (TCSAFLUSH) throws away keys typed ahead.
    """
    if sys.platform == "win32" or not sys.stdin.isatty():
        yield
        return
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd, termios.TCSANOW)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def read_line(prompt: str) -> str:
    """A typed line (for a step number or an answer), echoed as usual; end of input is an empty answer."""
    try:
        with line_mode():
            return input(prompt)
    except EOFError:
        return ""


@contextmanager
def line_mode() -> Iterator[None]:
    if sys.platform == "win32" or not sys.stdin.isatty():
        yield
        return
    import termios

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    typing = list(saved)
    typing[3] = saved[3] | termios.ICANON | termios.ECHO
    try:
        termios.tcsetattr(fd, termios.TCSADRAIN, typing)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
