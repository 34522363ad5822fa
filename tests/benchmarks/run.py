"""venvtour's benchmark: each figure next to its floor, measured in the same run, as medians.

Run it from a dev install: ``python tests/benchmarks/run.py [--full] [--runs N]``. A floor is what the
figure cannot go below: the bare typer framework for start-up and memory, a plain ``python -m venv``
for the tour. Comparing with a floor measured side by side, round after round, keeps the ratios
meaningful on any machine, and the dated sections in RESULTS.md make a regression visible.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import breakdown
import latency
import tour
from measure import Command, RunFailed, Runner, Sample, imported_modules, median

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
RESULTS = HERE / "RESULTS.md"
RESULTS_TITLE = "# Benchmark results\n\nWritten by `python tests/benchmarks/run.py`, newest first.\n"
TOUR_LESSON = "create"
SHOWN_PACKAGES = 10
MESSAGE_LIMIT = 300
FLOOR_HELP = "typer app --help"
FLOOR_COMMAND = "typer app running a command"
MEMORY = f"memory: play {TOUR_LESSON}, own peak RSS"
COMMAND_SECONDS = re.compile(r"exit code -?\d+ · (\d+(?:\.\d+)?) s")

# The framework floor: the smallest typer app with subcommands, configured like venvtour's.
FLOOR_APP = '''"""The framework floor: typer with two commands and nothing else."""
from pathlib import Path

import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello(where: Path | None = typer.Option(None, "--where")) -> None:
    """Greet someone, somewhere."""


@app.command()
def bye() -> None:
    """Say goodbye."""


app()
'''


@dataclass(frozen=True)
class Figure:
    """One row of the table: a ratio to a floor, or without a floor an absolute value; no limit means info only."""

    name: str
    value: float | None
    unit: str
    floor_name: str
    floor: float | None
    limit: float | None
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.value is not None and self.floor else None

    @property
    def goal(self) -> str:
        if self.limit is None:
            return "-"
        return f"ratio <= {self.limit:g}" if self.floor_name else f"< {self.limit:g} {self.unit}"

    @property
    def met(self) -> bool | None:
        judged = self.ratio if self.floor_name else self.value
        if judged is None or self.limit is None:
            return None
        return judged <= self.limit if self.floor_name else judged < self.limit


@dataclass
class Bench:
    """What every section needs: the runner, the interpreters, the scratch folder and the settings."""

    runner: Runner
    base: str
    scratch: Path
    runs: int
    startup_runs: int
    made: int = 0

    def fresh(self, name: str) -> Path:
        """A path in the scratch folder that does not exist yet."""
        self.made += 1
        return self.scratch / f"{name}-{self.made}"


def venvtour(label: str, *args: str) -> Command:
    return Command(label, sys.executable, "venvtour", args)


def rounds(bench: Bench, count: int, make: Callable[[], list[Command]]) -> dict[str, list[Sample]]:
    """Run the commands side by side, one of each per round, after one warm-up round that is not kept.

    The order turns each round, so no command always runs right after the same other one.
    """
    samples: dict[str, list[Sample]] = {}
    for number in range(count + 1):
        commands = make()
        turn = number % len(commands)
        for command in commands[turn:] + commands[:turn]:
            sample = bench.runner.measure(command)
            if number:
                samples.setdefault(command.label, []).append(sample)
    return samples


def seconds_ms(samples: list[Sample]) -> float:
    return median([sample.seconds for sample in samples]) * 1000


def peak_mib(samples: list[Sample], *, tree: bool = False) -> float:
    return median([(sample.tree_peak_kib if tree else sample.self_peak_kib) for sample in samples]) / 1024


def startup(bench: Bench, floor_app: Path) -> tuple[list[Figure], dict[str, list[Sample]]]:
    """`--help` and `list` against the floor app's `--help`; the floors' samples serve the memory figures too.

    typer imports pydantic to convert the parameters of any command it runs, so a command costs more than
    `--help` even in the floor app: `list` is also shown against the floor app running a command.
    """
    floors = [
        Command(FLOOR_HELP, sys.executable, str(floor_app), ("--help",)),
        Command(FLOOR_COMMAND, sys.executable, str(floor_app), ("hello", "--where", str(floor_app))),
    ]
    try:
        samples = rounds(
            bench, bench.startup_runs, lambda: [*floors, venvtour("help", "--help"), venvtour("list", "list")]
        )
    except RunFailed as error:
        failed = [Figure(name, None, "ms", FLOOR_HELP, None, 1.3, str(error)) for name in ("--help", "list")]
        return failed, {}
    help_ms, command_ms = seconds_ms(samples[FLOOR_HELP]), seconds_ms(samples[FLOOR_COMMAND])
    figures = [
        Figure("start-up: venvtour --help", seconds_ms(samples["help"]), "ms", FLOOR_HELP, help_ms, 1.3),
        Figure("start-up: venvtour list", seconds_ms(samples["list"]), "ms", FLOOR_HELP, help_ms, 1.3),
        Figure("start-up: venvtour list (info)", seconds_ms(samples["list"]), "ms", FLOOR_COMMAND, command_ms, None),
    ]
    return figures, samples


def tour_overhead(bench: Bench, floors: dict[str, list[Sample]]) -> list[Figure]:
    """`play create --no-pause` in a fresh workspace against `python -m venv` alone, and its memory."""

    def make() -> list[Command]:
        play = tour.play_args(TOUR_LESSON, bench.fresh("ws"), bench.base, pause=False)
        return [Command("venv", bench.base, "venv", (str(bench.fresh("venv")),)), venvtour("play", *play)]

    name = f"tour: play {TOUR_LESSON} --no-pause"
    try:
        samples = rounds(bench, bench.runs, make)
    except RunFailed as error:
        return [
            Figure(name, None, "ms", "python -m venv", None, 1.5, str(error)),
            Figure(MEMORY, None, "MiB", FLOOR_HELP, None, 1.5, str(error)),
        ]
    play = samples["play"]
    commands_ms = median([commands_seconds(sample.output) for sample in play]) * 1000
    return [
        Figure(name, seconds_ms(play), "ms", "python -m venv", seconds_ms(samples["venv"]), 1.5),
        Figure(
            "tour: of which the lesson's commands, as venvtour times them (info)", commands_ms, "ms", "", None, None
        ),
        *memory(play, floors),
    ]


def where_time_goes(bench: Bench) -> list[str]:
    """The parts of one `play` of the tour lesson, so the overhead over the floor can be traced to its cause."""
    args = tour.play_args(TOUR_LESSON, bench.fresh("profiled-ws"), bench.base, pause=False)
    try:
        parts = breakdown.profile_play(sys.executable, args, bench.runner.env, bench.fresh("play.prof"))
    except subprocess.CalledProcessError as error:
        return [f"Profiling `play {TOUR_LESSON}` failed: {cell(error.stderr.decode(errors='replace'))}"]
    total = parts[-1][1]
    lines = [f"Where `play {TOUR_LESSON} --no-pause` spends its time, one run under cProfile (slows Python code):", ""]
    lines += ["| part | ms | share |", "|---|---:|---:|"]
    return lines + [f"| {name} | {seconds * 1000:.0f} | {seconds / total * 100:.0f}% |" for name, seconds in parts]


def commands_seconds(output: str) -> float:
    """The lesson's own commands: each run step's result line says how long its command took."""
    return sum(float(seconds) for seconds in COMMAND_SECONDS.findall(output))


def memory(play: list[Sample], floors: dict[str, list[Sample]]) -> list[Figure]:
    """Own peak RSS against both floors; the whole tree's peak (pip inside the venv's creation) for information."""
    help_peak = peak_mib(floors[FLOOR_HELP]) if floors else None
    command_peak = peak_mib(floors[FLOOR_COMMAND]) if floors else None
    return [
        Figure(MEMORY, peak_mib(play), "MiB", FLOOR_HELP, help_peak, 1.5),
        Figure(f"{MEMORY} (info)", peak_mib(play), "MiB", FLOOR_COMMAND, command_peak, None),
        Figure(
            f"memory: play {TOUR_LESSON}, peak of its process tree (info)",
            peak_mib(play, tree=True),
            "MiB",
            "",
            None,
            None,
        ),
    ]


def step_latency(bench: Bench) -> list[Figure]:
    """The goal is on the heading; the whole step drawn is shown beside it so a slow body cannot hide."""
    lesson = latency.write_lesson(bench.scratch)
    headed: list[float] = []
    drawn: list[float] = []
    names = ("step latency: Enter to next heading", "step latency: Enter to next step fully drawn (info)")
    try:
        for _ in range(bench.runs):
            args = tour.play_args(str(lesson), bench.fresh("latency-ws"), bench.base, pause=True)
            argv = [sys.executable, "-m", "venvtour", *args, "--trust"]  # the lesson is our own, not one shipped
            for heading_s, drawn_s in latency.play_once(argv, bench.runner.env):
                headed.append(heading_s * 1000)
                drawn.append(drawn_s * 1000)
    except (RuntimeError, OSError) as error:
        return [Figure(names[0], None, "ms", "", None, 50, f"{type(error).__name__}: {error}")]
    return [Figure(names[0], median(headed), "ms", "", None, 50), Figure(names[1], median(drawn), "ms", "", None, None)]


def import_report(bench: Bench, floor_app: Path) -> list[str]:
    """Which modules `--help` and `list` import beyond the floor's `--help`, by package, with their own time."""
    floor = imported(bench, Command("floor", sys.executable, str(floor_app), ("--help",)))
    lines = []
    for label in ("--help", "list"):
        extra = {name: ms for name, ms in imported(bench, venvtour(label, label)).items() if name not in floor}
        total = sum(extra.values())
        lines.append(f"- `venvtour {label}` imports {len(extra)} modules beyond the floor ({total:.1f} ms self):")
        packages = by_package(extra)
        lines += [f"  - {package}: {ms:.1f} ms ({count})" for package, ms, count in packages[:SHOWN_PACKAGES]]
        rest = packages[SHOWN_PACKAGES:]
        if rest:
            lines.append(f"  - {len(rest)} more packages: {sum(ms for _, ms, _ in rest):.1f} ms")
        own = sorted(name for name in extra if name.startswith("venvtour"))
        lines.append(f"  - venvtour modules: {', '.join(own)}")
    return lines


