"""The reader's lists, as plain data: persons mentioned, archival sources,
works cited and abbreviations. Python knows all of them before LaTeX runs;
the templates only lay them out (``latex/backmatter.tex.jinja``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pybtex.richtext import BaseText

from edition.model.corpus import Corpus, Document, walk_spans
from edition.model.diagnostics import Pos
from edition.passes.index import reader_form, sort_key
from edition.passes.order import title_with_date
from edition.passes.typography import typeset, typeset_rich
from edition.registers import archives as arch
from edition.registers.bibliography import Bibliography, grouped, sort_keys
from edition.registers.bibstyle import EditionStyle
from edition.registers.load import Registers


@dataclass
class PersonLine:
    name: str  # the reader's form (a Cyrillic register name transliterated, as the index files it)
    dates: str
    identification: str
    id: str = ""


@dataclass
class ArchiveFile:
    reference: str  # "f. 558, op. 1, d. 5391"
    documents: list[tuple[str, str]]  # (document id, title with date)


@dataclass
class ArchiveGroup:
    abbr: str
    expansion: str
    files: list[ArchiveFile] = field(default_factory=list)


@dataclass
class BackMatter:
    persons: list[PersonLine]
    archives: list[ArchiveGroup]
    works: list[tuple[str, list[BaseText]]]  # the style's rich text, format-neutral
    abbreviations: list[tuple[str, str]]
    works_at: list[list[str]] = field(default_factory=list)  # where each work's .bib entry stands, 'path:line:column'


def mentioned_persons(corpus: Corpus, documents: list[Document]) -> list[PersonLine]:
    ids = {s.args[0] for d in documents for s in walk_spans(d.all_blocks()) if s.kind == "p" and s.args}
    ids |= {p for d in documents for p in (*d.authors, *d.recipients)}
    scheme = corpus.config.transliteration
    people = [corpus.persons[i] for i in ids if i in corpus.persons]
    people.sort(key=lambda p: (sort_key(reader_form(p.name, scheme)), p.id))  # two persons may bear one name
    lines = []
    for p in people:
        dates = f"{p.born or '?'}\u2013{p.died}" if p.died else (f"b. {p.born}" if p.born else "")
        lines.append(PersonLine(reader_form(p.name, scheme), dates, p.identification, p.id))
    return lines


def cited_keys(documents: list[Document], bib: Bibliography) -> list[str]:
    keys = {s.args[0] for d in documents for s in walk_spans(d.all_blocks()) if s.kind == "cite" and s.args}
    keys |= {d.source.key for d in documents if d.source}
    keys |= {d.original.source.key for d in documents if d.original and d.original.source}
    return [k for k in keys if k in bib]


def works_cited(documents: list[Document], bib: Bibliography, style: EditionStyle,
                groups: list[tuple[str, str | None]]) -> list[tuple[str, list[BaseText]]]:
    """The cited works, sorted by collation, in the editor's groups (by ``keywords``)."""
    return [(title, [style.bibliography_entry(k) for k in members]) for title, members in _cited_groups(documents, bib, style, groups)]


def _cited_groups(documents: list[Document], bib: Bibliography, style: EditionStyle,
                  groups: list[tuple[str, str | None]]) -> list[tuple[str, list[str]]]:
    keys = cited_keys(documents, bib)
    prefix, cyrillic = style.config.use_prefix, style.config.sorts_cyrillic_first
    split = grouped(bib, keys, groups, prefix, cyrillic) if groups else [("", sort_keys(bib, keys, prefix, cyrillic))]
    return [(title or ("Other works" if groups else ""), members) for title, members in split if members]


def archive_groups(documents: list[Document], citations: dict[str, list[arch.ArchivalCitation]],
                   register: arch.ArchivesRegister) -> list[ArchiveGroup]:
    """Repositories, then files cited, each with the documents that cite it, once each."""
    files: dict[tuple[Any, ...], tuple[arch.ArchivalCitation, list[Document]]] = {}
    for doc in documents:
        for c in citations.get(doc.id, []):
            if c.repository is None:
                continue
            key: tuple[Any, ...] = (*arch.short_ref(c), arch.natural_key(c.vypusk))
            entry = files.setdefault(key, (c, []))
            if doc not in entry[1]:
                entry[1].append(doc)
    groups: dict[str, ArchiveGroup] = {}
    for key in sorted(files):
        c, docs = files[key]
        repo = register.get(c.repository or "")
        if repo is None:
            continue
        group = groups.setdefault(repo.id, ArchiveGroup(repo.modern.abbr, repo.modern.expansion))
        levels = zip(("f.", "op.", "d.", "vyp."), (c.fond, c.opis, c.delo, c.vypusk), strict=True)
        reference = ", ".join(f"{abbr} {v}" for abbr, v in levels if v)
        group.files.append(ArchiveFile(reference, [(d.id, title_with_date(d)) for d in docs]))
    return sorted(groups.values(), key=lambda g: sort_key(g.abbr))


def abbreviations(documents: list[Document], citations: dict[str, list[arch.ArchivalCitation]],
                  register: arch.ArchivesRegister) -> list[tuple[str, str]]:
    """Every name of a repository cited, with its expansion and period."""
    out: dict[str, str] = {}
    for doc in documents:
        for c in citations.get(doc.id, []):
            repo = register.get(c.repository or "")
            if repo is None:
                continue
            out[repo.modern.abbr] = repo.modern.expansion
            cited = register.name_for(c.cited_as) if c.cited_as else None
            if cited is not None and cited.abbr != repo.modern.abbr:
                period = f"{cited.start}\u2013{cited.end or ''}" if cited.start else (f"to {cited.end}" if cited.end else "")
                out[cited.abbr] = f"{cited.expansion} ({period}; now {repo.modern.abbr})" if period else \
                    f"{cited.expansion} (now {repo.modern.abbr})"
    return sorted(out.items(), key=lambda kv: sort_key(kv[0]))


def _where(pos: Pos, root: Path) -> str:
    """A .bib entry's place as the editor names it: relative to the project, with a line and column."""
    path = Path(pos.path)
    shown = path.relative_to(root) if path.is_absolute() and path.is_relative_to(root) else path
    return f"{shown.as_posix()}:{max(pos.line, 1)}:{max(pos.column, 1)}"


def back_matter(corpus: Corpus, documents: list[Document], cited: dict[str, list[arch.ArchivalCitation]],
                sources: dict[str, list[arch.ArchivalCitation]], registers: Registers, style: EditionStyle) -> BackMatter:
    """The lists after the documents, typeset: persons mentioned, archival sources (each
    document's sources and inline citations, ``cited``), works cited, abbreviations."""
    groups = [(g["title"], g.get("keyword")) for g in corpus.config.works_cited_groups]
    archives = archive_groups(documents, cited, registers.archives)
    for group in archives:
        group.abbr, group.expansion = typeset(group.abbr), typeset(group.expansion)
    works = [(typeset(title), [typeset_rich(e) for e in entries])
             for title, entries in works_cited(documents, registers.bibliography, style, groups)]
    return BackMatter(
        persons=mentioned_persons(corpus, documents),
        archives=archives,
        works=works,
        abbreviations=[(typeset(a), typeset(e)) for a, e in abbreviations(documents, sources, registers.archives)],
        works_at=[[_where(registers.bibliography[k].pos, Path(corpus.root)) for k in members]
                  for _title, members in _cited_groups(documents, registers.bibliography, style, groups)],
    )
