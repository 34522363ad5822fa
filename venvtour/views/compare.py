"""How two interpreters' facts look side by side, and their ``sys.path`` as a diff."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from venvtour.actions.compare import CompareResult
from venvtour.probe import InterpreterFacts

FACT_LABELS = {
    "executable": "sys.executable",
    "executable_resolved": "executable, links resolved",
    "version": "version",
    "prefix": "sys.prefix",
    "base_prefix": "sys.base_prefix",
    "exec_prefix": "sys.exec_prefix",
    "base_exec_prefix": "sys.base_exec_prefix",
    "in_venv": "in a venv (prefix != base_prefix)",
    "site_packages": "site-packages",
    "pyvenv_cfg": "pyvenv.cfg read at start-up",
    "user_site_enabled": "user site enabled",
    "purelib": "where pip installs (purelib)",
    "scripts": "where scripts go",
    "stdlib": "standard library",
    "externally_managed": "EXTERNALLY-MANAGED marker (PEP 668)",
}

FACT_LABEL_WIDTH = max(len(word) for label in FACT_LABELS.values() for word in label.split())
"""Labels wrap between words, never inside one: `sys.base_exec_prefix` stays whole at 80 columns."""


def fact_text(facts: InterpreterFacts, name: str) -> str:
    value = getattr(facts, name)
    if isinstance(value, tuple):
        return "\n".join(value) or "(none)"
    if value is None:
        return "(none)"
    return "yes" if value is True else "no" if value is False else str(value)


def facts_table(result: CompareResult) -> Table:
    table = Table(title="Facts, read live from each interpreter", title_justify="left", expand=True)
    table.add_column("fact", style="bold", width=FACT_LABEL_WIDTH)
    for label in result.labels:
        table.add_column(label, ratio=2, overflow="fold")
    left, right = result.facts
    for name in result.fact_names:
        left_text, right_text = fact_text(left, name), fact_text(right, name)
        style = "" if left_text == right_text else "yellow"
        table.add_row(FACT_LABELS[name], Text(left_text, style), Text(right_text, style))
    return table


def path_table(result: CompareResult) -> Table:
    left, right = (set(facts.path) for facts in result.facts)
    table = Table(title="sys.path: ✓ where the entry is on the path", title_justify="left", expand=True)
    table.add_column("entry", ratio=4, overflow="fold")
    for label in result.labels:
        table.add_column(label, justify="center", ratio=1)
    ordered = list(dict.fromkeys([*result.facts[0].path, *result.facts[1].path]))
    for entry in ordered:
        in_left, in_right = entry in left, entry in right
        style = "" if in_left and in_right else "added" if in_right else "removed"
        table.add_row(Text(entry, style), "✓" if in_left else "", "✓" if in_right else "")
    return table


def render_compare(result: CompareResult) -> RenderableType:
    parts: list[RenderableType] = [facts_table(result)]
    if result.show_path:
        parts.append(path_table(result))
    return Group(*parts)
