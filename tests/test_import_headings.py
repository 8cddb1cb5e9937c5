"""`edition import` on the headings of editions of letters: a letter's number, an addressee alone, a catalogue line,
the edition's dating under the heading (read into the fields, not left in the text)."""

from __future__ import annotations

import re

import pytest
from test_importer import PERSONS, REGISTER

from edition.interchange.importer import import_raw
from edition.interchange.raw_headings import edition_dating, letter_heading
from edition.interchange.raw_lines import furniture, heading_like
from edition.interchange.raw_meta import read_heading
from edition.interchange.raw_placeline import dateline_place
from edition.interchange.raw_roles import unquoted


@pytest.mark.parametrize("text", [
    "1184. А. С. СУВОРИНУ", "339. Н. А. и О. А. ГЕРЦЕН", "2727. А. М. ПЕШКОВУ (М. ГОРЬКОМУ)",
    "* 1. О. Ф. Новокшонову, А. А. Фофанову, В. Щербакову.", "XII. To his Brother Michael", "To A. S. Suvorin.",
    "Оболонскому Н. Н., 1 марта 1892", "И. С. Тургенев - Н. А. Некрасову", "Горький М. - Чехову А. П., конец апреля 1899 г.",
    "17. В. Г. Короленко - А. П. Чехову.", "1547. Ал. П. ЧЕХОВУ", "163. Чайковский - Мекк", "12. П. И. Чайковский – Н. Ф. Мекк.",
])
def test_headings_of_editions_of_letters(text: str) -> None:
    assert letter_heading(text)


@pytest.mark.parametrize("text", ["1. We must do this now", "To the Editor.", "To be continued.", "И. В. Сталиным",
                                  "2) Верно ли, что две недели назад", "12. Москва - Петербург", "Чайковский - Мекк"])
def test_lines_that_are_not_such_headings(text: str) -> None:
    assert not letter_heading(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("4 июня 1892 г. Мелихово.", True), ("8 марта (24 февраля) 1863 г. Лондон.", True), ("1904 г. Января 2. Я. П.", True),
    ("21. IV. 1918 г.", False), ("5 марта. Мелихово.", False), ("1910 г. Августа 31 — сентября 1. Кочеты.", True),
])
def test_the_editions_dating(text: str, expected: bool) -> None:
    assert edition_dating(text) is expected


