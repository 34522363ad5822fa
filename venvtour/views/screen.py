"""The frame around the steps: the lesson's opening, step headings, the text, the footer, the end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from venvtour.model import Lesson, Step
from venvtour.views import render_result


class Screen:
    """Draws what the player decides to show; owns the console, asks nothing and runs nothing."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def opening(self, lesson: Lesson, workspace: Path, python: Path, version: str) -> None:
        self.console.print(Rule(Text(lesson.title, "heading")))
        self.console.print(Markdown(lesson.summary))
        self.console.print(Text.assemble(("workspace: ", "muted"), (str(workspace), "path")))
        self.console.print(Text.assemble(("python:    ", "muted"), (str(python), "path"), (f"  ({version})", "muted")))

    def step_heading(self, index: int, total: int, step: Step) -> None:
        title = step.title or step.action
        self.console.print()
        self.console.print(Rule(Text(f"Step {index + 1}/{total} · {title}", "heading"), align="left"))

    def text(self, markdown: str) -> None:
        self.console.print(Markdown(markdown))

    def result(self, result: object) -> None:
        self.console.print(render_result(result))

    @contextmanager
    def working(self, what: str) -> Iterator[None]:
        """A spinner while a real command runs, on a real terminal only (files get no cursor tricks)."""
        if self.console.is_terminal and not self.console.is_dumb_terminal:
            with self.console.status(Text(what, "muted")):
                yield
        else:
            yield

    def footer(self, index: int, total: int, keys: str) -> None:
        self.console.print(Text(f"step {index + 1}/{total} · {keys}", "muted"), end="")

    def clear_footer(self) -> None:
        if self.console.is_terminal and not self.console.is_dumb_terminal:
            self.console.print("\r\x1b[2K", end="")
        else:
            self.console.print()

    def failure(self, message: str) -> None:
        self.console.print(Panel(Text(message), title=Text("step failed", "error"), border_style="red"))

    def finished(self, lesson: Lesson) -> None:
        self.console.print()
        self.console.print(Rule(Text(f"✓ {lesson.title}: done", "added")))

    def stopped(self, index: int, total: int) -> None:
        self.console.print()
        self.console.print(Text(f"Stopped at step {index + 1}/{total}.", "muted"))
