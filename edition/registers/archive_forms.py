"""The forms of archival documents (autograph, typescript, coded telegram...) as editions write them,
in English, transliteration and Russian, and the reading of a Cyrillic citation's Latin look-alikes."""

from __future__ import annotations

import functools
import re
from enum import Enum


class Form(str, Enum):
    """What kind of witness the archive holds; the value is the printed label."""

    AUTOGRAPH = "Autograph"
    ORIGINAL = "Original"
    DRAFT = "Draft"
    TYPESCRIPT = "Typescript"
    CORRECTED_TYPESCRIPT = "Typescript with the author's corrections"
    COPY = "Copy"
    TYPESCRIPT_COPY = "Typescript copy"
    MANUSCRIPT_COPY = "Manuscript copy"
    TELEGRAM = "Telegram"
    CODED_TELEGRAM = "Coded telegram"
    TELEGRAPH_TAPE = "Telegraph tape"
    PRINTED = "Printed text"


def _form_key(text: str) -> str:
    return " ".join(re.sub(r"[.'ʹ’ʼ]", "", text).split()).casefold()


# Each form with the ways editions write it, in English, transliteration and Russian.
_FORM_WORDS = {
    Form.AUTOGRAPH: "autograph|holograph|avtograf|автограф",
    Form.ORIGINAL: "original|podlinnik|подлинник",
    Form.DRAFT: "draft|chernovik|черновик",
    Form.TYPESCRIPT: "typescript|typewritten text|mashinopis|машинопись",
    Form.CORRECTED_TYPESCRIPT: "typescript with author's corrections|typescript with autograph corrections"
    "|mashinopis s avtorskoi pravkoi|машинопись с авторской правкой|машинопись с правкой автора",
    Form.COPY: "copy|kopiia|kopiya|kopija|копия",
    Form.TYPESCRIPT_COPY: "typescript copy|typewritten copy|mashinopisnaia kopiia|машинописная копия",
    Form.MANUSCRIPT_COPY: "manuscript copy|handwritten copy|rukopisnaia kopiia|рукописная копия",
    Form.TELEGRAM: "telegram|telegramma|телеграмма",
    Form.CODED_TELEGRAM: "coded telegram|cipher telegram|ciphered telegram|shifrotelegramma|shifrtelegramma"
    "|шифротелеграмма|шифртелеграмма",
    Form.TELEGRAPH_TAPE: "telegraph tape|telegrafnaia lenta|telegrafnaya lenta|телеграфная лента",
    Form.PRINTED: "printed text|printed|typeset text|tipografskii tekst|tipografskij tekst"
    "|tipograficheskii tekst|типографский текст",
}
_FORMS = {_form_key(word): form for form, words in _FORM_WORDS.items() for word in words.split("|")}


_CERTIFIED = re.compile(r"^(?:заверенн\w*|certified|attested|zaverenn\w*)\s+", re.IGNORECASE)
_HAND = re.compile(r"^(?P<form>автограф|autograph|holograph|avtograf)\s+(?:of\s+|in the hand of\s+)?"
                   r"(?P<hand>(?:[A-ZА-ЯЁ]\.\s?){1,3}\s*[A-ZА-ЯЁ][\w'-]+)$", re.IGNORECASE)


def parse_form(text: str) -> Form | None:
    """The form that a phrase such as "Tipografskii tekst", "Автограф", "Заверенная машинописная копия" names, if known."""
    key = _form_key(_CERTIFIED.sub("", text.strip()))
    if key in _FORMS:
        return _FORMS[key]
    if key.rstrip("s") in _FORMS:  # "Autographs", as for a letter of two writers
        return _FORMS[key.rstrip("s")]
    if re.search(r"[а-яё]", key):
        return _FORMS_BY_LEMMA().get(_lemmas(key))  # "машинописная копий": a slip of the case
    return None


def _lemmas(text: str) -> str:
    from edition.registers.names import lemma

    return " ".join(lemma(w) for w in text.split())


@functools.lru_cache(maxsize=1)
def _FORMS_BY_LEMMA() -> dict[str, Form]:  # noqa: N802 (a table built once)
    return {_lemmas(k): f for k, f in _FORMS.items() if re.search(r"[а-яё]", k)}


def parse_hand(text: str) -> tuple[Form, str] | None:
    """ "Автограф С. Чечулина", "Autograph of N. Petrov": an autograph in another person's hand."""
    m = _HAND.match(text.strip())
    return (Form.AUTOGRAPH, m.group("hand")) if m else None


_LATIN_LOOKALIKES = str.maketrans("AaBCcEeHKkMOoPpTXxy", "АаВСсЕеНКкМОоРрТХху")


def cyrillic_markers(text: str) -> tuple[str, list[str]]:
    """A Cyrillic citation whose level markers hold Latin look-alikes ("Oп." with a Latin O) read as Cyrillic."""
    if not re.search(r"[а-яё]", text, re.IGNORECASE):
        return text, []
    notices = []

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if re.search(r"[A-Za-z]", word) and re.search(r"[а-яё]", word, re.IGNORECASE):
            fixed = word.translate(_LATIN_LOOKALIKES)
            notices.append(f"'{word}' mixes Latin and Cyrillic letters: read as '{fixed}'")
            return fixed
        return word

    return re.sub(r"[^\W\d_]+", fix, text), notices
