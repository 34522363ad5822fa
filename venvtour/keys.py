"""Single key presses from a terminal, without waiting for Enter, and what each key means at a pause."""

from __future__ import annotations

import os
import sys
import time

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


def key_waiting(seconds: float) -> bool:
    """True as soon as a key is pressed, False after ``seconds``; the key stays unread for read_key."""
    if sys.platform == "win32":
        import msvcrt

        deadline = time.monotonic() + seconds
        while not msvcrt.kbhit():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True
    import select
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        return bool(select.select([fd], [], [], seconds)[0])
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def read_line(prompt: str) -> str:
    """A typed line (for a step number or an answer); end of input counts as an empty answer."""
    try:
        return input(prompt)
    except EOFError:
        return ""
