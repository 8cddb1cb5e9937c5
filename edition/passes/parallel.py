"""Documents printed with their original: the print mode of each, the alignment units, the
languages of the versions, the numbers of the original's notes and its source line.

Every output reads these decisions here: the LaTeX renderer sets facing pages or parallel
columns from the units, the HTML edition aligns its columns by them, the TEI export links the
units of the two versions. A document with an original whose mode is ``none`` prints its
translation alone, as a document without one.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.model.alignment import Unit, align
from edition.model.corpus import Config, Document
from edition.model.languages import name_of
from edition.model.queries import anchors_in
from edition.passes.order import SourceLine
from edition.passes.typography import typeset, typeset_rich
from edition.registers.bibliography import Bibliography
from edition.registers.bibstyle import HistorianStyle

NoteKey = tuple[str, str, str]
MODES = ("facing", "columns", "after")


@dataclass(frozen=True)
class ParallelPlan:
    """How one document prints beside its original."""

    document: str
    mode: str  # facing | columns | after
    translation_language: str  # the language of the document's text ("en")
    original_language: str  # "ru"
    original_name: str  # "Russian"
    units: tuple[Unit, ...]  # blocks of the translation beside blocks of the original
    original_notes: frozenset[tuple[str, str]]  # (series, key) of the notes the original anchors
    source_lines: tuple[SourceLine, ...]  # the original's source and status, for the source note


def mode_of(config: Config, doc: Document) -> str:
    """The print mode of a document that holds an original: edition.yaml's, per document or for all."""
    return config.originals_by_document.get(doc.id, config.originals_print)


def parallel_plans(config: Config, documents: list[Document], bib: Bibliography,
                   style: HistorianStyle) -> dict[str, ParallelPlan]:
    """The documents of the list that print with their original, by id."""
    plans: dict[str, ParallelPlan] = {}
    for doc in documents:
        original = doc.original
        mode = mode_of(config, doc)
        if original is None or mode not in MODES:
            continue
        units, partings = align(doc.body, original.body)
        if partings:  # 'edition check' reports them; printed after the translation, nothing is lost
            mode = "after"
            units = []
        notes = frozenset((s.args[0], s.args[1]) for s in anchors_in(original.body))
        plans[doc.id] = ParallelPlan(doc.id, mode, "en", original.language, name_of(original.language),
                                     tuple(units), notes, _source_lines(doc, bib, style))
    return plans


def _source_lines(doc: Document, bib: Bibliography, style: HistorianStyle) -> tuple[SourceLine, ...]:
    assert doc.original is not None
    lines: list[SourceLine] = []
    source = doc.original.source
    name = name_of(doc.original.language)
    if source is not None:
        text = typeset_rich(style.full_note(source.key, source.locator)) if source.key in bib else \
            typeset(f"{source.key}, {source.locator}" if source.locator else source.key)
        lines.append(SourceLine(f"{name} text", text))
    if doc.original.rights:
        lines.append(SourceLine("Status", typeset(doc.original.rights)))
    return tuple(lines)


def number_original_notes(documents: list[Document], numbers: dict[NoteKey, int]) -> None:
    """The notes the originals anchor, numbered in each series from 1, apart from the
    translation's: each version's notes go with it."""
    for doc in documents:
        if doc.original is None:
            continue
        counters: dict[str, int] = {}
        for span in anchors_in(doc.original.body):
            series, key = span.args
            if (doc.id, series, key) in numbers:
                continue
            counters[series] = counters.get(series, 0) + 1
            numbers[(doc.id, series, key)] = counters[series]
