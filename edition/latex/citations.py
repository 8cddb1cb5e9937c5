"""Citations of works in the text and the printed source of each document.

The bibliography style (``bibstyle.HistorianStyle``) makes format-neutral rich
text; this module picks the full or the short form and hands the result to
the LaTeX backend, which escapes it once.
"""

from __future__ import annotations

from collections.abc import Callable

from edition.latex.bibtex import to_latex
from edition.latex.escape import Latex, escape_text
from edition.model.corpus import Corpus, Document
from edition.registers.bibliography import Bibliography
from edition.registers.bibstyle import HistorianStyle

Cite = Callable[[str, str, bool], Latex]
SourceLine = Callable[[Document], "Latex | None"]


def citation_services(bib: Bibliography, corpus: Corpus) -> tuple[Cite, SourceLine]:
    style = HistorianStyle(bib, corpus.config.citation_style)
    # The style keeps no state, so a work cited again at the same place is formatted
    # once (a corpus cites a few works over and over: 6,350 citations, 10 works).
    done: dict[tuple[str, str, bool], Latex] = {}

    def cite(key: str, locator: str, first: bool) -> Latex:
        if key not in bib:
            return escape_text(f"{key}, {locator}" if locator else key)
        if (key, locator, first) not in done:
            rich = style.full_note(key, locator) if first else style.short_note(key, locator)
            done[(key, locator, first)] = to_latex(rich)
        return done[(key, locator, first)]

    def source_line(doc: Document) -> Latex | None:
        if doc.source is None or doc.source.key not in bib:
            return None
        return cite(doc.source.key, doc.source.locator, True)

    return cite, source_line
