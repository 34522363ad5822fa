"""The tour as a standalone web page, colours kept, as rich drew it."""

from __future__ import annotations

from venvtour.actions import StepContext
from venvtour.export.recording import record
from venvtour.loader import LessonFile


def export(lesson_file: LessonFile, context: StepContext) -> str:
    return record(lesson_file, context).export_html()
