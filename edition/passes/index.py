"""The index of names (and of places), sorted in Python, paged by LuaLaTeX.

edition knows before any output is written which persons and places the
printed documents mention, and how their names sort (the Unicode Collation
Algorithm through pyuca, surname first, soft signs ignored, letter headings,
"see" references from aliases). A register name in Cyrillic files under the
reader's form of it, in the transliteration ``edition.yaml`` declares
(``transliteration``, applied by ``edition.registers.names``), with the Cyrillic
kept as a gloss; a Cyrillic alias that is only the same name in the other script
gives no reference, another one ("Коба") gives one in the reader's form. So a
person has one entry, under one spelling, whatever script the register or the
mentions use. This module decides the entries and their groups as plain data;
``edition.latex.index`` and the HTML edition write them (LuaLaTeX adds the pages).

A person's locators are the documents they wrote, received or are named in; a person with more
than ``SUBENTRIES_OVER`` of them, in more than one of those roles, gets subentries, as scholarly indexes do: "as author", "as
recipient" (the first page of each such document) and "mentioned" (the pages that name them),
each only where it has locators. Everyone else has one run of pages: mentions, and the first
page of each document they wrote or received.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field

from edition.model.collation import collator
from edition.model.corpus import Corpus, Document, surname_of, walk_spans
from edition.registers.names import DEFAULT_SCHEME, is_cyrillic, spelling_key, transliterate


@dataclass
class Entry:
    kind: str  # "p" person, "pl" place
    id: str
    heading: str  # the reader's form of the name
    gloss: str  # what prints after it in parentheses: the register's Cyrillic form, the dates
    sort: tuple[tuple[int, ...], ...]
    original: str = ""  # the register's name when it is in another script ("Сталин, И. В.")
    roles: tuple[Role, ...] = ()  # subentries, for a person with many locators


@dataclass(frozen=True)
class Role:
    """A subentry: its label, the kind of mark its pages come from (``pa`` the headings of documents the
    person wrote, ``pr`` of those they received, ``p`` the mentions), and its documents, in the reader's order."""

    label: str
    kind: str
    documents: tuple[str, ...]


SUBENTRIES_OVER = 5  # locators (documents) beyond which a person's entry is divided by role
ROLE_LABELS = (("pa", "as author"), ("pr", "as recipient"), ("p", "mentioned"))


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
    return surname_of(name)


def reader_form(name: str, scheme: str = DEFAULT_SCHEME) -> str:
    """A register's name as the reader prints it: a Cyrillic one in the reader's transliteration
    ("Сталин, И. В." -> "Stalin, I. V."), any other as it is written."""
    return transliterate(name, scheme) if is_cyrillic(name) else name


def index_data(corpus: Corpus, places: bool) -> dict[str, dict[str, dict[str, object]]]:
    """What the index needs of the registers: names, dates, aliases."""
    return {
        "persons": {p.id: {"name": p.name, "born": p.born, "died": p.died, "aliases": p.aliases,
                           "identification": p.identification} for p in corpus.persons.values()},
        "places": {p.id: {"name": p.name, "aliases": p.names + ([p.modern] if p.modern else [])}
                   for p in corpus.places.values()} if places else {},
    }


def _dates(info: dict[str, object]) -> str:
    if not (info.get("born") or info.get("died")):
        return ""
    return f"{info.get('born') or '?'}\u2013{info.get('died') or ''}".rstrip("\u2013") if info.get("born") else f"d. {info.get('died')}"


def _entry_and_references(kind: str, rid: str, info: dict[str, object], scheme: str) -> list[Entry | SeeAlso]:
    """A register entry's index entry under the reader's form of its name, and a reference from each alias
    that would file elsewhere (in the reader's form too; a Cyrillic spelling of the same name gives none)."""
    written = str(info["name"])
    name = reader_form(written, scheme)
    original = written if written != name else ""
    gloss = "; ".join(g for g in (original, _dates(info) if kind == "p" else "") if g)
    out: list[Entry | SeeAlso] = [Entry(kind, rid, name, gloss, sort_key(name), original)]
    for alias in list(info.get("aliases") or []):  # type: ignore[call-overload]
        cyrillic = is_cyrillic(str(alias))
        if cyrillic and kind == "pl":
            continue  # a Russian spelling of a place, for finding its mentions: the index is in the reader's script
        alias = _inverted(reader_form(str(alias), scheme))
        if not _same_name(alias, surname(name)) and not (cyrillic and spelling_key(surname(alias)) == spelling_key(surname(name))):
            out.append(SeeAlso(alias, name, sort_key(alias)))
    return out


def build(ids: set[str], data: dict[str, dict[str, dict[str, object]]], kind: str, scheme: str = DEFAULT_SCHEME) -> list[Group]:
    """Entries for the mentioned ids, with see-references from their aliases; ``scheme``: the reader's transliteration."""
    register = data["persons" if kind == "p" else "places"]
    items: list[Entry | SeeAlso] = []
    for rid in sorted(i for i in ids if i in register):
        items += _entry_and_references(kind, rid, register[rid], scheme)
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


def index_groups(corpus: Corpus, ids: set[str], kind: str, printed: list[Document] | None = None) -> list[Group]:
    """The index of names (``kind`` "p") or of places ("pl") for the ids mentioned; for persons, with the
    authors and recipients of the ``printed`` documents, and subentries where they have many locators."""
    printed = printed or []
    if kind == "p":
        ids = ids | {pid for d in printed for pid in (*d.authors, *d.recipients)}
    groups = build(ids, index_data(corpus, kind == "pl"), kind, corpus.config.transliteration)
    if kind == "p":
        located = _locators(printed)
        for group in groups:
            group.items = [_with_roles(i, located) if isinstance(i, Entry) else i for i in group.items]
    return groups


def _locators(printed: list[Document]) -> dict[tuple[str, str], list[str]]:
    """(role kind, person) -> the documents, in the reader's order."""
    found: dict[tuple[str, str], list[str]] = {}
    for doc in printed:
        named = {s.args[0] for s in walk_spans(doc.all_blocks()) if s.kind == "p" and s.args}
        for kind, people in (("pa", doc.authors), ("pr", doc.recipients), ("p", sorted(named))):
            for pid in dict.fromkeys(people):
                found.setdefault((kind, pid), []).append(doc.id)
    return found


def _with_roles(entry: Entry, located: dict[tuple[str, str], list[str]]) -> Entry:
    """Subentries for more than SUBENTRIES_OVER locators in more than one role."""
    roles = [Role(label, k, tuple(located[(k, entry.id)])) for k, label in ROLE_LABELS if (k, entry.id) in located]
    if len({d for r in roles for d in r.documents}) <= SUBENTRIES_OVER or len(roles) < 2:
        return entry
    return dataclasses.replace(entry, roles=tuple(roles))
