"""Commands that move a learner through lessons: list, play, resume, tour, and a bare ``venvtour``."""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from venvtour.commands.authoring import LessonsOption, TrustOption
from venvtour.commands.common import PythonOption, WorkspaceOption, default_python, default_workspace, user_errors

if TYPE_CHECKING:
    from venvtour.catalog import Outline
    from venvtour.loader import LessonFile
    from venvtour.progress import Progress
    from venvtour.views.lessons import LessonRow

INTERRUPTED = 130

NoPauseOption = Annotated[bool, typer.Option("--no-pause", help="Run straight through without waiting for keys.")]
PresentOption = Annotated[
    bool,
    typer.Option("--present", help="For teaching: big headings, commands typed out; saves no progress by default."),
]
AutoOption = Annotated[
    float | None,
    typer.Option("--auto", min=0, metavar="SECONDS", help="Go on by itself after each step; a key pauses."),
]
RecordOption = Annotated[bool, typer.Option("--record-progress", help="With --present: save progress anyway.")]
FreshOption = Annotated[bool, typer.Option("--fresh", help="Clean the workspace first (progress is kept).")]


@dataclass(frozen=True)
class Settings:
    """How to play: the command-line choices that hold for every lesson of one run."""

    workspace: Path | None
    python: str | None
    no_pause: bool = False
    present: bool = False
    auto: float | None = None
    record_progress: bool = False
    fresh: bool = False
    lessons: list[Path] | None = None
    trust: bool = False

    def catalog(self) -> list[LessonFile]:
        from venvtour.catalog import extra_lesson_dirs, load_catalog

        return load_catalog(extra_lesson_dirs(self.lessons))


def workspace_root(workspace: Path | None) -> Path:
    return workspace or default_workspace()


def lesson_rows(outlines: list[Outline], progress: Progress) -> list[LessonRow]:
    from venvtour.views.lessons import LessonRow

    return [
        LessonRow(number, outline.id, outline.title, len(progress.of(outline.id).done), outline.steps)
        for number, outline in enumerate(outlines, start=1)
    ]


def read_progress(workspace: Path | None) -> Progress:
    """Progress of an existing workspace, without creating one just to look; a warning is printed once."""
    from venvtour.progress import Progress, load_progress

    root = workspace_root(workspace)
    if not root.is_dir():
        return Progress(root / "progress.json")
    progress = load_progress(root)
    if progress.warning:
        from venvtour.views.console import make_console

        make_console(file=sys.stderr).print(f"[warning]warning:[/warning] {progress.warning}", markup=True)
    return progress


def list_lessons(workspace: WorkspaceOption = None, lessons_dirs: LessonsOption = None) -> None:
    """List the lessons with the steps finished in the workspace; a ✓ marks a finished lesson."""
    from venvtour.catalog import extra_lesson_dirs, load_outlines
    from venvtour.views.console import make_console
    from venvtour.views.lessons import lessons_table

    with user_errors():
        outlines = load_outlines(extra_lesson_dirs(lessons_dirs))
        progress = read_progress(workspace)
    make_console().print(lessons_table(lesson_rows(outlines, progress)))


def play(
    lesson: Annotated[str, typer.Argument(help="A lesson id (see `venvtour list`) or a lesson file.")],
    start: Annotated[int, typer.Option("--from", min=1, help="Start at this step (as the footer counts).")] = 1,
    no_pause: NoPauseOption = False,
    present: PresentOption = False,
    auto: AutoOption = None,
    record_progress: RecordOption = False,
    fresh: FreshOption = False,
    workspace: WorkspaceOption = None,
    python: PythonOption = None,
    lessons_dirs: LessonsOption = None,
    trust: TrustOption = False,
) -> None:
    """Play a lesson step by step, pausing after each step on a terminal."""
    from venvtour.catalog import find_lesson
    from venvtour.errors import LessonError

    settings = Settings(workspace, python, no_pause, present, auto, record_progress, fresh, lessons_dirs, trust)
    with user_errors():
        lessons = settings.catalog()
        chosen = find_lesson(lessons, lesson)
        if start > len(chosen.lesson.steps):
            raise LessonError(f"{chosen.lesson.id!r} has {len(chosen.lesson.steps)} steps; there is no step {start}")
    play_lessons([(chosen, start - 1)], lessons, settings)


def resume(
    lesson: Annotated[
        str | None, typer.Argument(help="A lesson id or file; by default the one you were playing.")
    ] = None,
    no_pause: NoPauseOption = False,
    workspace: WorkspaceOption = None,
    python: PythonOption = None,
    lessons_dirs: LessonsOption = None,
    trust: TrustOption = False,
) -> None:
    """Go on where you stopped: the step after the last one you finished, then the lessons after it."""
    settings = Settings(workspace, python, no_pause, lessons=lessons_dirs, trust=trust)
    with user_errors():
        lessons, plan = resume_plan(lesson, settings)
    if not plan:
        typer.echo("Every lesson is done. `venvtour progress --reset` starts again.")
        return
    play_lessons(plan, lessons, settings)


