"""Names of the registers as texts write them: Russian inflection and transliteration.

A register lists persons and places in the reader's spelling ("Kaganovich,
L. M.", "Zinov'ev, G. E."), while texts name them inflected and in either
script: "Кагановичу", "Зиновьева", "Zinoviev". ``NameIndex`` finds the register
ids a word may stand for: a Cyrillic word is reduced to its nominative forms by
pymorphy3's analyser of Russian (loaded once, on first use), transliterated
with the reader's scheme (``edition.yaml``: ``transliteration``, a scheme of the
iuliia library; Library of Congress without diacritics by default), and looked
up under a spelling-blind key, so that "Zinov'ev", "Zinoviev" and "Зиновьев"
meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

DEFAULT_SCHEME = "ala_lc_alt"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_][\w'’ʹ-]*")


@lru_cache(maxsize=1)
def _analyser() -> Any:
    import pymorphy3  # a dictionary of some 20 MB: only when a Russian word is met

    return pymorphy3.MorphAnalyzer()


def known_schemes() -> list[str]:
    import iuliia

    return sorted(iuliia.schemas.names())


@lru_cache(maxsize=16)
def _schema(name: str) -> Any:
    import iuliia

    schema = iuliia.schemas.get(name)
    if schema is None:
        raise ValueError(f"unknown transliteration scheme '{name}'")
    return schema


def transliterate(text: str, scheme: str = DEFAULT_SCHEME) -> str:
    """``text`` with its Cyrillic letters in the Latin alphabet of ``scheme``."""
    return str(_schema(scheme).translate(text)) if _CYRILLIC.search(text) else text


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


# the letters the spelling before 1918 had and the reform replaced, one for one: "безцѣнный", "Іюня", "Ѳедоръ"
OLD_LETTERS = str.maketrans("ѣѢіІѳѲѵѴ", "еЕиИфФиИ")


def modern_spelling(word: str) -> str:
    """A Russian word in the spelling since 1918, for the analyser: the old letters replaced, the hard sign after a last
    consonant dropped, the old genitive ending of adjectives and such surnames made the new ("Достоевскаго" ->
    "Достоевского", "Ѳедоръ" -> "Федор")."""
    w = re.sub(r"(?<=[бвгджзклмнпрстфхцчшщ])[ъЪ]$", "", word.translate(OLD_LETTERS))
    return re.sub(r"(?<=[кгхжшчщц])аго$", "ого", re.sub(r"(?<=[^кгхжшчщц])аго$", "ого", re.sub(r"яго$", "его", w)))


# How Russian (and other Soviet) surnames and patronymics end in the reader's Latin letters.
_RUSSIAN_SURNAME = re.compile(r"(?:ov|ova|ev|eva|ëv|in|ina|yn|yna|sky|skii|skiy|skaya|skaia|tsky|tskii|ich|enko|uk|chuk|dze|shvili|ian|yan|"
                              r"ii|yi|oy|oi|aya|aia)$", re.IGNORECASE)
_PATRONYMIC = re.compile(r"\b[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna|yich|ich)\b")


def russian_name(name: str, aliases: Iterable[str] = ()) -> bool:
    """Whether a register's person bears a Russian (or Soviet) name: written in Cyrillic, with a patronymic, or with a
    surname ending as Russian ones do ("Stalin, I. V.", "Trotsky", "Ordzhonikidze"; not "Roosevelt", "Engels")."""
    forms = [name, *aliases]
    if any(is_cyrillic(f) or _PATRONYMIC.search(f) for f in forms):
        return True
    surname = _surname(name).split()[-1] if _surname(name).split() else ""
    if re.search(r"[wq]|th", surname, re.I):
        return False  # "Darwin", "Baldwin": letters no romanization of Russian writes
    return bool(_RUSSIAN_SURNAME.search(surname.replace("'", "").replace("’", "")))


def spelling_key(name: str, scheme: str = DEFAULT_SCHEME) -> str:
    """A key that spellings of one name share: "Zinov'ev", "Zinoviev", "Зиновьев" -> "zinovev"."""
    s = unicodedata.normalize("NFKD", transliterate(name, scheme).casefold()).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z]", "", s)
    s = re.sub(r"[iyj]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=65536)
def nominatives(word: str) -> tuple[str, ...]:
    """The nominative forms a Russian word may be an inflection of, most likely first ("Аллилуевой" -> "Аллилуева")."""
    if not is_cyrillic(word):
        return (word,)
    out: list[str] = []
    word = modern_spelling(word)
    # a place's or a given name's parses last: "Майкову" is Maikov's dative before it is the accusative of a place "Майкова"
    for parse in sorted(_analyser().parse(word), key=lambda p: "Geox" in p.tag or "Name" in p.tag):
        tag = parse.tag
        if "NOUN" not in tag and "ADJF" not in tag:
            continue
        form = parse.normal_form
        if "femn" in tag and ("Surn" in tag or "ADJF" in tag):
            female = parse.inflect({"nomn", "femn"}) if "Surn" in tag else parse.inflect({"nomn", "femn", "sing"})
            form = female.word if female else form
        form = form[:1].upper() + form[1:] if word[:1].isupper() else form
        if form not in out:
            out.append(form)
    return tuple(out) or (word,)


@lru_cache(maxsize=65536)
def name_cases(word: str) -> frozenset[str]:
    """The grammatical cases a Russian word may have as a surname or a given name ("Кагановичу" -> {"datv"})."""
    if not is_cyrillic(word):
        return frozenset()
    out: set[str] = set()
    for parse in _analyser().parse(modern_spelling(word)):
        if {"Surn", "Name", "Patr"} & set(str(parse.tag).replace(" ", ",").split(",")) and parse.tag.case:
            out.add(str(parse.tag.case))
    return frozenset(out)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word ("копий" -> "копия"); other words as they are."""
    if not is_cyrillic(word):
        return word
    parses = _analyser().parse(word)
    return str(parses[0].normal_form) if parses else word


