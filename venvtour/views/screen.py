"""The frame around the steps: the lesson's opening, step headings, the text, the footer, questions, the end."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich import box
from rich.console import Console
from rich.control import Control
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import ControlType
from rich.table import Table
from rich.text import Text

from venvtour.actions.run import RunResult
from venvtour.model import Lesson
from venvtour.questions import Question
from venvtour.views.prose import prose
from venvtour.views.results import render_result
from venvtour.views.run import render_outcome

TYPING_SECONDS_PER_CHAR = 0.04
TYPING_SECONDS_AT_MOST = 2.5


class Screen:
    """Draws what the player decides to show; owns the console, asks nothing and runs nothing.

    ``present`` is for a teacher at a projector: big headings, and commands typed out before they run.
    """

    def __init__(self, console: Console, present: bool = False) -> None:
        self.console = console
        self.present = present

    @property
    def live(self) -> bool:
        """A real terminal, where cursor tricks and typing effects make sense; a file gets plain lines."""
        return self.console.is_terminal and not self.console.is_dumb_terminal

    def opening(self, lesson: Lesson, workspace: Path, python: Path, version: str) -> None:
        """A blank line first, so in a tour one lesson's end and the next one's title stand apart."""
        self.console.print()
        self.console.print(Rule(Text(lesson.title, "heading")))
        self.console.print(prose(lesson.summary))
        self.console.print(Text.assemble(("workspace: ", "muted"), (str(workspace), "path")))
        self.console.print(Text.assemble(("python:    ", "muted"), (str(python), "path"), (f"  ({version})", "muted")))

    def step_heading(self, index: int, total: int, title: str) -> None:
        self.console.print()
        if self.present:
            heading = Text(title.upper(), "heading", justify="center")
            self.console.print(Panel(heading, subtitle=f"step {index + 1}/{total}", box=box.DOUBLE, padding=(1, 2)))
        else:
            self.console.print(Rule(Text(f"Step {index + 1}/{total} · {title}", "heading"), align="left"))

    def text(self, markdown: str) -> None:
        self.console.print(prose(markdown))

    def typed_command(self, command: str) -> None:
        """The command appears as if typed, so an audience reads it before its output arrives."""
        self.console.print(Text("$ ", "muted"), end="")
        if self.live:
            delay = min(TYPING_SECONDS_PER_CHAR, TYPING_SECONDS_AT_MOST / max(len(command), 1))
            for char in command:
                self.console.print(Text(char, "command"), end="")
                self.console.file.flush()
                time.sleep(delay)
            self.console.print()
        else:
            self.console.print(Text(command, "command"))

    def result(self, result: object, command_typed: bool = False) -> None:
        """A command typed out just before is not printed a second time above its output."""
        if command_typed and isinstance(result, RunResult):
            self.console.print(render_outcome(result))
        else:
            self.console.print(render_result(result))

    def shown_again(self) -> None:
        self.console.print(Text("(shown again as it ran before; press r to run it again)", "muted"))

    def not_run_yet(self) -> None:
        self.console.print(Text("(not run in this session; press r to run it)", "muted"))

    def going_on(self, index: int, total: int) -> None:
        self.console.print(Text(f"Going on at step {index + 1}/{total}.", "muted"))

    def note(self, message: str) -> None:
        self.console.print(Text(message, "warning"))

    @contextmanager
    def working(self, what: str) -> Iterator[None]:
        """A spinner while a real command runs, on a real terminal only (files get no cursor tricks)."""
        if self.live:
            with self.console.status(Text(what, "muted")):
                yield
        else:
            yield

    def footer(self, index: int, total: int, keys: str, lesson: tuple[int, int] | None = None) -> None:
        where = f"step {index + 1}/{total}" + (f" · lesson {lesson[0]}/{lesson[1]}" if lesson else "")
        line = Text.assemble((where, "heading"), (f" · {keys}", "muted"), no_wrap=True, overflow="ellipsis")
        line.truncate(max(self.console.width - 1, 10), overflow="ellipsis")
        self.console.print(line, end="")
        self.console.file.flush()

    def clear_footer(self) -> None:
        if self.live:
            self.console.control(Control((ControlType.CARRIAGE_RETURN,), (ControlType.ERASE_IN_LINE, 2)))
        else:
            self.console.print()

    def help(self, bindings: Iterable[tuple[str, str]]) -> None:
        table = Table(box=box.SIMPLE, show_header=False, expand=False)
        table.add_column(style="command", no_wrap=True)
        table.add_column()
        for keys, meaning in bindings:
            table.add_row(keys, meaning)
        self.console.print(Panel(table, title=Text("keys", "heading"), expand=False))

    def step_list(self, lesson: Lesson, current: int, done: Iterable[int]) -> None:
        finished = set(done)
        table = Table(box=box.SIMPLE, show_header=False, expand=False)
        table.add_column(no_wrap=True)
        table.add_column(justify="right")
        table.add_column()
        for index in range(len(lesson.steps)):
            marker = "▶" if index == current else ("✓" if index in finished else " ")
            style = "heading" if index == current else ("added" if index in finished else "")
            table.add_row(marker, str(index + 1), Text(lesson.label(index), style))
        self.console.print(table)

    def question(self, question: Question) -> None:
        self.console.print(Panel(prose(question.text), title=Text("question", "heading"), expand=False))
        for number, choice in enumerate(question.choices or (), start=1):
            self.console.print(Text.assemble((f"  {number}. ", "command"), choice))

    def wrong_answer(self, hint: str | None) -> None:
        self.console.print(Text("Not quite. Try again, or press Enter alone to see the answer.", "warning"))
        if hint:
            self.console.print(prose(hint))

    def right_answer(self, question: Question) -> None:
        self.console.print(Text.assemble(("✓ Right: ", "added"), question.answer))

    def revealed_answer(self, question: Question) -> None:
        self.console.print(Text.assemble(("Answer: ", "added"), question.answer))

    def failure(self, message: str) -> None:
        self.console.print(Panel(Text(message), title=Text("step failed", "error"), border_style="red"))

    def finished(self, lesson: Lesson) -> None:
        self.console.print()
        self.console.print(Rule(Text(f"✓ {lesson.title}: done", "added")))

    def stopped(self, index: int, total: int) -> None:
        self.console.print()
        self.console.print(Text(f"Stopped at step {index + 1}/{total}.", "muted"))

    def how_to_go_on(self) -> None:
        self.console.print(Text("`venvtour resume` (or just `venvtour`) goes on from here.", "muted"))
