"""The index of names and places as LaTeX: the groups that ``edition.passes.index``
decided, with ``\\edIndexPages{kind}{id}`` where each entry's pages go. LuaLaTeX
fills those in from the mentions on the pages it has shipped in the same run
(``latex/edition-index.lua``), so the index costs no pass of its own.
"""

from __future__ import annotations

from edition.latex.escape import Latex, escape_label, escape_text
from edition.model.corpus import Corpus
from edition.passes.index import Entry, Group, build, index_data


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


def indexes(corpus: Corpus, mentioned: dict[str, set[str]], places: bool, titles: tuple[str, str]) -> str:
    """The LaTeX of the index of names and, if configured, of places, under ``titles``."""
    data = index_data(corpus, places)
    parts = [render(build(mentioned["p"], data, "p"), titles[0])]
    if places:
        parts.append(render(build(mentioned["pl"], data, "pl"), titles[1]))
    return "\n".join(parts)
