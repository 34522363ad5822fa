"""The whole tour as one picture, drawn like a terminal window."""

from __future__ import annotations

from venvtour.actions import StepContext
from venvtour.export.recording import record
from venvtour.loader import LessonFile


def export(lesson_file: LessonFile, context: StepContext) -> str:
    return record(lesson_file, context).export_svg(title=f"venvtour · {lesson_file.lesson.title}")
