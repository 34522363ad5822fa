"""The playing commands as a learner and a teacher use them: a real pseudo-terminal, real keys, real venvs.

Each lesson here is a small file in tmp_path whose run step leaves a side effect (a line appended to
a file), so "the command did not run again" is checked on disk, not in the output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from venvtour.catalog import load_catalog
from venvtour.progress import FILE_NAME
from venvtour.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
WAIT = 60
APPEND = """run: '{python} -c "open(''log.txt'', ''a'').write(''ran\\\\n'')"'"""
KEYS_LESSON = f"""
id: keys-demo
title: Keys demo
summary: Moving around a lesson.
steps:
  - title: Words
    say: Only words.
  - title: Append
    {APPEND}
    creates: log.txt
  - title: Look
    show: log.txt
  - title: The end
    say: That was all.
"""
LONG_LESSON = """
id: long-demo
title: Long demo
summary: One step takes long.
steps:
  - title: Quick
    run: '{python} -c "print(1)"'
  - title: Sleep
    run: '{python} -c "import os, time; open(''pid'', ''w'').write(str(os.getpid())); time.sleep(30)"'
  - title: After
    say: Not reached.
"""
VENV_LESSON = """
id: venv-demo
title: Venv demo
summary: A venv that a later step needs.
steps:
  - title: Make it
    run: "{python} -m venv --without-pip .venv"
    creates: .venv
  - title: Pause
    say: Time to stop.
  - title: Use it
    run: '{venv_python} -c "import sys; print(sys.prefix)"'
"""
QUIZ_LESSON = """
id: quiz-demo
title: Quiz demo
summary: A question.
steps:
  - title: Where
    question: Which folder of a venv holds python here?
    answer: "{scripts}"
    choices: ["include", "{scripts}"]
  - run: '{python} -c "print(2)"'
