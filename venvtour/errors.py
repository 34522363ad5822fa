"""Errors the user can cause and fix; the CLI prints their message alone, without a traceback."""


class VenvtourError(Exception):
    """A failure with a message meant for the user, not for a developer's debugger."""


class LessonError(VenvtourError):
    """A lesson file that cannot be loaded; the message names the file, the line and the field."""


class ProbeError(VenvtourError):
    """An interpreter that could not be asked for its facts."""


class WorkspaceError(VenvtourError):
    """A workspace the tour may not use or may not remove."""


class StepFailed(VenvtourError):
    """A step whose real command or check did not turn out as the lesson expects."""
