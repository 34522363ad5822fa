"""Where Python interpreters may be on this machine: PATH, the Windows py launcher, pyenv, uv.

This only lists candidates and how each was found; whether one really is a usable Python 3 is
decided by probing it, because PATH is full of things named python that are not (pyenv shims for
versions not selected, Python 2, broken links).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from venvtour.tools import find_tool

PYTHON_NAME = re.compile(r"^python(\d+(\.\d+)?)?(\.exe)?$", re.IGNORECASE)
PY_LAUNCHER_LINE = re.compile(r"^\s*-V?:?\S+\s+(?:\*\s+)?(?P<path>\S.*?)\s*$")
ASK_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class Candidate:
    source: str
    path: Path


def ask(argv: Sequence[str], env: dict[str, str] | None = None) -> str:
    """The output of a helper command; an empty string when it fails, since discovery goes on without it."""
    try:
        completed = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            errors="replace",
            timeout=ASK_TIMEOUT_SECONDS,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return completed.stdout if completed.returncode == 0 else ""


def on_path() -> Iterator[Candidate]:
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            continue
        for name in names:
            path = Path(folder) / name
            if PYTHON_NAME.match(name) and os.access(path, os.X_OK) and path.is_file():
                yield Candidate("PATH", path)


def from_py_launcher() -> Iterator[Candidate]:
    launcher = shutil.which("py") if os.name == "nt" else None
    if launcher is None:
        return
    for line in ask([launcher, "--list-paths"]).splitlines():
        match = PY_LAUNCHER_LINE.match(line)
        if match and match.group("path").lower().endswith(".exe"):
            yield Candidate("py launcher", Path(match.group("path")))


def from_pyenv() -> Iterator[Candidate]:
    pyenv = shutil.which("pyenv")
    root = ask([pyenv, "root"]).strip() if pyenv else ""
    if not root:
        return
    for version in sorted((Path(root) / "versions").glob("*"), key=version_key):
        for name in ("python3", "python"):
            if (version / "bin" / name).is_file():
                yield Candidate("pyenv", version / "bin" / name)
                break


def version_key(folder: Path) -> tuple[int, ...]:
    """``3.9.18`` before ``3.10.13``: numbers compared as numbers; other names go last."""
    numbers = re.findall(r"\d+", folder.name)
    return tuple(int(number) for number in numbers) if numbers else (sys.maxsize,)


def from_uv(env: dict[str, str]) -> Iterator[Candidate]:
    uv = find_tool("uv")
    found = ask([str(uv), "python", "find", "--offline"], env).strip() if uv else ""
    if found:
        yield Candidate("uv python find", Path(found))


def candidates(tool_env: dict[str, str]) -> list[Candidate]:
    """Every candidate once, first source wins, in the order a learner would meet them."""
    seen: set[Path] = set()
    unique = []
    for candidate in (*on_path(), *from_py_launcher(), *from_pyenv(), *from_uv(tool_env)):
        if candidate.path not in seen:
            seen.add(candidate.path)
            unique.append(candidate)
    return unique
