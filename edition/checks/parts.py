"""The parts of the reader against the documents: each document printed once, in one part,
or left out on purpose (``exclude:`` in edition.yaml); every id a part or ``exclude:``
names is a document. Each problem is reported where the id is written."""

from __future__ import annotations

from edition.model.corpus import Corpus
from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error, warning


def printed_ids(corpus: Corpus) -> set[str]:
    """The documents some part prints."""
    return {doc_id for part in corpus.config.parts for doc_id in part.documents}


def check_parts(corpus: Corpus) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    known = [d.id for d in corpus.documents]
    by_id = corpus.by_id()
    first: dict[str, str] = {}
    seen_parts: dict[str, Pos] = {}
    for part in corpus.config.parts:
        if part.id and part.id in seen_parts:
            diags.append(error(part.pos, f"part id '{part.id}' is used twice (first at line {seen_parts[part.id].line})",
                               "give each part an id of its own"))
        seen_parts.setdefault(part.id, part.pos)
        for i, doc_id in enumerate(part.documents):
            pos = part.doc_pos[i] if i < len(part.doc_pos) else part.pos
            if doc_id not in by_id:
                if doc_id not in corpus.unreadable:  # a source that does not parse: said at its own place
                    diags.append(error(pos, f"part '{part.id}' lists unknown document '{doc_id}'",
                                       did_you_mean(doc_id, known) or "the id is the 'id' in the document's front matter"))
            elif doc_id in first:
                where = "this part" if first[doc_id] == part.id else f"part '{first[doc_id]}'"
                diags.append(error(pos, f"document '{doc_id}' is already printed in {where}",
                                   "a document is printed once: remove this mention"))
            elif doc_id in corpus.config.exclude:
                diags.append(error(pos, f"document '{doc_id}' is printed in part '{part.id}' and also excluded "
                                   f"(line {corpus.config.exclude[doc_id].line})", "remove it from one of the two lists"))
            first.setdefault(doc_id, part.id)
    for doc_id, pos in corpus.config.exclude.items():
        if doc_id not in by_id and doc_id not in corpus.unreadable:
            diags.append(warning(pos, f"'exclude' names unknown document '{doc_id}'",
                                 did_you_mean(doc_id, known) or "the id is the 'id' in the document's front matter"))
    for doc in corpus.documents:
        if doc.id and doc.id not in first and doc.id not in corpus.config.exclude:
            diags.append(error(doc.field_pos.get("id", doc.pos), f"document '{doc.id}' is in no part of edition.yaml and would not be printed",
                               f"add '{doc.id}' to the documents of a part, put the file in the folder of a part without a "
                               f"documents list, or list it under 'exclude:' to leave it out on purpose"))
    return diags
