"""``run``: a real command in the workspace, judged against what the lesson expects of it."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from venvtour.actions.context import StepContext
from venvtour.errors import StepFailed
from venvtour.model import RunStep
from venvtour.process import CommandResult, run_command
from venvtour.tools import tool_environment

NOT_STARTED = 127


@dataclass(frozen=True)
class RunResult:
    command: str
    result: CommandResult
    expect: str


def display_command(argv: list[str], context: StepContext, output: str | None = None) -> str:
    """The command as the learner would type it: the workspace folder shown as ``.``."""
    root = str(context.workspace.root)
    words = []
    for word in argv:
        shown = word.replace(root + "/", "").replace(root, ".") if word.startswith(root) else word
        words.append(shlex.quote(shown))
    redirect = f" > {shlex.quote(output)}" if output else ""
    return " ".join(words) + redirect


def shebang_of(program: str, cwd: Path) -> str | None:
    """The ``#!`` line of a script, read to explain why the system could not start it."""
    path = cwd / program
    try:
        with path.open("rb") as handle:
            first = handle.readline(1024).decode("utf-8", errors="replace").strip()
    except OSError:
        return None
    return first[2:].strip() if first.startswith("#!") else None


def unstartable(argv: list[str], context: StepContext, error: StepFailed) -> CommandResult:
    """A script the system refused to start, as a failed result: the failure the lesson wants to show."""
    interpreter = shebang_of(argv[0], context.workspace.root)
    if interpreter is None or not str(error).endswith("command not found"):
        raise error
    message = (
        f"{argv[0]}: cannot be started: its first line is `#!{interpreter}`,\n"
        f"and {interpreter.split()[0]} does not exist (the system answered: No such file or directory)"
    )
    return CommandResult(tuple(argv), NOT_STARTED, message, 0.0)


def save_output(step: RunStep, result: CommandResult, context: StepContext) -> None:
    if step.output is None:
        return
    target = context.path(step.output)
    try:
        target.write_text(result.output, encoding="utf-8")
    except OSError as error:
        raise StepFailed(f"could not write {step.output}: {error.strerror or error}") from None


def perform_run(step: RunStep, context: StepContext) -> RunResult:
    argv = context.placeholders.argv(step.run)
    tools = tool_environment(context.workspace.root) if step.requires else {}
    env = {**tools, **{name: context.placeholders.expand(value) for name, value in step.env.items()}}
    try:
        result = run_command(argv, context.workspace.root, env, step.timeout)
    except StepFailed as error:
        if step.expect == "success":
            raise
        result = unstartable(argv, context, error)
    context.forget()
    outcome = RunResult(display_command(argv, context, step.output), result, step.expect)
    if step.expect == "success" and not result.succeeded:
        raise StepFailed(f"`{outcome.command}` failed with exit code {result.returncode}:\n{result.output.strip()}")
    if step.expect == "failure" and result.succeeded:
        raise StepFailed(f"`{outcome.command}` was expected to fail here, but it succeeded")
    save_output(step, result, context)
    return outcome
