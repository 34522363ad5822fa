"""Each action against a real venv made in tmp_path; each view drawn into a recording console."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from venvtour.actions import StepContext, perform
from venvtour.actions.activation import ActivationResult
from venvtour.actions.compare import CompareResult
from venvtour.actions.run import RunResult
from venvtour.actions.show import FileResult
from venvtour.actions.skipped import SkippedResult
from venvtour.actions.tree import TreeResult
from venvtour.errors import StepFailed, WorkspaceError
from venvtour.model import ActivateStep, CompareStep, DeactivateStep, RunStep, ShowStep, TreeStep
from venvtour.views.console import make_console
from venvtour.views.results import render_result
from venvtour.workspace import Workspace

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX layout and bash")


@pytest.fixture
def context(workspace: Workspace, base_python: Path) -> StepContext:
    return StepContext(workspace, base_python)


@pytest.fixture
def venv_context(context: StepContext) -> StepContext:
    perform(RunStep(run="{python} -m venv --without-pip .venv"), context)
    return context


def drawn(result: object) -> str:
    console = make_console(file=io.StringIO(), record=True, width=200)
    console.print(render_result(result))
    return console.export_text()


def test_run_makes_a_real_venv(venv_context: StepContext) -> None:
    assert (venv_context.workspace.root / ".venv" / "pyvenv.cfg").is_file()


def test_run_shows_the_command_and_its_output(context: StepContext) -> None:
    result = perform(RunStep(run='{python} -c "print(42)"'), context)
    assert isinstance(result, RunResult)
    assert result.result.output == "42\n"
    assert "-c 'print(42)'" in drawn(result)
    assert "42" in drawn(result)


def test_a_placeholder_with_spaces_and_semicolon_stays_one_argument(tmp_path: Path, base_python: Path) -> None:
    context = StepContext(Workspace.open(tmp_path / "a; b c"), base_python)
    result = perform(
        RunStep(run='{python} -c "import sys, json; print(json.dumps(sys.argv[1:]))" {workspace}'), context
    )
    assert isinstance(result, RunResult)
    assert json.loads(result.result.output) == [str(tmp_path / "a; b c")]


def test_a_failing_command_stops_the_step_with_its_output(context: StepContext) -> None:
    with pytest.raises(StepFailed, match=r"exit code 3:\nboom"):
        perform(RunStep(run="{python} -c \"import sys; print('boom'); sys.exit(3)\""), context)


def test_an_expected_failure_passes_and_an_unexpected_success_fails(context: StepContext) -> None:
    result = perform(RunStep(run='{python} -c "raise SystemExit(1)"', expect="failure"), context)
    assert isinstance(result, RunResult)
    assert "failed, as expected" in drawn(result)
    with pytest.raises(StepFailed, match="expected to fail"):
        perform(RunStep(run='{python} -c "pass"', expect="failure"), context)


def test_a_missing_program_is_one_clear_message(context: StepContext) -> None:
    with pytest.raises(StepFailed, match="no-such-program-here: command not found"):
        perform(RunStep(run="no-such-program-here --version"), context)


def test_show_annotates_the_keys_pyvenv_cfg_really_has(venv_context: StepContext, base_python: Path) -> None:
    step = ShowStep(show=".venv/pyvenv.cfg", notes={"home": "where the base lives", "prompt": "only with --prompt"})
    result = perform(step, venv_context)
    assert isinstance(result, FileResult)
    entries = {entry.key: entry for entry in result.entries}
    assert "prompt" not in entries
    assert entries["home"].note == "where the base lives"
    assert Path(entries["home"].value) == Path(venv_context.facts(base_python).executable).parent
    assert f"home = {entries['home'].value}" in drawn(result)


def test_show_keeps_each_line_whole_with_its_note_beneath(venv_context: StepContext) -> None:
    step = ShowStep(show=".venv/pyvenv.cfg", notes={"home": "where the base lives"})
    result = perform(step, venv_context)
    assert isinstance(result, FileResult)
    console = make_console(file=io.StringIO(), record=True, width=80)
    console.print(render_result(result))
    lines = [line.strip("│ ") for line in console.export_text().splitlines()]
    home = lines.index(f"home = {result.entries[0].value}")
    assert lines[home + 1] == "where the base lives"
    assert "include-system-site-packages = false" in lines


def test_show_of_a_missing_file_says_so(context: StepContext) -> None:
    with pytest.raises(StepFailed, match="does not exist"):
        perform(ShowStep(show="nothing.cfg"), context)


def test_show_refuses_paths_outside_the_workspace(context: StepContext) -> None:
    with pytest.raises(WorkspaceError):
        perform(ShowStep(show="../../etc/passwd"), context)


def test_tree_shows_symlinks_with_their_targets(venv_context: StepContext) -> None:
    result = perform(TreeStep(tree=".venv", depth=2), venv_context)
    assert isinstance(result, TreeResult)
    scripts = venv_context.venv_scripts(venv_context.workspace.root / ".venv")
    python = scripts / "python"
    text = drawn(result)
    assert f"python -> {os.readlink(python)}" in text
    assert "pyvenv.cfg" in text


def test_compare_reads_both_prefixes_live(venv_context: StepContext, base_python: Path) -> None:
    step = CompareStep(compare={"base": "{python}", "venv": ".venv/{scripts}/python"})
    result = perform(step, venv_context)
    assert isinstance(result, CompareResult)
    base, venv = result.facts
    root = venv_context.workspace.root
    assert Path(venv.prefix) == root / ".venv"
    assert venv.base_prefix == base.prefix
    assert venv.in_venv and not base.in_venv
    venv_site = next(entry for entry in venv.path if entry.startswith(str(root)))
    assert venv_site not in base.path
    assert venv_site in drawn(result)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_activate_and_deactivate_in_a_real_bash(venv_context: StepContext) -> None:
    venv = venv_context.workspace.root / ".venv"
    activated = perform(ActivateStep(activate=".venv"), venv_context)
    assert isinstance(activated, ActivationResult)
    capture = activated.capture
    assert capture.after["VIRTUAL_ENV"] == str(venv)
    assert (capture.after["PATH"] or "").split(os.pathsep)[0] == str(venv / "bin")
    assert (capture.after["prompt"] or "").startswith("(.venv) ")
    assert capture.after["python"] == str(venv / "bin" / "python")
    assert capture.restored == capture.before
    assert f"+ {venv / 'bin'}" in drawn(activated)
    deactivated = perform(DeactivateStep(deactivate=".venv"), venv_context)
    assert isinstance(deactivated, ActivationResult)
    assert deactivated.capture is capture
    assert "everything is back as it was" in drawn(deactivated)


def test_activate_without_a_venv_says_so(context: StepContext) -> None:
    with pytest.raises(StepFailed, match="was the venv created"):
        perform(ActivateStep(activate="missing"), context)


def test_a_named_shell_that_is_missing_is_skipped_not_failed(
    venv_context: StepContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = perform(ActivateStep(activate=".venv", shell="fish"), venv_context)
    assert isinstance(result, SkippedResult)
    assert result.missing == ("fish",)
    assert "fish is not installed here" in drawn(result)


def test_at_80_columns_no_name_is_cut_short(venv_context: StepContext) -> None:
    """Values wrap on a narrow terminal; the names of variables and facts beside them stay whole."""
    activation = perform(ActivateStep(activate=".venv"), venv_context)
    compare = perform(
        CompareStep(
            compare={"base": "{python}", ".venv": ".venv/{scripts}/python"},
            facts=("base_exec_prefix", "in_venv", "pyvenv_cfg"),
        ),
        venv_context,
    )
    narrow = make_console(file=io.StringIO(), record=True, width=80)
    for result in (activation, compare):
        narrow.print(render_result(result))
    text = narrow.export_text()
    assert "…" not in text
    assert "VIRTUAL_ENV_PROMPT" in text
    assert "sys.base_exec_prefix" in text
