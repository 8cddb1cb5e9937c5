"""The index of names and places as LaTeX: the groups that ``edition.passes.index``
decided, with ``\\edIndexPages{kind}{id}`` where each entry's pages go. LuaLaTeX
fills those in from the mentions on the pages it has shipped in the same run
(``latex/edition-index.lua``), so the index costs no pass of its own.
"""

from __future__ import annotations

from edition.latex.escape import Latex, escape_label, escape_text
from edition.model.corpus import Document
from edition.passes.index import Entry, Group
from edition.passes.plan import Plan


def render(groups: list[Group], title: str) -> str:
    """The index as LaTeX (macros of edition.sty), every name escaped; LuaLaTeX adds the pages."""
    out = [r"\begin{edIndex}{" + escape_text(title) + "}"]
    for group in groups:
        out.append(r"\edIndexLetter{" + escape_text(group.letter) + "}")
        for item in group.items:
            if isinstance(item, Entry):
                out.extend(_entry(item))
            else:
                heading, target = escape_text(item.heading), escape_text(item.target)
                out.append(rf"\edIndexSee{{{heading}}}{{{target}}}")
    out.append(r"\end{edIndex}")
    return Latex("\n".join(out) + "\n")


def _entry(item: Entry) -> list[str]:
    """An entry with its pages, or with a subentry per role (the plan decides which)."""
    heading, gloss, label = escape_text(item.heading), escape_text(item.gloss), escape_label(item.id)
    if not item.roles:
        kinds = "p,pa,pr" if item.kind == "p" else item.kind  # mentions, and the documents written or received
        return [rf"\edIndexEntry{{{heading}}}{{{gloss}}}{{\edIndexPages{{{kinds}}}{{{label}}}}}"]
    return [rf"\edIndexHead{{{heading}}}{{{gloss}}}",
            *(rf"\edIndexSub{{{escape_text(r.label)}}}{{\edIndexPages{{{r.kind}}}{{{label}}}}}" for r in item.roles)]


def heading_marks(doc: Document) -> Latex:
    """Marks at a document's heading for the index: its authors ("pa") and recipients ("pr") have its first page."""
    marks = [rf"\edIndexMark{{pa}}{{{escape_label(p)}}}" for p in dict.fromkeys(doc.authors)]
    marks += [rf"\edIndexMark{{pr}}{{{escape_label(p)}}}" for p in dict.fromkeys(doc.recipients)]
    return Latex("".join(marks))


def indexes(plan: Plan) -> str:
    """The LaTeX of the index of names and, if the reader has one, of places."""
    parts = [render(list(plan.index_persons), plan.headings["names"])]
    if plan.index_places is not None:
        parts.append(render(list(plan.index_places), plan.headings["places"]))
    return "\n".join(parts)
