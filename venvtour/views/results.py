"""Which view draws which action result; importing this pulls in every action, so only players do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import RenderableType

from venvtour.actions.activation import ActivationResult
from venvtour.actions.compare import CompareResult
from venvtour.actions.inspect import InspectResult
from venvtour.actions.interpreters import InterpretersResult
from venvtour.actions.run import RunResult
from venvtour.actions.show import FileResult
from venvtour.actions.skipped import SkippedResult
from venvtour.actions.timing import TimingResult
from venvtour.actions.tree import TreeResult
from venvtour.actions.wheels import WheelsResult
from venvtour.views.activation import render_activation
from venvtour.views.compare import render_compare
from venvtour.views.inspect import render_inspect
from venvtour.views.interpreters import render_interpreters
from venvtour.views.run import render_run
from venvtour.views.show import render_show
from venvtour.views.skipped import render_skipped
from venvtour.views.timing import render_timing
from venvtour.views.tree import render_tree
from venvtour.views.wheels import render_wheels

RENDERERS: dict[type, Callable[[Any], RenderableType]] = {
    RunResult: render_run,
    FileResult: render_show,
    TreeResult: render_tree,
    CompareResult: render_compare,
    ActivationResult: render_activation,
    InspectResult: render_inspect,
    WheelsResult: render_wheels,
    InterpretersResult: render_interpreters,
    TimingResult: render_timing,
    SkippedResult: render_skipped,
}


def render_result(result: object) -> RenderableType:
    return RENDERERS[type(result)](result)