def imported(bench: Bench, command: Command) -> dict[str, float]:
    """Through the same wrapper as the timed runs, so only the command's own imports differ."""
    argv = command.argv(bench.runner.wrapper, bench.fresh("imports-peak"))
    return imported_modules(argv, bench.runner.env, bench.scratch)


def by_package(modules: dict[str, float]) -> list[tuple[str, float, int]]:
    totals: dict[str, tuple[float, int]] = {}
    for name, ms in modules.items():
        spent, count = totals.get(name.split(".")[0], (0.0, 0))
        totals[name.split(".")[0]] = (spent + ms, count + 1)
    return sorted(((name, ms, count) for name, (ms, count) in totals.items()), key=lambda row: -row[1])


def full_tour(bench: Bench) -> list[str]:
    """Every lesson that `venvtour list` shows now: lessons are added all the time, so none is named here."""
    argv = [sys.executable, "-m", "venvtour", "list"]
    listed = subprocess.run(argv, capture_output=True, text=True, env=bench.runner.env)
    try:
        if listed.returncode != 0:
            raise RuntimeError(f"`venvtour list` exited {listed.returncode}: {listed.stderr.strip()}")
        lessons = tour.lesson_ids(listed.stdout)
        times = tour.play_all(sys.executable, bench.base, bench.fresh("tour-ws"), lessons, bench.runner.env)
    except RuntimeError as error:
        return [f"Full tour failed: {cell(str(error))}"]
    return tour_lines(times, len(lessons))


