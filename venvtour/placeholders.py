"""``{name}`` placeholders in lesson text and commands, resolved live on this machine.

Commands are split into arguments first and placeholders filled in afterwards, so a value with
spaces or a ``;`` stays one argument and is never seen by a shell.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

from venvtour.probe import InterpreterFacts
from venvtour.tools import find_tool

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z_]+)\}")
DESCRIPTIONS = {
    "python": "the interpreter the tour uses (its full path)",
    "python_version": "that interpreter's version, such as 3.12.4",
    "workspace": "the workspace folder (full path)",
    "scripts": "the venv scripts folder name on this platform: bin, or Scripts on Windows",
    "venv": "the full path of the workspace's .venv",
    "venv_python": "the full path of .venv's python",
    "python_prefix": "the tour interpreter's sys.prefix",
    "python_base_prefix": "the tour interpreter's sys.base_prefix",
    "python_purelib": "where `pip install` with the tour's interpreter would write (its purelib folder)",
    "python_stdlib": "the tour interpreter's standard library folder",
    "python_minor": "the tour interpreter's version without the patch level, such as 3.12",
    "externally_managed": "`yes` when the tour's interpreter has an EXTERNALLY-MANAGED marker (PEP 668), else `no`",
    "venv_site_packages": "site-packages inside a venv the tour's python makes, relative to the venv folder",
    "uv": "the uv command found here (full path), or just `uv`",
    "virtualenv": "the virtualenv command found here (full path), or just `virtualenv`",
    "poetry": "the poetry command found here (full path), or just `poetry`",
}
TOOLS = ("uv", "virtualenv", "poetry")


def names_in(text: str) -> list[str]:
    return [match.group(1) for match in PLACEHOLDER.finditer(text) if match.group(1)]


def unknown_names(text: str) -> list[str]:
    return [name for name in names_in(text) if name not in DESCRIPTIONS]


class Placeholders:
    """Computes each value once, when a lesson first asks for it."""

    def __init__(self, python: Path, workspace: Path, facts_of: Callable[[Path], InterpreterFacts]) -> None:
        self.python = python
        self.workspace = workspace
        self.facts_of = facts_of

    def value(self, name: str) -> str:
        if name == "python":
            return str(self.python)
        if name == "python_version":
            return self.facts_of(self.python).version
        if name == "workspace":
            return str(self.workspace)
        if name == "scripts":
            return self.facts_of(self.python).venv_scripts_name
        if name == "venv":
            return str(self.workspace / ".venv")
        if name == "venv_python":
            return str(self.venv_python(self.workspace / ".venv"))
        if name in TOOLS:
            return str(find_tool(name) or name)
        return self.fact_value(name)

    def fact_value(self, name: str) -> str:
        facts = self.facts_of(self.python)
        if name == "python_prefix":
            return facts.prefix
        if name == "python_base_prefix":
            return facts.base_prefix
        if name == "python_purelib":
            return facts.purelib
        if name == "python_stdlib":
            return facts.stdlib
        if name == "python_minor":
            return f"{facts.version_info[0]}.{facts.version_info[1]}"
        if name == "externally_managed":
            return "yes" if facts.externally_managed else "no"
        if name == "venv_site_packages":
            return venv_site_packages(facts)
        raise KeyError(name)

    def venv_python(self, venv: Path) -> Path:
        facts = self.facts_of(self.python)
        suffix = ".exe" if facts.os_name == "nt" else ""
        return venv / facts.venv_scripts_name / f"python{suffix}"

    def expand(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name is None:
                return match.group(0)[0]
            if name not in DESCRIPTIONS:
                raise KeyError(name)
            return self.value(name)

        return PLACEHOLDER.sub(replace, text)

    def argv(self, command: str) -> list[str]:
        """Split like a POSIX shell would, then fill each argument in on its own."""
        return [self.expand(word) for word in shlex.split(command)]


def venv_site_packages(facts: InterpreterFacts) -> str:
    """Where venv puts site-packages: ``Lib/site-packages`` on Windows, ``lib/pythonX.Y/site-packages`` elsewhere."""
    if facts.os_name == "nt":
        return "Lib/site-packages"
    return f"lib/python{facts.version_info[0]}.{facts.version_info[1]}/site-packages"
