"""The contents as LaTeX writes them, without page numbers, for the first pass of a
cold build (``latex/reader.toc.jinja``), and the chronological list's rows."""

from __future__ import annotations

from edition.latex.escape import Latex, escape_label, escape_text
from edition.passes.plan import Plan


def roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def contents(plan: Plan) -> list[tuple[str, Latex]]:
    """Every line of the contents, as the headings of edition.sty add them."""
    h, back, cfg = plan.headings, plan.back, plan.corpus.config
    lines: list[tuple[str, Latex]] = []
    note = plan.note_on_texts.title if plan.note_on_texts and plan.note_on_texts.blocks else ""
    front = [(bool(back and back.abbreviations), h["abbreviations"]), (bool(plan.documents), h["chronology"]), (bool(note), note)]
    lines += [("chapter", escape_text(title)) for present, title in front if present]
    for part in plan.parts:
        lines.append(("part", Latex(f"\\numberline {{{roman(part.number)}}}") + escape_text(part.title)))
        for doc_id in part.documents:
            doc = plan.documents[doc_id]
            lines.append(("section", Latex(f"\\numberline {{{doc.number}}}") + escape_text(doc.title) + Latex(", ")
                          + escape_text(doc.date)))
    register = bool(back and cfg.persons_register and back.persons)
    tail = [(register, h["persons"]), (bool(back and back.archives), h["archives"]),
            (bool(back and back.works), h["works"]), (True, h["names"]), (cfg.index_places, h["places"])]
    lines += [("chapter", escape_text(title)) for present, title in tail if present]
    return lines


def chronology(plan: Plan) -> list[dict[str, object]]:
    """The chronological list of documents, with the label of each one's page."""
    return [{"number": row.number, "date": row.date, "parties": row.parties, "place": row.place, "label": escape_label(row.document)}
            for row in plan.chronology]
