"""The tour as a markdown handout: the lesson's text, and each command with the output it really printed.

Built from the step results, not from the screen: the steps run through the same actions the player
uses, and results other than commands are drawn by the same views, as plain text.
"""

from __future__ import annotations

import platform
import re
from collections.abc import Iterator

from venvtour import __version__
from venvtour.actions import StepContext, perform
from venvtour.actions.run import RunResult
from venvtour.actions.show import FileResult
from venvtour.errors import StepFailed, VenvtourError
from venvtour.export.recording import recording_console
from venvtour.loader import LessonFile
from venvtour.model import QuestionStep, Step
from venvtour.views.results import render_result

BACKTICKS = re.compile(r"`{3,}")


def export(lesson_file: LessonFile, context: StepContext) -> str:
    lesson = lesson_file.lesson
    version = context.facts(context.python).version
    parts = [
        f"# {lesson.title}",
        lesson.summary.strip(),
        f"_Run live by venvtour {__version__} with Python {version} on {platform.system() or 'an unknown system'}._",
    ]
    for index, step in enumerate(lesson.steps):
        parts.extend(step_parts(lesson_file, index, step, context))
    return "\n\n".join(parts) + "\n"


def step_parts(lesson_file: LessonFile, index: int, step: Step, context: StepContext) -> Iterator[str]:
    yield f"## {index + 1}. {lesson_file.lesson.label(index)}"
    if step.say:
        yield context.placeholders.expand(step.say).strip()
    if isinstance(step, QuestionStep):
        yield from question_parts(step, context)
        return
    try:
        result = perform(step, context)
    except VenvtourError as error:
        raise StepFailed(f"step {index + 1} of {lesson_file.lesson.id!r} failed: {error}") from None
    if isinstance(result, RunResult):
        yield fenced(f"$ {result.command}\n{result.result.output.rstrip()}".rstrip(), "console")
    elif isinstance(result, FileResult):
        yield from file_parts(result)
    elif result is not None:
        yield fenced(plain_text(result), "text")


def question_parts(step: QuestionStep, context: StepContext) -> Iterator[str]:
    expand = context.placeholders.expand
    yield f"**Question:** {expand(step.question).strip()}"
    if step.choices:
        yield "\n".join(f"{number}. {expand(choice)}" for number, choice in enumerate(step.choices, start=1))
    yield f"<details><summary>Answer</summary>\n\n{expand(step.answer)}\n\n</details>"


def file_parts(result: FileResult) -> Iterator[str]:
    """The file as it is, to copy from, then the notes on the keys it really has."""
    if result.missing:
        yield f"`{result.shown_as}` does not exist here. {result.text}"
        return
    yield f"`{result.shown_as}`:"
    yield fenced(result.text.rstrip("\n"), "text")
    notes = [f"- `{entry.key}`: {entry.note}" for entry in result.entries if entry.note]
    if notes:
        yield "\n".join(notes)


def plain_text(result: object) -> str:
    """A result drawn by its view, at the handout's width, without colour."""
    console = recording_console()
    console.print(render_result(result))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def fenced(text: str, info: str) -> str:
    """A code block whose fence is longer than any run of backticks inside it, so output cannot close it."""
    longest = max((len(match.group(0)) for match in BACKTICKS.finditer(text)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"
