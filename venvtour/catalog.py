"""Where lessons are found: the ones shipped with venvtour, in the order their file names give."""

from __future__ import annotations

from pathlib import Path

from venvtour.errors import LessonError
from venvtour.loader import LessonFile, load_lesson

PACKAGE = Path(__file__).resolve().parent


def builtin_lessons_dir() -> Path:
    """Inside an installed wheel the lessons sit in the package; in a source checkout, beside it."""
    shipped = PACKAGE / "lessons"
    return shipped if shipped.is_dir() else PACKAGE.parent / "lessons"


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
