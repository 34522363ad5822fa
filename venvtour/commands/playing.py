"""Commands that move a learner through lessons: list, play."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from venvtour.commands.common import PythonOption, WorkspaceOption, default_python, default_workspace, user_errors


def list_lessons() -> None:
    """List the lessons: id, title and number of steps."""
    from rich.table import Table

    from venvtour.catalog import load_catalog
    from venvtour.views.console import make_console

    with user_errors():
        lessons = load_catalog()
    table = Table("id", "title", "steps")
    for loaded in lessons:
        table.add_row(loaded.lesson.id, loaded.lesson.title, str(len(loaded.lesson.steps)))
    make_console().print(table)


def play(
    lesson: Annotated[str, typer.Argument(help="A lesson id (see `venvtour list`) or a lesson file.")],
    no_pause: Annotated[
        bool, typer.Option("--no-pause", help="Run straight through without waiting for keys.")
    ] = False,
    workspace: WorkspaceOption = None,
    python: PythonOption = None,
) -> None:
    """Play a lesson step by step, pausing after each step on a terminal."""
    from venvtour.actions import StepContext
    from venvtour.catalog import find_lesson, load_catalog
    from venvtour.keys import read_key
    from venvtour.player import Player
    from venvtour.probe import resolve_interpreter
    from venvtour.views.console import make_console
    from venvtour.views.screen import Screen
    from venvtour.workspace import Workspace

    with user_errors():
        lesson_file = find_lesson(load_catalog(), lesson)
        space = Workspace.open(workspace or default_workspace())
        interpreter = resolve_interpreter(python or default_python())
        context = StepContext(space, interpreter)
        screen = Screen(make_console())
        interactive = not no_pause and sys.stdin.isatty() and sys.stdout.isatty()
        screen.opening(lesson_file.lesson, space.root, interpreter, context.facts(interpreter).version)
        try:
            Player(lesson_file, context, screen, read_key if interactive else None).play()
        except KeyboardInterrupt:
            screen.console.print("\nInterrupted.")
            raise typer.Exit(130) from None


def register(app: typer.Typer) -> None:
    app.command("list")(list_lessons)
    app.command()(play)
