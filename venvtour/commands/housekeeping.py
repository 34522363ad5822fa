"""Commands that look after the workspace: clean, reset, progress."""

from __future__ import annotations

from typing import Annotated

import typer

from venvtour.commands.authoring import LessonsOption
from venvtour.commands.common import WorkspaceOption, default_workspace, user_errors


def clean(workspace: WorkspaceOption = None) -> None:
    """Remove the workspace, only if venvtour made it."""
    from venvtour.workspace import remove_workspace

    root = workspace or default_workspace()
    with user_errors():
        remove_workspace(root)
    typer.echo(f"removed {root}")


def reset(workspace: WorkspaceOption = None) -> None:
    """Return the workspace to a clean state: remove what the lessons made, keep your progress."""
    from venvtour.errors import WorkspaceError
    from venvtour.workspace import Workspace

    root = workspace or default_workspace()
    with user_errors():
        if not root.is_dir():
            raise WorkspaceError(f"there is no workspace at {root}")
        Workspace.open(root).reset()
    typer.echo(f"{root} is clean again; your progress is kept (`venvtour progress --reset` clears it).")


def progress(
    lesson: Annotated[str | None, typer.Argument(help="Only this lesson (id or file).")] = None,
    reset_progress: Annotated[bool, typer.Option("--reset", help="Forget the finished steps.")] = False,
    workspace: WorkspaceOption = None,
    lessons_dirs: LessonsOption = None,
) -> None:
    """Show how many steps of each lesson you finished; with --reset, forget them."""
    from venvtour.catalog import Outline, find_lesson
    from venvtour.commands.playing import Settings, lesson_rows, read_progress
    from venvtour.views.console import make_console
    from venvtour.views.lessons import lessons_table

    with user_errors():
        lessons = Settings(workspace, None, lessons=lessons_dirs).catalog()
        chosen = find_lesson(lessons, lesson) if lesson else None
        saved = read_progress(workspace)
        if reset_progress:
            if saved.path.parent.is_dir():
                saved.clear(chosen.lesson.id if chosen else None)
            typer.echo(f"progress of {chosen.lesson.id if chosen else 'every lesson'} cleared")
            return
    shown = [chosen] if chosen else lessons
    make_console().print(lessons_table(lesson_rows([Outline.of(loaded) for loaded in shown], saved)))


def register(app: typer.Typer) -> None:
    app.command()(clean)
    app.command()(reset)
    app.command()(progress)
