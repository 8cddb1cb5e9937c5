"""Persons and places named by a raw copy: register ids, and register entries proposed for the others.

``Registry.person("Л.М. Кагановичу")`` gives ``kaganovich``; a name the
register does not know, written the way persons are ("Н.С. Аллилуевой",
"Inessa Armand"), gets a proposed entry ("Allilueva, N. S.", id ``allilueva``,
the nominative "Аллилуева" as an alias) that ``edition import`` writes to
``sources/persons/imported-NAME.yaml`` for the editor to complete. Places
likewise, into ``sources/places/``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from edition.registers.names import (
    DEFAULT_SCHEME,
    NameIndex,
    is_cyrillic,
    is_place_name,
    nominatives,
    russian_name,
    spelling_key,
    transliterate,
)

_INITIALS = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){1,3}")
# towns abroad by their English names, not a transliteration of the Russian ("Вена" Vienna, not Vena)
_ENGLISH_PLACES = dict(pair.replace("_", " ").split(":") for pair in """Вена:Vienna Бухарест:Bucharest Варшава:Warsaw Прага:Prague Рим:Rome
    Женева:Geneva Цюрих:Zurich Берн:Bern Краков:Cracow Стокгольм:Stockholm Копенгаген:Copenhagen Брюссель:Brussels
    Мюнхен:Munich Гаага:The_Hague Афины:Athens Белград:Belgrade Будапешт:Budapest Константинополь:Constantinople
    Иоганнесбург:Johannesburg Неаполь:Naples Флоренция:Florence Венеция:Venice Генуя:Genoa Лиссабон:Lisbon
    Кёльн:Cologne Кельн:Cologne Нью-Йорк:New_York Вашингтон:Washington Токио:Tokyo Пекин:Peking Сорренто:Sorrento
    Капри:Capri Лондон:London Париж:Paris Берлин:Berlin""".split())
_NATIONALITY = {"German": "de", "Austrian": "de", "French": "fr", "Italian": "it", "Polish": "pl", "Spanish": "es",
                "English": "en", "British": "en", "American": "en"}
# surnames that English spells otherwise than a transliteration of the Russian form: a proposed entry takes the English one
_ENGLISH_FORMS = dict(pair.split(":") for pair in """Герцен:Herzen Ганди:Gandhi Чайковский:Tchaikovsky Гёте:Goethe Гете:Goethe
    Гегель:Hegel Гюго:Hugo Шекспир:Shakespeare Маркс:Marx Гейне:Heine Эйнштейн:Einstein Диккенс:Dickens Вольтер:Voltaire
    Руссо:Rousseau Гарибальди:Garibaldi Гладстон:Gladstone Рузвельт:Roosevelt Черчилль:Churchill Гитлер:Hitler Гувер:Hoover
    Уэллс:Wells Шоу:Shaw Золя:Zola Бальзак:Balzac Шиллер:Schiller Бетховен:Beethoven Вагнер:Wagner Ницше:Nietzsche
    Дарвин:Darwin Штейнмец:Steinmetz Гейне:Heine Гауптман:Hauptmann Ибсен:Ibsen Кропоткин:Kropotkin""".split())
_WORD = re.compile(r"[A-ZА-ЯЁ][\w'’ʹ-]+")
_NOT_NAMES = {"Dear", "Comrade", "Comrades", "Friend", "Friends", "Mr", "Mrs", "Sir", "Madam", "Председатель", "Товарищ", "Тов",
              "Unknown", "Central", "Committee", "Soviet", "Party", "Council", "Board", "Бюро", "Совет", "Комитет", "ЦК"}

_PARTICLES = "van|von|de|der|den|du|da|di|ten|ter|le|la"  # the lower-case words of a surname: "van Gogh", "de Gaulle"
_RULERS = {"Queen", "King", "Emperor", "Empress", "Tsar", "Tsarina", "Czar", "Kaiser", "Pope"}


@dataclass
class Proposal:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)


def _ascii_id(text: str) -> str:
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "person"


_INDEXES: dict[tuple[str, int, int, str], NameIndex] = {}


def _index(kind: str, entries: dict[str, Any], scheme: str) -> NameIndex:
    """The register's index, made once for a register that several pages are imported against (never changed after)."""
    key = (kind, id(entries), len(entries), scheme)
    if key not in _INDEXES:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        _INDEXES[key] = NameIndex.of_persons(entries, scheme) if kind == "persons" else NameIndex.of_places(entries, scheme)
    return _INDEXES[key]


