"""A Russian addressee that is no person, in the reader's English: "Председателю Симбирского Совета" ->
"the Chairman of the Simbirsk Soviet".

An edition heads a telegram to an institution with its addressee in the dative
("Президиуму Московского Совета", "В Малый Совнарком", "Пионерам и школьникам
села Новая Уда"). For the title of an English reader the phrase is read word by
word with pymorphy3 (its dictionary form, part of speech and case): the words
of Soviet institutions are translated from a glossary, an adjective made from a
place's name becomes the place's name in the register ("Московский" ->
"Moscow") or its stem in the reader's transliteration ("Симбирский" ->
"Simbirsk"), other names are transliterated, and each noun in the genitive
after the first is joined with "of". What the glossary does not know is
transliterated, never left in Cyrillic; the report says the title was made up,
so an editor reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from edition.registers.names import DEFAULT_SCHEME, _analyser, is_cyrillic, is_place_name, transliterate

# Dictionary forms of the words of Soviet institutions and their addressees; (singular, plural) where they differ.
GLOSSARY: dict[str, tuple[str, str]] = {
    "председатель": ("Chairman", "Chairmen"), "заместитель": ("Deputy", "Deputies"), "секретарь": ("Secretary", "Secretaries"),
    "член": ("Member", "Members"), "совет": ("Soviet", "Soviets"), "совнарком": ("Council of People's Commissars", ""),
    "малый": ("Little", ""), "наркомат": ("People's Commissariat", "People's Commissariats"), "нарком": ("People's Commissar", ""),
    "народный": ("People's", ""), "комиссар": ("Commissar", "Commissars"), "комиссариат": ("Commissariat", ""),
    "президиум": ("Presidium", ""), "исполком": ("Executive Committee", ""), "исполнительный": ("Executive", ""),
    "комитет": ("Committee", "Committees"), "губисполком": ("Gubernia Executive Committee", ""), "губком": ("Gubernia Committee", ""),
    "губернский": ("Gubernia", ""), "уездный": ("Uyezd", ""), "волостной": ("Volost", ""), "областной": ("Regional", ""),
    "краевой": ("Territorial", ""), "районный": ("District", ""), "городской": ("City", ""), "центральный": ("Central", ""),
    "политбюро": ("Politburo", ""), "оргбюро": ("Orgburo", ""), "секретариат": ("Secretariat", ""), "партия": ("Party", ""),
    "коммунистический": ("Communist", ""), "рабочий": ("Worker", "Workers"), "крестьянский": ("Peasants'", ""),
    "солдатский": ("Soldiers'", ""), "красноармейский": ("Red Army", ""), "депутат": ("Deputy", "Deputies"),
    "реввоенсовет": ("Revolutionary Military Council", ""), "революционный": ("Revolutionary", ""), "военный": ("Military", ""),
    "фронт": ("Front", "Fronts"), "армия": ("Army", "Armies"), "южный": ("Southern", ""), "северный": ("Northern", ""),
    "западный": ("Western", ""), "восточный": ("Eastern", ""), "юго-западный": ("South-Western", ""), "кавказский": ("Caucasian", ""),
    "туркестанский": ("Turkestan", ""), "штаб": ("Headquarters", ""), "ставка": ("General Headquarters", ""),
    "главнокомандующий": ("Commander-in-Chief", ""), "командующий": ("Commander", ""), "верховный": ("Supreme", ""),
    "чрезвычайный": ("Extraordinary", ""), "комиссия": ("Commission", "Commissions"), "продовольственный": ("Food", ""),
    "продком": ("Food Committee", ""), "ревком": ("Revolutionary Committee", ""), "военком": ("Military Commissar", ""),
    "наркомпрод": ("People's Commissariat for Food", ""), "железнодорожный": ("Railway", ""),
    "дорога": ("Railway", ""), "управление": ("Administration", ""), "правление": ("Board", ""), "крайком": ("Territorial Committee", ""),
    "обком": ("Regional Committee", ""), "горком": ("City Committee", ""), "райком": ("District Committee", ""),
    "съезд": ("Congress", ""), "конференция": ("Conference", ""), "товарищ": ("Comrade", "Comrades"), "пионер": ("Pioneer", "Pioneers"),
    "школьник": ("Schoolchild", "Schoolchildren"), "село": ("Village", ""), "деревня": ("Village", ""), "город": ("Town", ""),
    "станица": ("Stanitsa", ""), "завод": ("Works", ""), "фабрика": ("Factory", "Factories"), "рудник": ("Mine", "Mines"),
    "коллектив": ("Staff", ""), "редакция": ("Editorial Board", ""), "газета": ("Newspaper", ""), "журнал": ("Journal", ""),
    "всероссийский": ("All-Russian", ""), "всесоюзный": ("All-Union", ""), "союз": ("Union", ""), "профсоюз": ("Trade Union", ""),
    "профессиональный": ("Trade", ""), "коммунист": ("Communist", "Communists"), "организация": ("Organization", "Organizations"),
    "ячейка": ("Cell", ""), "бюро": ("Bureau", ""), "отдел": ("Department", ""), "весь": ("All", ""), "все": ("All", ""),
    "полномочный": ("Plenipotentiary", ""), "представитель": ("Representative", ""), "полпред": ("Plenipotentiary Representative", ""),
    "посол": ("Ambassador", ""), "посольство": ("Embassy", ""), "народ": ("People", "Peoples"), "красный": ("Red", ""),
    "гвардия": ("Guard", ""), "красногвардеец": ("Red Guard", "Red Guards"), "матрос": ("Sailor", "Sailors"), "флот": ("Fleet", ""),
    "балтийский": ("Baltic", ""), "черноморский": ("Black Sea", ""), "трудовой": ("Labour", ""), "оборона": ("Defence", ""),
    "труд": ("Labour", ""), "хозяйство": ("Economy", ""), "высший": ("Supreme", ""), "экономический": ("Economic", ""),
    "отряд": ("Detachment", ""), "дивизия": ("Division", ""), "полк": ("Regiment", ""), "губерния": ("Gubernia", ""),
    "уезд": ("Uyezd", ""), "волость": ("Volost", ""), "область": ("Region", ""), "край": ("Territory", ""), "республика": ("Republic", ""),
    "советский": ("Soviet", ""), "иностранный": ("Foreign", ""), "дело": ("Affairs", ""), "финляндский": ("Finnish", ""),
    "финский": ("Finnish", ""), "грузинский": ("Georgian", ""), "украинский": ("Ukrainian", ""), "сибирский": ("Siberian", ""),
    "уральский": ("Ural", ""), "русский": ("Russian", ""), "английский": ("British", ""), "германский": ("German", ""),
    "германия": ("Germany", ""), "америка": ("America", ""),
}
ABBREVIATIONS = {
    "ЦК": "Central Committee", "РКП(б)": "RCP(B)", "РКП": "RCP", "ВКП(б)": "AUCP(B)", "РСДРП": "RSDLP", "СНК": "Council of People's Commissars",
    "ВЦИК": "All-Russian Central Executive Committee", "ЦИК": "Central Executive Committee", "СТО": "Council of Labour and Defence",
    "РВС": "Revolutionary Military Council", "РВСР": "Revolutionary Military Council of the Republic", "ВЧК": "Cheka", "ЧК": "Cheka",
    "ГПУ": "GPU", "ОГПУ": "OGPU", "НКВД": "NKVD", "ВСНХ": "Supreme Economic Council", "ЦКК": "Central Control Commission",
    "НКИД": "People's Commissariat for Foreign Affairs", "СССР": "USSR", "РСФСР": "RSFSR", "ВЦСПС": "All-Union Central Council of Trade Unions",
}
_SETTLEMENTS = {"село", "деревня", "город", "станица", "посёлок", "поселок"}
_PREPOSITIONS = {"в", "во", "к", "ко", "для"}


@dataclass
class _Word:
    written: str
    lemma: str
    pos: str
    case: str
    plural: bool


_ENDINGS = re.compile(r"(?:ами|ями|ам|ям|ах|ях|ом|ем|ов|ев|у|ю|а|я|е|ы|и)$")


def _parses(word: str) -> list[_Word]:
    parses = _analyser().parse(word)
    out = [_Word(word, str(p.normal_form), str(p.tag.POS or "UNKN"), str(p.tag.case or ""), p.tag.number == "plur") for p in parses]
    bare = _ENDINGS.sub("", word.casefold())
    if not any(p.is_known for p in parses) and bare in GLOSSARY:  # "губкому": a word of the glossary the dictionary lacks
        out.insert(0, _Word(word, bare, "NOUN", out[0].case if out else "", word.casefold().endswith(("ам", "ям", "ами", "ах"))))
    return out


def _words(tokens: list[str]) -> list[_Word]:
    """Each token's reading; an adjective reading wins where the next word is a noun in its case ("Малый Совнарком")."""
    readings = [_parses(t) for t in tokens]
    out = []
    for k, options in enumerate(readings):
        best = options[0]
        following = readings[k + 1][0] if k + 1 < len(readings) else None
        if following is not None and following.pos == "NOUN":
            best = next((o for o in options if o.pos in ("ADJF", "PRTF") and o.case == following.case), best)
        out.append(best)
    return out


