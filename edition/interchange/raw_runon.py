"""Copies that have lost their line breaks: a whole Complete Works page as one line, a document's heading and its
edition's trailers run into its text. The headings and trailers such a line carries are cut off as lines of their own,
so that the page reader sees them as it would in a copy with its breaks."""

from __future__ import annotations

import re

from edition.interchange.raw_headings import _DATIVE, _INITIALS

# "Чехову И. П., 5 марта 1892*": a site's catalogue line of the letter; "1131. И. П. ЧЕХОВУ": its number and addressee;
# "5 марта 1892 г. Мелихово.": the edition's dating
_CATALOGUE = rf"{_DATIVE}\s+{_INITIALS},\s*\d{{1,2}}\s+[а-яё]+\s+\d{{4}}\*?"
# "1547. Ал. П. ЧЕХОВУ": a given name may be cut to two letters, a surname double ("ШАВРОВОЙ-ЮСТ")
_NUMBERED = r"\d{1,4}\.\s+(?:(?:[А-ЯЁ][а-яё]?\.\s?){1,3}\s*)+[А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})?(?:\s+\([^()]{2,40}\))?"
# "27 и 29 марта 1895 г.", "2—3 мая 1900 г.": a letter written over two days, or dated to one of two
_DATING = r"\d{1,2}(?:\s+(?:и|или)\s+\d{1,2}|\s*[—–-]\s*\d{1,2})?\s+[а-яё]+\s+\d{4}\s*г\.(?:\s+[А-ЯЁ][а-яё-]+\.)?"
_INLINE_HEADING = re.compile(rf"(?:(?<=[.!?»…)])|^)\s*(?P<cat>{_CATALOGUE})?\s*(?P<num>{_NUMBERED})\s+(?P<dating>{_DATING})\s+")
# "TELEGRAM TO ARTHUR HENDERSON 24 The Russian ...": a heading in capitals, perhaps with a note's number, before the text
_CAPS_HEADING = re.compile(r"^(?P<head>(?:TELEGRAM|LETTER|NOTE|MESSAGE|ТЕЛЕГРАММА|ПИСЬМО|ЗАПИСКА)\s+(?:TO\s+|В\s+|НА\s+)?"
                           r"[A-ZА-ЯЁ][A-ZА-ЯЁ.,'’\- ]{2,120}?(?:\*|\s\d{1,3})?)\s+(?=[A-ZА-ЯЁ][a-zа-яё])")
# "... still more unwarranted. Written on January 24 (February 6, 1918) Sent to London": the edition's trailer after the text
_TRAILER_START = re.compile(r"(?<=[.!?»”\"])\s+(?=(?:Written\s+(?:on|in|between|not|after|before)\s+[A-Z\d]|First published\s+in\b|"
                            r"Printed from\b|Написано\s+(?:\d|в\s|между|не\s|около|после|до\s)|Впервые напечатано\b|Печатается по\b))")

# "... In full: “During the last few weeks ... to Madam Wechsler.” A few light creases ...": a letter quoted whole in a description
_QUOTED = re.compile(r"(?<=:)\s+(?P<q>“[^“”]{200,}”)")

# "Часть 4Перейти к письму: 1547, 1548, 1549, 1550, 1551.": a site's list of its other pages, five numbers or more
NUMBER_LIST = re.compile(r"(?:(?<!\S)[А-ЯЁA-Z][^\W\d_]*(?:\s+[^\W\d_]+){0,4}:\s*)?(?<!\d)\d{1,4}(?:,\s*\d{1,4}){4,}\.?(?![\d,])")
# "... по гроб жизни А. Чехов. * дорогой учитель (франц.)": the note of a marker "maоtre*" run on after the text
_STAR_NOTE = re.compile(r"(?<=[.!?»)])\s+(?=\*{1,3}\s+\S)")

# "... А. П.". АПРФ. Ф. 45. Оп. 1. Д. 719. Л. 97-97 об., 98-98 об. Автограф. Письмо Горького ...": an archival line a book
# ran into its remarks between the letters it quotes
_ARCHIVE_IN_RUN = re.compile(r"(?<=[.!?»\"”])\s+(?P<a>(?:[А-ЯЁ]{3,8}\.\s+Ф\.|[A-Z]{3,9}[.,]\s+[fF]\.)\s*\d+[.,]\s.{0,60}?"
                             r"\b(?:Л|[lL]{1,2})\.\s*\d[\dобv.,\s–-]*?\."
                             r"(?:\s+(?:Автограф|Подлинник|Машинопись|Машинописная копия|Копия)\b[^.]{0,40}\.)?)(?=\s+[А-ЯЁ])")
