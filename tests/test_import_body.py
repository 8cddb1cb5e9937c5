"""`edition import`: where a page's documents start and end (a heading cut off at the page's end is no document)."""

from __future__ import annotations

from test_importer import PERSONS, REGISTER

from edition.interchange.importer import ImportResult, import_raw

LETTER = ("1184. А. С. СУВОРИНУ\n\n4 июня 1892 г. Мелихово.\n\nВы не заехали ко мне, потому что, как пишете, Вас смутили три "
          "девицы. Неужели мы не увидимся до осени? Это очень грустно.\n\n")


def run(raw: str) -> ImportResult:
    return import_raw(raw, "page.txt", PERSONS, REGISTER)


def test_a_sentence_cut_off_at_the_page_end_is_the_letter_s_last_words() -> None:
    result = run(LETTER + "Я пишу повесть — маленькую лю\n")
    assert len(result.documents) == 1
    body = result.documents[0].text.split("\n---\n", 1)[1]
    assert "Я пишу повесть — маленькую лю" in body


def test_a_running_head_with_its_page_number_at_the_page_end_is_furniture() -> None:
    result = run(LETTER.rstrip("\n") + " Это абсолютно\nПИСЬМО А. С. СУВОРИНУ 389\nнеобхо\n")
    assert len(result.documents) == 1
    body = result.documents[0].text.split("\n---\n", 1)[1]
    assert "389" not in body and "необхо" in body


def test_the_next_document_s_number_and_heading_cut_off_at_the_page_end_is_no_draft() -> None:
    result = run(LETTER + "* 2. В. Н. Ф\n")
    assert len(result.documents) == 1


def test_a_closing_word_before_the_initial_and_an_unknown_surname_signs_the_letter() -> None:
    raw = "Дорогой друг!\n\nСегодня вечером буду у себя, приходи пить чай.\n\nТвой А. Пчелкин.\n"
    text = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text
    front, body = text.split("\n---\n", 1)
    assert "@signed Твой А. Пчелкин." in body and "authors: [pchelkin]" in front, text
