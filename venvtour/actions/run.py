"""``run``: a real command in the workspace, judged against what the lesson expects of it."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from venvtour.actions.context import StepContext
from venvtour.errors import StepFailed
from venvtour.model import RunStep
from venvtour.process import CommandResult, run_command


@dataclass(frozen=True)
class RunResult:
    command: str
    result: CommandResult
    expect: str


def display_command(argv: list[str], context: StepContext) -> str:
    """The command as the learner would type it: the workspace folder shown as ``.``."""
    root = str(context.workspace.root)
    words = []
    for word in argv:
        shown = word.replace(root + "/", "").replace(root, ".") if word.startswith(root) else word
        words.append(shlex.quote(shown))
    return " ".join(words)


def perform_run(step: RunStep, context: StepContext) -> RunResult:
    argv = context.placeholders.argv(step.run)
    env = {name: context.placeholders.expand(value) for name, value in step.env.items()}
    result = run_command(argv, context.workspace.root, env, step.timeout)
    context.forget()
    outcome = RunResult(display_command(argv, context), result, step.expect)
    if step.expect == "success" and not result.succeeded:
        raise StepFailed(f"`{outcome.command}` failed with exit code {result.returncode}:\n{result.output.strip()}")
    if step.expect == "failure" and result.succeeded:
        raise StepFailed(f"`{outcome.command}` was expected to fail here, but it succeeded")
    return outcome
