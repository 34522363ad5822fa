"""Lesson files run real commands, so a lesson that venvtour did not ship is shown and confirmed before it runs.

Built-in lessons are trusted. Any other lesson (from ``--lessons``, ``VENVTOUR_LESSONS`` or a path) lists
what it will run, and the learner agrees once; ``--trust`` skips the question for a teacher's own lessons.
Without a terminal there is nobody to ask, so such a lesson is refused unless ``--trust`` is given.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

from venvtour.catalog import is_builtin
from venvtour.errors import VenvtourError
from venvtour.loader import LessonFile
from venvtour.model import CompareStep, Lesson, QuestionStep, RunStep, SayStep, ShowStep, Step, TreeStep

Ask = Callable[[LessonFile, list[str]], bool]
"""Shows the lesson's commands and answers whether the learner agreed to run them."""


class UntrustedLesson(VenvtourError):
    """A lesson from outside venvtour that the learner did not agree to run."""


def trust_lessons(lesson_files: Iterable[LessonFile], trust: bool) -> None:
    """Every lesson about to be played, asked about on this terminal up front, before any of them runs."""
    for lesson_file in lesson_files:
        ensure_trusted(lesson_file, trust, terminal_ask())


def ensure_trusted(lesson_file: LessonFile, trust: bool, ask: Ask | None) -> None:
    """Return when the lesson may run; otherwise raise with what to do about it."""
    if trust or is_builtin(lesson_file):
        return
    if ask is None:
        raise UntrustedLesson(
            f"{lesson_file.path} is not one of venvtour's own lessons, and lessons run commands. "
            "There is no terminal to ask you first: read it, and pass --trust if you trust it."
        )
    if not ask(lesson_file, planned_commands(lesson_file.lesson)):
        raise UntrustedLesson(f"not running {lesson_file.path}: you did not agree to its commands")


def planned_commands(lesson: Lesson) -> list[str]:
    """What the lesson will run, each once, placeholders as written: what the learner agrees to."""
    return list(dict.fromkeys(command for step in lesson.steps for command in step_commands(step)))


def step_commands(step: Step) -> list[str]:
    if isinstance(step, RunStep):
        env = " ".join(f"{name}={value}" for name, value in step.env.items())
        return [f"{env} {step.run}" if env else step.run]
    if isinstance(step, CompareStep):
        return [f"{path}  (asked for its facts)" for path in step.compare.values()]
    if isinstance(step, SayStep | QuestionStep | ShowStep | TreeStep):
        return []  # these only read the workspace
    return [f"{step.action}: {getattr(step, step.action)}"]


def terminal_ask() -> Ask | None:
    """The question on this terminal, or None when there is none to ask on."""
    return ask_on_terminal if sys.stdin.isatty() else None


def ask_on_terminal(lesson_file: LessonFile, commands: list[str]) -> bool:
    from rich.prompt import Confirm
    from rich.text import Text

    from venvtour.views.console import make_console

    console = make_console()
    console.print(
        Text.assemble(("This lesson is not one of venvtour's own: ", "warning"), (str(lesson_file.path), "path"))
    )
    console.print("It will run these commands in the workspace (never through a shell):")
    for command in commands:
        console.print(Text.assemble("  ", (command, "command")))
    return Confirm.ask("Run it?", console=console, default=False)
