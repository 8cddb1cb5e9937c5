"""The place a dateline gives beside its date ("MOSCOW, October 16, 1891." -> "Moscow"), as a dateline or an edition's
dating prints it.
"""

from __future__ import annotations

import re

from edition.interchange.raw_dates import find_dates, read_date

# a state or the district after an American town: "Washington D.C.", "St. Louis, Mo.", "Springfield, Ill."
US_STATE = re.compile(r"(?<=[a-z])\s*,?\s+(?:D\.\s?C|Mo|Ill|Mass|Pa|Va|Ky|Tenn|Md|Conn|Ind|Mich|Wis|Minn|Ga|Ala|Miss|La|Ark|Tex|Cal|Kans|"
                       r"Nebr|Ia|Del|Vt|N\.\s?[YJHC]|S\.\s?C|R\.\s?I|W\.\s?Va)\.(?=[\s,:;]|$)")


_PLACE_WORDS = re.compile(r"(?:[A-ZА-ЯЁ][\w'’-]+|[A-ZА-ЯЁ]\.)(?:[\s-]+(?:[A-ZА-ЯЁ][\w'’-]+|-?[A-ZА-ЯЁ][\w-]+)){0,2}")


_NOT_PLACES = re.compile(r"(?i)^(?:конец|начало|середина|между|после|до|не|около|end|beginning|early|late|middle|mid|between|after|before|prior|"
                         r"not|sent|written|received|no\.?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


# the places a Russian edition abbreviates in its datings: "1904 г. Января 2. Я. П."
_PLACE_ABBREVIATIONS = {"Я. П.": "Ясная Поляна", "Я.П.": "Ясная Поляна", "М.": "Москва", "СПб.": "Петербург", "Спб.": "Петербург",
                        "Пб.": "Петербург", "Пг.": "Петроград", "Н. Новгород": "Нижний Новгород", "Н.Новгород": "Нижний Новгород",
                        "Н.-Новгород": "Нижний Новгород", "Н. -Новгород": "Нижний Новгород"}
_PLACE_ABBREVIATION = re.compile(r"(?:^|[\s,.])(" + "|".join(re.escape(k) for k in _PLACE_ABBREVIATIONS) + r")\.?\s*$")  # "Н. Новгород."


def dateline_place(text: str) -> str:
    """The place a dateline gives beside its date: "MOSCOW, October 16, 1891." -> "Moscow", "Wronke, August 24, 1916",
    "London, 10 June 1859", "26 или 28 августа 1899, Н. Новгород." -> "Н. Новгород"; "" when the rest is not a name."""
    text = re.sub(r"(?<=[^\W\d_])\d{1,2}(?=[.,;\s>]|$)", "", text)  # "года1. Сорренто.": a note's marker glued to a word
    text = US_STATE.sub("", text)  # "Washington D.C.", "St. Louis, Mo.": the town without its state
    text = re.sub(r"\[(\d{1,2})\??\]", r"\1", text)  # "July [15?] 1864": the editors' day
    found = find_dates(text)
    if not found and not read_date(text):
        return ""
    if m := _PLACE_ABBREVIATION.search(text):
        return _PLACE_ABBREVIATIONS[m.group(1)]
    if found:
        # "1883 г. октября 11 - 19. Каменка.", "1910 г. Августа 31 — сентября 1. Кочеты.": the end of a span of days, not a place
        after = re.sub(r"^\s*[—–-]\s*(?:[^\W\d_]+\.?\s+)?\d{1,2}\b", "", text[found[-1].end:])
        rest = text[:found[0].start] + " , " + after
    elif re.search(r"\d{4}", text):  # "8 марта (24 февраля) 1863 г. Лондон.": the place after the year
        rest = re.sub(r"^.*?\d{4}\s*(?:г\.|года)?", "", text)
    else:  # "Женева 18 Февр./1 Марта/68": a year in two figures, the place before the date
        rest = re.split(r"\d", text, maxsplit=1)[0]
    rest = re.sub(r"[\[\]<>]", " ", rest)  # "[Yasnaya Polyana]", "<25 января 1932 года. Сорренто.>": supplied by the editors
    rest = re.sub(r"\b(?:г\.|года|гг\.)|\((?:[^()]*)\)", " ", rest)
    parts = [p.strip(" ,.;:") for p in re.split(r"[,;]", rest) if p.strip(" ,.;:")]
    for part in parts:
        if _PLACE_WORDS.fullmatch(part) and not re.search(r"\d", part) and not _NOT_PLACES.match(part):
            return part.title() if part.isupper() and len(part) > 3 else part
    return ""
