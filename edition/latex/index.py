"""The index of names and places as LaTeX: the groups that ``edition.passes.index``
decided, with ``\\edIndexPages{kind}{id}`` where each entry's pages go. LuaLaTeX
fills those in from the mentions on the pages it has shipped in the same run
(``latex/edition-index.lua``), so the index costs no pass of its own.
"""

from __future__ import annotations

from edition.latex.escape import Latex, escape_label, escape_text
from edition.passes.index import Entry, Group
from edition.passes.plan import Plan


def render(groups: list[Group], title: str) -> str:
    """The index as LaTeX (macros of edition.sty), every name escaped; LuaLaTeX adds the pages."""
    out = [r"\begin{edIndex}{" + escape_text(title) + "}"]
    for group in groups:
        out.append(r"\edIndexLetter{" + escape_text(group.letter) + "}")
        for item in group.items:
            if isinstance(item, Entry):
                heading, gloss = escape_text(item.heading), escape_text(item.gloss)
                pages = rf"\edIndexPages{{{item.kind}}}{{{escape_label(item.id)}}}"
                out.append(rf"\edIndexEntry{{{heading}}}{{{gloss}}}{{{pages}}}")
            else:
                heading, target = escape_text(item.heading), escape_text(item.target)
                out.append(rf"\edIndexSee{{{heading}}}{{{target}}}")
    out.append(r"\end{edIndex}")
    return Latex("\n".join(out) + "\n")


def indexes(plan: Plan) -> str:
    """The LaTeX of the index of names and, if the reader has one, of places."""
    parts = [render(list(plan.index_persons), plan.headings["names"])]
    if plan.index_places is not None:
        parts.append(render(list(plan.index_places), plan.headings["places"]))
    return "\n".join(parts)
