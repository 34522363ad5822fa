"""Commands for people who write lessons: validate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def validate(paths: Annotated[list[Path], typer.Argument(help="Lesson files or folders of them.")]) -> None:
    """Check lesson files; exit 0 when all are valid, 1 otherwise."""
    from venvtour.catalog import lesson_paths
    from venvtour.errors import LessonError
    from venvtour.loader import load_lesson

    files = [file for path in paths for file in (lesson_paths(path) if path.is_dir() else [path])]
    failed = 0
    for file in files:
        try:
            load_lesson(file)
        except LessonError as error:
            failed += 1
            typer.echo(str(error), err=True)
        else:
            typer.echo(f"{file}: ok")
    raise typer.Exit(1 if failed or not files else 0)


def register(app: typer.Typer) -> None:
    app.command()(validate)
