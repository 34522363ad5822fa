"""Run one real command in the workspace and keep everything it printed."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from venvtour.errors import StepFailed

QUIET_PIP = {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}


@dataclass(frozen=True)
class CommandResult:
    argv: tuple[str, ...]
    returncode: int
    output: str
    seconds: float

    @property
    def succeeded(self) -> bool:
        return self.returncode == 0


def command_environment(extra: Mapping[str, str]) -> dict[str, str]:
    """The user's own environment, with pip kept off the network for its version check."""
    return {**os.environ, **QUIET_PIP, **extra}


def run_command(argv: Sequence[str], cwd: Path, extra_env: Mapping[str, str], timeout: float) -> CommandResult:
    """Run without a shell; stdout and stderr are kept together, in the order they were written."""
    started = time.perf_counter()
    try:
        completed = subprocess.run(
            list(argv),
            cwd=cwd,
            env=command_environment(extra_env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
    except FileNotFoundError:
        raise StepFailed(f"{argv[0]}: command not found") from None
    except PermissionError:
        raise StepFailed(f"{argv[0]}: permission denied") from None
    except subprocess.TimeoutExpired:
        raise StepFailed(f"{' '.join(argv)} did not finish within {timeout:g} seconds and was stopped") from None
    return CommandResult(tuple(argv), completed.returncode, completed.stdout, time.perf_counter() - started)
