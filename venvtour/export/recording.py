"""The tour as the player shows it, drawn on a recording console instead of a terminal."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console

from venvtour.actions import StepContext
from venvtour.loader import LessonFile
from venvtour.player import Player
from venvtour.views.console import make_console
from venvtour.views.screen import Screen

WIDTH = 100


def recording_console() -> Console:
    return make_console(file=io.StringIO(), record=True, width=WIDTH)


def play_recorded(lesson_file: LessonFile, context: StepContext, screen: Screen) -> None:
    """The whole lesson without pauses, opening included, exactly as ``venvtour play --no-pause`` draws it."""
    interpreter = context.python
    screen.opening(lesson_file.lesson, context.workspace.root, interpreter, context.facts(interpreter).version)
    Player(lesson_file, context, screen, read_key=None).play()


def record(lesson_file: LessonFile, context: StepContext) -> Console:
    """A console holding everything the tour drew, ready for ``export_html`` or ``export_svg``."""
    console = recording_console()
    play_recorded(lesson_file, context, Screen(console))
    return console


class FrameScreen(Screen):
    """Cuts the recording into frames, one per step, as each step's heading is drawn."""

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        self.frames: list[str] = []

    def step_heading(self, *args: Any, **kwargs: Any) -> None:
        self.cut()
        super().step_heading(*args, **kwargs)

    def cut(self) -> None:
        """What was drawn since the last cut, with its colours as terminal escape codes."""
        text = self.console.export_text(styles=True, clear=True)
        if text:
            self.frames.append(text)


def record_frames(lesson_file: LessonFile, context: StepContext) -> list[str]:
    screen = FrameScreen(recording_console())
    play_recorded(lesson_file, context, screen)
    screen.cut()
    return screen.frames
