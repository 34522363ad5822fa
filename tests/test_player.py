"""The player with scripted keys (the only fake: the keyboard); steps run for real in a real workspace."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from venvtour.actions import StepContext
from venvtour.errors import StepFailed
from venvtour.loader import LessonFile, load_lesson
from venvtour.player import Player
from venvtour.views.console import make_console
from venvtour.views.screen import Screen
from venvtour.workspace import Workspace

APPEND = """run: '{python} -c "open(''log.txt'', ''a'').write(''ran\\\\n'')"'"""
LESSON = f"""
id: keys
title: Keys
summary: Moving around.
steps:
  - title: Words
    say: Only words.
  - title: Append
    {APPEND}
    creates: log.txt
  - title: Look
    show: log.txt
  - title: Quiz
    question: Where does {{python}} live?
    answer: "{{python}}"
    hint: It is the tour's interpreter.
"""

SHORT = "id: short\ntitle: Short\nsummary: A few steps.\nsteps:\n"


def lesson_file(tmp_path: Path, text: str = LESSON) -> LessonFile:
    path = tmp_path / "lesson.yaml"
    path.write_text(text, encoding="utf-8")
    return load_lesson(path)


def scripted(items: list[str]) -> Callable[..., str]:
    """Keys or lines in order; running out means the test expected fewer reads than the player made."""
    queue: Iterator[str] = iter(items)

    def read(*_prompt: str) -> str:
        return next(queue)

    return read


def make_player(
    tmp_path: Path, workspace: Workspace, base_python: Path, keys: list[str] | None, lines: tuple[str, ...] = ()
) -> tuple[Player, io.StringIO, list[int]]:
    output = io.StringIO()
    done: list[int] = []
    player = Player(
        lesson_file(tmp_path),
        StepContext(workspace, base_python),
        Screen(make_console(file=output, width=100)),
        scripted(keys) if keys is not None else None,
        read_line=scripted(list(lines)),
        on_done=done.append,
    )
    return player, output, done


def play_through(
    lesson: LessonFile, workspace: Workspace, base_python: Path, start: int = 0, present: bool = False
) -> str:
    """Play to the end with no keyboard, as a pipe would; everything drawn."""
    output = io.StringIO()
    screen = Screen(make_console(file=output, width=100), present=present)
    assert Player(lesson, StepContext(workspace, base_python), screen, None).play(start).finished
    return output.getvalue()


def log_lines(workspace: Workspace) -> int:
    return len((workspace.root / "log.txt").read_text().splitlines())


def test_back_shows_the_kept_output_without_running_the_command(
    tmp_path: Path, workspace: Workspace, base_python: Path
) -> None:
    player, output, _ = make_player(tmp_path, workspace, base_python, ["enter", "enter", "b", "q"])
    outcome = player.play()
    assert log_lines(workspace) == 1
    assert output.getvalue().count("exit code 0") == 2
    assert "shown again" in output.getvalue()
    assert not outcome.finished and outcome.at == 1


def test_rerun_runs_the_step_again(tmp_path: Path, workspace: Workspace, base_python: Path) -> None:
    player, _, done = make_player(tmp_path, workspace, base_python, ["enter", "r", "r", "q"])
    player.play()
    assert log_lines(workspace) == 3
    assert done == [0, 1, 1, 1]


def test_jump_goes_to_the_step_number_and_rejects_others(
    tmp_path: Path, workspace: Workspace, base_python: Path
) -> None:
    player, output, _ = make_player(tmp_path, workspace, base_python, ["g", "g", "q"], lines=("9", "3"))
    player.play()
    assert "There is no step '9'" in output.getvalue()
    assert "Step 3/4 · Look" in output.getvalue()
    assert log_lines(workspace) == 1, "jumping past step 2 made what step 3 needs"


def test_list_and_help(tmp_path: Path, workspace: Workspace, base_python: Path) -> None:
    player, output, _ = make_player(tmp_path, workspace, base_python, ["l", "?", "q"])
    player.play()
    text = output.getvalue()
    assert "▶" in text and "Append" in text
    assert "run the current step again" in text


def test_question_wrong_then_right(tmp_path: Path, workspace: Workspace, base_python: Path) -> None:
    keys = ["enter", "enter", "enter", "enter"]
    player, output, done = make_player(
        tmp_path, workspace, base_python, keys, lines=("/usr/bin/nothing", f"  {base_python}/ ")
    )
    outcome = player.play()
    text = output.getvalue()
    assert "Not quite" in text and "the tour's interpreter" in text
    assert f"Right: {base_python}" in text
    assert outcome.finished and done == [0, 1, 2, 3]


def test_question_revealed_on_an_empty_answer(tmp_path: Path, workspace: Workspace, base_python: Path) -> None:
    player, output, _ = make_player(tmp_path, workspace, base_python, ["enter"] * 4, lines=("",))
    player.play()
    assert f"Answer: {base_python}" in output.getvalue()


def test_without_keys_nothing_is_asked_and_every_step_runs(
    tmp_path: Path, workspace: Workspace, base_python: Path
) -> None:
    player, output, done = make_player(tmp_path, workspace, base_python, None)
    assert player.play().finished
    assert f"Answer: {base_python}" in output.getvalue()
    assert done == [0, 1, 2, 3]


def test_a_missing_creates_path_is_made_again_before_a_later_step(
    tmp_path: Path, workspace: Workspace, base_python: Path
) -> None:
    player, output, done = make_player(tmp_path, workspace, base_python, None)
    player.play(start=2)
    assert "log.txt is missing: running step 2 (Append) again" in output.getvalue()
    assert log_lines(workspace) == 1
    assert done == [1, 2, 3]


def test_a_missing_wheels_folder_is_written_again_before_a_later_step(
    tmp_path: Path, workspace: Workspace, base_python: Path
) -> None:
    steps = "  - title: Wheels\n    wheels: wheels\n  - tree: wheels\n"
    output = play_through(lesson_file(tmp_path, SHORT + steps), workspace, base_python, start=1)
    assert "wheels is missing: running step 1 (Wheels) again" in output
    assert sorted(path.name for path in (workspace.root / "wheels").iterdir()) == [
        "demo_lib-1.0-py3-none-any.whl",
        "demo_lib-2.0-py3-none-any.whl",
    ]


def test_a_presenter_sees_each_command_once_as_typed_with_its_redirect(
    tmp_path: Path, workspace: Workspace, base_python: Path
) -> None:
    steps = "  - run: '{python} -c \"print(7)\"'\n    output: seven.txt\n"
    output = play_through(lesson_file(tmp_path, SHORT + steps), workspace, base_python, present=True)
    commands = [line for line in output.splitlines() if line.startswith("$ ")]
    assert commands == [f"$ {base_python} -c 'print(7)' > seven.txt"]
    assert (workspace.root / "seven.txt").read_text() == "7\n"


def test_a_failing_step_raises_with_its_number(tmp_path: Path, workspace: Workspace, base_python: Path) -> None:
    failing = lesson_file(
        tmp_path,
        "id: f\ntitle: F\nsummary: S\nsteps:\n  - run: '{python} -c \"raise SystemExit(3)\"'\n",
    )
    player = Player(failing, StepContext(workspace, base_python), Screen(make_console(file=io.StringIO())), None)
    with pytest.raises(StepFailed, match="step 1 of 'f' failed"):
        player.play()


def test_back_to_a_step_not_run_in_this_session_does_not_run_it(
    tmp_path: Path, workspace: Workspace, base_python: Path
) -> None:
    (workspace.root / "log.txt").write_text("made earlier\n")
    player, output, done = make_player(tmp_path, workspace, base_python, ["b", "q"])
    player.play(start=2)
    assert "not run in this session" in output.getvalue()
    assert log_lines(workspace) == 1
    assert done == [2]