# "... он ответил Горькому: "Дорогой Алексей Максимович! ...": a letter quoted from its salutation after a colon
# (the salutation, when it ends in "!", cut off as the letter's first line)
_QUOTED_LETTER = re.compile(r"(?:(?<=:)\s+|^)(?P<s>[\"“«„]?(?:Дорогой|Дорогая|Уважаемый|Уважаемая|Многоуважаемый|Глубокоуважаемый|Милый|Милая|"
                            r"Dear|My dear)\s(?:(?:[А-ЯЁA-Z][\w.’-]*|товарищ|тов\.)\s*){1,3}(?P<end>!)?)")

# "«Василий Сойма. Запрещенный Сталин» - читать интересную книгу автора Простите, ...": a Russian e-book site's banner
BOOK_BANNER = re.compile(r"^[\"«][^\"«»]{3,120}[\"»]\s*[-–—]\s*читать(?:\s+[а-яё]+){0,3}?\s+(?:книгу|онлайн)(?:\s+(?:автора|бесплатно|онлайн))*")

# "Здравствуй друг. Неловко как-то писать, ...": a greeting run into the first paragraph of a letter copied in one line
_GREETING_RUN_IN = re.compile(r"^[\"“«„]?(?:Здравствуй(?:те)?|Привет)(?:,?\s+[^\W\d_]+){0,3}[!.](?=\s+[А-ЯЁ])")
# "... Поручаю себя Вашим святым молитвам. Преданный и готовый к услугам по гроб жизни А. Чехов.": the closing and
# signature that end a letter run on in one line with its text
_SIGNED_END = re.compile(r"(?<=[.!?])\s+(?=(?:Ваш|Твой|Ваша|Твоя|Преданный|Преданная|Любящий|Искренно|Уважающий|Yours|Sincerely|Faithfully)\b"
                         r"[^.!?]{0,60}?\s(?:[А-ЯЁA-Z]\.\s?){1,2}[А-ЯЁA-Z][а-яёa-z-]+\.?$)")

RUN_ON = 300  # a line at least this long may carry more than one paragraph's worth


def run_on_pieces(text: str) -> list[tuple[int, str]]:
    """The pieces of a line (their offsets and texts): an e-book site's banner before its first words, and in a long line
    the headings and trailers that ran into it, cut off; the line whole when it carries none."""
    cuts = {0, len(text)}
    if banner := BOOK_BANNER.match(text):
        cuts.add(banner.end())
    if len(text) >= RUN_ON:
        cuts |= _long_line_cuts(text)
    bounds = sorted(cuts)
    if len(text) >= RUN_ON:  # a closing and signature at the end of a piece
        cuts |= {a + m.end() for a, b in zip(bounds, bounds[1:], strict=False) if (m := _SIGNED_END.search(text[a:b].rstrip()))}
        bounds = sorted(cuts)
    pieces = [(a, text[a:b].strip()) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [(a + len(t) - len(t.lstrip()), t) for a, t in pieces if t]


def _long_line_cuts(text: str) -> set[int]:
    cuts: set[int] = set()
    for m in _INLINE_HEADING.finditer(text):
        for name in ("cat", "num", "dating"):
            if m.group(name):
                cuts |= {m.start(name), m.end(name)}
        cuts.add(m.end())
    if head := _CAPS_HEADING.match(text):
        cuts.add(head.end("head"))
    cuts |= {t.end() for t in _TRAILER_START.finditer(text)}
    for n in NUMBER_LIST.finditer(text):
        cuts |= {n.start(), n.end()}
    if re.search(r"[^\W\d_]\*", text):
        cuts |= {s.end() for s in _STAR_NOTE.finditer(text)}
    for a in _ARCHIVE_IN_RUN.finditer(text):
        cuts |= {a.start("a"), a.end("a")}
    if g := _GREETING_RUN_IN.match(text):
        cuts.add(g.end())
    for q in _QUOTED_LETTER.finditer(text):
        cuts |= {q.start("s"), q.end("s")} if q.group("end") else {q.start("s")}
    for q in _QUOTED.finditer(text):
        cuts |= {q.start("q"), q.end("q")}
    return cuts
