"""The importer's matching of register persons in raw text: forms of each name, unambiguous tags, counts.

``PersonMatcher.find`` gives the spans of register names in a paragraph (a
Cyrillic word through the inflection-aware ``NameIndex``), ``resolve`` the ids a
short line (a signature, a salutation, an address) names.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from edition.model.corpus import Person
from edition.registers.names import NameIndex, is_cyrillic, name_cases, nominatives, spelling_key, transliterate

_CYRILLIC_NAME = re.compile(r"(?<![\w-])(?:(?P<init>(?:[А-ЯЁ]\.\s?){1,3})\s*)?(?P<word>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")
_CAPITALIZED = re.compile(r"(?<![\w'’.-])[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?(?![\w'’-])")


def person_forms(persons: dict[str, Person]) -> dict[str, set[str]]:
    """Every written form of every person (surname, aliases, "I. O. Surname"), with the ids it may name."""
    forms: dict[str, set[str]] = {}

    def add(form: str, pid: str) -> None:
        form = " ".join(form.split())
        if len(form) >= 3 and form[0].isupper() and "(" not in form:
            forms.setdefault(form, set()).add(pid)

    for pid, p in persons.items():
        for written in [p.name, *p.aliases]:
            if "," in written:
                surname, rest = (s.strip() for s in written.split(",", 1))
                add(surname, pid)
                if rest:
                    add(f"{rest} {surname}", pid)
                    if re.fullmatch(r"(?:[A-Z]\. ?)+", rest):  # "M. I." also as "M." and "M.I."
                        add(f"{rest[:2]} {surname}", pid)
                        add(f"{rest.replace(' ', '')} {surname}", pid)
            else:
                add(written, pid)
    return forms


def given_names(persons: dict[str, Person]) -> dict[tuple[str, ...], set[str]]:
    """The given names ("Iosif"), given name and patronymic ("Lev Borisovich") and initials ("L. B.") each person's
    written forms give after the surname ("Stalin, Iosif Vissarionovich", "Kamenev, L. B."), as spelling keys, with
    the ids they may name: how a letter is signed or addressed among comrades."""
    out: dict[tuple[str, ...], set[str]] = {}
    for pid, p in persons.items():
        for written in [p.name, *p.aliases]:
            rest = written.split(",", 1)[1].strip() if "," in written else ""
            words = re.findall(r"[^\W\d_][\w'’-]*\.?", rest)
            if not words:
                continue
            if all(w.endswith(".") and len(w) == 2 for w in words):
                out.setdefault(tuple(w[0].casefold() for w in words), set()).add(pid)
            elif not any(w.endswith(".") for w in words):
                out.setdefault((spelling_key(words[0]),), set()).add(pid)
                out.setdefault(tuple(spelling_key(w) for w in words), set()).add(pid)
                out.setdefault(tuple(w[0].casefold() for w in words), set()).add(pid)
    return out


_OPENERS = re.compile(r"^(?:(?:My\s+)?Dear(?:est)?|Comrade|Дорог(?:ой|ая)|Милый|Милая|Уважаемый|Многоуважаемый|Глубокоуважаемый|"
                      r"Товарищ|Твой|Твоя|Ваш|Ваша|Yours|Your)\s+", re.I)


_COMPILED: dict[tuple[tuple[str, str, tuple[str, ...]], ...], tuple[Any, ...]] = {}


def _compiled(persons: dict[str, Person]) -> tuple[Any, ...]:
    """The forms of a register and their patterns, made once for a register that several pages are imported
    against: kept by what the forms are made of (ids, names, aliases), so a register read again is not compiled again."""
    key = tuple((pid, p.name, tuple(p.aliases)) for pid, p in persons.items())
    if key not in _COMPILED:
        forms = person_forms(persons)
        ordered = sorted(forms, key=len, reverse=True)
        alternatives = r"(?<![\w'’-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])"
        _COMPILED.clear()
        _COMPILED[key] = (forms, re.compile(alternatives) if ordered else None, re.compile(alternatives, re.IGNORECASE) if ordered else None,
                          {f.casefold(): ids for f, ids in forms.items()}, given_names(persons))
    return _COMPILED[key]


class PersonMatcher:
    """Finds register names in text: unambiguous ones are tagged, the others counted."""

    def __init__(self, persons: dict[str, Person], index: NameIndex | None = None) -> None:
        self.index = index
        self.forms, self.pattern, self.folded_pattern, self.folded, self.given = _compiled(persons)
        self.tagged: Counter[str] = Counter()
        self.ambiguous: Counter[str] = Counter()
        self.unresolved: Counter[str] = Counter()

    def find(self, text: str, count: bool = True, fold: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, person id) of every unambiguous name in ``text``; ``fold``: case ignored (signatures)."""
        out: list[tuple[int, int, str]] = []
        pattern = self.folded_pattern if fold else self.pattern
        if pattern is not None:
            for m in pattern.finditer(text):
                ids = self.folded[m.group().casefold()]
                follow = re.match(r" ([A-Z][\w'’-]+)", text[m.end():m.end() + 40])
                if follow and " " not in m.group() and follow.group(1) not in self.forms:
                    continue  # part of a longer name: "James Henry Thomas"
                if len(ids) > 1:
                    if count:
                        self.ambiguous[m.group()] += 1
                    continue
                pid = next(iter(ids))
                out.append((m.start(), m.end(), pid))
                if count:
                    self.tagged[pid] += 1
        if self.index is not None and is_cyrillic(text):
            out += self._cyrillic(text, out, count)
        if count:
            taken = [(s, e) for s, e, _ in out]
            for m in _CAPITALIZED.finditer(text):
                if any(s <= m.start() < e for s, e in taken) or m.group() in COMMON_WORDS:
                    continue
                if m.start() == 0 or re.search(r"(?:[.!?:”\"]\s+|\n)$", text[max(0, m.start() - 4):m.start()]):
                    continue  # the first word of a sentence
                self.unresolved[m.group()] += 1
        return out

    def _cyrillic(self, text: str, taken: list[tuple[int, int, str]], count: bool) -> list[tuple[int, int, str]]:
        """Register persons named by inflected Russian words: "Кагановичу", "Л.М. Кагановичу"."""
        assert self.index is not None
        out = []
        for m in _CYRILLIC_NAME.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in taken):
                continue
            if m.start() == 0 or re.search(r"(?:[.!?]\s+|\n)$", text[max(0, m.start() - 3):m.start()]) and not m.group("init"):
                if not name_cases(m.group("word")):
                    continue  # the first word of a sentence, not a name
            ids = self.index.lookup(m.group("word"), m.group("init") or "")
            if len(ids) == 1:
                out.append((m.start(), m.end(), next(iter(ids))))
                if count:
                    self.tagged[next(iter(ids))] += 1
            elif ids and count:
                self.ambiguous[m.group()] += 1
        return out

    def by_given_name(self, text: str) -> str | None:
        """The one register person a salutation or signature names by given name (and patronymic) or by initials alone:
        "Iosif Vissarionovich:", "Твой Иосиф.", "Dear L. B.," (an "Antonov" after the name is not this)."""
        t = _OPENERS.sub("", " ".join(text.split()).strip(" ,.:;!—-"))
        if re.fullmatch(r"(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ]\.?", t):  # two or three initials, never one
            key = tuple(transliterate(c)[:1].casefold() for c in re.findall(r"[A-ZА-ЯЁ]", t))
        elif re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё'’-]+(?:\s+[A-ZА-ЯЁ][a-zа-яё'’-]+)?", t):
            key = tuple(spelling_key(nominatives(w)[0] if is_cyrillic(w) and nominatives(w) else w) for w in t.split())
        else:
            return None
        ids = self.given.get(key, set())
        return next(iter(ids)) if len(ids) == 1 else None

    def resolve(self, text: str) -> list[str]:
        """The ids of the persons a short text (a signature, a salutation) names, in order, case ignored."""
        ids: list[str] = []
        folded = self.folded
        if self.index is not None:
            text = re.sub(r"\b([А-ЯЁ])([А-ЯЁ]{2,})\b", lambda m: m.group(1) + m.group(2).lower(), text)
            for m in _CYRILLIC_NAME.finditer(text):
                named = self.index.lookup(m.group("word"), m.group("init") or "")
                if len(named) == 1 and (pid := next(iter(named))) not in ids:
                    ids.append(pid)
            stem = re.fullmatch(r"\s*(?:[А-ЯЁ]\.\s?){1,3}\s*([А-ЯЁ][а-яё]{2,})\.\s*", text)  # "И. Стал."
            if stem and not ids:
                hits = {pid for key, pids in self.index.ids.items() for pid in pids if key.startswith(spelling_key(stem.group(1)))}
                ids += sorted(hits) if len(hits) == 1 else []
        words = re.findall(r"[^\W\d_][\w'’-]*", text)
        i = 0
        while i < len(words):
            for span in (3, 2, 1):
                form = " ".join(words[i:i + span]).casefold()
                hit = folded.get(form)
                if hit and len(hit) == 1:
                    pid = next(iter(hit))
                    if pid not in ids:
                        ids.append(pid)
                    i += span - 1
                    break
            i += 1
        return ids


COMMON_WORDS = frozenset(
    "The This That These Those There Then They Their We Our You Your He His She Her It Its In On At Of For From With By "
    "And But Or Not No Yes If As So To Is Are Was Were Be Been Being All Any Each Every Some Such What When Where Which "
    "Who Whom Why How Comrade Comrades Com Party Central Committee Council Congress Conference Plenum Politburo Bureau "
    "Soviet Soviets Union Communist Communists Socialist Social Democratic Democrats Workers Trade Unions Commissariat "
    "Commission Executive Political International Revolution Republic State Government Opposition Letter Letters Notes "
    "Note Source January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday Mr Mrs Dr Prof Professor Russian Russia British German French English "
    "American Chinese Polish Georgian Bolshevik Bolsheviks Menshevik Mensheviks Marxist Marxism Leninism Press Collected "
    "Works Volume Moscow Petersburg Petrograd Leningrad London Berlin Paris Here Well Hello Dear Greetings Best Regards "
    "After Before During Since Until Also Even Only Now However Therefore Thus Yet Still Just Because Although While "
    "One Two Three First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Old New Great General Supreme".split()
)
