"""Writing lessons: validate finds what a run would trip on, `new` writes a valid starter, folders of own lessons."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from venvtour.catalog import LESSONS_ENV, builtin_lessons_dir, extra_lesson_dirs, load_catalog
from venvtour.checks import check_files
from venvtour.cli import app
from venvtour.errors import LessonError
from venvtour.loader import load_lesson
from venvtour.model import ACTION_KEYS
from venvtour.placeholders import DESCRIPTIONS
from venvtour.starter import starter_text

WIDE = {"COLUMNS": "300", "NO_COLOR": "1"}
README = Path(__file__).resolve().parent.parent / "lessons" / "README.md"
HEAD = "id: {id}\ntitle: T\nsummary: s\nsteps:\n"


def lesson(folder: Path, name: str, steps: str, lesson_id: str | None = None) -> Path:
    path = folder / name
    path.write_text(HEAD.format(id=lesson_id or path.stem.split("-", 1)[-1]) + steps, encoding="utf-8")
    return path


def validate(*paths: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, ["validate", *map(str, paths)], env=WIDE)
    return result.exit_code, result.output.splitlines()


def test_a_clean_lesson_is_ok(tmp_path: Path) -> None:
    path = lesson(tmp_path, "clean.yaml", '  - run: "{python} -m venv --without-pip .venv"\n  - tree: .venv\n')
    code, lines = validate(path)
    assert (code, lines) == (0, [f"{path}: ok", "1 file(s): 0 error(s), 0 warning(s)"])


def test_yaml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    path = lesson(tmp_path, "broken.yaml", "  - say: [unclosed\n")
    code, lines = validate(path)
    assert code == 1
    assert lines[0].startswith(f"{path}:6: not valid YAML")


def test_an_unknown_placeholder_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = lesson(tmp_path, "typo.yaml", '  - say: hi\n  - run: "{pyhton} -V"\n')
    code, lines = validate(path)
    assert code == 1
    assert lines[0] == f"{path}:6: steps[1].run: unknown placeholder {{pyhton}} (did you mean {{python}}?)"


def test_an_unknown_placeholder_unlike_any_lists_them_all(tmp_path: Path) -> None:
    path = lesson(tmp_path, "typo.yaml", "  - say: 'Your {zzz}'\n")
    code, lines = validate(path)
    assert code == 1
    assert lines[0].startswith(
        f"{path}:5: steps[0].say: unknown placeholder {{zzz}}; the placeholders are {{python}}, "
    )


def test_a_doubled_brace_is_not_a_placeholder(tmp_path: Path) -> None:
    path = lesson(tmp_path, "braces.yaml", '  - say: "a set: {{1, 2}}"\n')
    assert validate(path)[0] == 0


def test_a_path_no_earlier_step_makes_is_a_warning(tmp_path: Path) -> None:
    path = lesson(tmp_path, "order.yaml", "  - show: .venv/pyvenv.cfg\n  - run: '{python} -m venv .venv'\n")
    code, lines = validate(path)
    assert code == 0
    assert lines[0] == (
        f"{path}:5: warning: steps[0].show: .venv/pyvenv.cfg is not made by an earlier step, "
        "nor named in an earlier command"
    )


@pytest.mark.parametrize(
    "made_by",
    [
        "  - run: '{python} -m venv --without-pip env'\n",
        "  - run: '{python} -c pass'\n    creates: env\n",
        "  - run: '{python} -m venv --without-pip {workspace}/env/'\n",
        "  - wheels: env\n",
    ],
)
def test_a_path_an_earlier_step_makes_or_names_is_fine(tmp_path: Path, made_by: str) -> None:
    path = lesson(tmp_path, "made.yaml", made_by + "  - tree: ./env\n  - show: env/pyvenv.cfg\n")
    assert validate(path) == (0, [f"{path}: ok", "1 file(s): 0 error(s), 0 warning(s)"])


def test_a_program_not_on_this_machine_is_a_warning(tmp_path: Path) -> None:
    path = lesson(tmp_path, "tools.yaml", "  - run: no-such-program-here --version\n  - run: '{python} -V'\n")
    code, lines = validate(path)
    assert code == 0
    assert lines[0] == f"{path}:5: warning: steps[0].run: program 'no-such-program-here' is not found on this machine"
    assert lines[-1] == "1 file(s): 0 error(s), 1 warning(s)"


def test_a_command_that_cannot_be_split_is_an_error(tmp_path: Path) -> None:
    path = lesson(tmp_path, "quote.yaml", "  - run: python -c 'print(1)\n")
    code, lines = validate(path)
    assert code == 1
    assert lines[0] == f"{path}:5: steps[0].run: cannot be split into arguments: No closing quotation"


def test_the_same_id_in_two_files_names_both(tmp_path: Path) -> None:
    first = lesson(tmp_path, "01-one.yaml", "  - say: a\n", lesson_id="same")
    second = lesson(tmp_path, "02-two.yaml", "  - say: b\n", lesson_id="same")
    code, lines = validate(tmp_path)
    assert code == 1
    assert f"{second}:1: lesson id 'same' is already used by {first}" in lines


def test_model_errors_and_good_files_are_reported_together(tmp_path: Path) -> None:
    good = lesson(tmp_path, "01-good.yaml", "  - say: a\n")
    bad = lesson(tmp_path, "02-bad.yaml", "  - tree: .venv\n    depth: 9\n")
    code, lines = validate(tmp_path)
    assert code == 1
    assert f"{good}: ok" in lines
    assert any(line.startswith(f"{bad}:6: steps[0].depth:") for line in lines)
    assert lines[-1] == "2 file(s): 1 error(s), 0 warning(s)"


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    assert validate(tmp_path)[0] == 1


def test_yaml_that_builds_python_objects_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    marker = tmp_path / "ran"
    path.write_text(
        f"id: evil\ntitle: !!python/object/apply:os.system ['touch {marker}']\nsummary: s\nsteps:\n  - say: hi\n"
    )
    with pytest.raises(LessonError, match=r"evil.yaml:2: not valid YAML: .*python/object"):
        load_lesson(path)
    assert not marker.exists()
    code, lines = validate(path)
    assert code == 1
    assert "Traceback" not in "\n".join(lines)


def test_new_writes_a_valid_starter_that_uses_every_action_once(tmp_path: Path) -> None:
    folder = tmp_path / "my lessons"
    result = CliRunner().invoke(app, ["new", "first-steps", "--dir", str(folder)], env=WIDE)
    assert result.exit_code == 0, result.output
    written = folder / "01-first-steps.yaml"
    assert f"wrote {written}" in result.output
    assert [finding.text for finding in check_files([written])] == []
    loaded = load_lesson(written)
    steps = loaded.lesson.steps
    assert loaded.lesson.id == "first-steps"
    assert sorted(step.action for step in steps if step.action != "say") == sorted(ACTION_KEYS)
    assert (folder / "lesson.schema.json").is_file()


def test_new_numbers_after_existing_lessons_and_never_overwrites(tmp_path: Path) -> None:
    lesson(tmp_path, "07-old.yaml", "  - say: a\n")
    runner = CliRunner()
    assert runner.invoke(app, ["new", "next-one", "--dir", str(tmp_path)]).exit_code == 0
    written = tmp_path / "08-next-one.yaml"
    written.write_text("# my edits\n" + written.read_text())
    again = runner.invoke(app, ["new", "next-one", "--dir", str(tmp_path)], env=WIDE)
    assert again.exit_code == 1
    assert f"{written} already exists; not overwriting it" in again.output
    assert written.read_text().startswith("# my edits")
    assert not (tmp_path / "09-next-one.yaml").exists()


def test_new_refuses_a_bad_id(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["new", "Not An Id", "--dir", str(tmp_path)], env=WIDE)
    assert result.exit_code == 1
    assert "is not a lesson id" in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_starter_text_names_the_schema_first() -> None:
    assert starter_text("x").splitlines()[0] == "# yaml-language-server: $schema=lesson.schema.json"


def test_a_lessons_folder_adds_to_the_built_in_ones(tmp_path: Path) -> None:
    mine = lesson(tmp_path, "01-mine.yaml", "  - say: a\n")
    lessons = load_catalog(extra_lesson_dirs([tmp_path], environ={}))
    assert lessons[-1].path == mine
    assert any(loaded.path.parent == builtin_lessons_dir() for loaded in lessons)


def test_the_environment_variable_adds_folders_too(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    environ = {LESSONS_ENV: os.pathsep.join([str(first), "", str(second)])}
    assert extra_lesson_dirs([], environ=environ) == [first, second]


def test_a_folder_given_twice_counts_once(tmp_path: Path) -> None:
    assert extra_lesson_dirs([tmp_path, tmp_path / "."], environ={LESSONS_ENV: str(tmp_path)}) == [tmp_path]


def test_a_missing_lessons_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LessonError, match=r"lessons folder .*nowhere does not exist"):
        extra_lesson_dirs([tmp_path / "nowhere"], environ={})


def test_an_id_that_clashes_with_a_built_in_one_names_both_files(tmp_path: Path) -> None:
    builtin = load_catalog()[0]
    clash = lesson(tmp_path, "01-clash.yaml", "  - say: a\n", lesson_id=builtin.lesson.id)
    with pytest.raises(LessonError) as raised:
        load_catalog(extra_lesson_dirs([tmp_path], environ={}))
    assert str(raised.value) == f"{clash}: lesson id {builtin.lesson.id!r} is already used by {builtin.path}"


def readme_lessons() -> list[str]:
    blocks = re.findall(r"^```yaml\n(.*?)^```", README.read_text(encoding="utf-8"), flags=re.M | re.S)
    return [block for block in blocks if re.search(r"^id: ", block, flags=re.M)]


def test_the_readme_has_whole_lessons_to_check() -> None:
    assert len(readme_lessons()) >= 2


@pytest.mark.parametrize("index", range(len(readme_lessons())))
def test_every_lesson_in_the_readme_validates(tmp_path: Path, index: int) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(readme_lessons()[index], encoding="utf-8")
    assert [finding.text for finding in check_files([path])] == []
    assert load_lesson(path).lesson.steps


def test_the_readme_documents_every_action_and_placeholder() -> None:
    text = README.read_text(encoding="utf-8")
    for action in ACTION_KEYS:
        assert f"`{action}`" in text, action
    for name in DESCRIPTIONS:
        assert f"`{{{name}}}`" in text, name


def test_a_clash_on_the_command_line_is_one_clear_error(tmp_path: Path) -> None:
    builtin = load_catalog()[0]
    clash = lesson(tmp_path, "01-clash.yaml", "  - say: a\n", lesson_id=builtin.lesson.id)
    arguments = ["export", "anything", "--lessons", str(tmp_path), "--trust", "-o", str(tmp_path / "out.md")]
    result = CliRunner().invoke(app, arguments, env=WIDE)
    assert result.exit_code == 1
    assert f"{clash}: lesson id {builtin.lesson.id!r} is already used by {builtin.path}" in result.output
    assert "Traceback" not in result.output


def test_lessons_from_the_environment_variable_are_found_by_id(tmp_path: Path) -> None:
    lesson(tmp_path, "01-from-env.yaml", "  - say: hello from the environment\n")
    output = tmp_path / "out.md"
    arguments = ["export", "from-env", "--trust", "-o", str(output), "-w", str(tmp_path / "ws")]
    result = CliRunner().invoke(app, arguments, env={**WIDE, LESSONS_ENV: str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert "hello from the environment" in output.read_text()


def test_validate_flags_an_id_a_built_in_lesson_already_uses(tmp_path: Path) -> None:
    builtin = load_catalog()[0]
    clash = lesson(tmp_path, "01-clash.yaml", "  - say: a\n", lesson_id=builtin.lesson.id)
    code, lines = validate(clash)
    assert code == 1
    assert f"{clash}:1: lesson id {builtin.lesson.id!r} is already used by {builtin.path}" in lines


def test_validating_the_built_in_lessons_themselves_is_no_clash() -> None:
    _, lines = validate(builtin_lessons_dir())
    assert not [line for line in lines if "already used" in line]


LIST_AND_REPORT_IMPORTS = """
import sys
from venvtour.cli import main
try:
    main()
