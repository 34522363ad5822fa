"""How ``venvtour inspect`` looks: the interpreter's facts, its ``sys.path`` with reasons, and which pip runs."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from venvtour.inspection import Inspection, PipFacts, same_interpreter

KIND_STYLES = {"site-packages": "added", "user site": "warning", ".pth": "warning", "PYTHONPATH": "warning"}


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def venv_text(inspection: Inspection) -> str:
    kind = inspection.environment_kind
    if inspection.facts.in_venv:
        return f"yes: sys.prefix != sys.base_prefix ({kind})"
    if kind == "conda":
        return "no venv, but a conda environment (conda-meta in sys.prefix)"
    return "no: sys.prefix == sys.base_prefix"


def executable_text(inspection: Inspection) -> str:
    """The path asked about, where a shim handed over, and each symlink hop to the real binary."""
    facts, asked = inspection.facts, str(inspection.chosen.path)
    lines = [asked]
    if not same_interpreter(asked, facts.executable):
        lines.append(f"a wrapper or shim: it started {facts.executable}")
    lines.extend(f"-> {hop}" for hop in inspection.links[1:])
    if not inspection.links and facts.executable_resolved != facts.executable:
        lines.append(f"-> {facts.executable_resolved}")
    return "\n".join(lines)


def running_text(inspection: Inspection) -> str:
    if inspection.same_as_running:
        return f"the same interpreter ({inspection.running})"
    return f"a different one: {inspection.running}"


def facts_table(inspection: Inspection) -> Table:
    facts = inspection.facts
    user_site = facts.user_site or "(none)"
    on_path = yes_no(facts.user_site in facts.path)
    rows = (
        ("found as", inspection.chosen.how),
        ("executable", executable_text(inspection)),
        ("version", f"{facts.version} ({facts.implementation})"),
        ("sys.prefix", facts.prefix),
        ("sys.base_prefix", facts.base_prefix),
        ("sys.exec_prefix", facts.exec_prefix),
        ("in a venv", venv_text(inspection)),
        ("pyvenv.cfg read", facts.pyvenv_cfg or "(none)"),
        *((f"  {key}", value) for key, value in facts.pyvenv_cfg_values.items()),
        ("site-packages", "\n".join(facts.site_packages) or "(none)"),
        ("user site", f"{user_site} (enabled: {yes_no(facts.user_site_enabled)}; on sys.path: {on_path})"),
        ("EXTERNALLY-MANAGED", facts.externally_managed or "no (pip may install outside a venv)"),
        ("venvtour runs on", running_text(inspection)),
    )
    table = Table(title=f"Python {facts.version}, asked live", title_justify="left", show_header=False, expand=True)
    table.add_column("fact", style="bold", no_wrap=True)
    table.add_column("value", ratio=1, overflow="fold")
    for name, value in rows:
        table.add_row(name, value)
    return table


def path_table(inspection: Inspection) -> Table:
    table = Table(title="sys.path, in search order", title_justify="left", expand=True)
    table.add_column("#", justify="right")
    table.add_column("why it is there", ratio=1)
    table.add_column("entry", ratio=4, overflow="fold")
    for number, entry in enumerate(inspection.sys_path):
        shown = entry.path or "'' (the current folder under -c, -m or the REPL; a script's own folder otherwise)"
        table.add_row(str(number), Text(entry.kind, KIND_STYLES.get(entry.kind, "")), shown)
    return table


def pip_verdict(pip: PipFacts) -> Text:
    if pip.on_path is None:
        return Text("there is no `pip` on PATH: use `python -m pip`", "warning")
    if pip.same is None:
        return Text("cannot tell which Python `pip` on PATH runs: prefer `python -m pip`", "warning")
    if pip.same:
        return Text("`pip` and `python -m pip` install into the same place", "added")
    return Text("`pip` on PATH belongs to another Python: `pip install` lands elsewhere; use `python -m pip`", "error")


def pip_table(pip: PipFacts) -> Table:
    runs = pip.shebang or "(no #! line)"
    if pip.reported_location:
        runs = f"{runs}; `pip --version` says {pip.reported_location}"
    table = Table(title="pip: the shell's `pip` versus `python -m pip`", title_justify="left", show_header=False)
    table.add_column("fact", style="bold")
    table.add_column("value", overflow="fold")
    table.add_row("`pip` on PATH", pip.on_path or "(none)")
    if pip.on_path:
        table.add_row("  which runs with", runs)
    table.add_row("`python -m pip` imports", pip.module or "(pip is not installed for this python)")
    table.add_row("verdict", pip_verdict(pip))
    return table


def render_inspection(inspection: Inspection) -> RenderableType:
    return Group(facts_table(inspection), path_table(inspection), pip_table(inspection.pip))
