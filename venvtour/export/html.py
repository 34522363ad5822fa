"""The tour as a standalone web page, colours kept, as rich drew it."""

from __future__ import annotations

from html import escape

from venvtour.actions import StepContext
from venvtour.export.recording import record
from venvtour.loader import LessonFile


def export(lesson_file: LessonFile, context: StepContext) -> str:
    page = record(lesson_file, context).export_html()
    return with_title(page, f"venvtour · {lesson_file.lesson.title}")


def with_title(page: str, title: str) -> str:
    """rich's page has no title; with one, a browser tab and a bookmark say which lesson it is."""
    return page.replace("</head>", f"<title>{escape(title)}</title>\n</head>", 1)
