"""The tour as an asciicast v2 recording, for asciinema: a JSON header line, then one output event per step.

Times are offsets computed from how much there is to read, so a viewer gets realistic pauses while
the export itself never waits.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from venvtour.actions import StepContext
from venvtour.export.recording import WIDTH, record_frames
from venvtour.loader import LessonFile

HEIGHT = 40
SECONDS_PER_LINE = 0.4
SHORTEST_PAUSE = 1.5
LONGEST_PAUSE = 8.0


def reading_time(frame: str) -> float:
    """Long enough to read a step before the next one appears, never so long that a viewer gives up."""
    return min(LONGEST_PAUSE, max(SHORTEST_PAUSE, frame.count("\n") * SECONDS_PER_LINE))


def export(lesson_file: LessonFile, context: StepContext) -> str:
    frames = record_frames(lesson_file, context)
    header = {
        "version": 2,
        "width": WIDTH,
        "height": HEIGHT,
        "timestamp": int(datetime.now(UTC).timestamp()),
        "title": f"venvtour · {lesson_file.lesson.title}",
        "env": {"TERM": "xterm-256color"},
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    offset = 0.0
    for frame in frames:
        lines.append(json.dumps([round(offset, 3), "o", terminal_text(frame)], ensure_ascii=False))
        offset += reading_time(frame)
    return "\n".join(lines) + "\n"


def terminal_text(frame: str) -> str:
    """A terminal moves down on ``\\n`` but only returns to the left margin on ``\\r``."""
    return frame.replace("\r\n", "\n").replace("\n", "\r\n")