@lru_cache(maxsize=65536)
def is_place_name(word: str, known: bool = False) -> bool:
    """Whether the analyser takes a Russian word for a geographical name ("Москвы", "Иркутск"); with ``known``,
    only a name its dictionary has (not one guessed from the word's ending, such as "Пензенск")."""
    return is_cyrillic(word) and any("Geox" in parse.tag and (parse.is_known or not known) for parse in _analyser().parse(word))


def _surname(written: str) -> str:
    return written.split(",", 1)[0].strip() if "," in written else written.strip()


class NameIndex:
    """Register ids under the spelling keys of their names, and the initials of each."""

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]], scheme: str = DEFAULT_SCHEME) -> None:
        self.scheme = scheme
        self.ids: dict[str, set[str]] = {}
        self.initials: dict[str, set[str]] = {}
        for rid, names in entries:
            for written in names:
                if not written:
                    continue
                for form in {_surname(written), written} if "," in written else {written, _last_word(written)}:
                    if len(form) >= 3:
                        self.ids.setdefault(spelling_key(form, scheme), set()).add(rid)
                if "," in written:
                    rest = written.split(",", 1)[1]
                    self.initials.setdefault(rid, set()).update(w[0].casefold() for w in _WORD.findall(transliterate(rest, scheme))[:1])

    @classmethod
    def of_persons(cls, persons: dict[str, Any], scheme: str = DEFAULT_SCHEME) -> NameIndex:
        return cls(((pid, [p.name, *p.aliases]) for pid, p in persons.items()), scheme)

    @classmethod
    def of_places(cls, places: dict[str, Any], scheme: str = DEFAULT_SCHEME) -> NameIndex:
        return cls(((pid, [p.name, *getattr(p, "names", []), getattr(p, "modern", "") or ""]) for pid, p in places.items()), scheme)

    def lookup(self, word: str, initial: str = "") -> set[str]:
        """The ids that one word (perhaps inflected, perhaps Cyrillic) may name; ``initial`` narrows them down."""
        word = word.strip("'’.,;:!?()[]«»\"")
        if len(word) < 3 or not word[:1].isupper():
            return set()
        candidates = nominatives(word) if is_cyrillic(word) else (word, re.sub(r"['’]s$", "", word))
        for form in (word, *candidates):
            hit = self.ids.get(spelling_key(form, self.scheme))
            if hit:
                if initial and len(hit) > 1:
                    first = transliterate(initial, self.scheme)[:1].casefold()
                    narrowed = {i for i in hit if first in self.initials.get(i, set())}
                    return narrowed or hit
                return set(hit)
        return set()


def _last_word(text: str) -> str:
    words = _WORD.findall(text)
    return words[-1] if words else text
