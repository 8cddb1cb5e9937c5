"""`edition import` in an English reader: Russian addressees of titles in English, and the original language of an
English text that credits no translator."""

from __future__ import annotations

import pytest
from test_importer import PERSONS, REGISTER

from edition.interchange.importer import import_raw
from edition.interchange.raw_addressee import english_addressee
from edition.registers.names import russian_name


def no_place(_name: str) -> str:
    return ""


@pytest.mark.parametrize(("russian", "english"), [
    ("Председателю Симбирского Совета", "the Chairman of the Simbirsk Soviet"),
    ("В Малый Совнарком", "the Little Council of People's Commissars"),
    ("Пионерам и школьникам села Новая Уда", "the Pioneers and Schoolchildren of the Village of Novaia Uda"),
    ("Реввоенсовету Южного фронта", "the Revolutionary Military Council of the Southern Front"),
    ("Всем членам Политбюро ЦК РКП(б)", "All Members of the Politburo of the Central Committee of the RCP(B)"),
    ("Пензенскому губисполкому", "the Penza Gubernia Executive Committee"),  # a place the dictionary knows
    ("Президиуму ВЦИК", "the Presidium of the All-Russian Central Executive Committee"),
    ("Финляндским товарищам", "the Finnish Comrades"),
    ("Omsk Soviet", "Omsk Soviet"),  # English stays as it is
])
def test_russian_addressees_in_english(russian: str, english: str) -> None:
    assert english_addressee(russian, no_place) == english


def test_a_place_of_the_register_gives_its_own_name() -> None:
    assert english_addressee("Президиуму Московского Совета", lambda n: "Moscow" if n == "Москва" else "") == \
        "the Presidium of the Moscow Soviet"


def test_what_the_glossary_lacks_is_transliterated_never_left_in_cyrillic() -> None:
    english = english_addressee("Уполномоченному Наркомзема по хлебозаготовкам", no_place)
    assert not any("\u0400" <= c <= "\u04ff" for c in english), english


def test_a_telegram_to_an_institution_is_titled_in_english() -> None:
    raw = "ТЕЛЕГРАММА ПРЕДСЕДАТЕЛЮ СИМБИРСКОГО СОВЕТА\n\nСимбирск. Председателю Совета.\n\nПрошу сообщить, как идет дело.\n\nЛенин\n"
    (doc,) = import_raw(raw, "page.txt", PERSONS, REGISTER).documents
    assert 'title: "Lenin to the Chairman of the Simbirsk Soviet"' in doc.text


def test_russian_names_are_told_from_others() -> None:
    assert all(russian_name(n) for n in ("Stalin, I. V.", "Trotsky, L. D.", "Ordzhonikidze, G. K.", "Zinov'ev, G. E.", "Krupskaia"))
    assert russian_name("Armand, I. F.", ["Inessa Fedorovna"]) and russian_name("Smilga", ["Смилга"])
    assert not any(russian_name(n) for n in ("Roosevelt, F. D.", "Engels, F.", "Churchill, W.", "Wechsler"))


LETTER = ("Dear Comrade,\n\nI have received your letter about the congress and I agree with every word of it; the "
          "question of the delegates must be settled at once, before the others arrive.\n\nYours,\n\nLenin\n")


def test_an_uncredited_english_text_of_a_russian_author_is_a_translation_from_russian() -> None:
    result = import_raw(LETTER, "page.txt", PERSONS, REGISTER)
    (doc,) = result.documents
    assert "language: ru" in doc.text and "translation: {from: ru}" in doc.text
    assert any("an English translation from Russian, translator not named (the page credits no translator" in line for line in result.summary), result.summary


def test_the_page_that_says_so_or_describes_the_original_keeps_english() -> None:
    written = LETTER.replace("Lenin\n", "Lenin\n\nWritten in English\n")
    (doc,) = import_raw(written, "page.txt", PERSONS, REGISTER).documents
    assert "language: en" in doc.text and "translation:" not in doc.text
    lot = "TLS, one page, 8 February 1938. Stalin writes in full:\n\n" + LETTER
    (doc,) = import_raw(lot, "page.txt", PERSONS, REGISTER).documents
    assert "language: en" in doc.text and "translation:" not in doc.text
