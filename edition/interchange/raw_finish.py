"""The fields of an imported document, decided from its heading, its metadata and its text.

The order of trust: what a labelled line or an edition's trailer says ("Written
on May 2, 1918", "Датировка: 1932.08.19", "Написано 20 апреля 1918 г.") over
what the heading says, over what the text shows (a dateline, a signature, a
salutation, an address). Where each field came from is noted in ``why`` for the
import's report, in words an editor reads ("the signature", "the line '19/VIII. 32.'").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from edition.interchange.raw_dates import day_month, find_dates, read_date
from edition.interchange.raw_described import described, introduced
from edition.interchange.raw_meta import Heading, MetaFields
from edition.interchange.raw_people import Registry
from edition.interchange.raw_placeline import US_STATE, dateline_place
from edition.registers.names import is_cyrillic, name_cases

_TRANSLATED = re.compile(r"\btranslat(?:ed|ion)\b", re.I)
_THIS_TRANSLATION = re.compile(r"^\s*(?:This|The) translation\b", re.I)
# a head of government's cabled message ("Personal and Secret Message from Premier J. V. Stalin to ..."), a telegram's
# line of receipt ("Received Moscow, August 4, 1939-4:30 a. m.")
_CABLED = re.compile(r"^(?:Personal\s+(?:and\s+Secret\s+)?|Secret\s+and\s+Personal\s+)?Message\s+(?:from|to)\s+(?:Premier|President|Marshal|"
                     r"the\s+Prime\s+Minister|Prime\s+Minister|Mr\.?)|^Personal\s+and\s+Secret\s+from\s|^Received\s+[A-Z][\w-]+,\s+\w+", re.M | re.I)
_RECEIVED = re.compile(r"^Received\s+(?:in\s+)?(?P<city>[A-Z][\w-]+),")
_NAME_LIST = re.compile(r"[A-Z][a-z][\w-]+(?:,\s+[A-Z][a-z][\w-]+)+(?:,?\s+and\s+[A-Z][a-z][\w-]+)?")
_TELEGRAM_ADDRESS = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?,\s*(?:[А-ЯЁ][\w -]{1,30},\s*)?"
                               r"(?:[А-ЯЁ]\.\s?){0,2}[А-ЯЁ][а-яё-]+(?:у|ю|ой|ей|ым|им)(?:,\s*из\s+[А-ЯЁ][а-яё-]+)?[.,]?(?:\s|$)")
_ADDRESSED = re.compile(r",\s*[А-ЯЁ][а-яё-]+(?:у|ю|ой|ей)\b")  # "Астрахань, Раковскому. 21 апреля.": a telegram's address and date
_ADDRESS_CITY = re.compile(r"^(?:Из\s+)?(?P<city>[A-ZА-ЯЁ][\w-]+)(?:[,.]|\s+[—–-]\s+|\s+(?=[А-ЯЁ][а-яё]+(?:у|ю|ям|ам)\b)|\s+и\s+по\s+)")


@dataclass
class Fields:
    authors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    addressee: str = ""
    date: dict[str, str] = field(default_factory=dict)
    kind: str = ""
    language: str = ""
    translated: bool = False
    translator: str = ""
    place: dict[str, str] = field(default_factory=dict)
    kind_cued: bool = False  # the kind is the document's own word (a heading, a telegram's address), not a default
    why: dict[str, str] = field(default_factory=dict)  # field -> where the import found it


def _ids(registry: Registry, names: Sequence[str], context: str = "", nominative: bool = False) -> list[str]:
    out: list[str] = []
    for name in names:
        pid = registry.person(name, context=context, nominative=nominative)
        if pid and pid not in out:
            out.append(pid)
    return out


def decide(registry: Registry, heading: Heading, meta: MetaFields, body: Sequence[str], roles: Sequence[str],
           found_authors: list[str], found_recipients: list[str], found_date: dict[str, str], page_author: str,
           notes_text: str, found_kind: str = "letter", introduction: str = "") -> Fields:
    f = Fields()
    context = " ".join(body)
    labelled = _ids(registry, [meta.author], context) if meta.author else []
    written = _ids(registry, heading.authors, context, nominative=heading.writer_case == "nomn")
    item = described(notes_text)  # a dealer's description of the letter around its text
    if introduction and not (item.authors or item.date):  # else an editor's introduction over it ("Owen writes home")
        dateline = next((t for t, r in zip(body, roles, strict=False) if r == "dateline" and not read_date(t)), "")
        intro = introduced(introduction, dateline)
        item.authors, item.date = intro.authors, intro.date
    by_item = [] if written or labelled or found_authors else _ids(registry, item.authors, context)
    f.authors = written or labelled or found_authors or by_item or ([page_author] if page_author else [])
    if f.authors:
        f.why["authors"] = ("the heading" if heading.authors else "the 'Author:' line" if labelled else "the signature" if found_authors
                            else "the description of the item" if by_item else "the page's author line")
    f.recipients = _ids(registry, heading.recipients, context)
    f.why["recipients"] = "the heading"
    if not f.recipients and found_recipients:
        f.recipients, f.why["recipients"] = found_recipients, "the salutation"
    if not f.recipients:
        f.recipients, f.why["recipients"] = _address_recipients(registry, body, roles), "the address line"
    if not f.recipients:
        f.recipients, f.why["recipients"] = _salutation(registry, body, roles), "the salutation"
    if not f.recipients:
        f.recipients, f.why["recipients"] = _ids(registry, item.recipients, context), "the description of the item"
    f.recipients = [r for r in f.recipients if r not in f.authors] or f.recipients
    f.addressee = heading.addressee
    f.date = _date(meta, heading, found_date or item.date, body, roles, f)
    correspondence = bool(heading.recipients or heading.addressee or f.recipients or "salute" in roles or "signed" in roles)
    f.kind_cued = bool(cue := _kind(heading, meta, body, notes_text))
    f.kind = cue or (found_kind if found_kind == "excerpt" else "letter" if correspondence
                                                        or found_kind == "article" and meta.date else found_kind)
    russian = bool(f.authors) and all(registry.russian(a) for a in f.authors)
    native = {registry.native_language(a) for a in f.authors}
    f.language, f.translated, why = _language(meta, body, notes_text, russian, native.pop() if len(native) == 1 else "")
    if why:
        f.why["language"] = why
    f.translator = meta.translator
    f.place = _place(registry, heading, meta, body, roles)
    sent = re.search(r"\bОтправлен[аоы]?\s+(?:шифром\s+|телеграфом\s+|по\s+телеграфу\s+)?из\s+([А-ЯЁ][а-яё-]+)", notes_text)
    if "from" not in f.place and (town := item.place_from or (sent.group(1) if sent else "")) and (pid := registry.place(town)):
        f.place["from"] = pid  # the description's "from his exile in Coyoacan", the editors' note "Отправлена шифром из Сочи"
    if "to" not in f.place and f.kind == "telegram" and (pid := _address_town(registry, body, roles)):
        f.place["to"] = pid
    if _old_style(f.date, f.language, f.place.get("from", ""), registry.russian_place):
        f.date["calendar"] = "julian"
        f.why["date"] = f.why.get("date", "the text") + "; Old Style, as Russia dated until February 1918"
    return f


# Towns of the Russian Empire that letters are dated from: a Russian letter dated there before 14 February 1918 is Old Style
_RUSSIAN_TOWNS = frozenset("""moscow st-petersburg petersburg petrograd nizhny-novgorod nizhnii-novgorod kiev kazan samara simbirsk
    saratov tiflis baku yalta odessa kharkov ekaterinburg tver tula yasnaya-polyana iasnaia-poliana melikhovo lopasnia irkutsk tobolsk taganrog rostov
    smolensk vologda vyatka perm ufa orenburg astrakhan tsaritsyn voronezh kursk orel riga vilna minsk""".split())


def _old_style(date: dict[str, str], language: str, place_from: str, in_russia: Callable[[str], bool]) -> bool:
    """A date of a Russian letter written in Russia (a town of the list, or one named in Russian that no table puts in
    English) before the calendar changed (14 February 1918), not said so."""
    first = date.get("when") or date.get("not_before") or date.get("not_after") or date.get("from") or ""
    if not first or "calendar" in date or first >= "1918-02-14" or language != "ru":
        return False
    return not place_from or place_from in _RUSSIAN_TOWNS or in_russia(place_from)


_SALUTE_NAME = re.compile(r"^(?:Dear|My dear|Дорог(?:ой|ая)|Уважаем(?:ый|ая))\s+(?:Mr\.|Mrs\.|Miss|Comrade|Com\.|Cde\.|Herr|товарищ|тов\.)\s+"
                          r"([A-ZА-ЯЁ][a-zа-яё]{2,})[,:!.]")


_RUN_IN_SALUTE = re.compile(r"^(?:My\s+)?Dear\s+(?:Mr\.?\s+|Mrs\.?\s+|Miss\s+|Comrade\s+|Com\.\s+|Herr\s+)?"
                            r"(?P<name>(?:[A-Z][\w'’-]*\.?\s+){0,2}[A-Z][\w'’-]{2,}),\s*[—–]")


# "Comrade Weissbrot,", "My dear Hooker": a title or "Dear" and one surname, nothing after it but the punctuation
_SALUTE_SURNAME = re.compile(r"^(?:(?:My\s+)?[Dd]ear\s+(?:(?:Mr|Mrs|Dr)\.?\s+|Miss\s+|Comrade\s+|Herr\s+)?|Comrade\s+|Com\.\s+)"
                             r"(?P<name>[A-Z][a-z]{2,}(?:[-'’][A-Z][a-z]+)?)\s*[,:!.]?$")
_NOT_SURNAMES = frozenset("""Sir Sirs Madam Madame Friend Friends Comrade Comrades Colleague Colleagues Brother Brothers Sister Sisters
    Father Mother Papa Mama Mamma Son Daughter Child Children Uncle Aunt Cousin Boy Girl Lady Ladies Gentlemen Doctor Professor
    Master Editor Editors Chairman Secretary Ilyich Ilych""".split())


def _salutation(registry: Registry, body: Sequence[str], roles: Sequence[str]) -> list[str]:
    """ "Dear Mr. Kay:", "Дорогой товарищ Иванов!", "Comrade Weissbrot,": the addressee the register does not know yet."""
    for text, role in zip(body[:4], roles[:4], strict=False):
        if role == "salute" and (m := _SALUTE_NAME.match(text)) and (pid := registry.person(m.group(1))):
            return [pid]
        if role == "salute" and (m := _SALUTE_SURNAME.match(text)) and m.group("name") not in _NOT_SURNAMES \
                and (pid := registry.person(m.group("name"))):
            return [pid]
        if (m := _RUN_IN_SALUTE.match(text)) and (pid := registry.person(m.group("name"))):
            return [pid]  # "Dear Comrade De Reijger,—My heartiest thanks ...": the salutation run into the first paragraph
    return []


_RANK_ADDRESS = re.compile(r"(?i:(?:(?:Major|Brigadier|Lieutenant)[- ])?(?:General|Colonel|Governor|Admiral|Captain))\s+([A-Za-z][a-z-]{2,})[,:]")


def _address_recipients(registry: Registry, body: Sequence[str], roles: Sequence[str]) -> list[str]:
    """The addressees of a telegram's or a note's first lines: "Иркутск, Янсону", "Сочи — Сталину.", "Stalin,", a rank and a
    surname ("Major-general grant:", the capital lost)."""
    if body and (m := _RANK_ADDRESS.fullmatch(body[0].strip())) and (pid := registry.person(m.group(1).title())):
        return [pid]
    out: list[str] = []
    for k0, text in enumerate(body[:8]):
        if k0 and len(text) > 120 or roles[k0] == "salute":
            break
        text = text[:80]
        words = re.findall(r"(?:(?:[A-ZА-ЯЁ]\.\s?){1,3})?[A-ZА-ЯЁ][\w-]+", text)
        for k, w in enumerate(words):
            bare = re.sub(r"^(?:[A-ZА-ЯЁ]\.\s?)+", "", w)
            if is_cyrillic(bare):
                after_dlya = bool(re.search(rf"\bдля\s+{re.escape(w)}", text))
                if not ("datv" in name_cases(bare) or after_dlya and "gent" in name_cases(bare)):
                    continue
            elif not (re.fullmatch(rf"{re.escape(w)}[,:]?", text.strip()) or _NAME_LIST.fullmatch(text.strip())
                      or k == 0 and re.match(rf"^{re.escape(w)},\s+(?:[a-z]|Deputy|Chairman|Commander|Secretary|Head|Member)", text)):
                continue
            pid = registry.person(w, propose=is_cyrillic(bare) or not re.fullmatch(rf"{re.escape(w)}[,:]?", text.strip()))
            if pid and pid not in out:
                out.append(pid)
            del k
    return out


def _date(meta: MetaFields, heading: Heading, found: dict[str, str], body: Sequence[str], roles: Sequence[str], f: Fields) -> dict[str, str]:
    if meta.date:
        ends = [t for t, r in zip(body, roles, strict=False) if r in ("dateline", "signed")][:4]
        vague = meta.date.get("when", "")
        finer = next((d for t in ends if len(vague) < 10 and len(t) <= 80 and (d := read_date(t))
                      and d.get("when", "").startswith(vague) and len(d["when"]) > len(vague)), None) if vague else None
        if finer:  # "Victor Serge 1936" over the dateline "August 14, 1936": the dateline's day
            f.why["date"] = "a dateline of the text, within the year the page gives"
            return finer
        f.why["date"] = f"the line {quoted(meta.date_from)}"
        return dict(meta.date)
    if heading.date:
        f.why["date"] = "the heading"
        return dict(heading.date)
    ends = [t for t, r in zip(body, roles, strict=False) if r in ("dateline", "signed")][:4] + list(body[-3:]) + list(body[:4])
    for text in ends:
        if len(text) <= 80 and (d := read_date(text)):
            f.why["date"] = f"the line {quoted(text)}"
            return d
    if found:
        f.why["date"] = "a dateline of the text"
        return dict(found)
    if (glued := glued_dateline(body)) and (d := read_date(glued)):
        f.why["date"] = f"the dateline {quoted(glued)} at the head of the first paragraph"
        return d
    year = next((d.iso[:4] for t in body for d in find_dates(t)), "")
    for text in ends:
        if len(text) <= 40 and (iso := day_month(text, year)):
            f.why["date"] = f"the line {quoted(text)}, the year from elsewhere in the text"
            return {"when": iso}
    return {}


def _kind(heading: Heading, meta: MetaFields, body: Sequence[str], notes_text: str) -> str:
    if heading.kind:
        return heading.kind
    if meta.kind:
        return meta.kind
    opening = " ".join(body[:3])[:300]
    if re.search(r"^(?:Шифром|Шифровка|Телеграмма|Срочная|Priority|By direct line)\b|\b(?:Вне всякой очереди)\b", opening, re.M | re.I) \
            or any(_CABLED.match(t) for t in body[:3]):
        return "telegram"
    if re.search(r"\b(?:This|Lenin’s|Lenin's|the) telegram\b|\bОтправлена шифром|телеграмм", notes_text[:400], re.I):
        return "telegram"
    if body and _TELEGRAM_ADDRESS.match(body[0]):
        return "telegram"  # "Алма-Ата, Седову, из Москвы.", "Астрахань, Раковскому. 21 апреля.": a telegram's address line
    if re.search(r"\bWritten (?:under|on) the text\b|\bНадпись\b", notes_text[:300]):
        return "note"
    return ""


_ORIGINAL_DESCRIBED = re.compile(r"\b(?:TLS|ALS|TLs|ALs|typed letter signed|autograph letter signed|signed typed letter|"
                                 r"handwritten letter signed)\b", re.IGNORECASE)


def quoted(text: str, most: int = 50) -> str:
    """A line of the copy for the report, cut at a word: "'Алма-Ата, Седову, из Москвы. 20 апреля…'"."""
    flat = " ".join(text.split())
    if len(flat) > most:
        flat = flat[:most].rsplit(" ", 1)[0] + "…"
    return f"'{flat}'"


def _language(meta: MetaFields, body: Sequence[str], notes_text: str, russian_authors: bool, native: str = "") -> tuple[str, bool, str]:
    """The original's language, whether the text is a translation, and why (for the report); ``native``: the language
    the register says the authors wrote in."""
    text = " ".join(body)
    letters = re.findall(r"[^\W\d_]", text)
    cyrillic = sum(1 for c in letters if is_cyrillic(c))
    if letters and cyrillic * 2 > len(letters):
        return meta.language or "ru", False, ""
    translated = bool(meta.translator) or bool(_THIS_TRANSLATION.search(notes_text)) or any(_TRANSLATED.search(s) for s in meta.sources)
    if meta.language:
        return meta.language, translated, "the page says so"
    if native and native != "en" and not _ORIGINAL_DESCRIBED.search(text + " " + notes_text):
        return native, True, "the register's identification of the authors"
    if translated:
        return "ru", True, "the page credits a translator"
    if _ORIGINAL_DESCRIBED.search(text + " " + notes_text):
        return "en", False, "the page describes the item it quotes as the original"
    if russian_authors:
        return "ru", True, "the page credits no translator, and the authors bear Russian names"
    return "en", False, ""


def _place(registry: Registry, heading: Heading, meta: MetaFields, body: Sequence[str], roles: Sequence[str]) -> dict[str, str]:
    place: dict[str, str] = {}
    if meta.sent_from and (pid := registry.place(meta.sent_from)):
        place["from"] = pid
    if meta.sent_to and (pid := registry.place(meta.sent_to)):
        place["to"] = pid
    if heading.place_to and "to" not in place and (pid := registry.place(heading.place_to)):
        place["to"] = pid
    for text, role in zip(body[:4], roles[:4], strict=False):
        text = _address_line(registry, text[:80], place)
        if "from" not in place and (m := re.match(r"^(?:Из|From)\s+([A-ZА-ЯЁ][\w-]+)", text)) and (pid := registry.place(m.group(1))):
            place["from"] = pid
        elif "to" not in place and (m := _RECEIVED.match(text)) and (pid := registry.place(m.group("city"))):
            place["to"] = pid  # "Received Moscow, August 4, 1939": where the telegram was received
        elif "to" not in place and (role in ("p", "lines", "salute") or role == "dateline" and _ADDRESSED.search(text)) \
                and len(text) <= 120 and (m := _ADDRESS_CITY.match(text)):
            if (pid := registry.place(m.group("city"), propose=bool(re.search(r"[А-ЯЁ]", m.group("city"))))):
                place["to"] = pid
    datelines = [d for d in (meta.dated, heading.dated) if d]
    datelines += [text for text, role in zip(body, roles, strict=False) if role == "dateline"] + [glued_dateline(body)]
    # "President’s room, white house, Washington," / "July [15?] 1864.": the dateline's place on the line above it
    datelines += [f"{body[k - 1]} {text}" for k, (text, role) in enumerate(zip(body[:4], roles[:4], strict=False))
                  if k and role == "dateline" and body[k - 1].rstrip().endswith(",") and len(body[k - 1]) <= 60]
    for text in datelines:
        if "from" not in place and (written := dateline_place(text)) and (pid := registry.place(written, beside_a_date=True)):
            place["from"] = pid
    if "from" not in place and (pid := _beside_the_date(registry, body, bool(heading.date or meta.date))):
        place["from"] = pid
    return place


_GLUED_DATELINE = re.compile(r"^(?P<d>[A-ZА-ЯЁ][\w-]+(?:\s[A-ZА-ЯЁ][\w-]+)?,\s+[^.]{4,30}?\d{4})\.{1,4}\s*(?=[A-ZА-ЯЁ]|\.\.)")


def _address_line(registry: Registry, text: str, place: dict[str, str]) -> str:
    """A Russian telegram's address line as the reading of the town it went to wants it: "26 апреля. Курган, Советская 109,
    Каспаровой." without the date, "Нарым, Колпашево, Смилге." without the region; "Алма-Ата, Седову, из Москвы." gives
    the place it was sent from."""
    text = re.sub(r"^\d{1,2}\s+[а-яё]+\.\s+(?=[А-ЯЁ])", "", text)
    if "from" not in place and (sent := re.search(r",\s*из\s+([А-ЯЁ][а-яё-]+)(?=[.,\s]|$)", text)) and _ADDRESSED.search(text) \
            and (pid := registry.place(sent.group(1))):
        place["from"] = pid
    return re.sub(r"^[А-ЯЁ][а-яё-]+,\s+(?=[А-ЯЁ][а-яё-]+,\s*[А-ЯЁ][а-яё-]+(?:у|ю|ой|ей|е)\b)", "", text)


def _address_town(registry: Registry, body: Sequence[str], roles: Sequence[str]) -> str | None:
    """The town a telegram's address ends with: "Zinoviev" / "Smolny" / "Petrograd", "Revolutionary Military Council of the
    South-Western Front, Kharkov", the last line of the address before the text; or the town after the addressee on one
    line ("General Schofield. St. Louis, Mo.:")."""
    k = 0
    while k < min(len(roles), 8) and roles[k] in ("lines", "salute", "dateline"):
        k += 1
    address = [t for t, r in zip(body[:k], roles[:k], strict=False) if r in ("lines", "salute")] if k < len(body) else []
    for line in reversed(address[1:]):  # the first line names the addressee
        if re.fullmatch(r"[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?", last := line.rsplit(",", 1)[-1].strip(" .")):
            return registry.place(last)
    lone = body[k] if k + 1 < len(body) and len(body[k]) <= 80 and body[k].rstrip().endswith(":") else ""  # read as a paragraph
    if (line := address[0] if address else lone) and (m := _NAME_THEN_TOWN.match(US_STATE.sub("", line))):
        return registry.place(m.group("town"))  # "General Schofield. St. Louis, Mo.:", "Robert T. Lincoln: New York, ... Hotel:"
    return None


# a telegram's address on one line: the addressee, a full stop or a colon, then the town (and the hotel or the state)
_NAME_THEN_TOWN = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+[.:]\s+(?P<town>(?:St\.\s)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:,\s*[^,]+)?[.:]?$")


def glued_dateline(body: Sequence[str]) -> str:
    """A dateline the copy ran into the first paragraph: "MOSCOW, December 11, 1891.... I am coming to you." -> "MOSCOW,
    December 11, 1891"; "" when there is none."""
    for text in body[:3]:
        if len(text) > 80:
            m = _GLUED_DATELINE.match(text)
            return m.group("d") if m and find_dates(m.group("d")) else ""
    return ""


_LONE_PLACE = re.compile(r"(?P<name>[A-ZА-ЯЁ][\w-]+(?:[\s-][A-ZА-ЯЁ][\w-]+)?)\s*(?:\([^()]{1,40}\))?\.?")


def _beside_the_date(registry: Registry, body: Sequence[str], dated_above: bool) -> str | None:
    """A place standing alone on a line next to the opening dateline ("August 17, 1863" / "Stockholm", "Dmitrov (Moscow
    province)" / "21 December, 1920"), or first under a heading or metadata that gave the date: where it was written."""
    for k, text in enumerate(body[:4]):
        m = _LONE_PLACE.fullmatch(text.strip())
        if m and k == 0 and dated_above and len(body) > 1 and not read_date(body[1]):
            return registry.place(m.group("name"))
        if m and any(0 <= j < len(body) and len(body[j]) <= 60 and read_date(body[j]) for j in (k - 1, k + 1)):
            return registry.place(m.group("name"))
    return None
