"""The shells whose activation the tour can capture, by name."""

from __future__ import annotations

from venvtour.errors import StepFailed
from venvtour.shells.base import ActivationCapture, Shell
from venvtour.shells.bash import Bash
from venvtour.shells.csh import Csh
from venvtour.shells.fish import Fish
from venvtour.shells.powershell import PowerShell
from venvtour.shells.zsh import Zsh

SHELLS: dict[str, Shell] = {shell.name: shell for shell in (Bash(), Zsh(), Fish(), Csh(), PowerShell())}
DEFAULT_ORDER = ("bash", "zsh")

__all__ = ["SHELLS", "ActivationCapture", "Shell", "choose_shell"]


def choose_shell(name: str | None) -> Shell:
    """The named shell, or the first of bash and zsh that is installed."""
    if name is not None:
        if name not in SHELLS:
            raise StepFailed(f"venvtour cannot capture {name} activation yet")
        return SHELLS[name]
    for candidate in DEFAULT_ORDER:
        if SHELLS[candidate].find():
            return SHELLS[candidate]
    raise StepFailed("no bash or zsh is installed here to show activation in")
