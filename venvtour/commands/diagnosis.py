"""Commands that look at the machine as it is: inspect one interpreter, doctor the setup."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from venvtour.commands.common import user_errors

JsonOption = Annotated[bool, typer.Option("--json", help="Print the facts as JSON (a stable, documented shape).")]


def print_json(data: dict[str, object]) -> None:
    import json

    typer.echo(json.dumps(data, indent=2))


def inspect(
    python: Annotated[
        str | None,
        typer.Argument(help="An interpreter path, a command (python3.12) or a venv folder. Default: PATH's python."),
    ] = None,
    json: JsonOption = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for the interpreter to answer.", min=0.1)] = 20.0,
) -> None:
    """Show what an interpreter says about itself: prefixes, venv or not, sys.path with reasons, which pip runs."""
    from venvtour.inspection import as_json, inspect_interpreter
    from venvtour.views.console import make_console
    from venvtour.views.inspection import render_inspection

    with user_errors():
        inspection = inspect_interpreter(python, timeout=timeout)
    if json:
        print_json(as_json(inspection))
    else:
        make_console().print(render_inspection(inspection))


def doctor(
    venv: Annotated[
        list[Path] | None, typer.Option("--venv", help="Also check this venv (repeatable).", show_default=False)
    ] = None,
    python: Annotated[
        str | None, typer.Option("--python", "-p", help="The interpreter to check. Default: PATH's python.")
    ] = None,
    json: JsonOption = False,
) -> None:
    """Check this machine for what stops venvs working; exit 1 when a problem is found."""
    import os

    from venvtour.doctor import as_json, run_doctor
    from venvtour.views.console import make_console
    from venvtour.views.doctor import render_doctor

    with user_errors():
        report = run_doctor(os.environ, Path.cwd(), python, venv or ())
    if json:
        print_json(as_json(report))
    else:
        make_console().print(render_doctor(report))
    raise typer.Exit(1 if report.has_problem else 0)


def register(app: typer.Typer) -> None:
    app.command()(inspect)
    app.command()(doctor)