class Registry:
    def __init__(self, persons: dict[str, Any], places: dict[str, Any], scheme: str = DEFAULT_SCHEME) -> None:
        self.scheme = scheme
        self.persons, self.places = persons, places
        self.person_index = _index("persons", persons, scheme)
        self.place_index = _index("places", places, scheme)
        self.new_persons: dict[str, Proposal] = {}
        self.new_places: dict[str, Proposal] = {}

    def russian(self, pid: str) -> bool:
        """Whether the person of a register id (or of a proposed entry) bears a Russian name."""
        entry = self.persons.get(pid) or self.new_persons.get(pid)
        return entry is not None and russian_name(str(getattr(entry, "name", "")), [str(a) for a in getattr(entry, "aliases", [])])

    def native_language(self, pid: str) -> str:
        """The language a person of the register wrote in, when the entry's identification begins with a nationality
        ("German philosopher and economist ..." -> "de"), or ""."""
        entry = self.persons.get(pid)
        m = re.match(r"(\w+)", str(getattr(entry, "identification", "") or ""))
        return _NATIONALITY.get(m.group(1), "") if m else ""

    def place_name(self, written: str) -> str:
        """The register's own name of the one place ``written`` names ("Москва" -> "Moscow"), or ""."""
        ids = self.place_index.lookup(written)
        return str(getattr(self.places[next(iter(ids))], "name", "")) if len(ids) == 1 and next(iter(ids)) in self.places else ""

    def person(self, written: str, propose: bool = True, context: str = "", nominative: bool = False) -> str | None:
        """The register id of a person named so (inflected, in either script), or a proposed one;
        ``context`` (the document's text) may give the initials that tell two bearers of a name apart; ``nominative``:
        the name stands in the nominative (a heading's writer, a signature), so "А. Седова" is Sedova, not Sedov's genitive."""
        written = " ".join(written.replace("’", "'").split()).strip(" .,;:!")
        initials = _INITIALS.match(written)
        words = [w for w in _WORD.findall(written[initials.end():] if initials else written) if w not in _NOT_NAMES]
        if not words:
            return None
        first = initials.group()[:1] if initials else ""
        for candidate in (words[-1], " ".join(words)):
            ids = self.person_index.lookup(candidate, first)
            if len(ids) == 1:
                return next(iter(ids))
            if len(ids) > 1 and context and not first:
                for m in re.finditer(rf"\b([A-ZА-ЯЁ])[\w.]*\s+(?:[A-ZА-ЯЁ]\.\s*)*{re.escape(candidate)}\b", context):
                    narrowed = self.person_index.lookup(candidate, m.group(1))
                    if len(narrowed) == 1:
                        return next(iter(narrowed))
            if len(ids) > 1:
                return None  # two persons bear the name: left to the editor
        as_written = nominative and is_cyrillic(words[-1]) and words[-1].title() in nominatives(words[-1].title())
        keys = {spelling_key(f, self.scheme) for f in ((words[-1],) if as_written else (words[-1], *nominatives(words[-1])[:1]))}
        mine = transliterate(first, self.scheme)[:1].casefold() if first else ""
        for prop in self.new_persons.values():
            known = {spelling_key(a.split()[-1], self.scheme) for a in prop.aliases} | {spelling_key(prop.name.split(",")[0], self.scheme)}
            theirs = self.initials(prop.id)[:1].casefold()
            if keys & known and not (mine and theirs and mine != theirs):  # "Е. К." and "А. В. Станкевичам": two persons
                return prop.id
        found = re.search(rf"\b({_PARTICLES})\s+{re.escape(words[-1])}$", written)
        particle = found.group(1) if found else ""
        return self._propose_person(words, initials.group() if initials else "", as_written, particle) if propose else None

    def _propose_person(self, words: list[str], initials: str, as_written: bool = False, particle: str = "") -> str | None:
        surname = words[-1]
        if len(surname) < 3 or surname.isupper() and len(surname) < 4:
            return None
        if as_written:
            surname = surname.title() if surname.isupper() else surname
        elif is_cyrillic(surname):
            forms = nominatives(surname)
            surname = forms[0] if forms else surname
        given = list(words[:-1])
        latin = _ENGLISH_FORMS.get(surname.title()) or transliterate(surname, self.scheme)
        latin = f"{particle} {latin}" if particle else latin  # "Vincent van Gogh": the surname with its particle, "van Gogh"
        initials = re.sub(r"\.\s*(?=\S)", ". ", transliterate(initials, self.scheme)).strip()  # "S.M." -> "S. M."
        rest = " ".join([*[transliterate(g, self.scheme) for g in given], initials]).strip()
        name = f"{latin[:1].upper()}{latin[1:].lower() if latin.isupper() else latin[1:]}" + (f", {rest}" if rest else "")
        if len(given) == 1 and given[0] in _RULERS and not initials:
            name = f"{given[0]} {name.split(',')[0]}"  # "Queen Victoria", "King Leopold": a ruler's name is the title and the given name
        pid = _ascii_id(latin)
        while pid in self.persons or (pid in self.new_persons and self.new_persons[pid].name != name):
            pid += "-2" if not pid.endswith("-2") else "2"
        written = " ".join([*given, words[-1]])
        aliases = [a for a in {surname, written if not is_cyrillic(written) else surname} if a and a != latin]
        self.new_persons.setdefault(pid, Proposal(pid, name, sorted(aliases)))
        return pid

    def place(self, written: str, propose: bool = True, beside_a_date: bool = False) -> str | None:
        """The register id of a place named so, or a proposed one; ``beside_a_date``: the name stands where a dateline
        names the place ("4 июня 1892 г. Мелихово."), so a Russian name need not be one the dictionary knows as a place."""
        written = written.strip(" .,;:()")
        if not written or not written[:1].isupper() or written in _NOT_NAMES:
            return None
        ids = self.place_index.lookup(written) or self.place_index.lookup(written.split()[-1])
        if len(ids) == 1:
            return next(iter(ids))
        if ids or not propose or len(written.split()) > 2 or is_cyrillic(written) and not is_place_name(written.split()[-1]) \
                and not (beside_a_date and re.fullmatch(r"[А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?", written)):
            return None
        name = written
        if is_cyrillic(written):  # "Мелихово", "Бородино": a neuter name in -ово, -ино stands in the nominative
            nominative = written if re.search(r"(?:ово|ево|ино|ыно)$", written) else nominatives(written)[0]
            name = _ENGLISH_PLACES.get(nominative.title()) or transliterate(nominative, self.scheme)
        pid = _ascii_id(name)
        if pid in self.places:
            return pid
        self.new_places.setdefault(pid, Proposal(pid, name, [written] if written != name else []))
        return pid

    def russian_place(self, pid: str) -> bool:
        """Whether a place proposed here was named in Russian and kept in transliteration ("Кочеты" Kochety), not put in
        the English form of a town abroad ("Женева" Geneva): a place in Russia."""
        prop = self.new_places.get(pid)
        return prop is not None and any(is_cyrillic(a) for a in prop.aliases) and not any(
            _ENGLISH_PLACES.get(a.title()) == prop.name for a in prop.aliases)

    def initials(self, pid: str) -> str:
        """The initials of a person's name ("Gertsen, N. A." -> "N. A."), or ""."""
        entry = self.persons.get(pid)
        name = str(entry.name) if entry is not None else self.new_persons[pid].name if pid in self.new_persons else ""
        rest = name.split(",", 1)[1] if "," in name else ""
        return " ".join(f"{w[0]}." for w in re.findall(r"[^\W\d_][\w'’-]*", rest))

    def reader_surname(self, pid: str) -> str:
        """The surname for a title, as English readers spell it: the register's "Zinov'ev" gives its alias "Zinoviev",
        and a surname the register writes in Cyrillic ("Чехов") its Latin alias or else the reader's transliteration
        ("Chekhov"), as the index files it: a title in Latin letters does not mix scripts."""
        sur = self.surname(pid)
        if pid in self.persons and (is_cyrillic(sur) or re.search(r"['’ʹ]", sur)):
            aliases = [str(a) for a in getattr(self.persons[pid], "aliases", None) or []]
            key = spelling_key(sur, self.scheme)
            alias = next((a for a in aliases if re.fullmatch(r"[A-Z][a-z-]+", a) and spelling_key(a, self.scheme) == key), None)
            if alias:
                return alias
        return transliterate(sur, self.scheme)  # Latin letters pass through

    def surname(self, pid: str) -> str:
        if pid in self.persons:
            return str(self.persons[pid].name).split(",")[0].strip()
        prop = self.new_persons.get(pid)
        return prop.name.split(",")[0].strip() if prop else pid

    def register_yaml(self, kind: str, source: str) -> str:
        props = self.new_persons if kind == "persons" else self.new_places
        if not props:
            return ""
        lines = [f"# {'Persons' if kind == 'persons' else 'Places'} named in {source} that the register did not know,",
                 "# proposed by 'edition import': check each name and id, and complete the entry."]
        for p in props.values():
            lines.append(f"{p.id}:")
            lines.append(f"  name: {json.dumps(p.name, ensure_ascii=False)}")
            if p.aliases:
                key = "aliases" if kind == "persons" else "names"
                lines.append(f"  {key}: [{', '.join(json.dumps(a, ensure_ascii=False) for a in p.aliases)}]")
        return "\n".join(lines) + "\n"
