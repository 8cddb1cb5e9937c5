"""Citations of works: the form of each ``{cite:KEY|locator}`` and of each printed source.

Within a document a work is cited in full the first time the reader meets it
(``reading.reading``: headnote, text, each note at its anchor) and in the short
form after that; with ``citation_style: {ibid: true}`` a citation of the same
work as the one just before it, in the same note, is "Ibid.". The printed source
of a document is always given in full. The text of each citation is the
bibliography style's rich text, typeset, format-neutral: every output prints
exactly these words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pybtex.richtext import BaseText

from edition.model.corpus import Corpus, Document
from edition.model.corpus import Text as TextNode
from edition.passes.reading import SpanKey, part_key, reading, reading_blocks
from edition.passes.typography import typeset, typeset_rich
from edition.registers.bibliography import Bibliography
from edition.registers.bibstyle import EditionStyle

Form = Literal["full", "short", "ibid", "unknown"]


@dataclass(frozen=True)
class Citation:
    """One citation as printed: the work, the locator, the form and its rich text."""

    key: str
    locator: str
    form: Form
    text: Any  # pybtex rich text (BaseText) or, for a work not in the bibliography, a str


class _Formatter:
    """The style's output for each (work, locator, form), made once: a corpus cites a few
    works over and over (6,350 citations of 10 works in the 1,000-document bench)."""

    def __init__(self, bib: Bibliography, style: EditionStyle) -> None:
        self.bib, self.style = bib, style
        self.done: dict[tuple[str, str, Form], BaseText | str] = {}

    def __call__(self, key: str, locator: str, form: Form) -> BaseText | str:
        if (key, locator, form) not in self.done:
            self.done[(key, locator, form)] = self._format(key, locator, form)
        return self.done[(key, locator, form)]

    def _format(self, key: str, locator: str, form: Form) -> BaseText | str:
        if form == "unknown":
            return typeset(f"{key}, {locator}" if locator else key)
        return typeset_rich(self.style.cite(key, locator, form))  # ibid: "Ibid., 5" or GOST's "Там же. С. 5"


def locator_of(children: list[Any]) -> str:
    """The locator of a ``{cite}``: the words of its content, as written."""
    return "".join(n.text if isinstance(n, TextNode) else "" for n in children)


def cite_forms(documents: list[Document], bib: Bibliography, style: EditionStyle) -> tuple[dict[SpanKey, Citation], dict[str, Citation]]:
    """The citation of every ``{cite}`` of the documents, by (document, span uid), and the
    printed source of each document, by its id."""
    fmt = _Formatter(bib, style)
    ibid = style.config.ibid
    spans: dict[SpanKey, Citation] = {}
    sources: dict[str, Citation] = {}
    for doc in documents:
        cited: set[str] = set()
        previous: tuple[str, str] | None = None  # (stream, key) of the last citation met
        for met in reading(doc):
            span = met.span
            if span.kind != "cite" or not span.args:
                continue
            key, locator = span.args[0], locator_of(span.children)
            form: Form
            if key not in bib:
                form = "unknown"
            elif ibid and previous == (met.stream, key):
                form = "ibid"
            else:
                form = "short" if key in cited else "full"
            cited.add(key)
            previous = (met.stream, key)
            spans[(doc.id, span.uid)] = Citation(key, locator, form, fmt(key, locator, form))
        if doc.source is not None and doc.source.key in bib:
            source = doc.source
            sources[doc.id] = Citation(source.key, source.locator, "full", fmt(source.key, source.locator, "full"))
    return spans, sources


def part_cite_forms(corpus: Corpus, part_ids: list[str], bib: Bibliography, style: EditionStyle) -> dict[SpanKey, Citation]:
    """The citations in the headnotes of the parts that print: full the first time in each."""
    fmt = _Formatter(bib, style)
    spans: dict[SpanKey, Citation] = {}
    for part in corpus.config.parts:
        if part.id not in part_ids:
            continue
        cited: set[str] = set()
        for met in reading_blocks(part.headnote):
            span = met.span
            if span.kind == "cite" and span.args:
                key, locator = span.args[0], locator_of(span.children)
                form: Form = "unknown" if key not in bib else "short" if key in cited else "full"
                cited.add(key)
                spans[(part_key(part.id), span.uid)] = Citation(key, locator, form, fmt(key, locator, form))
    return spans
