"""How a folder looks: a tree with symlinks pointing at their targets."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from rich.tree import Tree

from venvtour.actions.tree import TreeEntry, TreeResult


def label(entry: TreeEntry) -> Text:
    if entry.kind == "symlink":
        return Text.assemble((entry.name, "path"), (" -> ", "muted"), (entry.target or "", "path"))
    if entry.kind == "folder":
        return Text(entry.name + "/", "bold blue")
    return Text(entry.name)


def add_children(branch: Tree, entry: TreeEntry) -> None:
    for child in entry.children:
        add_children(branch.add(label(child)), child)
    if entry.hidden:
        branch.add(Text(f"… {entry.hidden} more", "muted"))


def render_tree(result: TreeResult) -> RenderableType:
    tree = Tree(Text(result.shown_as + "/", "bold blue"))
    add_children(tree, result.root)
    return tree
