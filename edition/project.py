"""Wire the stages together for one project: load, registers, check, services.

``prepare(root)`` loads the sources, the archives register and the
bibliography, runs every check, and returns the corpus, the ``Services`` the
renderer uses to format citations, and all diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import archives as arch
from .bibliography import Bibliography, load_bibliography
from .diagnostics import Diagnostic, Pos, error
from .load import load, read_yaml_file
from .model import ArchiveSource, Corpus, Document
from .render_latex import Services
from .texescape import Latex, escape_text
from .validate import validate


@dataclass
class Registers:
    archives: arch.ArchivesRegister
    bibliography: Bibliography
    citations: dict[str, list[arch.ArchivalCitation]] = field(default_factory=dict)


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


def prepare(root: Path) -> tuple[Corpus, Services, list[Diagnostic]]:
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
    bibliography, bib_diags = load_bibliography(bib_paths)
    diags.extend(_relative(bib_diags, root))
    registers = Registers(archives, bibliography)
    for doc in corpus.documents:
        registers.citations[doc.id] = document_citations(doc, archives, diags)
    diags.extend(validate(corpus, bibliography.keys()))
    return corpus, make_services(corpus, registers), diags


def _relative(diags: list[Diagnostic], root: Path) -> list[Diagnostic]:
    out = []
    for d in diags:
        p = Path(d.pos.path)
        if p.is_absolute() and p.is_relative_to(root):
            d = Diagnostic(Pos(p.relative_to(root).as_posix(), d.pos.line, d.pos.column), d.message, d.hint, d.severity)
        out.append(d)
    return out


def make_services(corpus: Corpus, registers: Registers) -> Services:
    style = corpus.config.archive_style

    def archive_lines(doc: Document) -> list[Latex]:
        lines = []
        for i, citation in enumerate(registers.citations.get(doc.id, [])):
            text = arch.format_citation(citation, registers.archives, style, first_mention=(i == 0))
            lines.append(escape_text(arch.as_sentence(text)))
        return lines

    from .citations import citation_services

    cite, source_line = citation_services(registers.bibliography, corpus)
    return Services(cite=cite, archive_lines=archive_lines, source_line=source_line)
