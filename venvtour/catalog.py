"""Where lessons are found: the ones shipped with venvtour, then folders the user adds, in file-name order."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from venvtour.errors import LessonError
from venvtour.loader import LessonFile, load_lesson

PACKAGE = Path(__file__).resolve().parent
LESSONS_ENV = "VENVTOUR_LESSONS"


def builtin_lessons_dir() -> Path:
    """Inside an installed wheel the lessons sit in the package; in a source checkout, beside it."""
    shipped = PACKAGE / "lessons"
    return shipped if shipped.is_dir() else PACKAGE.parent / "lessons"


def extra_lesson_dirs(options: Sequence[Path] | None = None, environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Folders from ``--lessons`` and then ``VENVTOUR_LESSONS`` (``os.pathsep``-separated), each once.

    A folder that is not there is an error: a typo would otherwise hide a teacher's lessons silently.
    """
    from_env = [Path(part) for part in environ.get(LESSONS_ENV, "").split(os.pathsep) if part.strip()]
    folders: dict[Path, Path] = {}
    for folder in [*(options or ()), *from_env]:
        if not folder.is_dir():
            raise LessonError(f"lessons folder {folder} does not exist or is not a folder")
        resolved = folder.resolve()
        if resolved != builtin_lessons_dir().resolve():
            folders.setdefault(resolved, folder)
    return list(folders.values())


def is_builtin(lesson_file: LessonFile) -> bool:
    """Shipped with venvtour, and so trusted to run its commands without asking."""
    return lesson_file.path.resolve().parent == builtin_lessons_dir().resolve()


def lesson_paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def load_catalog(folders: list[Path] | None = None) -> list[LessonFile]:
    """All lessons, built-in first; an id used twice is an error naming both files."""
    lessons: list[LessonFile] = []
    seen: dict[str, Path] = {}
    for folder in [builtin_lessons_dir(), *(folders or [])]:
        for path in lesson_paths(folder):
            loaded = load_lesson(path)
            lesson_id = loaded.lesson.id
            if lesson_id in seen:
                raise LessonError(f"{path}: lesson id {lesson_id!r} is already used by {seen[lesson_id]}")
            seen[lesson_id] = path
            lessons.append(loaded)
    return lessons


def find_lesson(lessons: list[LessonFile], name: str) -> LessonFile:
    """A lesson by id, or by the path of a lesson file."""
    for loaded in lessons:
        if loaded.lesson.id == name:
            return loaded
    if name.endswith((".yaml", ".yml")) and Path(name).is_file():
        return load_lesson(Path(name))
    known = ", ".join(loaded.lesson.id for loaded in lessons)
    raise LessonError(f"no lesson {name!r}; the lessons are: {known}")
