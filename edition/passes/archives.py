"""The archival citations of each document, resolved: the ``archives:`` of its metadata
and every inline ``{arch|...}``, read against the archives register, with "ibid." resolved."""

from __future__ import annotations

from edition.model.corpus import ArchiveSource, Corpus, Document
from edition.model.diagnostics import Diagnostic, error, warning
from edition.passes.reading import SpanKey, reading
from edition.passes.typography import typeset
from edition.registers import archives as arch
from edition.sources.markup import plain_text

_GIVEN = ("repository", *arch.LEVELS, "folios", "form")


def citation_of(source: ArchiveSource, register: arch.ArchivesRegister) -> tuple[arch.ArchivalCitation | None, list[str]]:
    """A document's archival source as a structured citation, with its problems."""
    citation, problems, _overrides = _citation(source, register)
    return citation, problems


def _citation(source: ArchiveSource, register: arch.ArchivesRegister) -> tuple[arch.ArchivalCitation | None, list[str], list[str]]:
    """The ``cited`` text is parsed when given, and each field given explicitly beside it
    wins over what is parsed, field by field (the others are kept); the third list says where
    an explicit field differs from the text, a warning: the text is often kept as printed."""
    parsed, problems = arch.parse_citation(source.cited_as, register) if source.cited_as else (None, [])
    if not any(getattr(source, name) for name in _GIVEN):
        return parsed, problems, []
    repo = register.get(source.repository) or register.lookup(source.repository)
    if source.repository and repo is None:
        return None, [f"unknown archive '{source.repository}'"], []
    folios, folio_problems = arch.parse_folios(source.folios) if source.folios else ((parsed.folios if parsed else ()), [])
    fond, opis, delo, vypusk = (getattr(source, level) or (getattr(parsed, level) if parsed else None) or None for level in arch.LEVELS)
    form = (arch.parse_form(source.form), source.form, "") if source.form else \
        ((parsed.form, parsed.form_as_written, parsed.hand) if parsed else (None, "", ""))
    citation = arch.ArchivalCitation(
        repo.id if repo else (parsed.repository if parsed else None), parsed.cited_as if parsed else "", fond, opis, delo, vypusk,
        folios=folios, form=form[0], form_as_written=form[1], hand=form[2], notices=parsed.notices if parsed else ())
    problems = folio_problems + arch.validate_citation(citation, register)
    overrides = []
    for level in ("repository", *arch.LEVELS) if parsed is not None else ():
        given, read = getattr(citation, level), getattr(parsed, level)
        if given and read and given != read:
            overrides.append(f"{level} '{given}' is given beside the cited text, which reads '{read}': '{given}' is printed")
    return citation, problems, overrides


def document_citations(doc: Document, register: arch.ArchivesRegister, diags: list[Diagnostic]) -> list[arch.ArchivalCitation]:
    """The archival sources of a document as structured citations."""
    out: list[arch.ArchivalCitation] = []
    for source in doc.archives:
        citation, problems, overrides = _citation(source, register)
        for problem in problems:
            diags.append(error(source.pos, f"archival source: {problem}", _hint(problem)))
        diags.extend(warning(source.pos, f"archival source: {o}", "if 'cited' keeps a slip of the source as printed, "
                             "leave it so; otherwise correct the one that is wrong") for o in overrides)
        if citation is not None:
            diags.extend(warning(source.pos, f"archival source: {notice}", "correct the letter in 'cited'") for notice in citation.notices)
            out.append(citation)
    resolved, problems = arch.resolve_ibid(out)
    diags.extend(error(doc.field_pos.get("archives", doc.pos), f"archival source: {p}") for p in problems)
    return resolved


def _hint(problem: str) -> str:
    if problem.startswith("unknown archive") and "did you mean" not in problem:
        return ("add the archive to sources/archives.yaml: an id, its city, and each name it has borne with its 'abbr' "
                "(docs/reference.md)")
    return "see docs/source-format.md, 'Archival sources'"


def inline_archives(corpus: Corpus, register: arch.ArchivesRegister, diags: list[Diagnostic],
                    only: set[str] | None = None) -> dict[SpanKey, arch.ArchivalCitation]:
    """Parse every ``{arch|...}`` of the corpus (or of the documents ``only`` names), "ibid."
    resolved against the citation before it in the document's reading order; report what
    cannot be read. Keyed by (document, span uid)."""
    parsed: dict[SpanKey, arch.ArchivalCitation] = {}
    for doc in corpus.selected(only):
        previous = _own_line(doc, register)  # a note's "Там же" may refer to the document's own archival line
        for met in reading(doc):
            span = met.span
            if span.kind != "arch":
                continue
            citation, problems = arch.parse_citation(plain_text(span.children), register)
            if citation is not None and citation.ibid and not problems:
                resolved, problems = arch.resolve_ibid([previous, citation] if previous else [citation])
                citation = resolved[-1]
            diags.extend(error(span.pos, f"archival citation: {p}", _hint(p)) for p in problems)
            if citation is not None and not problems:
                parsed[(doc.id, span.uid)] = citation
                previous = citation
    return parsed


def _own_line(doc: Document, register: arch.ArchivesRegister) -> arch.ArchivalCitation | None:
    for source in reversed(doc.archives):
        citation, problems = citation_of(source, register)
        if citation is not None and not problems and not citation.ibid:
            return citation
    return None


def archive_lines(citations: list[arch.ArchivalCitation], register: arch.ArchivesRegister, style: str) -> tuple[str, ...]:
    """A document's archival sources as the sentences of its source note, typeset."""
    return tuple(typeset(arch.as_sentence(arch.format_citation(c, register, style, first_mention=(i == 0))))
                 for i, c in enumerate(citations))


def inline_texts(documents: list[Document], inline: dict[SpanKey, arch.ArchivalCitation],
                 register: arch.ArchivesRegister, style: str) -> dict[SpanKey, str]:
    """How each inline archival citation prints: in full, or "ibid." after a citation of the
    same file earlier in the same note (or the same headnote, or the text), typeset."""
    texts: dict[SpanKey, str] = {}
    for doc in documents:
        previous: dict[str, arch.ArchivalCitation] = {}  # by stream
        for met in reading(doc):
            citation = inline.get((doc.id, met.span.uid)) if met.span.kind == "arch" else None
            if citation is None:
                continue
            before = previous.get(met.stream)
            texts[(doc.id, met.span.uid)] = typeset(arch.format_citation(citation, register, style, previous=before,
                                                                         first_mention=before is None))
            previous[met.stream] = citation
    return texts


def cited_in(doc: Document, citations: dict[str, list[arch.ArchivalCitation]],
             inline: dict[SpanKey, arch.ArchivalCitation]) -> list[arch.ArchivalCitation]:
    """Every archival citation of a document: its sources, then the inline ones in reading order."""
    found = [inline[(doc.id, m.span.uid)] for m in reading(doc) if (doc.id, m.span.uid) in inline]
    return [*citations.get(doc.id, []), *found]
