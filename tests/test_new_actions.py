"""The curriculum's actions against real interpreters and venvs; each result drawn as the learner sees it."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from venvtour.actions import StepContext, perform
from venvtour.actions.inspect import InspectResult
from venvtour.actions.interpreters import InterpretersResult, chosen_versions
from venvtour.actions.run import RunResult
from venvtour.actions.show import FileResult
from venvtour.actions.skipped import SkippedResult
from venvtour.actions.timing import TimingResult
from venvtour.actions.wheels import WheelsResult
from venvtour.discovery import candidates
from venvtour.errors import StepFailed
from venvtour.model import InspectStep, InterpretersStep, RunStep, ShowStep, TimingStep, WheelsStep
from venvtour.placeholders import DESCRIPTIONS
from venvtour.probe import probe
from venvtour.views.console import make_console
from venvtour.views.results import render_result
from venvtour.workspace import Workspace

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX layout")


@pytest.fixture
def context(workspace: Workspace, base_python: Path) -> StepContext:
    return StepContext(workspace, base_python)


def drawn(result: object) -> str:
    console = make_console(file=io.StringIO(), record=True, width=250)
    console.print(render_result(result))
    return console.export_text()


def executable(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_every_documented_placeholder_has_a_live_value(context: StepContext) -> None:
    for name in DESCRIPTIONS:
        assert context.placeholders.expand("{" + name + "}"), name


def test_purelib_and_externally_managed_placeholders_match_the_probe(context: StepContext, base_python: Path) -> None:
    facts = probe(base_python)
    assert context.placeholders.expand("{python_purelib}") == facts.purelib
    assert context.placeholders.expand("{externally_managed}") == ("yes" if facts.externally_managed else "no")


def test_venv_site_packages_is_where_venv_really_puts_it(context: StepContext) -> None:
    perform(RunStep(run="{python} -m venv --without-pip v"), context)
    assert (context.workspace.root / "v" / context.placeholders.expand("{venv_site_packages}")).is_dir()


def test_inspect_reads_a_venv_live(context: StepContext, shared_venv: Path) -> None:
    result = perform(InspectStep(inspect=str(shared_venv / "bin" / "python"), facts=("prefix", "purelib")), context)
    assert isinstance(result, InspectResult)
    assert result.facts.prefix == str(shared_venv)
    assert str(shared_venv) in drawn(result)


def test_wheels_are_written_into_the_workspace(context: StepContext) -> None:
    result = perform(WheelsStep(wheels="wheels"), context)
    assert isinstance(result, WheelsResult)
    assert all(wheel.parent == context.workspace.root / "wheels" for wheel in result.wheels)
    assert "demo_lib-2.0-py3-none-any.whl" in drawn(result)


def test_a_missing_tool_skips_the_step_with_advice(context: StepContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(context.workspace.root))
    monkeypatch.setattr("sysconfig.get_path", lambda name: str(context.workspace.root))
    result = perform(RunStep(run="{uv} venv x", requires=("uv",)), context)
    assert isinstance(result, SkippedResult)
    assert "uv is not installed here" in drawn(result)
    assert "$ uv venv x   (not run)" in drawn(result)
    assert not (context.workspace.root / "x").exists()


def test_a_tool_next_to_the_running_interpreter_is_found(
    context: StepContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    executable(scripts / "uv", "#!/bin/sh\necho uv from the scripts folder\n")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("sysconfig.get_path", lambda name: str(scripts))
    result = perform(RunStep(run="{uv}", requires=("uv",)), context)
    assert isinstance(result, RunResult)
    assert result.result.output == "uv from the scripts folder\n"


def test_run_writes_its_output_to_a_file(context: StepContext) -> None:
    result = perform(RunStep(run="{python} -c 'print(\"demo-lib==1.0\")'", output="req.txt"), context)
    assert isinstance(result, RunResult)
    assert (context.workspace.root / "req.txt").read_text() == "demo-lib==1.0\n"
    assert result.command.endswith("> req.txt")


def test_a_script_whose_interpreter_is_gone_fails_as_expected(context: StepContext) -> None:
    executable(context.workspace.root / "tool", "#!/nowhere/python\nprint('never')\n")
    result = perform(RunStep(run="./tool", expect="failure"), context)
    assert isinstance(result, RunResult)
    assert not result.result.succeeded
    assert "#!/nowhere/python" in result.result.output


def test_a_missing_command_still_fails_the_step_even_when_failure_is_expected(context: StepContext) -> None:
    with pytest.raises(StepFailed, match="command not found"):
        perform(RunStep(run="./no-such-tool", expect="failure"), context)


def test_show_says_so_when_an_optional_file_is_missing(context: StepContext) -> None:
    result = perform(ShowStep(show="none.txt", if_missing="Not here on {python_version}."), context)
    assert isinstance(result, FileResult)
    assert result.missing
    assert f"Not here on {context.facts(context.python).version}." in drawn(result)


def test_discovery_leaves_out_what_is_not_python_3(
    context: StepContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    executable(folder / "python3.99", "#!/bin/sh\necho 'pyenv: python3.99: command not found' >&2\nexit 127\n")
    monkeypatch.setenv("PATH", os.pathsep.join([str(folder), os.environ["PATH"]]))
    assert folder / "python3.99" in [candidate.path for candidate in candidates({})]
    result = perform(InterpretersStep(interpreters="versions", at_most=1), context)
    assert isinstance(result, InterpretersResult)
    fake = [found for found in result.found if found.path == str(folder / "python3.99")]
    assert fake and fake[0].version is None and "command not found" in (fake[0].problem or "")
    assert "python3.99" in drawn(result)


def test_each_venv_pins_the_interpreter_that_made_it(context: StepContext) -> None:
    result = perform(InterpretersStep(interpreters="versions", at_most=2), context)
    assert isinstance(result, InterpretersResult)
    assert 1 <= len(result.venvs) <= 3
    for venv in result.venvs:
        made_with = probe(venv.made_with)
        assert venv.cfg_version == made_with.version == venv.runs_version
        assert Path(venv.home) == Path(made_with.executable).parent


def test_chosen_versions_are_the_tour_and_the_widest_spread() -> None:
    versions = {version: None for version in ("3.8", "3.9", "3.11", "3.13")}
    assert chosen_versions(versions, "3.11", 2) == ["3.11", "3.8", "3.13"]  # type: ignore[arg-type]
    assert chosen_versions(versions, "3.11", 1) == ["3.11", "3.8"]  # type: ignore[arg-type]
    assert chosen_versions({"3.11": None}, "3.11", 2) == ["3.11"]  # type: ignore[dict-item]


def test_timing_measures_what_is_here_and_marks_what_is_not(
    context: StepContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(context.workspace.root))
    monkeypatch.setattr("sysconfig.get_path", lambda name: str(context.workspace.root))
    result = perform(TimingStep(timing="timing", runs=1), context)
    assert isinstance(result, TimingResult)
    by_label = {timing.label: timing for timing in result.timings}
    assert by_label["python -m venv --without-pip"].median is not None
    assert by_label["uv venv"].missing == "uv"
    assert "uv is not installed" in drawn(result)
    assert list((context.workspace.root / "timing").iterdir()) == []
