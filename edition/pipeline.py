"""Wire the stages together for one project: load, registers, check, passes, services.

``prepare(root)`` loads the sources, the archives register and the bibliography,
resolves the archival citations, runs every check, and returns the corpus, the
``Services`` the LaTeX renderer uses, and all diagnostics.
"""

from __future__ import annotations

from pathlib import Path

from edition.build.pages import document_pages
from edition.checks.validate import validate
from edition.interchange.exports import write_all
from edition.latex.citations import citation_services
from edition.latex.escape import Latex, escape_text
from edition.latex.render import Services
from edition.model.corpus import Corpus, Document, Span, walk_spans
from edition.model.diagnostics import Diagnostic, Pos, error
from edition.passes.archives import document_citations, inline_archives, reading_order
from edition.passes.backmatter import BackMatter, abbreviations, archive_groups, mentioned_persons, works_cited
from edition.registers import archives as arch
from edition.registers.bibstyle import HistorianStyle
from edition.registers.load import Registers, load_archives, load_bibliographies
from edition.sources.load import load
from edition.sources.paths import inside_project


def prepare(root: Path, only: set[str] | None = None) -> tuple[Corpus, Services, list[Diagnostic]]:
    """Load, resolve and check the project. With ``only`` (a draft of these documents) the
    per-document checks run on those documents alone; ``edition check`` checks them all."""
    corpus, diags = load(root)
    archives = load_archives(root, diags)
    bibliography = load_bibliographies(root, corpus.config, diags)
    if corpus.config.note_on_texts:
        path, problem = inside_project(root, corpus.config.note_on_texts, Pos(corpus.config.path, 1, 1))
        if problem:
            diags.append(problem)
            corpus.config.note_on_texts = ""
        elif path is not None and not path.exists():
            diags.append(error(Pos(corpus.config.path, 1, 1), f"note_on_texts: '{corpus.config.note_on_texts}' does not exist"))
    registers = Registers(archives, bibliography)
    for doc in corpus.selected(only):
        registers.citations[doc.id] = document_citations(doc, archives, diags)
    registers.inline = inline_archives(corpus, archives, diags, only)
    diags.extend(validate(corpus, bibliography.keys(), only))
    return corpus, make_services(corpus, registers), diags


def load_registers(root: Path, corpus: Corpus) -> Registers:
    """The archives register, the bibliography and each document's archival citations (as ``prepare``
    builds them), problems ignored: for exports of a corpus that ``prepare`` has checked."""
    ignored: list[Diagnostic] = []
    registers = Registers(load_archives(root, ignored), load_bibliographies(root, corpus.config, ignored))
    for doc in corpus.documents:
        registers.citations[doc.id] = document_citations(doc, registers.archives, ignored)
    return registers


def make_services(corpus: Corpus, registers: Registers) -> Services:
    style = corpus.config.archive_style
    bib_style = HistorianStyle(registers.bibliography, corpus.config.citation_style)

    def archive_lines(doc: Document) -> list[Latex]:
        lines = []
        for i, citation in enumerate(registers.citations.get(doc.id, [])):
            text = arch.format_citation(citation, registers.archives, style, first_mention=(i == 0))
            lines.append(escape_text(arch.as_sentence(text)))
        return lines

    cite, source_line = citation_services(registers.bibliography, corpus)

    def inline_archive(span: Span, previous: arch.ArchivalCitation | None) -> tuple[Latex, arch.ArchivalCitation | None]:
        citation = registers.inline.get(id(span))
        if citation is None:
            return Latex(""), previous
        text = arch.format_citation(citation, registers.archives, style, previous=previous, first_mention=previous is None)
        return escape_text(text), citation

    def back_matter(documents: list[Document]) -> BackMatter:
        groups = [(g["title"], g.get("keyword")) for g in corpus.config.works_cited_groups]
        cited = {d.id: [*registers.citations.get(d.id, []),
                        *(registers.inline[id(s)] for s in walk_spans(reading_order(d)) if id(s) in registers.inline)]
                 for d in documents}
        return BackMatter(
            persons=mentioned_persons(corpus, documents),
            archives=archive_groups(documents, cited, registers.archives),
            works=works_cited(documents, registers.bibliography, bib_style, groups),
            abbreviations=abbreviations(documents, registers.citations, registers.archives),
        )

    def exports(aux: Path, out: Path) -> list[Path]:
        by_id = corpus.by_id()
        printed = [by_id[i] for part in corpus.config.parts for i in part.documents if i in by_id]
        return write_all(corpus, registers.bibliography, printed, document_pages(aux, [d.id for d in printed]), out)

    return Services(cite=cite, archive_lines=archive_lines, source_line=source_line,
                    back_matter=back_matter, inline_archive=inline_archive, exports=exports)
