"""Single key presses from a terminal, without waiting for Enter."""

from __future__ import annotations

import os
import sys

ARROWS = {"\x1b[C": "right", "\x1b[D": "left", "\x1b[A": "up", "\x1b[B": "down"}
NAMES = {"\r": "enter", "\n": "enter", " ": "space", "\x1b": "escape"}


def read_key() -> str:
    """The next key as a name (``enter``, ``space``, ``left``) or the character itself; Ctrl-C raises."""
    raw = read_raw()
    if raw == "\x03":
        raise KeyboardInterrupt
    return ARROWS.get(raw) or NAMES.get(raw) or raw


def read_raw() -> str:
    if sys.platform == "win32":
        import msvcrt

        first = msvcrt.getwch()
        if first in ("\x00", "\xe0"):
            return {"M": "\x1b[C", "K": "\x1b[D", "H": "\x1b[A", "P": "\x1b[B"}.get(msvcrt.getwch(), "")
        return first
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setraw(fd)
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