"""


def write_lesson(tmp_path: Path, text: str, name: str = "lesson.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def environment() -> dict[str, str]:
    return {**os.environ, "TERM": "xterm-256color", "NO_COLOR": "1", "COLUMNS": "100"}


@pytest.fixture
def space(tmp_path: Path) -> Path:
    return tmp_path / "work space"


@pytest.fixture
def spawned() -> Iterator[list[pexpect.spawn]]:
    """Every spawned tour is closed at the end, even when an assertion failed half-way."""
    children: list[pexpect.spawn] = []
    yield children
    for child in children:
        child.close(force=True)


def spawn(spawned: list[pexpect.spawn], *args: str) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "venvtour", *args, *trusted(args)],
        cwd=str(REPO),
        env=environment(),
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=WAIT,
    )
    spawned.append(child)
    return child


def trusted(args: tuple[str, ...]) -> list[str]:
    """The test lessons are files of our own, so the commands that run lessons are told to trust them."""
    return ["--trust"] if args[0] in {"play", "resume", "tour"} else []


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus)


def run_cli(*args: str, stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "venvtour", *args, *trusted(args)],
        cwd=REPO,
        env={**environment(), "COLUMNS": "120"},
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=WAIT * 5,
    )


def saved(space: Path) -> dict[str, object]:
    data = json.loads((space / FILE_NAME).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def done_steps(space: Path, lesson_id: str) -> list[int]:
    lessons = saved(space)["lessons"]
    assert isinstance(lessons, dict)
    return list(lessons[lesson_id]["done"])


def log_lines(space: Path) -> int:
    return len((space / "log.txt").read_text().splitlines())


def test_enter_and_space_go_on_and_q_quits(tmp_path: Path, space: Path, spawned: list[pexpect.spawn]) -> None:
    child = spawn(spawned, "play", str(write_lesson(tmp_path, KEYS_LESSON)), "-w", str(space))
    child.expect_exact("step 1/4")
    child.send("\r")
    child.expect_exact("step 2/4")
    child.send(" ")
    child.expect_exact("step 3/4")
    child.send("q")
    child.expect_exact("Stopped at step 3/4")
    assert finish(child) == 0
    assert done_steps(space, "keys-demo") == [0, 1, 2]


def test_back_rerun_jump_help_and_list_on_a_real_terminal(
    tmp_path: Path, space: Path, spawned: list[pexpect.spawn]
) -> None:
    child = spawn(spawned, "play", str(write_lesson(tmp_path, KEYS_LESSON)), "-w", str(space))
    child.expect_exact("step 1/4")
    child.send("\r")
    child.expect_exact("step 2/4")
    child.send("\x1b[C")
    child.expect_exact("step 3/4")
    assert log_lines(space) == 1
    child.send("b")
    child.expect_exact("shown again")
    child.expect_exact("step 2/4")
    assert log_lines(space) == 1, "going back must not run the command again"
    child.send("r")
    child.expect_exact("exit code 0")
    child.expect_exact("step 2/4")
    assert log_lines(space) == 2, "r runs the step again, live"
    child.send("?")
    child.expect_exact("run the current step again")
    child.expect_exact("step 2/4")
    child.send("g")
    child.expect_exact("Go to step (1-4):")
    child.sendline("4")
    child.expect_exact("That was all.")
    child.expect_exact("step 4/4")
    child.send("l")
    child.expect(r"▶[^\n]*4[^\n]*The end")
    child.expect_exact("step 4/4")
    child.send("q")
    assert finish(child) == 0
    assert log_lines(space) == 2


def test_resume_starts_after_the_last_finished_step(tmp_path: Path, space: Path, spawned: list[pexpect.spawn]) -> None:
    lesson = str(write_lesson(tmp_path, KEYS_LESSON))
    child = spawn(spawned, "play", lesson, "-w", str(space))
    child.expect_exact("step 1/4")
    child.send("\r")
    child.expect_exact("step 2/4")
    child.send("q")
    assert finish(child) == 0
    assert done_steps(space, "keys-demo") == [0, 1]

    child = spawn(spawned, "resume", lesson, "-w", str(space))
    child.expect_exact("Going on at step 3/4")
    child.expect_exact("Step 3/4 · Look")
    child.expect_exact("step 3/4")
    child.send("\r")
    child.expect_exact("step 4/4")
    child.send("\r")
    child.expect_exact("Keys demo: done")
    assert finish(child) == 0
    assert log_lines(space) == 1, "resume does not redo finished steps"
    assert done_steps(space, "keys-demo") == [0, 1, 2, 3]


def test_ctrl_c_during_a_long_command_stops_it_and_keeps_the_progress(
    tmp_path: Path, space: Path, spawned: list[pexpect.spawn]
) -> None:
    child = spawn(spawned, "play", str(write_lesson(tmp_path, LONG_LESSON)), "-w", str(space))
    child.expect_exact("step 1/3")
    child.send("\r")
    child.expect_exact("Step 2/3 · Sleep")
    pid_file = space / "pid"
    while not pid_file.is_file() or not pid_file.read_text():
        if child.expect([pexpect.TIMEOUT, pexpect.EOF], timeout=0.1) == 1:
            pytest.fail("the tour ended before the long command started")
    child.sendintr()
    child.expect_exact("Interrupted.")
    output_after = child.read()
    assert finish(child) == 130
    assert "Traceback" not in output_after
    assert done_steps(space, "long-demo") == [0]
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


def test_a_deleted_venv_is_made_again_before_resume_goes_on(
    tmp_path: Path, space: Path, spawned: list[pexpect.spawn]
) -> None:
    lesson = str(write_lesson(tmp_path, VENV_LESSON))
    child = spawn(spawned, "play", lesson, "-w", str(space))
    child.expect_exact("step 1/3")
    child.send("\r")
    child.expect_exact("step 2/3")
    child.send("q")
    assert finish(child) == 0
    Workspace(space).reset()
    assert not (space / ".venv").exists()

    result = run_cli("resume", lesson, "-w", str(space))
    assert result.returncode == 0, result.stdout + result.stderr
    assert ".venv is missing: running step 1 (Make it) again" in result.stdout
    assert str(space / ".venv") in result.stdout
    assert (space / ".venv" / "pyvenv.cfg").is_file()


def test_a_corrupt_progress_file_is_set_aside_and_the_tour_starts_clean(tmp_path: Path, space: Path) -> None:
    Workspace.open(space)
    (space / FILE_NAME).write_text("{ half a file", encoding="utf-8")
    result = run_cli("play", str(write_lesson(tmp_path, KEYS_LESSON)), "-w", str(space))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "could not be read" in result.stdout and "starting clean" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    (aside,) = space.glob(f"{FILE_NAME}.corrupt-*")
    assert aside.read_text(encoding="utf-8") == "{ half a file"
    assert done_steps(space, "keys-demo") == [0, 1, 2, 3]


def test_present_with_auto_zero_finishes_without_a_key_and_saves_nothing(
    tmp_path: Path, space: Path, spawned: list[pexpect.spawn]
) -> None:
    lesson = str(write_lesson(tmp_path, KEYS_LESSON + QUIZ_LESSON.split("steps:")[1]))
    child = spawn(spawned, "play", lesson, "--present", "--auto", "0", "-w", str(space))
    child.expect_exact("APPEND")
    child.expect_exact("Answer: bin")
    child.expect_exact("Keys demo: done")
    assert finish(child) == 0
    assert log_lines(space) == 1
    assert not (space / FILE_NAME).exists()


def test_present_records_progress_only_when_asked(tmp_path: Path, space: Path) -> None:
    lesson = str(write_lesson(tmp_path, KEYS_LESSON))
    result = run_cli("play", lesson, "--present", "--record-progress", "-w", str(space))
    assert result.returncode == 0, result.stderr
    assert done_steps(space, "keys-demo") == [0, 1, 2, 3]


def test_a_question_is_asked_on_a_terminal(tmp_path: Path, space: Path, spawned: list[pexpect.spawn]) -> None:
    child = spawn(spawned, "play", str(write_lesson(tmp_path, QUIZ_LESSON)), "-w", str(space))
    child.expect_exact("Your answer")
    child.sendline("1")
    child.expect_exact("Not quite")
    child.expect_exact("Your answer")
    child.sendline("2")
    child.expect_exact("Right: bin")
    child.expect_exact("step 1/2")
    child.send("q")
    assert finish(child) == 0


def test_without_a_terminal_output_is_plain_and_the_exit_code_tells(tmp_path: Path, space: Path) -> None:
    good = run_cli("play", str(write_lesson(tmp_path, KEYS_LESSON)), "-w", str(space))
    assert good.returncode == 0
    assert "\x1b[" not in good.stdout
    assert "Step 4/4 · The end" in good.stdout
    failing = "id: failing\ntitle: F\nsummary: S\nsteps:\n  - run: '{python} -c \"raise SystemExit(3)\"'\n"
    bad = run_cli("play", str(write_lesson(tmp_path, failing, "bad.yaml")), "--no-pause", "-w", str(space))
    assert bad.returncode == 1
    assert "step 1 of 'failing' failed" in bad.stderr
    assert "Traceback" not in bad.stdout + bad.stderr


def test_play_from_a_step(tmp_path: Path, space: Path) -> None:
    result = run_cli("play", str(write_lesson(tmp_path, KEYS_LESSON)), "--from", "3", "-w", str(space))
    assert result.returncode == 0
    assert "Step 1/4" not in result.stdout
    assert "log.txt is missing: running step 2 (Append) again" in result.stdout
    assert "Step 3/4 · Look" in result.stdout
    too_far = run_cli("play", str(write_lesson(tmp_path, KEYS_LESSON)), "--from", "9", "-w", str(space))
    assert too_far.returncode == 1 and "there is no step 9" in too_far.stderr


def test_bare_venvtour_without_a_terminal_lists_the_lessons_and_how_to_start(space: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "venvtour"],
        cwd=REPO,
        env={**environment(), "VENVTOUR_WORKSPACE": str(space), "COLUMNS": "120"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert result.returncode == 0
    assert "create" in result.stdout
    assert f"venvtour play {load_catalog()[0].lesson.id}" in result.stdout
    assert not space.exists(), "looking at the lessons makes no workspace"


def test_progress_table_and_reset(tmp_path: Path, space: Path) -> None:
    lesson = str(write_lesson(tmp_path, KEYS_LESSON))
    run_cli("play", lesson, "--from", "3", "-w", str(space))
    shown = run_cli("progress", lesson, "-w", str(space))
    assert "keys-demo" in shown.stdout and "3/4" in shown.stdout
    cleared = run_cli("progress", "--reset", lesson, "-w", str(space))
    assert cleared.returncode == 0 and "cleared" in cleared.stdout
    assert "0/4" in run_cli("progress", lesson, "-w", str(space)).stdout


def test_reset_cleans_the_workspace_but_keeps_progress(tmp_path: Path, space: Path) -> None:
    run_cli("play", str(write_lesson(tmp_path, KEYS_LESSON)), "-w", str(space))
    assert (space / "log.txt").exists()
    result = run_cli("reset", "-w", str(space))
    assert result.returncode == 0
    assert not (space / "log.txt").exists()
    assert done_steps(space, "keys-demo") == [0, 1, 2, 3]
    missing = run_cli("reset", "-w", str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "there is no workspace" in missing.stderr


def test_fresh_cleans_before_playing(tmp_path: Path, space: Path) -> None:
    lesson = str(write_lesson(tmp_path, KEYS_LESSON))
    run_cli("play", lesson, "-w", str(space))
    run_cli("play", lesson, "--fresh", "-w", str(space))
    assert log_lines(space) == 1


@pytest.mark.parametrize("columns", [80, 200])
def test_nothing_overflows_the_terminal_width(tmp_path: Path, space: Path, columns: int) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "venvtour",
            "play",
            str(write_lesson(tmp_path, KEYS_LESSON)),
            "-w",
            str(space),
            "--trust",
        ],
        cwd=REPO,
        env={**environment(), "COLUMNS": str(columns)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert result.returncode == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= columns


def test_list_marks_finished_lessons(space: Path) -> None:
    from venvtour.progress import load_progress

    first, second = load_catalog()[:2]
    progress = load_progress(Workspace.open(space).root)
    for index in range(len(first.lesson.steps)):
        progress.mark_done(first.lesson.id, index, len(first.lesson.steps))
    progress.mark_done(second.lesson.id, 0, len(second.lesson.steps))
    lines = run_cli("list", "-w", str(space)).stdout.splitlines()
    first_line = next(line for line in lines if f" {first.lesson.id} " in line)
    second_line = next(line for line in lines if f" {second.lesson.id} " in line)
    total = len(first.lesson.steps)
    assert f"{total}/{total} ✓" in first_line
    assert f"1/{len(second.lesson.steps)}" in second_line and "✓" not in second_line


def test_auto_goes_on_by_itself_and_a_key_pauses_it(tmp_path: Path, space: Path, spawned: list[pexpect.spawn]) -> None:
    lesson = str(write_lesson(tmp_path, KEYS_LESSON))
    child = spawn(spawned, "play", lesson, "--auto", "0", "-w", str(space))
    child.expect_exact("Keys demo: done")
    assert finish(child) == 0
    child = spawn(spawned, "play", lesson, "--auto", "600", "-w", str(space))
    child.expect_exact("Only words.")
    child.send("x")
    child.expect_exact("paused")
    child.send("\r")
    child.expect_exact("Step 2/4 · Append")
    child.expect_exact("any key: pause")
    child.send("q")
    child.expect_exact("Stopped at step 2/4")
    assert finish(child) == 0


def test_resume_without_a_lesson_goes_on_with_the_one_last_played(
    tmp_path: Path, space: Path, spawned: list[pexpect.spawn]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    write_lesson(folder, KEYS_LESSON, "10-keys.yaml")
    child = spawn(spawned, "play", "keys-demo", "--lessons", str(folder), "-w", str(space))
    child.expect_exact("step 1/4")
    child.send("q")
    assert finish(child) == 0
    result = run_cli("resume", "--lessons", str(folder), "-w", str(space))
    assert result.returncode == 0, result.stderr
    assert "Going on at step 2/4" in result.stdout
    assert "Keys demo: done" in result.stdout


def test_bare_venvtour_on_a_terminal_starts_the_first_unfinished_lesson(
    space: Path, spawned: list[pexpect.spawn]
) -> None:
    first = load_catalog()[0].lesson
    child = pexpect.spawn(
        sys.executable,
        ["-m", "venvtour"],
        cwd=str(REPO),
        env={**environment(), "VENVTOUR_WORKSPACE": str(space)},
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=WAIT,
    )
    spawned.append(child)
    child.expect_exact(first.id)
    child.expect_exact(f"Step 1/{len(first.steps)}")
    child.expect_exact(f"lesson 1/{len(load_catalog())}")
    child.send("q")
    assert finish(child) == 0
    assert done_steps(space, first.id) == [0]
