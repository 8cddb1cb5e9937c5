"""The archival citations of each document, resolved: the ``archives:`` of its metadata
and every inline ``{arch|...}``, read against the archives register, with "ibid." resolved."""

from __future__ import annotations

from edition.model.corpus import ArchiveSource, Block, Corpus, Document, walk_spans
from edition.model.diagnostics import Diagnostic, error
from edition.model.queries import anchors
from edition.registers import archives as arch
from edition.sources.markup import plain_text


def citation_of(source: ArchiveSource, register: arch.ArchivesRegister) -> tuple[arch.ArchivalCitation | None, list[str]]:
    """A document's archival source as a structured citation.

    The ``cited`` text is parsed when given; fields given explicitly win, and
    must agree with what the text says.
    """
    parsed, problems = arch.parse_citation(source.cited_as, register) if source.cited_as else (None, [])
    if not any((source.repository, source.fond, source.opis, source.delo, source.folios)):
        return parsed, problems
    repo = register.get(source.repository) or register.lookup(source.repository)
    if source.repository and repo is None:
        return None, [f"unknown archive '{source.repository}'"]
    folios, folio_problems = arch.parse_folios(source.folios)
    citation = arch.ArchivalCitation(
        repo.id if repo else (parsed.repository if parsed else None),
        parsed.cited_as if parsed else "",
        source.fond or None, source.opis or None, source.delo or None, source.vypusk or None,
        folios, arch.parse_form(source.form) if source.form else (parsed.form if parsed else None),
        source.form or (parsed.form_as_written if parsed else ""),
    )
    problems = folio_problems + arch.validate_citation(citation, register)
    if parsed is not None:
        for level in ("repository", *arch.LEVELS):
            given, read = getattr(citation, level), getattr(parsed, level)
            if given and read and given != read:
                problems.append(f"{level} '{given}' disagrees with the cited text, which reads '{read}'")
    return citation, problems


def document_citations(doc: Document, register: arch.ArchivesRegister, diags: list[Diagnostic]) -> list[arch.ArchivalCitation]:
    """The archival sources of a document as structured citations."""
    out: list[arch.ArchivalCitation] = []
    for source in doc.archives:
        citation, problems = citation_of(source, register)
        for problem in problems:
            diags.append(error(source.pos, f"archival source: {problem}", "see docs/source-format.md, 'Archival sources'"))
        if citation is not None:
            out.append(citation)
    resolved, problems = arch.resolve_ibid(out)
    diags.extend(error(doc.field_pos.get("archives", doc.pos), f"archival source: {p}") for p in problems)
    return resolved


def inline_archives(corpus: Corpus, register: arch.ArchivesRegister, diags: list[Diagnostic],
                    only: set[str] | None = None) -> dict[int, arch.ArchivalCitation]:
    """Parse every ``{arch|...}`` of the corpus (or of the documents ``only`` names); report
    what cannot be read. Keyed by ``id(span)``."""
    parsed: dict[int, arch.ArchivalCitation] = {}
    for doc in corpus.selected(only):
        previous: arch.ArchivalCitation | None = None  # "ibid." refers to the citation before it in the document
        for span in walk_spans(reading_order(doc)):
            if span.kind != "arch":
                continue
            citation, problems = arch.parse_citation(plain_text(span.children), register)
            if citation is not None and citation.ibid and not problems:
                resolved, problems = arch.resolve_ibid([previous, citation] if previous else [citation])
                citation = resolved[-1]
            diags.extend(error(span.pos, f"archival citation: {p}", "see docs/source-format.md, 'Archival sources'") for p in problems)
            if citation is not None and not problems:
                parsed[id(span)] = citation
                previous = citation
    return parsed


def reading_order(doc: Document) -> list[Block]:
    """Headnote, text, then the notes in the order of their anchors."""
    order = [(s.args[0], s.args[1]) for s in anchors(doc)]
    notes = [doc.notes[sid][key] for sid, key in order if key in doc.notes.get(sid, {})]
    return [*doc.headnote, *doc.body, *(b for n in notes for b in n.content)]
