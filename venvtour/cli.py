"""The ``venvtour`` command. Command modules import their heavy dependencies inside each command."""

from __future__ import annotations

from typing import Annotated

import typer

from venvtour import __version__
from venvtour.commands import authoring, diagnosis, housekeeping, playing

app = typer.Typer(
    name="venvtour",
    help="A live tour of how Python virtual environments really work. Without a command: your progress, then the"
    " first unfinished lesson.",
    invoke_without_command=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"venvtour {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    context: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A live tour of how Python virtual environments really work.

    Without a command: the lessons and your progress, then the first unfinished lesson.
    """
    if context.invoked_subcommand is None:
        playing.welcome()


for module in (playing, authoring, housekeeping, diagnosis):
    module.register(app)


def main() -> None:
    app()
