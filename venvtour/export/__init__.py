"""Taking the tour home: a lesson run for real, written as a handout, a page, a picture or a recording.

One module per format; each has ``export(lesson_file, context) -> str`` and runs the lesson itself.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from venvtour.actions import StepContext
from venvtour.errors import VenvtourError
from venvtour.loader import LessonFile

FORMATS = {"md": "markdown", "html": "html", "svg": "svg", "cast": "cast"}
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".svg": "svg", ".cast": "cast"}

Exporter = Callable[[LessonFile, StepContext], str]


class ExportError(VenvtourError):
    """An export that cannot be made as asked: an unknown format or an output that cannot be written."""


def choose_format(given: str | None, output: Path) -> str:
    """The format asked for, or the one the output's suffix names."""
    chosen = given or SUFFIXES.get(output.suffix.lower())
    if chosen is None:
        raise ExportError(
            f"cannot tell the format from {output.name!r}; pass --format with one of {', '.join(FORMATS)}"
        )
    if chosen not in FORMATS:
        raise ExportError(f"unknown format {chosen!r}; the formats are {', '.join(FORMATS)}")
    return chosen


def exporter(format_name: str) -> Exporter:
    """Only the chosen format's module is imported."""
    module = import_module(f"venvtour.export.{FORMATS[format_name]}")
    function: Exporter = module.export
    return function


def check_output(output: Path) -> None:
    """Before the lesson runs, so a long run is not wasted on an output that cannot be written."""
    if not output.parent.is_dir():
        raise ExportError(f"cannot write {output}: there is no folder {output.parent}")


def write_output(output: Path, text: str) -> None:
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise ExportError(f"cannot write {output}: {error.strerror or error}") from None
