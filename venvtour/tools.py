"""Third-party tools a lesson may use (uv, virtualenv, poetry): found where the learner would run them from.

PATH comes first; the scripts folder of the interpreter running venvtour is searched too, so a tool
installed next to venvtour (``pip install uv`` in its venv) counts even when that venv is not active.
"""

from __future__ import annotations

import os
import shutil
import sysconfig
from pathlib import Path

INSTALL_ADVICE = {
    "uv": "Install it with `pipx install uv`, `python -m pip install uv`, or the installer at https://docs.astral.sh/uv/.",
    "virtualenv": "Install it with `pipx install virtualenv` or `python -m pip install virtualenv`.",
    "poetry": "Install it with `pipx install poetry`; see https://python-poetry.org/docs/#installation.",
    "zsh": "Install it with `apt install zsh` (Debian, Ubuntu) or `brew install zsh` (macOS).",
    "fish": "Install it with `apt install fish` or `brew install fish`; see https://fishshell.com/.",
    "csh": "Install it with `apt install tcsh`; macOS has it as /bin/csh.",
    "powershell": "Install PowerShell (the program is `pwsh`): "
    "https://learn.microsoft.com/powershell/scripting/install/installing-powershell",
}


def find_tool(name: str) -> Path | None:
    """The tool's executable, or None; looked up each time, as cheap as the shell's own lookup."""
    found = shutil.which(name)
    if found:
        return Path(found)
    scripts = sysconfig.get_path("scripts")
    beside = shutil.which(name, path=scripts) if scripts and os.path.isdir(scripts) else None
    return Path(beside) if beside else None


def tool_environment(workspace: Path) -> dict[str, str]:
    """Keep the tools' caches and data inside the workspace: the tour touches nothing outside it."""
    cache_root = workspace / ".tool-cache"
    return {
        "UV_CACHE_DIR": str(cache_root / "uv"),
        "VIRTUALENV_OVERRIDE_APP_DATA": str(cache_root / "virtualenv"),
        "POETRY_CACHE_DIR": str(cache_root / "poetry"),
        "POETRY_DATA_DIR": str(cache_root / "poetry-data"),
        "POETRY_CONFIG_DIR": str(cache_root / "poetry-config"),
    }
