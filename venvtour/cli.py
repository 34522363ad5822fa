"""The ``venvtour`` command. Command modules import their heavy dependencies inside each command."""

from __future__ import annotations

from typing import Annotated

import typer

from venvtour import __version__
from venvtour.commands import authoring, housekeeping, playing

app = typer.Typer(
    name="venvtour",
    help="A live tour of how Python virtual environments really work.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"venvtour {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A live tour of how Python virtual environments really work."""


for module in (playing, authoring, housekeeping):
    module.register(app)


def main() -> None:
    app()
