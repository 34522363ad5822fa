"""Exports of a small real lesson, run for real in tmp_path, each checked for the structure of its format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from venvtour.cli import app
from venvtour.export.markdown import fenced

SMALL = """\
id: small
title: A small lesson
summary: Make a venv without pip and ask it where it lives.
steps:
  - title: Make it
    say: Made with `{python}`.
    run: "{python} -m venv --without-pip .venv"
    creates: .venv
  - title: Where it lives
    run: .venv/{scripts}/python -c "import sys; print('prefix=' + sys.prefix)"
  - title: Look
    tree: .venv
    depth: 1
  - show: .venv/pyvenv.cfg
  - show: notes.txt
    if_missing: Nothing written yet.
  - question: Which folder holds python?
    answer: "{scripts}"
"""
VOID_ELEMENTS = {"meta", "br", "link", "img", "hr", "input"}


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "01-small.yaml").write_text(SMALL, encoding="utf-8")
    return folder


def export(lessons: Path, output: Path, *extra: str) -> tuple[int, str]:
    workspace = output.parent / "work space"
    arguments = ["export", "small", "--lessons", str(lessons), "--trust", "-o", str(output), "-w", str(workspace)]
    result = CliRunner().invoke(app, [*arguments, *extra], env={"NO_COLOR": "1", "COLUMNS": "200"})
    return result.exit_code, result.output


def test_markdown_has_the_text_and_each_command_with_its_real_output(lessons: Path, tmp_path: Path) -> None:
    output = tmp_path / "small.md"
    code, said = export(lessons, output)
    assert code == 0, said
    text = output.read_text(encoding="utf-8")
    venv = tmp_path / "work space" / ".venv"
    assert text.startswith("# A small lesson\n\nMake a venv without pip")
    assert "## 1. Make it\n\nMade with `" in text
    assert "```console\n$ " in text
    assert " -m venv --without-pip .venv\n```" in text
    assert (
        f"```console\n$ .venv/bin/python -c 'import sys; print('\"'\"'prefix='\"'\"' + sys.prefix)'\nprefix={venv}\n```"
        in text
    )
    assert "```text\n.venv/\n" in text
    assert "`.venv/pyvenv.cfg`:\n\n```text\nhome = " in text
    assert "`notes.txt` does not exist here. Nothing written yet." in text
    assert "**Question:** Which folder holds python?" in text
    assert f"wrote {output} (md, 6 steps)" in said


def test_a_fence_is_longer_than_any_backticks_inside() -> None:
    assert fenced("a ``` b", "text") == "````text\na ``` b\n````"
    assert fenced("plain", "console") == "```console\nplain\n```"


class TagChecker(HTMLParser):
    """Fails on a closing tag that does not match the open one, so a broken page is caught."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing open"


def test_html_is_a_whole_page_with_the_tour_and_its_colours(lessons: Path, tmp_path: Path) -> None:
    output = tmp_path / "small.html"
    code, said = export(lessons, output)
    assert code == 0, said
    page = output.read_text(encoding="utf-8")
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    assert checker.open == []
    assert checker.seen[:2] == ["html", "head"]
    assert "<title>venvtour · A small lesson</title>" in page
    assert "body" in checker.seen
    assert "A small lesson" in page
    assert "prefix=" in page
    assert "color: #" in page


def test_svg_is_one_picture_of_the_whole_tour(lessons: Path, tmp_path: Path) -> None:
    output = tmp_path / "small.svg"
    code, said = export(lessons, output, "--format", "svg")
    assert code == 0, said
    root = ET.parse(output).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    shown = "".join(root.itertext()).replace("\xa0", " ")
    assert "A small lesson" in shown
    assert "Step 6/6" in shown


def test_cast_is_an_asciicast_v2_recording_with_pauses_between_steps(lessons: Path, tmp_path: Path) -> None:
    output = tmp_path / "small.cast"
    code, said = export(lessons, output)
    assert code == 0, said
    header, *events = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert header["version"] == 2
    assert isinstance(header["width"], int) and isinstance(header["height"], int)
    assert len(events) >= 7  # the opening, then one frame per step
    times = [event[0] for event in events]
    assert all(isinstance(event, list) and len(event) == 3 and event[1] == "o" for event in events)
    assert all(isinstance(time, int | float) for time in times)
    assert times == sorted(times)
    assert times[0] == 0 and times[-1] > 0
    played = "".join(event[2] for event in events)
    assert "\x1b[" in played  # colours kept as terminal escape codes
    assert "\r\n" in played and "\n" not in played.replace("\r\n", "")
    assert "prefix=" in played


def test_a_failing_step_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "01-small.yaml").write_text(SMALL.replace("--without-pip .venv", "--no-such-option .venv"))
    output = tmp_path / "small.md"
    code, said = export(folder, output)
    assert code == 1
    assert "step 1 of 'small' failed" in said
    assert "Traceback" not in said
    assert not output.exists()


def test_an_output_without_a_known_suffix_needs_a_format(lessons: Path, tmp_path: Path) -> None:
    code, said = export(lessons, tmp_path / "small.txt")
    assert code == 1
    assert "pass --format with one of md, html, svg, cast" in said


def test_an_unknown_format_is_refused(lessons: Path, tmp_path: Path) -> None:
    code, said = export(lessons, tmp_path / "small.md", "--format", "pdf")
    assert code == 1
    assert "unknown format 'pdf'" in said


def test_an_output_that_cannot_be_written_is_one_clear_error(lessons: Path, tmp_path: Path) -> None:
    code, said = export(lessons, tmp_path / "no such folder" / "small.md")
    assert code == 1
    assert "cannot write" in said
    assert "Traceback" not in said