PlaceOf = Callable[[str], str]  # the register's name of a place given a Russian name, or ""


def _place_adjective(lemma: str, place_of: PlaceOf, scheme: str) -> str:
    """The place an adjective is made from ("симбирский" -> Simbirsk, "московский" -> Moscow), or ""."""
    stem = re.sub(r"(?:ский|цкий|ской)$", "", lemma)
    if stem == lemma:
        return ""
    candidates = [c.capitalize() for c in (stem + "ск", stem, stem + "а", stem + "ь", stem[:-2] + "а", stem[:-2] + "ва",
                                          stem[:-2] + "у", stem + "и") if len(c) >= 3]
    for c in candidates:
        if place := place_of(c):
            return place
    def named(c: str) -> bool:  # the nominative of a place the dictionary knows
        return is_place_name(c, known=True) and any(str(p.normal_form) == c.casefold() for p in _analyser().parse(c) if "Geox" in p.tag)

    return next((transliterate(c, scheme) for c in candidates if named(c)), "")


def _adjective(w: _Word, place_of: PlaceOf, scheme: str) -> str:
    if w.lemma in GLOSSARY:
        return GLOSSARY[w.lemma][0]
    return _place_adjective(w.lemma, place_of, scheme) or transliterate(w.lemma.capitalize() if w.written[:1].isupper()
                                                                          else w.lemma, scheme)


