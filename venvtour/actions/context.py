"""What the actions of one lesson run share: the workspace, placeholders, and live facts kept while valid."""

from __future__ import annotations

from pathlib import Path

from venvtour.placeholders import Placeholders
from venvtour.probe import InterpreterFacts, probe
from venvtour.shells import ActivationCapture
from venvtour.workspace import Workspace


class StepContext:
    """Caches probes and activation captures until a command may have changed what they saw."""

    def __init__(self, workspace: Workspace, python: Path) -> None:
        self.workspace = workspace
        self.python = python
        self.placeholders = Placeholders(python, workspace.root, self.facts)
        self._facts: dict[Path, InterpreterFacts] = {}
        self.captures: dict[tuple[Path, str], ActivationCapture] = {}

    def facts(self, python: Path) -> InterpreterFacts:
        if python not in self._facts:
            self._facts[python] = probe(python)
        return self._facts[python]

    def forget(self) -> None:
        """A command ran: what was measured before may no longer be true (the base python stays)."""
        base = self._facts.get(self.python)
        self._facts = {self.python: base} if base else {}
        self.captures.clear()

    def path(self, text: str) -> Path:
        """A lesson path: placeholders filled in, relative paths taken inside the workspace."""
        expanded = self.placeholders.expand(text)
        if Path(expanded).is_absolute():
            return Path(expanded)
        return self.workspace.path(expanded)

    def venv_scripts(self, venv: Path) -> Path:
        return venv / self.facts(self.python).venv_scripts_name
