"""What every shell shares: print the state, source activate, print, deactivate, print.

Each shell module only says how to write that script in its own language and how to start the
shell; running it and reading the three snapshots happens here once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

from venvtour.errors import StepFailed

RECORD = "\x1e"
FIELD = "\x1f"
PHASES = ("before", "after", "restored")
WATCHED = ("PATH", "VIRTUAL_ENV", "VIRTUAL_ENV_PROMPT", "PYTHONHOME", "PS1")
CAPTURE_TIMEOUT_SECONDS = 30.0
TERMINAL_CODES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[@-Z\\-_])|[\x01\x02]")

Snapshot = dict[str, str | None]


@dataclass(frozen=True)
class ActivationCapture:
    """The shell's state before activation, after it, and after ``deactivate``.

    Each snapshot maps the watched variables, ``prompt`` (the prompt as the shell draws it) and
    ``python`` (what the command ``python`` resolves to) to their value, or None when unset.
    """

    shell: str
    program: str
    script: Path
    before: Snapshot
    after: Snapshot
    restored: Snapshot
    path_separator: str = os.pathsep


class Shell(ABC):
    name: str
    programs: tuple[str, ...]
    script_name: str

    def find(self) -> str | None:
        for program in self.programs:
            found = shutil.which(program)
            if found:
                return found
        return None

    @abstractmethod
    def capture_script(self) -> str:
        """A script that sources ``$VENVTOUR_ACTIVATE`` between three snapshots."""

    @abstractmethod
    def argv(self, program: str, script: str) -> list[str]:
        """How to start the shell so that it runs ``script`` as an interactive shell would."""

    def private_environment(self, scratch: Path) -> dict[str, str]:
        """Variables that keep a shell's start-up files in ``scratch``, not the user's home, and the shell offline."""
        return {}

    def capture(self, scripts_dir: Path) -> ActivationCapture:
        program = self.find()
        if program is None:
            raise StepFailed(f"{self.name} is not installed here")
        activate = scripts_dir / self.script_name
        if not activate.is_file():
            raise StepFailed(f"{activate} does not exist: was the venv created?")
        with tempfile.TemporaryDirectory(prefix="venvtour-shell-") as scratch:
            completed = self.run(program, activate, Path(scratch))
        snapshots = parse_snapshots(completed.stdout)
        if set(snapshots) != set(PHASES):
            detail = (completed.stderr.strip().splitlines() or ["no message"])[-1]
            raise StepFailed(f"{self.name} could not source {activate}: {detail}")
        return ActivationCapture(
            self.name, program, activate, snapshots["before"], snapshots["after"], snapshots["restored"]
        )

    def run(self, program: str, activate: Path, scratch: Path) -> subprocess.CompletedProcess[str]:
        """The shell stands where a learner would: in the folder that holds the venv, so its prompt shows that."""
        env = {**os.environ, **self.private_environment(scratch), "VENVTOUR_ACTIVATE": str(activate)}
        env.pop("HISTFILE", None)
        try:
            return subprocess.run(
                self.argv(program, self.capture_script()),
                env=env,
                cwd=activate.parent.parent.parent,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=CAPTURE_TIMEOUT_SECONDS,
                start_new_session=True,
            )
        except subprocess.TimeoutExpired:
            raise StepFailed(f"{self.name} did not finish activating within {CAPTURE_TIMEOUT_SECONDS:g} s") from None


def parse_snapshots(output: str) -> dict[str, Snapshot]:
    """Read ``RECORD phase`` headers followed by ``name FIELD is-set FIELD value`` lines."""
    snapshots: dict[str, Snapshot] = {}
    for record in output.split(RECORD)[1:]:
        phase, _, body = record.partition("\n")
        snapshot: Snapshot = {}
        for line in body.split("\n"):
            if line.count(FIELD) >= 2:
                name, is_set, value = line.split(FIELD, 2)
                snapshot[name] = field_value(name, value) if is_set else None
        snapshots[phase.strip()] = snapshot
    return snapshots


def field_value(name: str, value: str) -> str:
    """The prompt without colour and cursor codes: shells emit them even into a pipe, and a table cannot show them."""
    return TERMINAL_CODES.sub("", value) if name == "prompt" else value
