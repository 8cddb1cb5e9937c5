"""The index of names (and of places): page records from LaTeX, sorted in Python.

Every person or place mention in the LaTeX output writes a record
``kind|id|page label|absolute page|t or n`` to ``reader.edidx`` when its page
is shipped out (``\\edIndexMark`` in edition.sty). Between LaTeX passes,
latexmk runs ``python -m edition.index reader`` (a custom dependency), which
reads the records and ``index-data.json`` (the registers, written by the
renderer) and writes ``reader.edind``: the index, sorted with the Unicode
Collation Algorithm (pyuca), with letter headings, "n" for pages where the
name occurs only in notes, and cross-references from aliases.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .collation import collator
from .model import Corpus
from .texescape import Latex, escape_text


@dataclass(frozen=True)
class Record:
    kind: str  # "p" person, "pl" place
    id: str
    page: str
    abspage: int
    in_note: bool


@dataclass
class Entry:
    heading: str
    gloss: str
    pages: list[str]
    sort: tuple[tuple[int, ...], ...]


@dataclass
class SeeAlso:
    heading: str
    target: str
    sort: tuple[tuple[int, ...], ...]


@dataclass
class Group:
    letter: str
    items: list[Entry | SeeAlso] = field(default_factory=list)


_collator = collator


_IGNORED = re.compile(r"['\u2019\u02b9\u02bc\u02bb`\u00b4]")


def sort_key(name: str) -> tuple[tuple[int, ...], ...]:
    """Surname first, then forenames; apostrophes (soft signs) ignored; UCA order."""
    parts = _IGNORED.sub("", name).split(",", 1)
    return tuple(tuple(_collator().sort_key(p.strip().casefold())) for p in parts)


def letter_of(name: str) -> str:
    """The letter heading a name files under: its first letter without accents."""
    for ch in _IGNORED.sub("", name):
        if ch.isalpha():
            return unicodedata.normalize("NFD", ch)[0].upper()
    return "#"


def surname(name: str) -> str:
    return name.split(",", 1)[0].strip()


def index_data(corpus: Corpus, places: bool) -> dict[str, object]:
    """What the index program needs of the registers (written as index-data.json)."""
    return {
        "persons": {p.id: {"name": p.name, "born": p.born, "died": p.died, "aliases": p.aliases,
                           "identification": p.identification} for p in corpus.persons.values()},
        "places": {p.id: {"name": p.name, "aliases": p.names + ([p.modern] if p.modern else [])}
                   for p in corpus.places.values()} if places else {},
    }


def read_records(path: Path) -> list[Record]:
    records: list[Record] = []
    if not path.exists():
        return records
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("|")
        if len(parts) == 5 and parts[3].strip().isdigit():
            records.append(Record(parts[0], parts[1], parts[2].strip(), int(parts[3]), parts[4].strip() == "n"))
    return records


def _page_list(records: list[Record]) -> list[str]:
    """Pages in order, "34n" where the name stands only in notes, runs as ranges."""
    pages: dict[int, tuple[str, bool]] = {}
    for r in records:
        label, only_notes = pages.get(r.abspage, (r.page, True))
        pages[r.abspage] = (label, only_notes and r.in_note)
    out: list[str] = []
    run: list[tuple[int, str]] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append(f"{run[0][1]}\u2013{run[-1][1]}")
        else:
            out.extend(label for _, label in run)
        run.clear()

    for abspage in sorted(pages):
        label, only_notes = pages[abspage]
        if only_notes:
            flush()
            out.append(f"{label}n")
            continue
        if run and (abspage != run[-1][0] + 1 or not (label.isdigit() and run[-1][1].isdigit())):
            flush()
        run.append((abspage, label))
    flush()
    return out


def build(records: list[Record], data: dict[str, dict[str, dict[str, object]]], kind: str) -> list[Group]:
    """Entries for the ids that have records, with see-references from their aliases."""
    register = data["persons" if kind == "p" else "places"]
    by_id: dict[str, list[Record]] = {}
    for r in records:
        if r.kind == kind and r.id in register:
            by_id.setdefault(r.id, []).append(r)
    items: list[Entry | SeeAlso] = []
    for rid, recs in by_id.items():
        info = register[rid]
        name = str(info["name"])
        dates = ""
        if kind == "p" and (info.get("born") or info.get("died")):
            dates = f"{info.get('born') or '?'}\u2013{info.get('died') or ''}".rstrip("\u2013") if info.get("born") else \
                f"d. {info.get('died')}"
        items.append(Entry(name, dates, _page_list(recs), sort_key(name)))
        for alias in list(info.get("aliases") or []):  # type: ignore[call-overload]
            alias = _inverted(str(alias))
            if not _same_name(alias, surname(name)):
                items.append(SeeAlso(alias, name, sort_key(alias)))
    unique: dict[tuple[str, str], Entry | SeeAlso] = {}
    for item in sorted(items, key=lambda i: len(i.heading)):
        # One reference per surname form and target: "Ulyanova" stands for "Ulyanova, M. I." too.
        key = (_FOLD.sub("", surname(item.heading)).casefold(), item.target) if isinstance(item, SeeAlso) else (item.heading, "")
        unique.setdefault(key, item)
    groups: list[Group] = []
    for item in sorted(unique.values(), key=lambda i: (i.sort, isinstance(i, SeeAlso))):
        letter = letter_of(item.heading)
        if not groups or groups[-1].letter != letter:
            groups.append(Group(letter))
        groups[-1].items.append(item)
    return groups


_INITIALS = re.compile(r"^((?:\w{1,2}\.\s?)+)\s*([^\s.]{2,}.*)$")


def _inverted(alias: str) -> str:
    """"A. Yakovlev" -> "Yakovlev, A.": initials first file under the surname."""
    m = _INITIALS.match(alias)
    return f"{m.group(2)}, {m.group(1).strip()}" if m and "," not in alias else alias


_FOLD = re.compile(r"[\s.\-'\u2019\u02b9\u02bc]")


def _same_name(alias: str, surname_: str) -> bool:
    """Whether an alias is only another form of the canonical surname (Belenkii, A. Andreev,
    Stalin, Iosif Vissarionovich): it would file beside the entry, so it needs no reference."""
    a, s = _FOLD.sub("", alias).casefold(), _FOLD.sub("", surname_).casefold()
    return a.startswith(s) or a.endswith(s) or s.startswith(a) and len(a) > 3


def render(groups: list[Group], title: str) -> str:
    """The index as LaTeX (macros of edition.sty), every name escaped."""
    out = [r"\begin{edIndex}{" + escape_text(title) + "}"]
    for group in groups:
        out.append(r"\edIndexLetter{" + escape_text(group.letter) + "}")
        for item in group.items:
            if isinstance(item, Entry):
                heading, gloss, pages = escape_text(item.heading), escape_text(item.gloss), escape_text(", ".join(item.pages))
                out.append(rf"\edIndexEntry{{{heading}}}{{{gloss}}}{{{pages}}}")
            else:
                heading, target = escape_text(item.heading), escape_text(item.target)
                out.append(rf"\edIndexSee{{{heading}}}{{{target}}}")
    out.append(r"\end{edIndex}")
    return Latex("\n".join(out) + "\n")


def make_index(base: Path) -> str:
    """Read ``base.edidx`` and ``index-data.json`` beside it; return the LaTeX of the indexes."""
    data = json.loads((base.parent / "index-data.json").read_text(encoding="utf-8"))
    records = read_records(base.with_suffix(".edidx"))
    parts = [render(build(records, data, "p"), "Index of Names")]
    if data.get("places"):
        parts.append(render(build(records, data, "pl"), "Index of Places"))
    return "\n".join(parts)


def write_stub(base: Path, mentioned: dict[str, set[str]]) -> None:
    """Before the first LaTeX pass: the index with every entry but no pages yet, so that
    the first pass already sets the index at nearly its final length (and its lines in
    the contents), and no pass is spent only on making room for it."""
    target = base.with_suffix(".edind")
    if target.exists():
        return
    data = json.loads((base.parent / "index-data.json").read_text(encoding="utf-8"))
    records = [Record(kind, rid, "0", 0, False) for kind, ids in mentioned.items() for rid in sorted(ids)]
    parts = [render(build(records, data, "p"), "Index of Names")]
    if data.get("places"):
        parts.append(render(build(records, data, "pl"), "Index of Places"))
    target.write_text("\n".join(parts), encoding="utf-8")


def main(argv: list[str]) -> int:
    """``python -m edition.index BASE``: write BASE.edind (latexmk calls this)."""
    base = Path(argv[0])
    text = make_index(base)
    target = base.with_suffix(".edind")
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
