"""Everything ``venvtour inspect`` shows about one interpreter, gathered live as plain data.

The interpreter answers for itself through :func:`venvtour.probe.probe`; what only the file system
or PATH can tell (symlinks, which ``pip`` a shell would run) is read here, next to it.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from venvtour.errors import ProbeError
from venvtour.probe import PROBE_TIMEOUT_SECONDS, InterpreterFacts, probe, resolve_interpreter, run_limited

VENV_CONFIG = "pyvenv.cfg"
SCRIPT_FOLDERS = ("bin", "Scripts")
PYTHON_NAMES = ("python", "python3", "python.exe")
MAX_LINKS = 40
# distlib's launcher for paths a kernel shebang cannot hold (too long, or with spaces).
SH_EXEC_LINE = re.compile(r"""^'''exec' "?(?P<path>[^"]+?)"? "\$0" "\$@"$""")
PIP_VERSION = re.compile(r" from (?P<location>.+) \(python [^)]*\)\s*$")
JSON_SCHEMA = 1


@dataclass(frozen=True)
class Chosen:
    """The interpreter file to ask, and in words how it was found (shown so nothing is implicit)."""

    path: Path
    how: str


@dataclass(frozen=True)
class PathEntry:
    path: str
    kind: str


@dataclass(frozen=True)
class PipFacts:
    """The ``pip`` a shell would run versus the pip ``python -m pip`` would import."""

    on_path: str | None
    shebang: str | None
    reported_location: str | None
    module: str | None
    same: bool | None


@dataclass(frozen=True)
class Inspection:
    chosen: Chosen
    facts: InterpreterFacts
    links: tuple[str, ...]
    environment_kind: str | None
    sys_path: tuple[PathEntry, ...]
    pip: PipFacts
    running: str
    same_as_running: bool


def normal(path: str) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def venv_config_of(executable: str) -> str | None:
    """The pyvenv.cfg start-up would find for this path, looked up from the path itself, links unresolved."""
    folder = os.path.dirname(os.path.abspath(executable))
    for candidate in (os.path.join(folder, VENV_CONFIG), os.path.join(os.path.dirname(folder), VENV_CONFIG)):
        if os.path.isfile(candidate):
            return normal(candidate)
    return None


def same_interpreter(first: str, second: str) -> bool:
    """One binary and one environment: a venv's python links to the base binary yet is another interpreter."""
    if normal(first) == normal(second):
        return True
    same_binary = os.path.realpath(first) == os.path.realpath(second)
    return same_binary and venv_config_of(first) == venv_config_of(second)


def link_chain(path: Path) -> tuple[str, ...]:
    """Each hop of a symlinked executable, as the kernel follows them, ending at the real file."""
    hops = [str(path)]
    current = path
    while current.is_symlink() and len(hops) < MAX_LINKS:
        target = Path(os.readlink(current))
        current = target if target.is_absolute() else current.parent / target
        hops.append(os.path.normpath(current))
    return tuple(hops) if len(hops) > 1 else ()


def venv_python(folder: Path) -> Path:
    """A venv (or conda environment) folder's own interpreter, found by its marker file and scripts folder."""
    if not (folder / VENV_CONFIG).is_file() and not (folder / "conda-meta").is_dir():
        raise ProbeError(f"{folder} is a folder but not a venv: it has no {VENV_CONFIG}")
    for scripts in SCRIPT_FOLDERS:
        for name in PYTHON_NAMES:
            candidate = folder / scripts / name
            if candidate.is_file():
                return candidate
    raise ProbeError(
        f"{folder} has a {VENV_CONFIG} but no working python in bin/ or Scripts/; "
        f"`venvtour doctor --venv {folder}` says why"
    )


def choose_interpreter(target: str | None, search_path: str | None = None) -> Chosen:
    """The argument as a venv folder, path or command name; without one, what a shell runs for ``python``."""
    if target is not None:
        if Path(target).is_dir():
            return Chosen(venv_python(Path(target).absolute()), f"the python of the venv {target}")
        return Chosen(resolve_interpreter(target, search_path).absolute(), "given on the command line")
    for name, how in (("python", "`python` on PATH"), ("python3", "`python3` on PATH (there is no `python` on PATH)")):
        found = shutil.which(name, path=search_path)
        if found:
            return Chosen(Path(found), how)
    raise ProbeError("neither `python` nor `python3` is on PATH; name an interpreter: venvtour inspect /path/to/python")


def environment_kind(facts: InterpreterFacts) -> str | None:
    """What made the environment, as far as its own marks tell: keys in pyvenv.cfg or a conda-meta folder."""
    values = facts.pyvenv_cfg_values
    if "uv" in values:
        return "uv"
    if "virtualenv" in values or (facts.in_venv and facts.pyvenv_cfg is None):
        return "virtualenv"
    if facts.pyvenv_cfg is not None:
        return "venv"
    if (Path(facts.prefix) / "conda-meta").is_dir():
        return "conda"
    return None


def path_kind(entry: str, facts: InterpreterFacts) -> str:
    """Why an entry is on ``sys.path``; the first matching reason wins, most specific first."""
    here = normal(entry)
    reasons = (
        ("zip", entry.endswith(".zip")),
        ("stdlib", here in {normal(facts.stdlib), normal(facts.platstdlib or facts.stdlib)}),
        ("lib-dynload", os.path.basename(here) == "lib-dynload"),
        ("site-packages", here in {normal(folder) for folder in facts.site_packages}),
        ("user site", facts.user_site is not None and here == normal(facts.user_site)),
        (".pth", here in {normal(folder) for folder in facts.pth_paths}),
        ("PYTHONPATH", here in {normal(folder) for folder in facts.pythonpath}),
    )
    return next((kind for kind, matches in reasons if matches), "other")


def labelled_path(facts: InterpreterFacts) -> tuple[PathEntry, ...]:
    first = (PathEntry("", "cwd/script dir"),) if facts.cwd_entry else ()
    return first + tuple(PathEntry(entry, path_kind(entry, facts)) for entry in facts.path)


def shebang_interpreter(script: Path, search_path: str | None = None) -> str | None:
    """The program a script's first line names; ``/usr/bin/env NAME`` is looked up on the given PATH."""
    try:
        with script.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not head or not head[0].startswith("#!"):
        return None
    words = head[0][2:].split()
    if not words:
        return None
    if os.path.basename(words[0]) == "sh" and len(head) > 1 and (match := SH_EXEC_LINE.match(head[1].strip())):
        return match["path"]
    if os.path.basename(words[0]) == "env" and len(words) > 1:
        return shutil.which(words[-1], path=search_path) or words[-1]
    return words[0]


def is_python_name(program: str) -> bool:
    return os.path.basename(program).lower().startswith(("python", "pypy"))


def pip_reported_location(pip: str, timeout: float) -> str | None:
    """Ask a pip that is not a plain Python script (a shim, a wrapper) where it lives: ``pip --version`` says."""
    try:
        returncode, stdout, _ = run_limited([pip, "--version"], timeout)
    except ProbeError:
        return None
    match = PIP_VERSION.search(stdout.strip()) if returncode == 0 else None
    return match["location"] if match else None


def pip_facts(
    interpreter: Path, facts: InterpreterFacts, search_path: str | None, timeout: float = PROBE_TIMEOUT_SECONDS
) -> PipFacts:
    module = os.path.dirname(facts.pip_module) if facts.pip_module else None
    on_path = shutil.which("pip", path=search_path)
    if on_path is None:
        return PipFacts(None, None, None, module, None)
    shebang = shebang_interpreter(Path(on_path), search_path)
    if shebang is not None and is_python_name(shebang):
        named = same_interpreter(shebang, str(interpreter)) or same_interpreter(shebang, facts.executable)
        return PipFacts(on_path, shebang, None, module, named)
    location = pip_reported_location(on_path, timeout)
    same = None if location is None or module is None else normal(location) == normal(module)
    return PipFacts(on_path, shebang, location, module, same)


def inspect_interpreter(
    target: str | None, search_path: str | None = None, timeout: float = PROBE_TIMEOUT_SECONDS
) -> Inspection:
    """``search_path`` stands in for PATH (None: this process's own), so tests can build a PATH for real."""
    chosen = choose_interpreter(target, search_path)
    facts = probe(chosen.path, timeout)
    return Inspection(
        chosen=chosen,
        facts=facts,
        links=link_chain(chosen.path),
        environment_kind=environment_kind(facts),
        sys_path=labelled_path(facts),
        pip=pip_facts(chosen.path, facts, search_path, timeout),
        running=sys.executable,
        same_as_running=same_interpreter(str(chosen.path), sys.executable)
        or same_interpreter(facts.executable, sys.executable),
    )


def as_json(inspection: Inspection) -> dict[str, object]:
    """The documented ``inspect --json`` shape; ``schema`` changes only when a key changes meaning."""
    facts, pip = inspection.facts, inspection.pip
    return {
        "schema": JSON_SCHEMA,
        "interpreter": str(inspection.chosen.path),
        "found_as": inspection.chosen.how,
        "executable": facts.executable,
        "links": list(inspection.links),
        "executable_resolved": facts.executable_resolved,
        "version": facts.version,
        "implementation": facts.implementation,
        "prefix": facts.prefix,
        "base_prefix": facts.base_prefix,
        "exec_prefix": facts.exec_prefix,
        "base_exec_prefix": facts.base_exec_prefix,
        "in_venv": facts.in_venv,
        "environment_kind": inspection.environment_kind,
        "pyvenv_cfg": facts.pyvenv_cfg,
        "pyvenv_cfg_values": facts.pyvenv_cfg_values,
        "site_packages": list(facts.site_packages),
        "user_site": facts.user_site,
        "user_site_enabled": facts.user_site_enabled,
        "externally_managed": facts.externally_managed,
        "sys_path": [{"path": entry.path, "kind": entry.kind} for entry in inspection.sys_path],
        "pip": {
            "on_path": pip.on_path,
            "shebang": pip.shebang,
            "reported_location": pip.reported_location,
            "module": pip.module,
            "same": pip.same,
        },
        "running_venvtour": inspection.running,
        "same_as_running": inspection.same_as_running,
    }
