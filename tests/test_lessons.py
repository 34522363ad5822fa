"""Every shipped lesson loads, and each curriculum lesson plays to its end on this machine, for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from venvtour.catalog import builtin_lessons_dir, load_catalog
from venvtour.model import QuestionStep
from venvtour.placeholders import unknown_names
from venvtour.probe import probe
from venvtour.tools import find_tool
from venvtour.workspace import Workspace

WIDE = "250"
CURRICULUM = ("what-and-why", "create", "inside", "pip-inside", "python-versions", "uv-and-poetry", "pitfalls")


def play(lesson_id: str, workspace: Path, path: str | None = None) -> str:
    """Play a lesson in a child process, wide enough that no path is wrapped; its whole output."""
    env = {**os.environ, "COLUMNS": WIDE, "NO_COLOR": "1"}
    if path is not None:
        env["PATH"] = path
    completed = subprocess.run(
        [sys.executable, "-m", "venvtour", "play", lesson_id, "--no-pause", "--workspace", str(workspace)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "done" in completed.stdout.splitlines()[-1]
    return completed.stdout


def between(output: str, start: str, end: str) -> str:
    """The part of the output from one step title to another."""
    return output.split(start, 1)[1].split(end, 1)[0]


def all_text(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in all_text(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in all_text(item)]
    return []


def test_every_shipped_lesson_loads_and_uses_only_known_placeholders() -> None:
    lessons = load_catalog()
    assert len(lessons) == len(list(builtin_lessons_dir().glob("*.yaml")))
    assert set(CURRICULUM) <= {loaded.lesson.id for loaded in lessons}
    for loaded in lessons:
        if loaded.lesson.id in CURRICULUM:
            assert loaded.path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
        for text in all_text(loaded.lesson.model_dump()):
            assert unknown_names(text) == [], f"{loaded.path}: {text!r}"


def test_titles_are_plain_text_since_headings_draw_no_markdown() -> None:
    for loaded in load_catalog():
        titles = [loaded.lesson.title, *(step.title for step in loaded.lesson.steps if step.title)]
        assert [title for title in titles if "`" in title or "*" in title] == [], loaded.path


def test_fixed_answers_are_among_the_choices() -> None:
    for loaded in load_catalog():
        for step in loaded.lesson.steps:
            if isinstance(step, QuestionStep) and step.choices and "{" not in step.answer:
                assert step.answer in step.choices, f"{loaded.path}: {step.question}"


def test_what_and_why_installs_each_version_in_its_own_venv(tmp_path: Path, base_python: Path) -> None:
    output = play("what-and-why", tmp_path)
    a_site = tmp_path / "project-a" / ".venv"
    b_site = tmp_path / "project-b" / ".venv"
    assert f"demo-lib 1.0 from {a_site}" in output
    assert f"demo-lib 2.0 from {b_site}" in output
    assert "No module named 'demo_lib'" in output
    assert probe(base_python).purelib in output


def test_create_tries_the_options_for_real(tmp_path: Path) -> None:
    output = play("create", tmp_path)
    assert "prompt = 'my project'" in (tmp_path / "options" / "prompted" / "pyvenv.cfg").read_text()
    assert "include-system-site-packages = true" in (tmp_path / "options" / "shared" / "pyvenv.cfg").read_text()
    assert not (tmp_path / "options" / "bare" / "leftover.txt").exists()
    assert "leftover.txt" not in between(output, "--system-site-packages", "--prompt")
    gitignore = tmp_path / ".venv" / ".gitignore"
    assert (gitignore.read_text() in output) if gitignore.exists() else ".venv/.gitignore does not exist here" in output


def test_inside_proves_site_and_the_flip_changes_sys_path(tmp_path: Path, base_python: Path) -> None:
    base = probe(base_python)
    output = play("inside", tmp_path)
    assert f"prefix:      {base.prefix}" in between(output, "Proof that site does it", "And with site")
    assert f"prefix:      {tmp_path / 'inside-venv'}" in between(output, "And with site", "sys.path before")
    before = between(output, "sys.path before", "Flip the switch").splitlines()
    after = between(output, "sys.path after", "Flip it back").splitlines()
    assert base.purelib not in before
    assert base.purelib in after
    assert "include-system-site-packages = false" in (tmp_path / "inside-venv" / "pyvenv.cfg").read_text()


def test_pip_inside_shows_the_shebang_and_rebuilds_from_requirements(tmp_path: Path) -> None:
    output = play("pip-inside", tmp_path)
    venv = tmp_path / "pip-venv"
    assert f"#!{venv / 'bin' / 'python'}" in output or os.name == "nt" or " " in str(tmp_path)
    assert f"demo-lib 1.0 from {venv}" in output
    assert (tmp_path / "requirements.txt").read_text(encoding="utf-8").strip() == "demo-lib==1.0"
    assert "demo-lib==1.0" in between(output, "The same packages", "What to remember")
    assert "No module named 'demo_lib'" in output


def test_python_versions_makes_venvs_pinned_to_their_interpreters(tmp_path: Path, base_python: Path) -> None:
    output = play("python-versions", tmp_path)
    made = sorted((tmp_path / "versions").iterdir())
    tour = probe(base_python)
    assert tmp_path / "versions" / f"py{tour.version_info[0]}.{tour.version_info[1]}" in made
    for venv in made:
        cfg = (venv / "pyvenv.cfg").read_text()
        python = venv / "bin" / "python"
        assert f"version = {probe(python).version}" in cfg or f"version_info = {probe(python).version}" in cfg
    assert "One venv per version" in output


def test_uv_and_poetry_runs_with_whatever_tools_are_here(tmp_path: Path) -> None:
    output = play("uv-and-poetry", tmp_path)
    if find_tool("uv"):
        assert (tmp_path / "uv-project" / "uv.lock").is_file()
        assert list((tmp_path / "uv-project" / "dist").glob("*.whl"))
    else:
        assert "uv is not installed here" in output
    assert "python -m venv --without-pip" in between(output, "Is uv faster?", "Poetry")


def test_uv_and_poetry_goes_on_without_the_tools(tmp_path: Path) -> None:
    bare_path = os.pathsep.join(("/usr/bin", "/bin"))
    reachable = [sysconfig.get_path("scripts"), bare_path]
    if any(shutil.which(tool, path=folder) for tool in ("uv", "poetry") for folder in reachable):
        pytest.skip("uv or poetry cannot be hidden from the tour on this machine")
    output = play("uv-and-poetry", tmp_path, path=bare_path)
    assert "uv is not installed here" in output
    assert "poetry is not installed here" in output
    assert not (tmp_path / "uv-project").exists()


def test_pitfalls_moved_venv_really_breaks_even_after_a_run_stopped_half_way(tmp_path: Path) -> None:
    Workspace.open(tmp_path)
    for left_over in ("pitfall-venv", "moved-venv"):
        (tmp_path / left_over / "bin").mkdir(parents=True)
    output = play("pitfalls", tmp_path)
    broken = between(output, "pip is broken now", "Why")
    assert "failed, as expected" in broken
    assert "exit code 0" not in broken
    assert "pitfall-venv" in between(output, "Why", "python -m pip still works")
    assert "pip " in between(output, "python -m pip still works", "The cure is to recreate")
    assert not (tmp_path / "moved-venv").exists()
    assert not (tmp_path / "pitfall-venv").exists()