def test_a_complete_works_letter_keeps_its_own_dateline_and_gives_the_editions_to_the_fields() -> None:
    raw = ("1184. А. С. СУВОРИНУ\n\n4 июня 1892 г. Мелихово.\n\n4 июнь. Мелихово.\n\n"
           "Вы не заехали ко мне, потому что, как пишете, Вас смутили три девицы. Но девицы давно уже уехали, "
           "и мои две комнаты всегда к Вашим услугам.\n\nВаш А. Чехов.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    text = result.documents[0].text
    body = text.split("\n---\n", 1)[1]
    assert body.lstrip().startswith("@dateline 4 июнь. Мелихово."), body
    assert "1184" not in body and "1892 г." not in body
    assert re.search(r"(?m)^date: .*1892-06-04", text), text
    assert re.search(r"(?m)^recipients: .*suvorin", text), text


def test_an_addressee_heading_with_the_editors_year_is_the_heading_not_a_dating() -> None:
    raw = ("To Asa Gray   26 November [1860]1\n\nDown Bromley Kent.\n\nNov. 26th\n\nMy dear Gray.\n\n"
           "I have to thank you for two letters. The latter with corrections, written before you received my letter.\n\n"
           "Ever yours\n\nC. Darwin\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    text = result.documents[0].text
    assert re.search(r"(?m)^date: .*1860-11-26", text), text
    assert re.search(r"(?m)^recipients: ", text), text
    assert read_heading(["To Asa Gray 26 November [1860]"]).date == {"when": "1860-11-26"}


def test_a_place_set_apart_over_the_editions_dating_is_the_heading_s_not_the_text() -> None:
    raw = ("163. Чайковский - Мекк\n\nКаменка,\n\n1883 г. октября 11 - 19. Каменка.\n\n11 октября.\n\n"
           "Милый, дорогой друг мой! Здесь вот уже несколько дней стоит такая чудная, теплая, ясная погода, какой в это "
           "время года я и не запомню.\n\nВаш П. Чайковский.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    body = result.documents[0].text.split("\n---\n", 1)[1]
    assert "Каменка," not in body and "1883 г." not in body, body
    assert re.search(r"(?m)^date: .*1883-10-11", result.documents[0].text), result.documents[0].text


def test_a_signature_the_register_does_not_know_gives_a_proposed_author_and_an_abbreviated_month_a_date() -> None:
    raw = ("* 1. О. Ф. Новокшонову.\n\n1904 г. Января 2. Я. П.\n\n"
           "Получил ваше письмо, любезн[ые] старички.1 Надеюсь, что вы теперь уже на отъезде. Прощайте. Дай бог вам всего хорошего.\n\n"
           "Лев Толстой.\n\n2 янв. 1904.\n\nПечатается по копировальной книге № 6, л. 28.\n\n"
           "1 «Старичками» у духоборов назывались женатые мужчины.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    text = result.documents[0].text
    assert re.search(r"(?m)^authors: \[tolsto", text), text
    assert re.search(r"(?m)^date: .*1904-01-02", text), text
    assert "«Старичками» у духоборов" in text.split("\n---\n", 1)[0], "the note is read into the notes, not the text"


@pytest.mark.parametrize(("text", "place"), [
    ("1904 г. Января 2. Я. П.", "Ясная Поляна"), ("8 марта (24 февраля) 1863 г. Лондон.", "Лондон"),
    ("4 июня 1892 г. Мелихово.", "Мелихово"), ("MOSCOW, October 16, 1891.", "Moscow"),
    ("26 или 28 августа [7 или 9 сентября] 1899, Н. Новгород.", "Нижний Новгород"),  # an abbreviation, and the full stop
    ("War department, Washington D.C., July 14, 1863.", "Washington"), ("Springfield, Ill., June 2, 1858.", "Springfield"),
    ("1883 г. октября 11 - 19. Каменка.", "Каменка"), ("1910 г. Августа 31 — сентября 1. Кочеты.", "Кочеты"),  # a span of days
])
def test_the_place_of_a_dating(text: str, place: str) -> None:
    assert dateline_place(text) == place


def test_a_labelled_author_line_names_the_writer() -> None:
    raw = ("Title: Letter To Lenin (21 December 1920)\nAuthor: Pëtr Kropotkin\nDate: December 21, 1920\n\n"
           "Dmitrov (Moscow province)\n\n21 December, 1920\n\nRespected Vladimir Illich,\n\n"
           "An announcement has been placed in Izvestiia and in Pravda which makes known the decision of the Soviet government.\n")
    text = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text
    assert re.search(r"(?m)^authors: \[kropotkin", text), text


def test_a_volume_title_and_blurb_before_the_first_heading_are_the_pages_metadata_and_name_the_writer() -> None:
    raw = ("Том 23. Письма 1892-1894\n\nВ пятом томе печатаются письма Чехова с 1 марта 1892 по 31 декабря 1894 года, "
           "и в них бьется пульс всей культурной и общественной жизни России конца века.\n\n"
           "Оболонскому Н. Н., 1 марта 1892\n\n*\n\n1122. Н. Н. ОБОЛОНСКОМУ\n\n1 марта 1892 г. Москва.\n\nПосылаю Вам письмо Гнедича\n\n*\n\n"
           ", полученное мною от Свободина. Перехватил я его с единственною целью — заманить Вас к себе.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    text = result.documents[0].text
    assert "Посылаю Вам письмо Гнедича, полученное мною" in text, text
    assert re.search(r"(?m)^authors: \[chekhov", text) and re.search(r"(?m)^recipients: \[obolonsk", text), text


def test_an_address_line_and_a_dateline_after_a_signature_open_the_next_letter() -> None:
    raw = ("Kilmainham Prison\nMay 11th 1916 .\n\nMy Dear Daly ,\nJust a wee note to bid you Goodbye. I expect in a few hours to join "
           "Tom and the other heroes in a better world.\n\nSincerely Yours Seán MacDiarmada.\n\nKilmainham Gaol\n\nMay 11th 1916\n\n"
           "My dear Brothers and Sisters\n\nI sincerely hope that this letter will not come as a surprise to any of you.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 2, [d.text for d in result.documents]
    assert re.search(r"(?m)^authors: \[macdiarmada", result.documents[0].text), result.documents[0].text


def test_a_dateline_without_a_year_takes_the_year_of_the_document_before_and_an_address_line_makes_a_telegram() -> None:
    raw = ("А. СЕДОВА - Л. СЕДОВУ\nАлма-Ата, Седову, из Москвы. 20 апреля 1928 г.\nСамочувствие лучше. Отсрочка получена. Крепко целую всех.\n"
           "ТРОЦКИЙ - РАКОВСКОМУ\nАстрахань, Раковскому. 21 апреля.\nМы благополучны. Тебе необходимо перевестись из Астрахани. Обнимаем вас крепко.\n")
    docs = [d.text for d in import_raw(raw, "page.txt", PERSONS, REGISTER).documents]
    assert len(docs) == 2
    assert re.search(r"(?m)^date: .*1928-04-21", docs[1]) and re.search(r"(?m)^kind: telegram", docs[1]), docs[1]


def test_a_labelled_header_before_the_heading_belongs_to_the_letter_and_names_its_translator() -> None:
    raw = ("-=-=-=-=-=-=-\n\nTitle: Letter To Lenin (21 December 1920)\nAuthor: Pëtr Kropotkin\nDate: December 21, 1920\n"
           "Source: Retrieved on June 8, 2012 from http://example.org/kropotlenindec20.html.\n"
           "Notes: From Selected Writings on Anarchism and Revolution, edited and translated by Martin A. Miller.\n\n"
           "Pëtr Kropotkin\n\nLetter To Lenin (21 December 1920)\n\nDmitrov (Moscow province)\n\n21 December, 1920\n\n"
           "Respected Vladimir Illich,\n\nAn announcement has been placed in Izvestiia and in Pravda which makes known the decision.\n")
    docs = import_raw(raw, "page.txt", PERSONS, REGISTER).documents
    assert len(docs) == 1, [d.text for d in docs]
    assert re.search(r"(?m)^translation: .*Miller", docs[0].text) and re.search(r"(?m)^language: ru", docs[0].text), docs[0].text


def test_an_editors_note_in_round_brackets_signed_red_becomes_a_note_at_the_word_before() -> None:
    raw = ("Горький - Чехову\n\n26 августа 1899, Н. Новгород.\n\nДорогой Антон Павлович!\n\n"
           "Сейчас прочитал в «Жизни» статью Соловьёва о Вас. (Е.А.Соловьёв (псевдоним - Андреевич). \"Антон Павлович Чехов\". "
           "Журнал \"Жизнь\", август 1899. – Ред.). Недоволен, хотя по адресу Михайловского он дельно говорит.\n\nА. Пешков\n")
    text = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text
    front, body = text.split("\n---\n", 1)
    assert "Е.А.Соловьёв (псевдоним - Андреевич)" in front and "Ред." not in body, text
    assert re.search(r"о Вас\.\{n:editor:\d+\} Недоволен", body), body


@pytest.mark.parametrize(("line", "authors", "recipients"), [
    ("Письмо A. М. Горький - А. П. Чехову. 13 декабря 1899 г. Нижний Новгород", ["A. М. Горький"], ["А. П. Чехову"]),
    ("Victor Serge to Leon trotsky", ["Victor Serge"], ["Leon Trotsky"]),  # a surname the copy wrote in lower case
    ("2727. А. М. ПЕШКОВУ (М. ГОРЬКОМУ)", [], ["М. Горькому"]),  # the name the reader knows, in parentheses
    ("TELEGRAM TO V. N. ANDRONNIKOV, REGIONAL BOARD OF NATIONALISED ENTERPRISES", [], ["V. N. Andronnikov"]),  # then his office
])
def test_headings_with_a_kind_first_a_name_in_lower_case_or_in_parentheses(line: str, authors: list[str], recipients: list[str]) -> None:
    h = read_heading([line])
    assert (h.authors, h.recipients) == (authors, recipients)


def test_a_heading_line_over_the_salutation_gives_writer_addressee_date_and_place() -> None:
    raw = ("Письмо\n\nA. М. Горький - А. П. Чехову. 13 декабря 1899 г. Нижний Новгород\n\nДорогой Антон Павлович!\n\n"
           "Присланную Вами бумажку я напечатал в «Листке» и затем разослал оный по знакомым в Питер и Москву.\n\nВаш А. Пешков\n")
    text = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text
    front, body = text.split("\n---\n", 1)
    assert re.search(r"(?m)^authors: \[gork", front) and re.search(r"(?m)^recipients: \[che", front), front
    assert re.search(r"(?m)^date: .*1899-12-13", front) and re.search(r"(?m)^place: \{from: ", front), front
    assert body.lstrip().startswith("@salute Дорогой"), body


def test_a_possessive_heading_names_the_writer() -> None:
    h = read_heading(["Bukharin's Letter to Stalin, 10 December 1937"])
    assert (h.authors, h.recipients, h.date) == (["Bukharin"], ["Stalin"], {"when": "1937-12-10"})


def test_a_heading_under_a_sites_lines_names_writer_and_addressee_and_what_is_before_it_is_unplaced() -> None:
    raw = ("anarchy archives\n\nHome\n\nAbout Us\n\nFrom La Correspondance de Michel Bakounine, published and prefaced by Michel "
           "Dragmanov\n\n"
           "Letter from Bakunin to Herzen and Ogareff1\n\nAugust 17, 1863\n\nMy dear friends,\n\n"
           "This is the third letter I am sending you from this place. Two months ago, I had the opportunity to send you the first.\n")
    text = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text
    front, body = text.split("\n---\n", 1)
    assert re.search(r"(?m)^authors: \[bakunin\]", front) and re.search(r"(?m)^recipients: \[herzen, ogareff\]", front), front
    assert "Letter from Bakunin" not in body and re.search(r"(?m)^@dateline August 17, 1863", body), body
    assert re.search(r"(?m)^@unplaced anarchy archives", body), body


def test_a_line_naming_writer_and_addressee_after_the_dateline_stays_in_the_text() -> None:
    raw = ("No. 1\n\nJanuary 2, 1944\n\nPersonal Message from Premier J. V. Stalin to the Prime Minister, Mr Winston Churchill\n\n"
           "I shall send you the music of the new Soviet Anthem by the next post. V. M. Molotov has asked me to thank you.\n\n"
           "January 2, 1944\n")
    front, body = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)
    assert "Personal Message from Premier" in body and "@unplaced" not in body, body
    assert re.search(r"(?m)^authors: \[stalin\]", front) and re.search(r"(?m)^recipients: \[churchill\]", front), front


@pytest.mark.parametrize(("line", "authors", "recipients"), [
    ("Personal and Secret from Premier J. V. Stalin to the Prime Minister, Mr W. Churchill", ["J. V. Stalin"], ["W. Churchill"]),
    ("Message from Premier J. V. Stalin to President F. D. Roosevelt", ["J. V. Stalin"], ["F. D. Roosevelt"]),
])
def test_a_heads_of_government_message_names_writer_and_addressee(line: str, authors: list[str], recipients: list[str]) -> None:
    h = read_heading([line])
    assert (h.authors, h.recipients) == (authors, recipients)


@pytest.mark.parametrize(("line", "plain"), [
    ("“Moscow, Dmitrooka,", "Moscow, Dmitrooka,"), ("Орджоникидзе“", "Орджоникидзе"), ("“P.S.—We live in Dmitrov.”", "P.S.—We live in Dmitrov."),
    ("“Quoted” words", "“Quoted” words"), ("He said «yes»", "He said «yes»"),
])
def test_the_quotation_marks_around_a_letter_quoted_whole(line: str, plain: str) -> None:
    assert unquoted(line) == plain


def test_a_letter_quoted_whole_is_signed_by_its_last_quoted_line_even_in_capitals() -> None:
    raw = ("“Moscow, Dmitrov,\n\n“December, 23rd, 1920.\n\n“Dear Comrade,—My heartiest thanks for your kind letter of November, "
           "which has at last reached me. All three of us are well, and we send our greetings to your family.\n\n"
           "“Fraternal greetings,\n\n“PETER KROPOTKIN.\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^authors: \[kropotkin\]", front) and re.search(r"(?m)^kind: letter", front), front


def test_a_year_the_page_gives_yields_to_the_texts_dateline_in_that_year() -> None:
    raw = ("Victor Serge 1936\n\nVictor Serge to Leon trotsky\n\nSource: La Lutte Contre le Stalinisme. Maspero, Paris, 1977;\n\n"
           "August 14, 1936\n\nDear Leon Davidovich:\n\nI am worried about you. Write me a few words. What is happening? "
           "I wrote to you yesterday. I asked if you had received one of my previous letters.\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^date: 1936-08-14", front), front


def test_documents_that_say_nothing_of_their_kind_take_the_kind_of_the_run() -> None:
    raw = ("ТРОЦКИЙ - РАКОВСКОМУ\n\nАстрахань, Раковскому. 21 апреля 1928 г.\n\nМы благополучны. Тебе необходимо перевестись "
           "из Астрахани. Обнимаем.\n\nТРОЦКИЙ - РАДЕКУ\n\nТобольск, Радеку. 22 апреля 1928 г.\n\nНаш взгляд о недопустимости "
           "параллельных кандидатур опубликован.\n\nТРОЦКИЙ - СОСНОВСКОМУ\n\n22 апреля 1928 г.\n\nБеспокоимся в связи с "
           "неполучением писем. Сообщите здоровье.\n")
    docs = import_raw(raw, "page.txt", PERSONS, REGISTER).documents
    assert [re.search(r"(?m)^kind: (\w+)", d.text).group(1) for d in docs] == ["telegram"] * 3  # type: ignore[union-attr]


def test_a_letter_that_opens_my_dear_sir_keeps_its_kind_in_a_run_of_telegrams() -> None:
    raw = ("TELEGRAM TO GENERAL J. M. SCHOFIELD.\n\nWar department, Washington, July 13, 1863.\n\nI regret to learn of the "
           "arrest of the Democrat editor.\n\nA. Lincoln.\n\nTELEGRAM TO R. T. LINCOLN.\n\nWar department, Washington, July 14, "
           "1863.\n\nWhy do I hear no more of you?\n\nA. Lincoln.\n\nINTIMATION OF ARMISTICE PROPOSALS\n\nFrom James R. Gilmore\n"
           "to governor Vance.\n\nWashington, July 15, 1864.\n\n"
           "My dear sir:—My former business partner has forwarded to me a letter he has recently received from his brother.\n")
    docs = import_raw(raw, "page.txt", PERSONS, REGISTER).documents
    assert [re.search(r"(?m)^kind: (\w+)", d.text).group(1) for d in docs] == ["telegram", "telegram", "letter"]  # type: ignore[union-attr]


def test_a_page_called_telegrams_holds_telegrams() -> None:
    raw = ("STALIN\n\nWar Telegrams\n\nNo. 1\n\nJanuary 4, 1944\n\nMessage from Premier J. V. Stalin to President Roosevelt\n\n"
           "I am glad to learn from the press that your health is improving. I send you best regards.\n\nJanuary 4, 1944\n\n"
           "No. 2\n\nJanuary 7, 1944\n\nPersonal and Secret from Premier J. V. Stalin to the Prime Minister\n\n"
           "Your message of January 5 received. I am glad to learn of your recovery.\n\nJanuary 7, 1944\n")
    docs = import_raw(raw, "page.txt", PERSONS, REGISTER).documents
    assert re.search(r"(?m)^kind: telegram$", docs[-1].text), docs[-1].text


def test_a_cabled_message_and_a_line_of_receipt_make_a_telegram() -> None:
    h = read_heading(["Message to W. Churchill (Correspondence Vol. 1, No. 93)"])
    assert (h.kind, h.recipients) == ("telegram", ["W. Churchill"])
    raw = ("The Reich Foreign Minister to the German Ambassador in the Soviet Union (Schulenburg)\n\nBERLIN, August 3, 1939\n\n"
           "Received Moscow, August 4, 1939-4:30 a. m.\n\nLast evening I received the Russian Chargé, who had previously called at "
           "the office on other matters. I intended to continue with him the conversations.\n\nRIBBENTROP\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^kind: telegram", front) and re.search(r"(?m)^place: \{.*to: moscow", front), front


def test_a_heading_of_several_lines_is_read_by_the_line_that_names_writer_and_addressee() -> None:
    h = read_heading(["ИЗ ПЕРЕПИСКИ", "И. С. Тургенев - Н. А. Некрасову"])
    assert (h.authors, h.recipients) == (["И. С. Тургенев"], ["Н. А. Некрасову"])
    h = read_heading(["Т. Н. Грановский - Е. К. и А. В. Станкевичам"])  # two of one family
    assert (h.authors, h.recipients, h.addressee) == (["Т. Н. Грановский"], ["Е. К. Станкевичам", "А. В. Станкевичам"], "")


def test_the_writer_of_a_heading_that_names_the_addressee_alone_comes_from_the_page_title_or_the_volume() -> None:
    letter = ("1184. А. С. СУВОРИНУ\n\n4 июня 1892 г. Мелихово.\n\n4 июнь. Мелихово.\n\nВы не заехали ко мне, потому что, как пишете, "
              "Вас смутили три девицы. Но девицы давно уже уехали, и мои две комнаты всегда к Вашим услугам.\n\nВаш\n")
    for above in ("Чехов — Суворину А. С., 4 июня 1892 г. Мелихово («Вы не заехали ко мне...»).", "Антон Чехов - Том 5. Письма 1892"):
        front = import_raw(above + "\n\n" + letter, "page.txt", PERSONS, REGISTER).documents[-1].text.split("\n---\n", 1)[0]
        assert re.search(r"(?m)^authors: \[chekhov\]", front) and re.search(r"(?m)^recipients: \[suvorin", front), (above, front)


def test_a_collections_title_names_the_writer_and_an_editions_heading_under_it_the_addressee() -> None:
    raw = ("Letters of Anton Chekhov to His Family and Friends\n\nTO A. S. SUVORIN.\n\nMOSCOW, December 11, 1891.\n\n"
           "I am coming to you. My lying is unintentional. I have no money at all. I shall come when I get the various sums "
           "owing to me.\n\nYours, A. Chekhov.\n")
    text = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text
    front, body = text.split("\n---\n", 1)
    assert re.search(r'(?m)^title: "Chekhov to Suvorin"', front), front
    assert "SUVORIN" not in body and body.lstrip().startswith("@dateline MOSCOW"), body


@pytest.mark.parametrize("opening", ["August 17, 1863\n\nStockholm", "Stockholm\n\nAugust 17, 1863"])
def test_a_place_alone_beside_the_dateline_is_where_the_letter_was_written(opening: str) -> None:
    raw = (f"Letter from Bakunin to Herzen and Ogareff\n\n{opening}\n\nMy dear friends,\n\n"
           "This is the third letter I am sending you from this place. Two months ago, I had the opportunity to send you the first.\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^place: \{from: stockholm", front), front


def test_a_salutation_run_into_the_first_paragraph_and_a_dated_line_after_an_introduction() -> None:
    raw = ("The following letter was written by Peter Kropotkin to his friend, De Reijger, the Dutch anarchist, who had invited "
           "him to come to stay at Haarlem:\n\n“Moscow, Dmitrooka,\n\n“December, 23rd, 1920.\n\n“Dear Comrade De Reijger,—My "
           "heartiest thanks for your kind letter of November, which has at last reached me. All three of us are well.\n\n"
           "“Fraternal greetings,\n\n“PETER KROPOTKIN.\n\nExploité, March 9th.\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^recipients: \[reijger\]", front) and re.search(r"(?m)^date: 1920-12-23", front), front


def test_a_dateline_run_into_the_first_paragraph_gives_date_and_place() -> None:
    raw = ("TO A. S. SUVORIN.\n\nMOSCOW, December 11, 1891.... I am coming to you. My lying is unintentional. I have no money "
           "at all. I shall come when I get the various sums owing to me.\n\nYours, A. Chekhov.\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^date: .*1891-12-11", front) and re.search(r"(?m)^place: \{from: moscow", front), front


def test_a_publications_number_over_writer_and_addressee_and_a_dating_with_a_note_marker_after_the_sites_placeholder() -> None:
    assert dateline_place("<Около 10 мая 1911 года2. Капри.>") == "Капри"
    assert furniture("Loading") and furniture("Загрузка...") and not furniture("Loading the guns")
    assert furniture("We use cookies. Read the Privacy and Cookie Policy") and furniture("Мы используем файлы cookie.")
    raw = ("Архив переписки\n\nLoading\n\n17. В. Г. Короленко - А. П. Чехову.\n\n<Около 10 мая 1911 года2. Капри.>\n\n"
           "Получил Ваше письмо и книгу, за которую сердечно благодарю; прочёл её в два вечера и думаю о ней до сих пор.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    front, body = result.documents[0].text.split("\n---\n", 1)
    assert body.lstrip().startswith("Получил Ваше письмо"), body
    assert "Loading" not in body and "Короленко - А. П." not in body and "Капри" not in body, body


@pytest.mark.parametrize("text", ["В. П. МИЛЮТИНУ и В. А. АВАНЕСОВУ", "ДЛЯ ЧЛЕНОВ ПОЛИТБЮРО ЦК РКП(б)", "Н. А. И О. А. ГЕРЦЕН"])
def test_a_heading_in_capitals_may_join_two_addressees_with_a_lower_case_and_or_name_a_party_with_its_b(text: str) -> None:
    assert heading_like(text)


def test_a_line_in_capitals_with_a_lower_case_word_of_its_own_is_no_heading() -> None:
    assert not heading_like("ЦК и Политбюро")


def test_a_catalogue_title_of_an_item_names_writer_kind_addressee_place_and_date() -> None:
    h = read_heading(["Vincent van Gogh, letter to Paul Gauguin, Arles, 17 October 1888, page 1"])
    assert (h.authors, h.recipients, h.kind, h.date, h.dated) == (
        ["Vincent van Gogh"], ["Paul Gauguin"], "letter", {"when": "1888-10-17"}, "Arles, 17 October 1888")
    raw = ("Vincent van Gogh, letter to Paul Gauguin, Arles, 17 October 1888, page 1\n"
           "My dear Gauguin,\nThanks for your letter, and thanks most of all for your promise to come as early as the twentieth.\n")
    front, body = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)
    assert body.lstrip().startswith("@salute My dear Gauguin,") and re.search(r"(?m)^date: 1888-10-17$", front), (front, body)
    assert re.search(r"(?m)^place: \{from: arles\}$", front), front
    assert not read_heading(["Vincent van Gogh, a letter of his to Paul Gauguin"]).recipients


def test_the_town_after_the_addressee_on_a_telegrams_one_address_line_is_the_place_sent_to() -> None:
    for address, town in (("General Schofield. St. Louis, Mo.:", "(?:st-)?louis"), ("Robert T. Lincoln: New York, Fifth Avenue Hotel:", "new-york")):
        raw = (f"TELEGRAM TO GENERAL J. M. SCHOFIELD.\n\nWar department, Washington, July 13, 1863.\n\n{address}\n\n"
               "I regret to learn of the arrest of the Democrat editor. I fear this loses you the middle position.\n\nA. Lincoln.\n")
        front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
        assert re.search(rf"(?m)^place: \{{from: washington, to: {town}\}}$", front), front


def test_the_place_of_a_dateline_broken_over_two_lines_is_on_the_line_above_the_date() -> None:
    raw = ("INTIMATION OF ARMISTICE PROPOSALS\n\nFrom James R. Gilmore\nto governor Vance.\n\n"
           "President’s room, white house, Washington,\n\nJuly [15?] 1864.\n\nHIS EXCELLENCY ZEBULON B. VANCE.\n\n"
           "My dear sir:—My former business partner has forwarded to me a letter he has recently received from his brother.\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^place: \{from: washington\}$", front) and re.search(r"(?m)^date: 1864-07-15$", front), front


def test_a_rank_and_a_surname_over_the_salutation_name_the_addressee_even_in_lower_case() -> None:
    raw = ("Major-general grant:\n\nMy dear general:—I do not remember that you and I ever met personally. I write this now as "
           "a grateful acknowledgment of the almost inestimable service you have done the Country.\n\nYours very truly,\n\nA. Lincoln.\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^recipients: \[grant\]$", front), front


@pytest.mark.parametrize(("line", "recipient"), [("The Queen to the Earl of Clarendon.", "Clarendon"),
                                                 ("Queen Victoria to the Duke of Wellington", "Wellington")])
def test_a_peer_addressed_by_his_title_is_the_person_of_that_title(line: str, recipient: str) -> None:
    assert read_heading([line]).recipients == [recipient]


@pytest.mark.parametrize("line", ["Search form", "Collection Search", "Jump to: navigation, search", "No comments:", "Post a Comment",
                                  "Комментариев нет", "Read letter", "Читать далее", "Share this:", "Страница 2", "Страницы: 1 2",
                                  "Page 3 of 12"])
def test_the_controls_of_a_site_are_furniture(line: str) -> None:
    assert furniture(line), line


@pytest.mark.parametrize("line", ["Search the house, and you will find it.", "Read letter after letter, he wept.",
                                  "Страница из дневника", "Page 499", "Share this news with your mother."])
def test_a_sentence_that_begins_as_a_control_is_not_furniture(line: str) -> None:
    assert furniture(line) != "a control of the site", line
