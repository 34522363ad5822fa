"""What several commands share: the workspace and python options, and how user errors end a run."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

WorkspaceOption = Annotated[
    Path | None,
    typer.Option("--workspace", "-w", help="Where the real venvs are made.", envvar="VENVTOUR_WORKSPACE"),
]
PythonOption = Annotated[
    str | None,
    typer.Option(
        "--python",
        "-p",
        help="The interpreter the tour uses (default: the one venvtour runs on).",
        envvar="VENVTOUR_PYTHON",
    ),
]


def default_workspace() -> Path:
    return Path(typer.get_app_dir("venvtour")) / "workspace"


def default_python() -> str:
    """The base interpreter behind the one running venvtour: venvtour itself usually lives in a venv."""
    return getattr(sys, "_base_executable", None) or sys.executable


def print_error(message: str) -> None:
    from venvtour.views.console import make_console

    make_console(file=sys.stderr).print(
        f"[error]error:[/error] {message}", markup=True, highlight=False, soft_wrap=True
    )


@contextmanager
def user_errors() -> Iterator[None]:
    """A mistake the user can fix ends the run with its message and exit 1, never a traceback."""
    from venvtour.errors import VenvtourError

    try:
        yield
    except VenvtourError as error:
        print_error(str(error))
        raise typer.Exit(1) from None
