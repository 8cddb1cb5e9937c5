"""References written by hand in the editorial text: "see note 2 in letter 26", "No. 12",
"the letters for 1927".

The reader numbers its documents and notes itself (passes/order.py, passes/notes.py), so a
number typed into a headnote or a note goes wrong as soon as a document is added, left out or
moved, and it is the printed source's number, not this reader's, even on the day it is
written. ``{ref:DOC}``, ``{ref:DOC:SERIES:KEY}`` and ``{ref:DOC:line:LABEL}`` print the reader's
own number and page. A number that is meant as another edition's (the copy's note 1, letter 22
of the Yale edition) says so in the same sentence, with one of the words of ``_WHOSE``; an issue
of a periodical (``No. 47 of {em|Pravda}``, ``{em|Iskra} no. 42``) is not a reference.

The editorial text is a document's headnote, its notes of every series but the author's,
and the parts' headnotes; the texts themselves print what their authors wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.checks.offsets import positions
from edition.model.corpus import Block, Corpus, Inline, Span, Text
from edition.model.diagnostics import Diagnostic, warning
from edition.model.queries import paragraphs

# "letter 26", "notes 2 and 3", "No. 12", "document 4", "the letters for 1927"
_NUMBERED = re.compile(r"(?<![\w.])(?P<what>letters?|notes?|documents?|nos?\.)\s+(?:for\s+(?=\d{4}\b))?\d+(?![\w])",
                       re.IGNORECASE)
# words that say a number is another edition's: "note 1 of the copy", "letter 22 of that edition"
_WHOSE = re.compile(r"\b(?:copy|copies|edition|editions|printed source)\b", re.IGNORECASE)
# a sentence ends at a stop before a capital, unless the stop ends an abbreviation or an initial
_SENTENCE = re.compile(r"(?P<word>[\w.]*)[.!?][)\]\"”’]*\s+(?=[A-Z“\"‘(])")
_ABBREVIATIONS = {"no", "nos", "p", "pp", "vol", "vols", "ed", "eds", "cf", "f", "ff", "op", "d", "l", "ll", "com",
                  "comp", "trans", "st", "mr", "mrs", "dr", "u.s", "e.g", "i.e", "viz", "vyp", "ch", "art"}
_SKIP = {"cite", "arch"}  # a citation's locator ("no. 197") is the work's own
_NEAR = 14  # characters between a periodical's title and its issue number


@dataclass
class _Flat:
    """A paragraph's words in one string, with where each text node and emphasized title stands."""

    text: str
    nodes: list[tuple[int, Text]]
    titles: list[tuple[int, int]]


def _flatten(content: list[Inline]) -> _Flat:
    flat = _Flat("", [], [])

    def visit(nodes: list[Inline]) -> None:
        for node in nodes:
            if isinstance(node, Text):
                flat.nodes.append((len(flat.text), node))
                flat.text += node.text
            elif isinstance(node, Span) and node.kind in _SKIP:
                flat.text += " \u2063 "  # stands for the citation; matches nothing
            elif isinstance(node, Span):
                start = len(flat.text)
                visit(node.children)
                if node.kind == "em":
                    flat.titles.append((start, len(flat.text)))

    visit(content)
    return flat


def _periodical(flat: _Flat, start: int, end: int) -> bool:
    """"No. 47 of {em|Pravda}", "{em|Iskra} No. 51", "{em|Die Neue Zeit}, 1903, no. 2"."""
    return any(0 <= start - t_end <= _NEAR or 0 <= t_start - end <= 4 for t_start, t_end in flat.titles)


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of a paragraph ends (after its stop and the space that follows)."""
    return [m.end() for m in _SENTENCE.finditer(text) if not _abbreviation(m.group("word"))]


def _whose(flat: _Flat, start: int, ends: list[int]) -> bool:
    """Whether the sentence around ``start`` (``ends``: the paragraph's sentence ends) names the
    edition the number belongs to."""
    begin = max((e for e in ends if e <= start), default=0)
    end = min((e for e in ends if e > start), default=len(flat.text))
    return bool(_WHOSE.search(flat.text, begin, end))


def _abbreviation(word: str) -> bool:
    """"No", "pp", "U.S", an initial ("S" of "S. P. Medvedev"): a stop that ends no sentence."""
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _in_paragraph(content: list[Inline]) -> list[Diagnostic]:
    flat = _flatten(content)
    diags = []
    ends: list[int] | None = None  # found once per paragraph, when a number is
    for m in _NUMBERED.finditer(flat.text):
        if ends is None:
            ends = _sentence_ends(flat.text)
        if _periodical(flat, m.start(), m.end()) or _whose(flat, m.start(), ends):
            continue
        offset, node = max(((o, n) for o, n in flat.nodes if o <= m.start()), key=lambda p: p[0], default=(0, None))
        if node is None or m.start() >= offset + len(node.text):
            continue
        what = m.group("what").lower().rstrip("s.") or "no"
        target = {"letter": "{ref:DOC}", "document": "{ref:DOC}", "no": "{ref:DOC}"}.get(what, "{ref:DOC:SERIES:KEY}")
        diags.append(warning(positions(node)(m.start() - offset),
                             f"'{' '.join(m.group().split())}' is a number written by hand in the editor's text",
                             f"write {target}: it prints this reader's number and page; a number of the copy or of "
                             "another edition says so in its sentence (\"note 1 of the copy\", \"letter 22 of that edition\")"))
    return diags


def _blocks(blocks: list[Block]) -> list[Diagnostic]:
    return [d for content in paragraphs(blocks) for d in _in_paragraph(content)]


def hand_written_references(corpus: Corpus, only: set[str] | None = None) -> list[Diagnostic]:
    """Warnings for numbers of letters, notes and documents typed into headnotes and notes."""
    diags: list[Diagnostic] = []
    if only is None:
        for part in corpus.config.parts:
            diags.extend(_blocks(part.headnote))
    for doc in corpus.selected(only):
        diags.extend(_blocks(doc.headnote))
        for sid, notes in doc.notes.items():
            if sid != "author":
                for note in notes.values():
                    diags.extend(_blocks(note.content))
    return diags
