"""Ask an interpreter about itself by running :mod:`venvtour.probe_script` inside it.

One process per probe, and nothing of the target is imported into the tool: the target may be
another version, another implementation or a broken installation.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import signal
import subprocess
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from venvtour.errors import ProbeError

PROBE_TIMEOUT_SECONDS = 20.0
MESSAGE_LIMIT = 200
TRACEBACK = "Traceback (most recent call last):"
FATAL = "Fatal Python error"


@dataclass(frozen=True)
class InterpreterFacts:
    """What an interpreter reports about itself, read live in its own process."""

    executable: str
    executable_resolved: str
    version: str
    version_info: tuple[int, int, int]
    implementation: str
    platform: str
    os_name: str
    prefix: str
    base_prefix: str
    exec_prefix: str
    base_exec_prefix: str
    in_venv: bool
    path: tuple[str, ...]
    site_packages: tuple[str, ...]
    user_site: str | None
    user_site_enabled: bool
    purelib: str
    scripts: str
    stdlib: str
    externally_managed: str | None
    pyvenv_cfg: str | None
    pyvenv_cfg_values: dict[str, str]
    venv_scripts_name: str
    platstdlib: str = ""
    pth_paths: tuple[str, ...] = ()
    pythonpath: tuple[str, ...] = ()
    pip_module: str | None = None
    cwd_entry: bool = False

    @classmethod
    def from_json(cls, data: dict[str, object]) -> InterpreterFacts:
        fields: dict[str, Any] = dict(data)
        for name in ("version_info", "path", "site_packages", "pth_paths", "pythonpath"):
            fields[name] = tuple(fields[name])
        return cls(**fields)


@cache
def probe_source() -> str:
    return resources.files("venvtour").joinpath("probe_script.py").read_text(encoding="utf-8")


def resolve_interpreter(python: str | os.PathLike[str], search_path: str | None = None) -> Path:
    """Turn a path or a command name (``python3.12``) into an existing file, or say why not.

    ``search_path`` stands in for ``PATH`` so callers can ask about another environment than ours.
    """
    text = os.fspath(python)
    candidate = Path(text)
    if os.sep not in text and "/" not in text:
        found = shutil.which(text, path=search_path)
        if found:
            return Path(found)
        if not candidate.exists():
            raise ProbeError(f"no {text} on PATH, and no file called {text} here")
    if candidate.is_dir():
        raise ProbeError(f"{text} is a folder, not a Python interpreter")
    if not candidate.is_file():
        raise ProbeError(f"no Python interpreter at {text}")
    return candidate


def run_limited(argv: list[str], timeout: float) -> tuple[int, str, str]:
    """Run ``argv`` in its own process group, so a hang is ended with everything it started.

    ``subprocess.run`` kills only the direct child; a wrapper script's grandchild would keep the pipes
    open and the call waiting long after the time limit.
    """
    try:
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=os.name == "posix",
        )
    except OSError as error:
        reason = error.strerror or str(error)
        if error.errno == errno.ENOEXEC:
            reason = f"it is not a program this system can run ({reason})"
        raise ProbeError(f"{argv[0]} could not be run: {reason}") from None
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop_group(process)
        process.communicate()
        raise ProbeError(f"{argv[0]} did not answer within {timeout:g} seconds and was stopped") from None
    return process.returncode, stdout, stderr


def stop_group(process: subprocess.Popen[str]) -> None:
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def failure_line(stderr: str) -> str:
    """The line that names the failure: a fatal error, a traceback's last line, else the first (a shim's own)."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    fatal = [line for line in lines if line.startswith(FATAL)]
    if fatal:
        line = fatal[0]
    elif TRACEBACK in stderr:
        line = next(line for line in reversed(lines) if not line[0].isspace())
    else:
        line = lines[0] if lines else "no message"
    return line if len(line) <= MESSAGE_LIMIT else line[: MESSAGE_LIMIT - 1] + "…"


def probe(python: str | os.PathLike[str], timeout: float = PROBE_TIMEOUT_SECONDS) -> InterpreterFacts:
    """Run the probe in ``python`` and return its facts; any failure becomes a :class:`ProbeError`."""
    interpreter = resolve_interpreter(python)
    returncode, stdout, stderr = run_limited([str(interpreter), "-c", probe_source()], timeout)
    if returncode < 0:
        raise ProbeError(f"{interpreter} crashed: killed by {signal_name(-returncode)}")
    if returncode != 0:
        raise ProbeError(f"{interpreter} failed (exit {returncode}): {failure_line(stderr)}")
    try:
        return InterpreterFacts.from_json(json.loads(stdout))
    except (ValueError, TypeError):
        raise ProbeError(f"{interpreter} did not answer like a Python 3.6+ interpreter") from None
