"""Editorial signs in a raw copy's text: restorations in brackets and words the page says were crossed out.

**Restorations.** Editions print the words they restore in square brackets
("Tur[ukhan]", "I hope, and [that] Mr. Churchill", "Додержусь [до] начала"),
Russian editions also in angle brackets ("Над<ежда> Мих<айловна>"), editions of papers the letters of a
mutilated manuscript in "⟨⟩" ("o⟨ther⟩wise"). Such a
bracket becomes ``{sup|...}``. A bracket is the source's own, or another kind of
editorial sign, and stays as it is when it holds a note's number ("[1]"), a
remark on the text ("[sic]", "[так в документе]", "[?]"), an omission ("[...]",
"[etc.]"), a description ("[signature]", "[неразб.]"), a page or folio
("[Page 79]", "[л. 3]"), a note of the editor or translator ("[Note: ...—Trans.]",
a whole sentence), or a gloss: an explanation of the name or abbreviation before
it ("Ilich [Lenin]", "G.P.U. [the Stalinist secret police]", "VERY SECRET [ves'ma
sekretno]") or a list that ends "etc.". A paragraph that is all one bracket (a
supplied date, an editor's remark after the signature) is left to the readers of
those.

**Deletions.** Words shown as crossed out in the text ("[crossed out: ...]",
"[зачеркнуто: ...]", "<s>...</s>", "~~...~~", "word [crossed out]") become
``{del|...}``; a note that says the words it quotes were crossed out ("Stalin
crossed out the next phrase: "..."", "Далее зачеркнуто: «...»", "The words
"..." are crossed out") gives ``{del|...}`` at its anchor: around those words
when the text has them just before the anchor, else inserted there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.interchange.importer_notes import Anchor
from edition.interchange.raw_markup import Edit
from edition.sources.writer import wrap, write_span, write_text

# an edition of papers restores the letters of a torn or worn manuscript in angle brackets: "o⟨ther⟩wise", "⟨a⟩ccount"
_BRACKETS = re.compile(r"\[(?P<sq>[^\[\]\n]{1,80})\]|<(?P<ang>[^<>\n\d]{1,40})>|[⟨〈](?P<mut>[^⟨⟩〈〉\n]{1,60})[⟩〉]")
_SOURCE_OWN = re.compile(
    r"^(?:\d{1,3}[a-zа-я]?(?:\s*[,–-]\s*\d{1,3})*|[*†‡]+|\?|!|\?!|!\?|sic!?|так!?|так в (?:тексте|документе|подлиннике|оригинале)\.?|"
    r"\.{3}|…|(?:\. ?){3}|etc\.|и т\. ?д\.|и т\. ?п\.|and so on|"
    r"illegible|indecipherable|unclear|неразб\.?|нрзб\.?|неразборчиво|signature|signed|seal|stamp|подпись|печать|штамп|"
    r"(?:page|p\.|pp\.|стр\.|с\.|л\.|лл\.|ff?\.|fol\.)\s*\d+[\w\s.,–-]*)$", re.IGNORECASE)
_REMARK = re.compile(r"(?:\b(?:Ed|Trans|Tr|Ред|Прим|Пер)\.|(?:\s-|[—–])\s*\w+\.\s*$|^(?:Note|N\.B\.|NB|See|Cf\.|См\.|Прим\w*)\b"
                     r"|\betc\.|\bи т\. ?[дп]\.)", re.IGNORECASE)
_TAG = re.compile(r"^/?[a-z]+\d?(?:\s[^<>]*)?/?$")  # an HTML tag left in the copy: <b>, </i>, <br/>
_CAPITALIZED = re.compile(r"^[A-ZА-ЯЁ]")
# French and German words that English has not: a phrase of them before a bracket is quoted, the bracket translates it
_FOREIGN = frozenset("mais il elle faut est sont les des du une avec pour pas nous vous qui que und der das ist nicht ich wir "
                     "sie ein eine mit auf auch noch aber oder".split())
_WORD_BEFORE = re.compile(r"(\S+)\s*$")
# A Russian word in Latin letters: "Kommunisticheskiy internatsional", "Molodaia gvardiia", "kontraktatsiia".
_TRANSLITERATED = re.compile(r"(?i)kh|zh|shch|tsi|tsk|iia|aia|[iy]i\b|iy\b|skii|skoi|ogo\b|[eo]vich\b")


def _glossed(word: str, content: str) -> bool:
    """Whether a bracket after ``word`` explains it: an abbreviation (G.P.U., NKID, ЦК, SECRET) or an initial
    whatever the bracket says, a name when the bracket names someone too ("Ilich [Lenin]")."""
    bare = word.strip("\"'“”«»(")
    if re.search(r"[,;:!?)\]»”]$", bare):
        return False  # the bracket follows the end of a clause
    letters = re.sub(r"[^\w]", "", bare)
    if not letters:
        return False
    if letters.isupper() and len(letters) >= 2 or re.fullmatch(r"(?:\w\.)+", bare):
        return True
    if bare.endswith("."):
        return False  # the end of a sentence
    return _CAPITALIZED.match(bare) is not None and _CAPITALIZED.match(content) is not None


# the same date in the other style, beside the document's: "26 или 28 августа [7 или 9 сентября] 1899", "March 1 [14]"
_OTHER_STYLE = re.compile(r"(?i)^(?:\d{1,2}(?:\s*(?:или|or|and|и|[–-])\s*\d{1,2})?\s*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                          r"январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[\w.]*(?:\s+\d{4})?$|^\d{1,2}$")


def _restoration(text: str, start: int, end: int, inner: str, angle: bool) -> bool:
    content = inner.strip()
    if not content or _SOURCE_OWN.match(content) or _REMARK.search(content):
        return False
    if not angle and _OTHER_STYLE.match(content) and re.search(r"\d\s*\S*\s*$", text[:start]):
        return False  # a date's other style, after the date
    glued_before = start > 0 and text[start - 1].isalpha()
    glued_after = end < len(text) and text[end].isalpha()
    if angle:  # "Над<ежда>", "комм<унист>ах": letters only, glued to a word or Cyrillic; never an HTML tag
        return bool(re.fullmatch(r"[^\W\d_]+(?:[ .-][^\W\d_]+)*\.?", content)) and not _TAG.match(content) \
            and (glued_before or glued_after or not content.isascii())
    if glued_before or glued_after:
        return True
    words = content.split()
    if len(words) >= 5 and _CAPITALIZED.match(content) and content.endswith((".", "!", "?")):
        return False  # a sentence of the editor's: a remark, not restored words
    before = _WORD_BEFORE.search(text[:start])
    if before and _glossed(before.group(1), content):
        return False  # "Ilich [Lenin]", "G.P.U. [the secret police]"
    if re.search(r"\b(?:the|this|that|his|her|my|your|our|their)\s+[A-Za-z]{3,}\s*$", text[:start]) and (
            _CAPITALIZED.match(content) or re.match(r"(?:on|of|about|concerning)\s", content) and re.match(r"\s*(?:[.,;:!?)]|$)", text[end:])):
        return False  # "the book [Capital]", "the Report [on the coalminers in Saxony].": which one is meant, no restored words
    before_words = re.findall(r"[^\W\d_]+", text[max(0, start - 90):start])[-10:]
    if content.isascii() and len(words) >= 2 and sum(w.casefold() in _FOREIGN for w in before_words) >= 2:
        return False  # "mais il faut faire bonne mine a mauvais jeu [one has to grin and bear it]": a translation
    preceding = re.findall(r"[^\W\d_]+", text[max(0, start - 40):start])[-2:]
    return not (content.isascii() and any(_TRANSLITERATED.search(w) for w in preceding)
                and not re.search(r"[,;:.!?]\s*$", text[:start]))  # "Molodaia gvardiia [Young guard]": a translation


def supplied_edits(text: str) -> list[Edit]:
    """``{sup|...}`` for each bracket of ``text`` that restores words the original lacks or abbreviates."""
    stripped = text.strip()
    if re.fullmatch(r"\[[^\[\]]*\]\.?", stripped, re.S):
        return []
    out: list[Edit] = []
    for m in _BRACKETS.finditer(text):
        angle = m.group("ang") is not None
        group = "ang" if angle else "mut" if m.group("mut") is not None else "sq"
        if group == "mut" and not _SOURCE_OWN.match(m.group(group).strip()) or _restoration(text, m.start(), m.end(), m.group(group), angle):
            out.append(Edit(m.start(), m.end(), m.start(group), m.end(group), "sup"))
    return out


_STRUCK = r"(?:crossed out|struck out|scratched out|deleted|зачеркнут[оаы]?|вычеркнут[оаы]?)"
_INLINE_DEL = re.compile(
    rf"\[{_STRUCK}\s*:\s*(?P<a>[^\[\]\n]+?)\s*\]|<{_STRUCK}\s*:\s*(?P<b>[^<>\n]+?)\s*>"
    rf"|\[(?P<c>[^\[\]\n]+?)\s*(?:[—–-]\s*|\()\s*{_STRUCK}\)?\s*\]"
    r"|<(?P<tag>s|del|strike)>(?P<d>.+?)</(?P=tag)>|~~(?P<e>[^~\n]+)~~"
    rf"|(?P<f>[^\W\d_][\w'’-]*)\s*[\[<]{_STRUCK}[\]>]", re.IGNORECASE)


def inline_deletions(text: str) -> list[Edit]:
    """``{del|...}`` for the words the text itself shows as crossed out."""
    out: list[Edit] = []
    for m in _INLINE_DEL.finditer(text):
        group = next(g for g in "abcdef" if m.group(g) is not None)
        out.append(Edit(m.start(), m.end(), m.start(group), m.end(group), "del"))
    return out


@dataclass
class Struck:
    """What a note says was crossed out: the words, and whether they followed the anchor ("the next phrase")."""

    words: str
    after: bool


_STRUCK_NOTE = re.compile(r"\b(?:crossed|struck|scratched) out|\bзачеркн|\bвычеркн", re.IGNORECASE)
_AFTER = re.compile(r"\b(?:next|following|followed|after (?:this|that|it|these|the words?)|then)\b|(?:^|\s)(?:[Дд]алее|[Зз]атем|После)\b")
_QUOTED = re.compile(r"''(.{2,300}?)''|“(.{2,300}?)”|«(.{2,300}?)»|\"(.{2,300}?)\"|‘(.{2,300}?)’", re.S)


def struck_words(note: str) -> Struck | None:
    """The words a note says were crossed out, if it quotes them."""
    if not _STRUCK_NOTE.search(note) or re.search(r"\bnot (?:been )?(?:crossed|struck)|не зачеркн", note, re.I):
        return None
    m = _QUOTED.search(note)
    if m is None:
        return None
    words = " ".join(next(g for g in m.groups() if g is not None).split())
    return Struck(words, bool(_AFTER.search(note[:m.start()])))


def occurrence(text: str, words: str, before: int) -> tuple[int, int] | None:
    """Where the text has ``words`` ending at most a few characters before ``before`` (the anchor)."""
    pattern = r"\s+".join(re.escape(w) for w in words.rstrip(".").split())
    found = [m for m in re.finditer(pattern, text[:before]) if before - m.end() <= 3]
    return (found[-1].start(), found[-1].end()) if found else None


def deletion_at_anchor(text: str, anchor: Anchor, series: str, key: str, struck: Struck) -> list[Edit]:
    """The anchor of a note that says words were crossed out, with those words as ``{del|...}``: around them
    when the text has them just before the anchor, else inserted at it. A textual note takes them as its lemma."""
    found = None if struck.after else occurrence(text, struck.words, anchor.start)
    if found is not None:
        start, end = found
        deleted = Edit.around(start, end, "del")
        if series == "textual":
            return [Edit(start, anchor.end, start, end, "n", (series, key)), deleted]
        return [deleted, Edit(anchor.start, anchor.end, anchor.start, anchor.start, "n", (series, key))]
    words = wrap("del", [], write_text(struck.words))
    glued = anchor.start > 0 and not text[anchor.start - 1].isspace()
    space = " " if glued or anchor.start < len(text) and text[anchor.start].isspace() else ""
    markup = wrap("n", [series, key], words) if series == "textual" else words + write_span("n", [series, key])
    return [Edit(anchor.start, anchor.end, anchor.start, anchor.start, "", (), space + markup)]


def editorial_edits(text: str, taken: list[Edit]) -> list[Edit]:
    """The restorations and deletions of a paragraph of the text that cross none of the edits already made."""
    out: list[Edit] = []
    for e in inline_deletions(text) + supplied_edits(text):
        if not any(e.start < t.end and t.start < e.end for t in [*taken, *out]):
            out.append(e)
    return out
