"""Files written beside the PDF for readers to take away: the works cited and
the reader itself with its documents, as BibTeX and CSL-JSON (``edition.registers.bib.bibtex``, ``.csl``).

Page ranges come from the LaTeX run (``edition.build.pages`` reads them from
``reader.aux``), never from an estimate.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from edition.model.corpus import Corpus, Document
from edition.passes.backmatter import cited_keys
from edition.passes.order import document_numbers, title_with_date
from edition.registers.bib.bibtex import export_bibtex
from edition.registers.bib.csl import export_csl_json
from edition.registers.bib.model import Bibliography
from edition.registers.bib.reader import DocumentCitation, ReaderInfo, reader_entries


def write_exports(bib: Bibliography, keys: Iterable[str], directory: Path, stem: str = "works-cited") -> list[Path]:
    """Write ``stem.bib`` and ``stem.json`` into ``directory``; return their paths."""
    keys = list(keys)
    directory.mkdir(parents=True, exist_ok=True)
    bib_path, json_path = directory / f"{stem}.bib", directory / f"{stem}.json"
    bib_path.write_text(export_bibtex(bib, keys), encoding="utf-8")
    csl = json.dumps(export_csl_json(bib, keys), ensure_ascii=False, indent=2)
    json_path.write_text(csl + "\n", encoding="utf-8")
    return [bib_path, json_path]


def _person_name(corpus: Corpus, pid: str) -> str:
    person = corpus.persons.get(pid)
    return person.name if person else pid


def write_all(corpus: Corpus, bib: Bibliography, documents: list[Document], pages: dict[str, tuple[str, str]],
              out: Path) -> list[Path]:
    """works-cited.bib/.json and reader.bib/.json in ``out``; ``pages`` holds the first and last
    printed page of each document, by id."""
    written = write_exports(bib, sorted(cited_keys(documents, bib)), out, "works-cited")
    cfg = corpus.config
    reader = ReaderInfo(key="reader", title=cfg.title, subtitle=cfg.subtitle, year=cfg.year,
                        editor=tuple(cfg.editors), institution=cfg.institution or cfg.course)
    entries = []
    numbers = document_numbers(corpus)
    for doc in documents:
        first, last = pages.get(doc.id, ("", ""))
        if not first:
            continue
        entries.append(DocumentCitation(
            key=doc.id, title=title_with_date(doc),
            first_page=first, last_page=last,
            authors=[_person_name(corpus, a) for a in doc.authors],
            recipients=[_person_name(corpus, r) for r in doc.recipients],
            date=doc.date.text() if doc.date else "", number=numbers.get(doc.id, 0)))
    bibtex, csl = reader_entries(reader, entries)
    (out / "reader.bib").write_text(bibtex, encoding="utf-8")
    (out / "reader.json").write_text(json.dumps(csl, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [*written, out / "reader.bib", out / "reader.json"]
