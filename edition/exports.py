"""Files written beside the PDF for readers to take away: the works cited and
the reader itself with its documents, as BibTeX and CSL-JSON.

Page ranges come from the LaTeX run (the ``doc:`` and ``docend:`` labels in
``reader.aux``), never from an estimate.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .backmatter import cited_keys
from .bibliography import Bibliography, DocumentCitation, ReaderInfo, reader_entries, write_exports
from .model import Corpus, Document
from .texescape import escape_label

_LABEL = re.compile(r"\\newlabel\{(doc|docend):([^}]*)\}\{\{[^}]*\}\{([^}]*)\}")


def document_pages(aux: Path) -> dict[str, tuple[str, str]]:
    """First and last page of each document, by label, from the .aux file."""
    starts: dict[str, str] = {}
    ends: dict[str, str] = {}
    if aux.exists():
        for m in _LABEL.finditer(aux.read_text(encoding="utf-8", errors="replace")):
            (starts if m.group(1) == "doc" else ends)[m.group(2)] = m.group(3)
    return {label: (page, ends.get(label, page)) for label, page in starts.items()}


def _person_name(corpus: Corpus, pid: str) -> str:
    person = corpus.persons.get(pid)
    return person.name if person else pid


def write_all(corpus: Corpus, bib: Bibliography, documents: list[Document], aux: Path, out: Path) -> list[Path]:
    """works-cited.bib/.json and reader.bib/.json in ``out``."""
    written = write_exports(bib, sorted(cited_keys(documents, bib)), out, "works-cited")
    pages = document_pages(aux)
    cfg = corpus.config
    reader = ReaderInfo(key="reader", title=cfg.title, subtitle=cfg.subtitle, year=cfg.year,
                        editor=(), institution=cfg.institution or cfg.course)
    entries = []
    for doc in documents:
        first, last = pages.get(str(escape_label(doc.id)), ("", ""))
        if not first:
            continue
        entries.append(DocumentCitation(
            key=doc.id, title=f"{doc.title}, {doc.date.text()}" if doc.date else doc.title,
            first_page=first, last_page=last,
            authors=[_person_name(corpus, a) for a in doc.authors],
            recipients=[_person_name(corpus, r) for r in doc.recipients],
            date=doc.date.text() if doc.date else ""))
    bibtex, csl = reader_entries(reader, entries)
    (out / "reader.bib").write_text(bibtex, encoding="utf-8")
    (out / "reader.json").write_text(json.dumps(csl, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [*written, out / "reader.bib", out / "reader.json"]
