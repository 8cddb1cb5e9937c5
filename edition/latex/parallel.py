"""A document beside its original, as LaTeX: the two versions for ``latex/edition-parallel.sty``.

The plan decided the print mode and the units of alignment (``edition.passes.parallel``);
this writes each version's paragraphs with ``\\edParBoundary`` after the last of each unit,
in the template ``parallel.tex.jinja``.
"""

from __future__ import annotations

import jinja2

from edition.latex.bibtex import to_latex
from edition.latex.escape import Latex, escape_label
from edition.latex.index import heading_marks
from edition.latex.languages import babel_name
from edition.latex.text import TextWriter, Where
from edition.model.corpus import Block, Document
from edition.model.diagnostics import Pos
from edition.passes.parallel import ParallelPlan


def babel(code: str) -> str:
    """babel's name of a version's language (reader.tex provides it), English if babel has none."""
    return babel_name(code) or "english"


def _version(writer: TextWriter, blocks: list[Block], where: Where, ends: set[int]) -> list[tuple[Latex, Pos]]:
    """The paragraphs of one version; after the last of each unit, the unit's boundary."""
    out: list[tuple[Latex, Pos]] = []
    for i, block in enumerate(blocks):
        paragraphs = writer.numbered(block, where)
        if i in ends and paragraphs:
            latex, pos = paragraphs[-1]
            paragraphs[-1] = (Latex(latex + r"\edParBoundary"), pos)
        out += paragraphs
    return out


def parallel_document(env: jinja2.Environment, writer: TextWriter, doc: Document,
                      side: ParallelPlan) -> tuple[str, list[tuple[Latex, Pos]]]:
    """One document and its original, and the translation's paragraphs (for the source map)."""
    assert doc.original is not None
    face = writer.plan.documents[doc.id]
    where = Where(doc.id, doc)
    units = side.units
    translation = _version(writer, doc.body, where, {u.first[1] - 1 for u in units})
    original = _version(writer, doc.original.body, where, {u.second[1] - 1 for u in units})
    label = escape_label(doc.id)
    endnotes = [(writer.slots[sid].config.name, writer.slots[sid].number_style,
                 [(number, writer.note_text(doc.notes[sid][key], doc)) for number, key in notes])
                for sid, notes in face.endnotes]
    back = env.get_template("document-back.tex.jinja").render(
        label_id=label, cite_as=face.cite_as, draft=writer.plan.draft, endnotes=endnotes,
        source_lines=[(line.label, to_latex(line.text)) for line in face.source_lines])
    out = env.get_template("parallel.tex.jinja").render(
        mode=side.mode, label_id=label, number=face.number, title=face.title,
        short_title=face.short_title if face.short_title != face.title else "", date=face.date, places=face.places, index_marks=heading_marks(doc),
        headnote=writer.prose(doc.headnote, where) if doc.headnote else "",
        language_name=side.original_name, original_lang=babel(side.original_language),
        translation_lang=babel(side.translation_language), babel_original=babel(side.original_language),
        translation=[latex for latex, _ in translation], original=[latex for latex, _ in original],
        back=Latex(back))
    return out, translation
