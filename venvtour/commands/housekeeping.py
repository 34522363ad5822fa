"""Commands that look after the workspace: clean."""

from __future__ import annotations

import typer

from venvtour.commands.common import WorkspaceOption, default_workspace, user_errors


def clean(workspace: WorkspaceOption = None) -> None:
    """Remove the workspace, only if venvtour made it."""
    from venvtour.workspace import remove_workspace

    root = workspace or default_workspace()
    with user_errors():
        remove_workspace(root)
    typer.echo(f"removed {root}")


def register(app: typer.Typer) -> None:
    app.command()(clean)
