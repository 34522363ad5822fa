"""Lesson text as rich Markdown that is not padded to the full width, so files and pipes get no trailing spaces."""

from __future__ import annotations

from rich.markdown import Markdown


def prose(markdown: str) -> Markdown:
    return Markdown(markdown, justify="default")
