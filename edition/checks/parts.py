"""The parts of the reader against the documents: each document printed once, in one part,
or left out on purpose (``exclude:`` in edition.yaml); every id a part or ``exclude:``
names is a document. Each problem is reported where the id is written."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath

from edition.model.corpus import Corpus, Document
from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error, warning


def printed_ids(corpus: Corpus) -> set[str]:
    """The documents some part prints."""
    return {doc_id for part in corpus.config.parts for doc_id in part.documents}


def renamed_files(corpus: Corpus) -> dict[str, Document]:
    """The documents whose id is not their file's name, by that name (where a part or a
    cross-reference still names the file, the id is the mistake)."""
    ids = {d.id for d in corpus.documents}
    return {stem: d for d in corpus.documents if (stem := PurePosixPath(d.path).stem) != d.id and stem not in ids}


def check_parts(corpus: Corpus) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    first: dict[str, str] = {}  # document id -> the part that prints it
    seen_parts: dict[str, Pos] = {}
    renamed = renamed_files(corpus)
    held = Counter(d.id for d in corpus.documents)
    for part in corpus.config.parts:
        if part.id and part.id in seen_parts:
            diags.append(error(part.pos, f"part id '{part.id}' is used twice (first at line {seen_parts[part.id].line})",
                               "give each part an id of its own"))
        seen_parts.setdefault(part.id, part.pos)
        for i, doc_id in enumerate(part.documents):
            if held[doc_id] > 1 and doc_id in first:  # two files with one id: said at the second file, the cause
                continue
            pos = part.doc_pos[i] if i < len(part.doc_pos) else part.pos
            diags.extend(_listed(corpus, part.id, doc_id, pos, first, renamed))
    known = [d.id for d in corpus.documents]
    for doc_id, pos in corpus.config.exclude.items():
        if doc_id not in corpus.by_id() and doc_id not in corpus.unreadable:
            diags.append(warning(pos, f"'exclude' names unknown document '{doc_id}'",
                                 did_you_mean(doc_id, known) or "the id is the 'id' in the document's front matter"))
    for doc in corpus.documents:
        if doc.id and doc.id not in first and doc.id not in corpus.config.exclude:
            diags.append(error(doc.field_pos.get("id", doc.pos), f"document '{doc.id}' is in no part of edition.yaml and would not be printed",
                               f"add '{doc.id}' to the documents of a part, put the file in the folder of a part without a "
                               f"documents list, or list it under 'exclude:' to leave it out on purpose"))
    return diags


def _listed(corpus: Corpus, part_id: str, doc_id: str, pos: Pos, first: dict[str, str], renamed: dict[str, Document]) -> list[Diagnostic]:
    """The problem of one id in a part's list, if any; ``first`` learns where it is printed."""
    by_id = corpus.by_id()
    if doc_id not in by_id and doc_id in renamed:  # the file of that name says another id: the cause, said there
        doc = renamed[doc_id]
        first.setdefault(doc.id, part_id)
        return [error(doc.field_pos.get("id", doc.pos), f"this file's id is '{doc.id}', but part '{part_id}' lists it as "
                      f"'{doc_id}' (edition.yaml, line {pos.line})",
                      f"make the two the same: 'id: {doc_id}' here, or '{doc.id}' in the part's documents")]
    if doc_id not in by_id:
        if doc_id in corpus.unreadable:  # a source that does not parse: said at its own place
            return []
        return [error(pos, f"part '{part_id}' lists unknown document '{doc_id}'",
                      did_you_mean(doc_id, by_id) or "the id is the 'id' in the document's front matter")]
    if doc_id in first:
        where = "this part" if first[doc_id] == part_id else f"part '{first[doc_id]}'"
        return [error(pos, f"document '{doc_id}' is already printed in {where}", "a document is printed once: remove this mention")]
    first[doc_id] = part_id
    if doc_id in corpus.config.exclude:
        return [error(pos, f"document '{doc_id}' is printed in part '{part_id}' and also excluded "
                      f"(line {corpus.config.exclude[doc_id].line})", "remove it from one of the two lists")]
    return []