def resume_plan(name: str | None, settings: Settings) -> tuple[list[LessonFile], list[tuple[LessonFile, int]]]:
    """The lesson to go on with (named, last played, or first unfinished) and the unfinished ones after it."""
    from venvtour.catalog import find_lesson

    lessons = settings.catalog()
    progress = read_progress(settings.workspace)
    unfinished = [loaded for loaded in lessons if not progress.of(loaded.lesson.id).finished]
    if name is not None:
        chosen: LessonFile | None = find_lesson(lessons, name)
    else:
        last = next((loaded for loaded in unfinished if loaded.lesson.id == progress.last_lesson), None)
        chosen = last or next(iter(unfinished), None)
    if chosen is None:
        return lessons, []
    later = [loaded for loaded in unfinished if chosen in lessons and lessons.index(loaded) > lessons.index(chosen)]
    return lessons, [(loaded, progress.of(loaded.lesson.id).next_step()) for loaded in (chosen, *later)]


def tour(
    no_pause: NoPauseOption = False,
    present: PresentOption = False,
    auto: AutoOption = None,
    record_progress: RecordOption = False,
    fresh: FreshOption = False,
    workspace: WorkspaceOption = None,
    python: PythonOption = None,
    lessons_dirs: LessonsOption = None,
    trust: TrustOption = False,
) -> None:
    """Play every lesson in order, from the first step of the first lesson."""
    settings = Settings(workspace, python, no_pause, present, auto, record_progress, fresh, lessons_dirs, trust)
    with user_errors():
        lessons = settings.catalog()
    play_lessons([(loaded, 0) for loaded in lessons], lessons, settings)


def welcome() -> None:
    """A bare ``venvtour``: the lessons and their progress, then the first unfinished one on a terminal."""
    from venvtour.catalog import Outline
    from venvtour.views.console import make_console
    from venvtour.views.lessons import lessons_table

    settings = Settings(env_path("VENVTOUR_WORKSPACE"), os.environ.get("VENVTOUR_PYTHON"))
    with user_errors():
        lessons, plan = resume_plan(None, settings)
        progress = read_progress(settings.workspace)
    console = make_console()
    console.print(lessons_table(lesson_rows([Outline.of(loaded) for loaded in lessons], progress)))
    if not plan:
        console.print("Every lesson is done. `venvtour progress --reset` starts again.")
        return
    if not is_interactive(settings):
        first = plan[0][0].lesson.id
        console.print(
            f"Start with `venvtour play {first}` (or `venvtour resume`); `venvtour tour` plays every lesson in order.",
            markup=False,
        )
        return
    play_lessons(plan, lessons, settings)


def env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def is_interactive(settings: Settings) -> bool:
    return not settings.no_pause and sys.stdin.isatty() and sys.stdout.isatty()


def play_lessons(plan: list[tuple[LessonFile, int]], catalog: list[LessonFile], settings: Settings) -> None:
    """Play each (lesson, first step) in turn; Ctrl-C anywhere ends with exit 130 and the progress kept."""
    try:
        with user_errors():
            play_plan(plan, catalog, settings)
    except KeyboardInterrupt:
        sys.stdout.write("\n")
        saving = not settings.present or settings.record_progress
        kept = "\nProgress is saved up to the last finished step; `venvtour resume` goes on." if saving else ""
        typer.echo(f"Interrupted.{kept}", err=True)
        raise typer.Exit(INTERRUPTED) from None


def play_plan(plan: list[tuple[LessonFile, int]], catalog: list[LessonFile], settings: Settings) -> None:
    from venvtour import keys
    from venvtour.actions import StepContext
    from venvtour.player import Player
    from venvtour.probe import resolve_interpreter
    from venvtour.progress import load_progress
    from venvtour.trust import trust_lessons
    from venvtour.views.console import make_console
    from venvtour.views.screen import Screen
    from venvtour.workspace import Workspace

    trust_lessons([lesson_file for lesson_file, _ in plan], settings.trust)
    space = Workspace.open(workspace_root(settings.workspace))
    if settings.fresh:
        space.reset()
    interpreter = resolve_interpreter(settings.python or default_python())
    progress = load_progress(space.root)
    screen = Screen(make_console(), present=settings.present)
    if progress.warning:
        screen.note(f"warning: {progress.warning}; starting clean.")
    saving = not settings.present or settings.record_progress
    interactive = is_interactive(settings)
    context = StepContext(space, interpreter)
    with keys.keys_kept() if interactive else nullcontext():
        for lesson_file, start in plan:
            lesson = lesson_file.lesson
            total = len(lesson.steps)

            def record(index: int, lesson_id: str = lesson.id, total: int = total) -> None:
                progress.mark_done(lesson_id, index, total)

            number = next((n for n, known in enumerate(catalog, start=1) if known.lesson.id == lesson.id), None)
            screen.opening(lesson, space.root, interpreter, context.facts(interpreter).version)
            if start:
                screen.going_on(start, total)
            player = Player(
                lesson_file,
                context,
                screen,
                keys.read_key if interactive else None,
                read_line=keys.read_line,
                read_key_within=keys.read_key_within if interactive else None,
                auto=settings.auto,
                on_done=record if saving else None,
                done_before=progress.of(lesson.id).done,
                position=(number, len(catalog)) if number else None,
            )
            if not player.play(start).finished:
                if saving:
                    screen.how_to_go_on()
                return


def register(app: typer.Typer) -> None:
    app.command("list")(list_lessons)
    app.command()(play)
    app.command()(resume)
    app.command()(tour)
