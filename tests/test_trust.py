"""Lesson files run commands: lessons venvtour did not ship are shown and confirmed, and no shell ever runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from venvtour.actions import StepContext, perform
from venvtour.actions.run import RunResult
from venvtour.catalog import load_catalog
from venvtour.cli import app
from venvtour.loader import LessonFile, load_lesson
from venvtour.model import RunStep
from venvtour.trust import UntrustedLesson, ensure_trusted, planned_commands
from venvtour.workspace import Workspace

CUSTOM = """\
id: custom
title: Custom
summary: s
steps:
  - say: hello
  - run: "{python} -m venv --without-pip .venv"
  - run: "{python} -V"
    env: {GREETING: hi}
  - run: "{python} -m venv --without-pip .venv"
  - compare: {base: "{python}", venv: "{venv_python}"}
  - activate: .venv
  - tree: .venv
  - show: .venv/pyvenv.cfg
  - question: Which?
    answer: "{scripts}"
"""


class FakeAsk:
    """Records what the learner would have been shown, and answers as told."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.shown: list[tuple[Path, list[str]]] = []

    def __call__(self, lesson_file: LessonFile, commands: list[str]) -> bool:
        self.shown.append((lesson_file.path, commands))
        return self.answer


@pytest.fixture
def custom(tmp_path: Path) -> LessonFile:
    path = tmp_path / "custom.yaml"
    path.write_text(CUSTOM, encoding="utf-8")
    return load_lesson(path)


def test_a_custom_lesson_shows_its_commands_once_and_runs_when_agreed(custom: LessonFile) -> None:
    ask = FakeAsk(answer=True)
    ensure_trusted(custom, trust=False, ask=ask)
    assert ask.shown == [
        (
            custom.path,
            [
                "{python} -m venv --without-pip .venv",
                "GREETING=hi {python} -V",
                "{python}  (asked for its facts)",
                "{venv_python}  (asked for its facts)",
                "activate: .venv",
            ],
        )
    ]


def test_a_custom_lesson_the_learner_declines_does_not_run(custom: LessonFile) -> None:
    with pytest.raises(UntrustedLesson, match="you did not agree"):
        ensure_trusted(custom, trust=False, ask=FakeAsk(answer=False))


def test_trust_skips_the_question(custom: LessonFile) -> None:
    ask = FakeAsk(answer=False)
    ensure_trusted(custom, trust=True, ask=ask)
    assert ask.shown == []


def test_built_in_lessons_are_not_asked_about() -> None:
    ask = FakeAsk(answer=False)
    for lesson_file in load_catalog():
        ensure_trusted(lesson_file, trust=False, ask=ask)
    assert ask.shown == []


def test_without_a_terminal_a_custom_lesson_needs_trust(custom: LessonFile) -> None:
    with pytest.raises(UntrustedLesson, match=r"There is no terminal to ask you first.*--trust"):
        ensure_trusted(custom, trust=False, ask=None)


def test_the_distinct_commands_keep_their_order(custom: LessonFile) -> None:
    commands = planned_commands(custom.lesson)
    assert len(commands) == len(set(commands))
    assert commands[0] == "{python} -m venv --without-pip .venv"


def test_the_export_command_refuses_an_untrusted_lesson_without_a_terminal(custom: LessonFile, tmp_path: Path) -> None:
    output = tmp_path / "out.md"
    result = CliRunner().invoke(app, ["export", str(custom.path), "--output", str(output)], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    assert "pass --trust if you trust it" in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert not output.exists()
    assert not (tmp_path / ".venv").exists()


def test_a_placeholder_with_spaces_and_a_semicolon_stays_one_argument(tmp_path: Path, base_python: Path) -> None:
    """The workspace path reaches the command as one argument: no shell splits it or runs what follows `;`."""
    workspace = Workspace.open(tmp_path / "a; touch pwned b")
    step = RunStep.model_validate(
        {"run": '{python} -c "import sys, json; print(json.dumps(sys.argv[1:]))" {workspace} "{workspace}/x y"'}
    )
    result = perform(step, StepContext(workspace, base_python))
    assert isinstance(result, RunResult)
    assert json.loads(result.result.output) == [str(workspace.root), f"{workspace.root}/x y"]
    assert not (workspace.root / "pwned").exists()


def test_commands_run_in_the_workspace(workspace: Workspace, base_python: Path) -> None:
    step = RunStep.model_validate({"run": '{python} -c "import os; print(os.getcwd())"'})
    result = perform(step, StepContext(workspace, base_python))
    assert isinstance(result, RunResult)
    assert result.result.output.strip() == str(workspace.root)


@pytest.mark.parametrize(("answer", "runs"), [("y", True), ("n", False)])
def test_on_a_terminal_the_learner_sees_the_commands_and_decides(tmp_path: Path, answer: str, runs: bool) -> None:
    """The real prompt, on a real pseudo-terminal: the commands are listed before anything runs."""
    import os
    import sys

    import pexpect

    lesson = tmp_path / "custom.yaml"
    lesson.write_text(CUSTOM, encoding="utf-8")
    output, workspace = tmp_path / "out.md", tmp_path / "ws"
    environment = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "venvtour", "export", str(lesson), "-o", str(output), "-w", str(workspace)],
        env=environment,
        encoding="utf-8",
        dimensions=(40, 200),
        timeout=60,
    )
    try:
        child.expect("not one of venvtour's own")
        child.expect(r"\{python\} -m venv --without-pip \.venv")
        child.expect(r"GREETING=hi \{python\} -V")
        child.expect(r"Run it\?")
        assert not workspace.exists()
        child.sendline(answer)
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert (child.exitstatus == 0) is runs
    assert output.exists() is runs
    assert (workspace / ".venv").exists() is runs