finally:
    print("model imported:", "venvtour.model" in sys.modules, file=sys.stderr)
"""


def test_list_reads_headings_without_building_the_lesson_model(tmp_path: Path) -> None:
    """Steps are checked when a lesson is played or validated; listing needs only the headings."""
    mine = lesson(tmp_path, "01-mine.yaml", "  - say: a\n  - say: b\n    colour: red\n")
    listed = subprocess.run(
        [sys.executable, "-c", LIST_AND_REPORT_IMPORTS, "list", "--lessons", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, **WIDE},
    )
    assert listed.returncode == 0, listed.stderr
    assert re.search(r"\bmine\s+T\s+0/2\b", listed.stdout), listed.stdout
    assert "model imported: False" in listed.stderr
    played = CliRunner().invoke(app, ["play", "mine", "--lessons", str(tmp_path), "--no-pause"], env=WIDE)
    assert played.exit_code == 1
    assert f"{mine}:7: steps[1].colour: unknown key" in played.output


def test_list_names_the_file_line_and_field_of_a_broken_heading(tmp_path: Path) -> None:
    broken = tmp_path / "01-broken.yaml"
    broken.write_text("id: broken\nsummary: s\nsteps:\n  - say: a\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["list", "--lessons", str(tmp_path)], env=WIDE)
    assert result.exit_code == 1
    assert f"{broken}:1: title: field required" in result.output
