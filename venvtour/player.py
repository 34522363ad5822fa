"""Plays a lesson: perform each step, show it, and let the learner move through the steps with keys.

Every step's result is kept once shown, so going back shows the same output again without running
the command a second time; only ``r`` runs a step again. Without a terminal (``read_key`` is None)
nothing is asked and nothing waits, so the output reads well in a file.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from venvtour.actions import StepContext, perform
from venvtour.actions.run import display_command
from venvtour.errors import StepFailed, VenvtourError
from venvtour.keys import HELP, MOVES
from venvtour.loader import LessonFile
from venvtour.model import QuestionStep, RunStep
from venvtour.questions import Question, expand_question, is_correct
from venvtour.tools import find_tool
from venvtour.views.screen import Screen

PAUSE_KEYS = "Enter: next · b: back · r: re-run · ?: help · q: quit"
LAST_KEYS = "Enter: finish · b: back · r: re-run · ?: help · q: quit"
AUTO_KEYS = "going on by itself · any key: pause · q: quit"
AUTO_PAUSED_KEYS = "paused · Enter: go on · ?: help · q: quit"
ANSWER_PROMPT = "Your answer (Enter alone shows it): "


@dataclass(frozen=True)
class Outcome:
    """How a play ended: all steps done, or the learner stopped at ``at``; a failure raises instead."""

    finished: bool
    at: int


class Player:
    """Moves through one lesson. Step indexes are 0-based inside; the learner sees them 1-based."""

    def __init__(
        self,
        lesson_file: LessonFile,
        context: StepContext,
        screen: Screen,
        read_key: Callable[[], str] | None,
        *,
        read_line: Callable[[str], str] | None = None,
        read_key_within: Callable[[float], str | None] | None = None,
        auto: float | None = None,
        on_done: Callable[[int], None] | None = None,
        done_before: Iterable[int] = (),
        position: tuple[int, int] | None = None,
    ) -> None:
        self.lesson = lesson_file.lesson
        self.context = context
        self.screen = screen
        self.read_key = read_key
        self.read_line = read_line or input
        self.read_key_within = read_key_within
        self.auto = auto
        self.on_done = on_done
        self.done = set(done_before)
        self.position = position
        self.shown: dict[int, object | None] = {}

    @property
    def total(self) -> int:
        return len(self.lesson.steps)

    def play(self, start: int = 0) -> Outcome:
        index = start
        self.go_to(index)
        while True:
            move = self.wait(index)
            if move is None:
                self.screen.stopped(index, self.total)
                return Outcome(finished=False, at=index)
            if move >= self.total:
                self.screen.finished(self.lesson)
                return Outcome(finished=True, at=self.total - 1)
            if move < index:
                self.show_again(move)
            else:
                self.go_to(move)
            index = move

    def go_to(self, index: int) -> None:
        """Forward: a step already run in this session is shown again; a new one runs, after what it needs.

        Backward moves only ever show again (see ``show_again``): going back never runs a command.
        """
        if index in self.shown:
            self.show_again(index)
        else:
            self.restore_prerequisites(index)
            self.run_step(index)

    def restore_prerequisites(self, index: int) -> None:
        """Earlier steps whose made path is gone run again, so a later step finds what it needs."""
        for earlier in range(index):
            step = self.lesson.steps[earlier]
            missing = [path for path in step.makes if not self.context.path(path).exists()]
            if missing and all(find_tool(tool) for tool in step.requires):
                title = self.lesson.label(earlier)
                self.screen.note(f"{missing[0]} is missing: running step {earlier + 1} ({title}) again to make it.")
                self.run_step(earlier)

    def run_step(self, index: int) -> None:
        step = self.lesson.steps[index]
        self.screen.step_heading(index, self.total, self.lesson.label(index))
        if step.say:
            self.screen.text(self.context.placeholders.expand(step.say))
        if isinstance(step, QuestionStep):
            question = expand_question(step, self.context.placeholders)
            self.shown[index] = question
            self.ask(question)
        else:
            self.shown[index] = self.perform(index)
        self.done.add(index)
        if self.on_done:
            self.on_done(index)

    def perform(self, index: int) -> object | None:
        step = self.lesson.steps[index]
        typed = step if self.screen.present and isinstance(step, RunStep) else None
        try:
            if typed:
                argv = self.context.placeholders.argv(typed.run)
                self.screen.typed_command(display_command(argv, self.context, typed.output))
            with self.screen.working(f"{step.action}…"):
                result = perform(step, self.context)
        except VenvtourError as error:
            self.screen.failure(str(error))
            raise StepFailed(f"step {index + 1} of {self.lesson.id!r} failed: {first_line(error)}") from None
        if result is not None:
            self.screen.result(result, command_typed=typed is not None)
        return result

    def ask(self, question: Question) -> None:
        """Asked only of a learner at a keyboard; a presenter or a file gets the answer straight away."""
        self.screen.question(question)
        if self.read_key is None or self.screen.present:
            self.screen.revealed_answer(question)
            return
        while True:
            given = self.read_line(ANSWER_PROMPT)
            if not given.strip():
                self.screen.revealed_answer(question)
                return
            if is_correct(question, given):
                self.screen.right_answer(question)
                return
            self.screen.wrong_answer(question.hint)

    def show_again(self, index: int) -> None:
        step = self.lesson.steps[index]
        self.screen.step_heading(index, self.total, self.lesson.label(index))
        if step.say:
            self.screen.text(self.context.placeholders.expand(step.say))
        if index not in self.shown:
            self.screen.not_run_yet()
            return
        shown = self.shown[index]
        if isinstance(shown, Question):
            self.screen.question(shown)
            self.screen.revealed_answer(shown)
        elif shown is not None:
            self.screen.result(shown)
        if shown is not None:
            self.screen.shown_again()

    def wait(self, index: int) -> int | None:
        """The index to show next (``total`` ends the lesson), or None when the learner quits."""
        if self.read_key is None:
            if self.auto:
                time.sleep(self.auto)
            return index + 1
        if self.auto is not None and self.read_key_within is not None:
            self.screen.footer(index, self.total, AUTO_KEYS, self.position)
            key = self.read_key_within(self.auto)
            self.screen.clear_footer()
            if key is None:
                return index + 1
            if MOVES.get(key) == "quit":
                return None
            return self.pause(index, AUTO_PAUSED_KEYS)
        return self.pause(index, LAST_KEYS if index + 1 == self.total else PAUSE_KEYS)

    def pause(self, index: int, keys: str) -> int | None:
        assert self.read_key is not None
        while True:
            self.screen.footer(index, self.total, keys, self.position)
            move = MOVES.get(self.read_key())
            self.screen.clear_footer()
            if move == "next":
                return index + 1
            if move == "quit":
                return None
            if move == "back" and index > 0:
                return index - 1
            if move == "rerun":
                self.restore_prerequisites(index)
                self.run_step(index)
            elif move == "jump":
                target = self.ask_step_number()
                if target is not None:
                    return target
            elif move == "list":
                self.screen.step_list(self.lesson, index, self.done)
            elif move == "help":
                self.screen.help(HELP)

    def ask_step_number(self) -> int | None:
        answer = self.read_line(f"Go to step (1-{self.total}): ").strip()
        if answer.isdigit() and 1 <= int(answer) <= self.total:
            return int(answer) - 1
        if answer:
            self.screen.note(f"There is no step {answer!r}; the steps are numbered 1 to {self.total}.")
        return None


def first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
