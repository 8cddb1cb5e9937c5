"""Checks of a document that holds its original: the versions line up, each has its language,
alignment points stand only in the texts, and ``edition.yaml`` names print modes of documents that
exist and hold an original."""

from __future__ import annotations

from edition.checks.languages import language_problem
from edition.model.alignment import align
from edition.model.corpus import Corpus, Document, walk_spans
from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error, warning


def check_versions(doc: Document) -> list[Diagnostic]:
    """Every problem of one document's versions."""
    diags: list[Diagnostic] = []
    misplaced = [s for s in walk_spans([*doc.headnote, *doc.note_blocks()]) if s.kind == "align"]
    diags += [warning(s.pos, "an alignment point belongs in the text of a version; here it is ignored") for s in misplaced]
    original = doc.original
    if original is None:
        diags += [warning(s.pos, "an alignment point in a document with no original is ignored",
                          "write the original after a line '@original', or in a file with 'version_of'")
                  for s in walk_spans(doc.body) if s.kind == "align"]
        return diags
    where = original.field_pos.get("language", original.pos)
    if not original.language:
        diags.append(error(original.pos, "the original does not say its language", "add language: ru (or its code)"))
    elif (problem := language_problem(original.language, where, "the original's language")) is not None:
        diags.append(problem)
    elif doc.language and doc.language != original.language:
        diags.append(warning(where, f"the original's language '{original.language}' is not the document's '{doc.language}'",
                             "the document's 'language' is that of its original"))
    if doc.translation is None:
        diags.append(warning(doc.pos, "a document with an original should say what its text is translated from",
                             f"add translation: {{from: {original.language or 'ru'}}}"))
    _, partings = align(doc.body, original.body, origin=(doc.pos, original.pos))
    for p in partings:
        diags.append(error(p.first, f"{p.message} (the original: {p.second})", p.hint))
    return diags


def check_print_modes(corpus: Corpus) -> list[Diagnostic]:
    """``originals: documents:`` names documents that exist and hold an original."""
    diags: list[Diagnostic] = []
    by_id = corpus.by_id()
    for doc_id in corpus.config.originals_by_document:
        doc = by_id.get(doc_id)
        pos = Pos(corpus.config.path, 1, 1)
        if doc is None:
            diags.append(error(pos, f"originals: unknown document '{doc_id}'", did_you_mean(doc_id, by_id)))
        elif doc.original is None:
            diags.append(warning(pos, f"originals: '{doc_id}' holds no original; its print mode is ignored"))
    return diags
