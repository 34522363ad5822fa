"""The lesson ``venvtour new`` writes: valid as it stands, using every action once, with comments that teach the format.

Numbered after the lessons already in the folder, so the catalog (sorted by file name) plays it last.
"""

from __future__ import annotations

import re
from pathlib import Path

from venvtour.errors import LessonError
from venvtour.schema import SCHEMA_FILE_NAME, schema_text

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
NUMBERED = re.compile(r"^(\d+)-")

TEMPLATE = """\
# yaml-language-server: $schema=lesson.schema.json
# A venvtour lesson. Check it with `venvtour validate FILE`, try it with `venvtour play FILE`.
# Every step has at most one action key (run, show, ...) plus optional `title` and `say` (markdown).
# {placeholders} are filled in on the learner's machine; `venvtour schema` lists every key.
id: LESSON_ID          # the name on the command line: lowercase letters, digits and dashes
title: LESSON_TITLE
summary: >-
  One or two sentences shown before the first step: what the learner will see for real.
steps:
  # A step with only text: the learner reads it, then presses a key.
  - title: Before we start
    say: |
      Everything below runs for real, in the tour's workspace folder, with `{python}`.

  # run: a real command, split like a shell would split it but never run by a shell.
  # `creates` names what it makes, so a replay re-runs the step if that is gone.
  - title: Make a venv
    run: "{python} -m venv --without-pip .venv"
    creates: .venv

  # tree: a workspace folder as it is on disk (depth 1 to 6).
  - title: What it made
    tree: .venv
    depth: 2

  # show: a workspace file; `notes` explain the `key = value` lines it really has.
  - title: The file that makes it a venv
    show: .venv/pyvenv.cfg
    notes:
      home: The folder of the interpreter this venv was made from.

  # compare: two interpreters asked the same questions, side by side.
  - title: Two interpreters
    compare:
      base: "{python}"
      venv: "{venv_python}"
    facts: [executable, prefix, base_prefix, in_venv]

  # inspect: the facts of one interpreter.
  - title: The venv's python alone
    inspect: "{venv_python}"
    facts: [version, prefix, site_packages]

  # activate and deactivate: a real shell sources the venv's activate script.
  - title: Activate
    activate: .venv
  - title: Deactivate
    deactivate: .venv

  # question: the answer uses placeholders, so it is right on every machine.
  - title: Check yourself
    question: Which folder of `.venv` holds its `python`?
    answer: "{scripts}"
    hint: Look at the tree above.

  # wheels: two versions of a small demo package, written as real wheel files.
  - title: Two wheels
    wheels: wheels

  # interpreters: one venv per other Python version found on this machine.
  - title: Other Pythons
    interpreters: others
    at_most: 1

  # timing: venvs made and timed, then removed again.
  - title: How long it takes
    timing: timing
    runs: 1
"""


def starter_text(lesson_id: str) -> str:
    title = lesson_id.replace("-", " ").capitalize()
    return TEMPLATE.replace("LESSON_ID", lesson_id).replace("LESSON_TITLE", title)


def new_lesson_path(folder: Path, lesson_id: str) -> Path:
    """``NN-id.yaml``, one number past the folder's highest; a lesson file with that id already is refused."""
    if not ID_PATTERN.match(lesson_id):
        raise LessonError(f"{lesson_id!r} is not a lesson id: use lowercase letters, digits and dashes")
    existing = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    for path in existing:
        if path.stem == lesson_id or NUMBERED.sub("", path.stem) == lesson_id:
            raise LessonError(f"{path} already exists; not overwriting it")
    numbers = [int(match.group(1)) for path in existing if (match := NUMBERED.match(path.name))]
    return folder / f"{max(numbers, default=0) + 1:02d}-{lesson_id}.yaml"


def write_starter(folder: Path, lesson_id: str) -> list[Path]:
    """The starter lesson, and the schema beside it when the folder has none, so editors check it at once."""
    path = new_lesson_path(folder, lesson_id)
    written = [path]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(starter_text(lesson_id))
        schema = folder / SCHEMA_FILE_NAME
        if not schema.exists():
            schema.write_text(schema_text(), encoding="utf-8")
            written.append(schema)
    except FileExistsError:
        raise LessonError(f"{path} already exists; not overwriting it") from None
    except OSError as error:
        raise LessonError(f"cannot write {path}: {error.strerror or error}") from None
    return written
