"""Plays a lesson: perform each step, show it, and pause for the learner where there is one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from venvtour.actions import StepContext, perform
from venvtour.errors import StepFailed, VenvtourError
from venvtour.loader import LessonFile
from venvtour.views.screen import Screen

PAUSE_KEYS = "Enter/space: next · q: quit"
NEXT_KEYS = frozenset({"enter", "space", "right"})
QUIT_KEYS = frozenset({"q", "escape"})


@dataclass(frozen=True)
class Outcome:
    """How a play ended: all steps done, or the learner stopped; a failure raises instead."""

    finished: bool
    last_done: int


class Player:
    def __init__(
        self,
        lesson_file: LessonFile,
        context: StepContext,
        screen: Screen,
        read_key: Callable[[], str] | None,
    ) -> None:
        self.lesson = lesson_file.lesson
        self.context = context
        self.screen = screen
        self.read_key = read_key

    def play(self, start: int = 0) -> Outcome:
        total = len(self.lesson.steps)
        for index in range(start, total):
            self.run_step(index)
            if index + 1 < total and not self.pause(index):
                self.screen.stopped(index, total)
                return Outcome(finished=False, last_done=index)
        self.screen.finished(self.lesson)
        return Outcome(finished=True, last_done=total - 1)

    def run_step(self, index: int) -> None:
        step = self.lesson.steps[index]
        self.screen.step_heading(index, len(self.lesson.steps), step)
        if step.say:
            self.screen.text(self.context.placeholders.expand(step.say))
        try:
            with self.screen.working(f"{step.action}…"):
                result = perform(step, self.context)
        except VenvtourError as error:
            self.screen.failure(str(error))
            raise StepFailed(f"step {index + 1} of {self.lesson.id!r} failed: {first_line(error)}") from None
        if result is not None:
            self.screen.result(result)

    def pause(self, index: int) -> bool:
        """Wait for a key; True goes on, False stops. Without a terminal there is nothing to wait for."""
        if self.read_key is None:
            return True
        self.screen.footer(index, len(self.lesson.steps), PAUSE_KEYS)
        while True:
            key = self.read_key()
            if key in NEXT_KEYS or key in QUIT_KEYS:
                self.screen.clear_footer()
                return key in NEXT_KEYS


def first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