def _noun(w: _Word, scheme: str) -> tuple[str, bool]:
    """A noun in English, and whether it is a common noun (it takes "the")."""
    if w.written in ABBREVIATIONS:
        return ABBREVIATIONS[w.written], w.written not in ("СССР", "РСФСР", "ВЧК", "ЧК", "ГПУ", "ОГПУ", "НКВД")
    if re.fullmatch(r"[А-ЯЁ]{2,}(?:\([а-яё]\))?", w.written):
        return transliterate(w.written, scheme), False
    if w.lemma in GLOSSARY:
        singular, plural = GLOSSARY[w.lemma]
        return (plural or singular) if w.plural else singular, True
    name = w.written if w.case == "nomn" or not w.written[:1].isupper() else w.lemma.capitalize()
    return transliterate(name, scheme), not w.written[:1].isupper()


def english_addressee(text: str, place_of: PlaceOf, scheme: str = DEFAULT_SCHEME) -> str:
    """``text`` in English when it is a Russian addressee; any other text as it is."""
    if not is_cyrillic(text):
        return text
    words = _words(re.findall(r"[\w()-]+", text))
    while words and words[0].lemma in _PREPOSITIONS:
        words.pop(0)
    out: list[str] = []
    pending: list[str] = []  # the adjectives of the noun to come
    nouns = 0
    for k, w in enumerate(words):
        if out and out[-1].endswith(tuple(GLOSSARY[s][0] for s in _SETTLEMENTS if s in GLOSSARY)) and w.written[:1].isupper():
            out.append("of " + transliterate(" ".join(x.written for x in words[k:]), scheme))  # "села Новая Уда"
            return " ".join(out)
        if w.pos == "CONJ" or w.lemma == "и":
            out.append("and")
            continue
        if w.pos in ("ADJF", "PRTF") and w.written not in ABBREVIATIONS:
            pending.append(_adjective(w, place_of, scheme))
            continue
        english, common = _noun(w, scheme)
        joined = " ".join([*pending, english])
        article = common and pending[:1] != ["All"]
        pending = []
        if nouns and out and out[-1] != "and":
            joined = ("of the " if article else "of ") + joined
        elif article and (not out or out[-1] != "and"):
            joined = "the " + joined
        out.append(joined)
        nouns += 1
    if pending:
        out.append(" ".join(pending))
    return " ".join(out)
