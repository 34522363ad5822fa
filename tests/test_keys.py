"""Keys read from a real pseudo-terminal: names for special keys, Ctrl-C as an interrupt, the terminal restored."""

from __future__ import annotations

import sys

import pexpect
import pytest

from venvtour.keys import HELP, MOVES

READ_TWO_KEYS = """
import termios, sys
from venvtour.keys import read_key
before = termios.tcgetattr(0)
print("ready", flush=True)
try:
    for _ in range(2):
        print(repr(read_key()), flush=True)
except KeyboardInterrupt:
    print("interrupted", flush=True)
print("restored" if termios.tcgetattr(0) == before else "changed", flush=True)
"""


@pytest.mark.parametrize(
    ("sent", "names"),
    [
        (["\x1b[D", "\x1b[C"], ["'left'", "'right'"]),
        (["\r", " "], ["'enter'", "'space'"]),
        (["b", "?"], ["'b'", "'?'"]),
    ],
)
def test_keys_are_named_and_the_terminal_restored(sent: list[str], names: list[str]) -> None:
    child = pexpect.spawn(sys.executable, ["-c", READ_TWO_KEYS], encoding="utf-8", timeout=30)
    child.expect_exact("ready")
    for key, name in zip(sent, names, strict=True):
        child.send(key)
        child.expect_exact(name)
    child.expect_exact("restored")
    child.expect(pexpect.EOF)


def test_ctrl_c_interrupts_and_restores_the_terminal() -> None:
    child = pexpect.spawn(sys.executable, ["-c", READ_TWO_KEYS], encoding="utf-8", timeout=30)
    child.expect_exact("ready")
    child.send("\x03")
    child.expect_exact("interrupted")
    child.expect_exact("restored")
    child.expect(pexpect.EOF)


def test_every_move_has_help() -> None:
    described = " ".join(keys for keys, _ in HELP)
    for move in set(MOVES.values()):
        assert any(MOVES[key] == move and (key in described or key.capitalize() in described) for key in MOVES), move


READ_WITHIN = """
from venvtour.keys import read_key_within
print("none" if read_key_within(0) is None else "key", flush=True)
print("ready", flush=True)
print(repr(read_key_within(60)), flush=True)
"""


def test_a_key_pressed_while_waiting_is_read_not_lost() -> None:
    child = pexpect.spawn(sys.executable, ["-c", READ_WITHIN], encoding="utf-8", timeout=30)
    child.expect_exact("none")
    child.expect_exact("ready")
    child.send("x")
    child.expect_exact("'x'")
    child.expect(pexpect.EOF)


TYPED_WHILE_BUSY = """
import time
from venvtour.keys import keys_kept, read_key
with keys_kept():
    print("busy", flush=True)
    time.sleep(1)
    print("reading", flush=True)
    print(repr(read_key()), flush=True)
"""


def test_a_key_typed_while_a_command_runs_is_kept_and_not_echoed() -> None:
    child = pexpect.spawn(sys.executable, ["-c", TYPED_WHILE_BUSY], encoding="utf-8", timeout=30)
    child.expect_exact("busy")
    child.send("q")
    child.expect_exact("reading")
    assert "q" not in child.before
    child.expect_exact("'q'")
    child.expect(pexpect.EOF)
