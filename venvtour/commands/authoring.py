"""Commands for people who write and share lessons: validate, schema, new, export.

``LessonsOption`` and ``TrustOption`` are meant for every command that finds or runs lessons.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from venvtour.commands.common import PythonOption, default_python, user_errors

INTERRUPTED = 130

LessonsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--lessons",
        metavar="DIR",
        help="A folder of your own lessons, added to the built-in ones (repeatable; also VENVTOUR_LESSONS).",
        file_okay=False,
    ),
]
TrustOption = Annotated[
    bool, typer.Option("--trust", help="Run a lesson that is not built in without showing its commands first.")
]


def validate(paths: Annotated[list[Path], typer.Argument(help="Lesson files or folders of them.")]) -> None:
    """Check lesson files for everything a run would trip on; exit 1 on any error (warnings alone exit 0)."""
    from venvtour.catalog import lesson_paths
    from venvtour.checks import check_files

    files = [file for path in paths for file in (lesson_paths(path) if path.is_dir() else [path])]
    if not files:
        typer.echo(f"no lesson files (*.yaml) in {', '.join(map(str, paths))}", err=True)
        raise typer.Exit(1)
    findings = check_files(files)
    failed = {finding.path for finding in findings if finding.severity == "error"}
    for file in dict.fromkeys(files):
        for finding in findings:
            if finding.path == file:
                typer.echo(finding.text)
        if file not in failed:
            typer.echo(f"{file}: ok")
    errors = sum(finding.severity == "error" for finding in findings)
    warnings = len(findings) - errors
    typer.echo(f"{len(files)} file(s): {errors} error(s), {warnings} warning(s)")
    raise typer.Exit(1 if errors else 0)


def schema() -> None:
    """Print the JSON Schema of lesson files, for editors (`venvtour schema > lessons/lesson.schema.json`)."""
    from venvtour.schema import schema_text

    typer.echo(schema_text(), nl=False)


def new(
    lesson_id: Annotated[str, typer.Argument(help="The new lesson's id: lowercase letters, digits and dashes.")],
    folder: Annotated[Path, typer.Option("--dir", metavar="DIR", help="Where to write it.", file_okay=False)] = Path(
        "."
    ),
) -> None:
    """Write a starter lesson that uses every action once, with comments; never overwrites a file."""
    from venvtour.starter import write_starter

    with user_errors():
        written = write_starter(folder, lesson_id)
    for path in written:
        typer.echo(f"wrote {path}")
    typer.echo(f"next: venvtour validate {written[0]}  then  venvtour play {lesson_id} --lessons {folder}")


def export(
    lesson: Annotated[str, typer.Argument(help="A lesson id (see `venvtour list`) or a lesson file.")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The file to write.", dir_okay=False)],
    format_name: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="md, html, svg or cast (default: from the output's suffix)."
        ),
    ] = None,
    workspace: Annotated[
        Path | None,
        typer.Option("--workspace", "-w", help="Where the real venvs are made (default: a fresh temporary one)."),
    ] = None,
    python: PythonOption = None,
    lessons: LessonsOption = None,
    trust: TrustOption = False,
) -> None:
    """Run a lesson for real, without pauses, and write it as a handout, web page, picture or recording."""
    from venvtour.actions import StepContext
    from venvtour.catalog import extra_lesson_dirs, find_lesson, load_catalog
    from venvtour.export import check_output, choose_format, exporter, write_output
    from venvtour.probe import resolve_interpreter
    from venvtour.trust import trust_lessons
    from venvtour.workspace import Workspace

    with user_errors():
        chosen = choose_format(format_name, output)
        check_output(output)
        lesson_file = find_lesson(load_catalog(extra_lesson_dirs(lessons)), lesson)
        trust_lessons([lesson_file], trust)
        interpreter = resolve_interpreter(python or default_python())
        try:
            with workspace_root(workspace) as root:
                typer.echo(f"running {lesson_file.lesson.id!r} for real in {root} ...", err=True)
                text = exporter(chosen)(lesson_file, StepContext(Workspace.open(root), interpreter))
        except KeyboardInterrupt:
            typer.echo(f"Interrupted; {output} was not written.", err=True)
            raise typer.Exit(INTERRUPTED) from None
        write_output(output, text)
    typer.echo(f"wrote {output} ({chosen}, {len(lesson_file.lesson.steps)} steps)")


@contextmanager
def workspace_root(workspace: Path | None) -> Iterator[Path]:
    """The workspace given, or a fresh one removed afterwards, so an export shows a lesson from its start."""
    if workspace is not None:
        yield workspace
        return
    import tempfile

    with tempfile.TemporaryDirectory(prefix="venvtour-export-") as temporary:
        yield Path(temporary) / "workspace"


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(schema)
    app.command()(new)
    app.command()(export)