def tour_lines(times: tour.TourTimes, listed: int) -> list[str]:
    played = f"{len(times.by_lesson)} of {listed} lessons played"
    lines = [f"Full tour, {played} in one workspace, in list order: **{times.total:.1f} s**", ""]
    lines += ["| lesson | seconds |", "|---|---:|", *(f"| {name} | {s:.2f} |" for name, s in times.by_lesson.items())]
    lines += [f"| {name} | FAILED: {cell(error)} |" for name, error in times.failed.items()]
    lines += ["", "| action kind | steps | seconds | share |", "|---|---:|---:|---:|"]
    for kind, spent in sorted(times.by_kind.items(), key=lambda row: -row[1]):
        share = spent / times.total * 100 if times.total else 0.0
        lines.append(f"| {kind} | {times.steps_by_kind[kind]} | {spent:.2f} | {share:.0f}% |")
    return lines


def cell(text: str) -> str:
    """A message fit for one table cell: one line, no column bars, not too long."""
    return " ".join(text.replace("|", "/").split())[:MESSAGE_LIMIT]


def table(figures: list[Figure]) -> list[str]:
    lines = ["| figure | venvtour | floor | floor value | ratio | goal | met |", "|---|---:|---|---:|---:|---|---|"]
    for figure in figures:
        lines.append(
            f"| {figure.name} | {shown(figure.value, figure.unit)} | {figure.floor_name or '-'} "
            f"| {shown(figure.floor, figure.unit)} | {shown(figure.ratio, 'x')} | {figure.goal} | {verdict(figure)} |"
        )
    return lines


