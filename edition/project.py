"""Wire the stages together for one project: load, registers, check, services.

``prepare(root)`` loads the sources, the archives register and the
bibliography, runs every check, and returns the corpus, the ``Services`` the
renderer uses to format citations, and all diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import archives as arch
from .backmatter import BackMatter, abbreviations, archive_groups, mentioned_persons, works_cited
from .bibliography import Bibliography, load_bibliography
from .bibstyle import HistorianStyle
from .diagnostics import Diagnostic, Pos, error
from .exports import write_all
from .load import load, read_yaml_file
from .markup import plain_text
from .model import ArchiveSource, Block, Corpus, Document, Span, walk_spans
from .passes import anchors
from .render_latex import Services
from .texescape import Latex, escape_text
from .validate import validate


@dataclass
class Registers:
    archives: arch.ArchivesRegister
    bibliography: Bibliography
    citations: dict[str, list[arch.ArchivalCitation]] = field(default_factory=dict)
    inline: dict[int, arch.ArchivalCitation] = field(default_factory=dict)  # by id() of the {arch} span


def inside_project(root: Path, relative: str, pos: Pos) -> tuple[Path | None, Diagnostic | None]:
    """A path named in the project, refused if it leads outside the project."""
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        return None, error(pos, f"the path '{relative}' points outside the project", "keep every file the reader uses inside the project folder")
    return path, None


def load_archives(root: Path, diags: list[Diagnostic]) -> arch.ArchivesRegister:
    display = "sources/archives.yaml"
    node, d = read_yaml_file(root / display, display) if (root / display).exists() else (None, [])
    diags.extend(d)
    if node is None or not node.is_map:
        register, d2 = arch.ArchivesRegister.from_data({}, lambda key: Pos(display, 1, 1))
        return register
    register, d2 = arch.ArchivesRegister.from_data(node.plain(), lambda key: node.key_pos.get(key, node.pos))
    diags.extend(d2)
    return register


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


def prepare(root: Path, only: set[str] | None = None) -> tuple[Corpus, Services, list[Diagnostic]]:
    """Load, resolve and check the project. With ``only`` (a draft of these documents) the
    per-document checks run on those documents alone; ``edition check`` checks them all."""
    corpus, diags = load(root)
    archives = load_archives(root, diags)
    bib_paths = []
    for relative in corpus.config.bibliography:
        path, problem = inside_project(root, relative, Pos(corpus.config.path, 1, 1))
        if problem:
            diags.append(problem)
        elif path is not None and not path.exists():
            diags.append(error(Pos(corpus.config.path, 1, 1), f"bibliography file '{relative}' does not exist"))
        elif path is not None:
            bib_paths.append(path)
    if corpus.config.note_on_texts:
        path, problem = inside_project(root, corpus.config.note_on_texts, Pos(corpus.config.path, 1, 1))
        if problem:
            diags.append(problem)
            corpus.config.note_on_texts = ""
        elif path is not None and not path.exists():
            diags.append(error(Pos(corpus.config.path, 1, 1), f"note_on_texts: '{corpus.config.note_on_texts}' does not exist"))
    bibliography, bib_diags = load_bibliography(bib_paths)
    diags.extend(_relative(bib_diags, root))
    registers = Registers(archives, bibliography)
    for doc in corpus.selected(only):
        registers.citations[doc.id] = document_citations(doc, archives, diags)
    registers.inline = inline_archives(corpus, archives, diags, only)
    diags.extend(validate(corpus, bibliography.keys(), only))
    return corpus, make_services(corpus, registers), diags


def _relative(diags: list[Diagnostic], root: Path) -> list[Diagnostic]:
    out = []
    for d in diags:
        p = Path(d.pos.path)
        if p.is_absolute() and p.is_relative_to(root):
            d = Diagnostic(Pos(p.relative_to(root).as_posix(), d.pos.line, d.pos.column), d.message, d.hint, d.severity)
        out.append(d)
    return out


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


def make_services(corpus: Corpus, registers: Registers) -> Services:
    style = corpus.config.archive_style
    bib_style = HistorianStyle(registers.bibliography, corpus.config.citation_style)

    def archive_lines(doc: Document) -> list[Latex]:
        lines = []
        for i, citation in enumerate(registers.citations.get(doc.id, [])):
            text = arch.format_citation(citation, registers.archives, style, first_mention=(i == 0))
            lines.append(escape_text(arch.as_sentence(text)))
        return lines

    from .citations import citation_services

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
        return write_all(corpus, registers.bibliography, printed, aux, out)

    return Services(cite=cite, archive_lines=archive_lines, source_line=source_line,
                    back_matter=back_matter, inline_archive=inline_archive, exports=exports)