def shown(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}x" if unit == "x" else f"{value:.1f} {unit}"


def verdict(figure: Figure) -> str:
    if figure.error:
        return f"FAILED: {cell(figure.error)}"
    if figure.limit is None:
        return "info"
    return "yes" if figure.met else "**no**"


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo_lines() if line.startswith("model name")), platform.machine()
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    python = f"Python {platform.python_version()} ({sys.executable})"
    return f"{cpu}, {os.cpu_count()} cores, load average {load} at the end · {python} · commit {commit()}"


def cpuinfo_lines() -> list[str]:
    path = Path("/proc/cpuinfo")
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def commit() -> str:
    """The commit measured, marked when the tree had changes, so a figure can be tied to code."""
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "venvtour", "lessons"],
            capture_output=True,
            text=True,
        )
    except OSError:
        return "unknown (no git)"
    if head.returncode != 0:
        return "unknown (not a git checkout)"
    return head.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")


def section(figures: list[Figure], details: list[str], full: list[str], bench: Bench) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    runs = f"medians of {bench.startup_runs} runs for start-up, {bench.runs} for the rest, after a warm-up round"
    parts = [f"## {stamp}", "", machine(), "", runs, "", *table(figures), "", *details]
    return "\n".join([*parts, *(["", *full] if full else []), ""])


def save(text: str) -> None:
    """Newest first, every older section kept below it."""
    old = RESULTS.read_text(encoding="utf-8").removeprefix(RESULTS_TITLE).lstrip("\n") if RESULTS.exists() else ""
    RESULTS.write_text(f"{RESULTS_TITLE}\n{text}\n{old}".rstrip("\n") + "\n", encoding="utf-8")


def isolated_env(scratch: Path) -> dict[str, str]:
    """The user's environment, but every home, config and default workspace inside the scratch folder.

    Nothing a command writes by default (workspace, progress, caches) can land outside it, and the
    user's own settings cannot change a figure. A fixed width keeps the rendering work comparable.
    """
    home = scratch / "home"
    env = {name: value for name, value in os.environ.items() if not name.startswith(("VENVTOUR_", "XDG_"))}
    return {
        **env,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "VENVTOUR_WORKSPACE": str(scratch / "default-workspace"),
        "COLUMNS": "100",
        "LINES": "40",
    }


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds for the tour, memory and latency (default 5)")
    parser.add_argument("--startup-runs", type=int, default=15, help="rounds for start-up (default 15)")
    parser.add_argument("--full", action="store_true", help="also play every lesson and break the time down (slow)")
    parser.add_argument("--no-save", action="store_true", help=f"print only; do not add a section to {RESULTS.name}")
    return parser.parse_args()


def main() -> int:
    options = parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="venvtour-bench-"))
    try:
        bench = Bench(
            Runner(scratch, isolated_env(scratch)),
            getattr(sys, "_base_executable", sys.executable),
            scratch,
            options.runs,
            options.startup_runs,
        )
        floor_app = scratch / "floor_app.py"
        floor_app.write_text(FLOOR_APP, encoding="utf-8")
        startup_figures, floors = startup(bench, floor_app)
        figures = [*startup_figures, *tour_overhead(bench, floors), *step_latency(bench)]
        details = [*where_time_goes(bench), "", "Imports beyond the floor:", "", *import_report(bench, floor_app)]
        text = section(figures, details, full_tour(bench) if options.full else [], bench)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(text)
    if not options.no_save:
        save(text)
    return 1 if any(figure.error for figure in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
