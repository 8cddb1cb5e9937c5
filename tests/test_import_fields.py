"""`edition import`: fields of a document read from its own lines (a salutation, a signature) when the register does not
know the person they name, and header lines of an edition kept out of the text."""

from __future__ import annotations

import re

from test_importer import PERSONS, REGISTER

from edition.interchange.importer import import_raw
from edition.interchange.raw_described import described
from edition.interchange.raw_meta import read_heading
from edition.model.corpus import Person
from edition.model.diagnostics import Pos


def _one(raw: str) -> str:
    (doc,) = import_raw(raw, "page.txt", PERSONS, REGISTER).documents
    return doc.text


def test_a_salutation_with_a_surname_the_register_lacks_names_the_recipient() -> None:
    raw = ("Comrade Weissbrot,\n\nYou happen to be in Vienna. I hope you will do everything you can to find the Lefts.\n\n"
           "Yours,\n\nLenin\n\n11/XI. 1918\n")
    text = _one(raw)
    assert "recipients: [weissbrot]" in text and 'title: "Lenin to Weissbrot"' in text


def test_a_salutation_to_a_friend_or_a_comrade_names_no_one() -> None:
    for greeting in ("Dear Comrade,", "Dear Friend,", "My dear Sir,"):
        raw = f"{greeting}\n\nI was very glad to get your letter of the 21st, and I answer it at once.\n\nYours,\n\nLenin\n"
        assert "recipients:" not in _one(raw), greeting


def test_initials_and_a_surname_the_register_lacks_sign_the_letter() -> None:
    raw = ("8 марта 1863. Лондон.\n\nБлагодарю вас от всей души за присылку рисунка, книгу мне прислали.\n\n"
           "Усердно кланяюсь вам.\n\nА. Герцен.\n\nОгарев благодарит за память.\n")
    text = _one(raw)
    assert "@signed А. Герцен." in text and "authors: [" in text


def test_a_printed_source_broken_over_two_lines_is_no_text() -> None:
    raw = ("Кагановичу. Молотову.\n\nОбратите серьезнейшее внимание на Украину, примите там все меры.\n\nПривет! И. Сталин.\n\n"
           "2/ VII -32\n\nСталин и Каганович. Переписка.\n\n1931-1936 гг. С.210.\n\nРГАСПИ Ф. 81, Оп. 3, Д. 99, Л. 14.\n")
    text = _one(raw)
    body = text.split("\n---\n", 1)[1]
    assert "Переписка" not in body and "С.210" not in body, body
    assert "#   " in text.split("\n---\n", 1)[0] and "1931-1936 гг. С.210." in text


def test_a_labelled_source_runs_on_over_a_blank_line_when_its_next_line_goes_on_in_lower_case() -> None:
    raw = ("Сталин И.В.\n\nПисьмо В.И. Ленину\n\nИсточник:\n\nСталин И.В. Cочинения. – Т. 17. – Тверь: Научно-издательская\n\n"
           "компания “Северная корона”, 2004. С. 67.\n\n31 дня августа 1918 г.\n\nДорогой Владимир Ильич!\n\n"
           "Нам достоверно известно, что положение Воронежа шатко.\n\nВаш Сталин.\n")
    body = _one(raw).split("\n---\n", 1)[1]
    assert "Северная корона" not in body and body.lstrip().startswith("@dateline 31 дня августа 1918 г."), body


def test_a_labelled_source_runs_on_over_a_blank_line_after_a_line_that_ends_with_a_dash() -> None:
    raw = ("Сталин И.В.\n\nТелеграмма товарищу Комарову\n\nИсточник:\n\nСталин И.В. Cочинения. – Т. 15. –\n\n"
           "М.: Издательство “Писатель”, 1997. С. 102.\n\n"
           "Надеюсь, что Академия наук СССР возглавит движение новаторов в области науки и производства.\n\n"
           "И. СТАЛИН\n")
    body = _one(raw).split("\n---\n", 1)[1]
    assert "Писатель" not in body and body.lstrip().startswith("Надеюсь"), body


def test_a_printed_source_that_ends_with_its_year_and_page_and_the_volume_line_over_it_are_no_text() -> None:
    raw = ("Сталин И.В.\n\nТелеграмма товарищу Комарову\n\n"
           "Надеюсь, что Академия наук СССР возглавит движение новаторов в области науки и производства.\n\n"
           "Председатель Совнаркома СССР\n\nИ. СТАЛИН\n\n12 апреля 1942 года\n\n"
           "Stalin I.V. Works. Volume 2 (XV). 1941–1945.\n\nStanford, California, 1967. Р. 45.\n")
    front, body = _one(raw).split("\n---\n", 1)
    assert "Stanford" not in body and "Volume 2" not in body and body.rstrip().endswith("12 апреля 1942 года"), body
    assert re.search(r"(?m)^date: 1942-04-12$", front), front


def test_two_printed_sources_on_one_line_that_ends_with_a_year_and_a_page_are_no_text() -> None:
    raw = ("Со своей стороны сообщаю лично вам, что я опасаюсь, как бы не было упущено время до возвращения Его Величества.\n"
           "– Благодарю вас за принятый на себя труд. Генерал Алексеев.\n"
           "Красный архив. 1927. № 2 (21). С. 11–12; Скорбный путь Михаила Романова: От престола до Голгофы. Документы, "
           "материалы следствия, дневники, воспоминания / Сост. В. М. Хрусталев, Л. А. Лыкова. Пермь, 1996. С. 35–36.\n")
    body = _one(raw).split("\n---\n", 1)[1]
    assert "Красный архив" not in body and body.rstrip().endswith("Генерал Алексеев."), body


def test_an_editions_dating_in_both_styles_under_a_writer_and_addressee_is_no_text() -> None:
    raw = ("И. С. Тургенев - Н. А. Некрасову\n\n2(14). IX 1855 г.\n\n<...> Надо будет непременно в течение нынешней зимы "
           "заняться изданием собрания твоих стихотворений.\n")
    text = _one(raw)
    body = text.split("\n---\n", 1)[1]
    assert "1855" not in body and "date: {when: 1855-09-02" in text, text


def test_a_dating_in_words_with_goda_under_an_addressee_heading_is_no_text() -> None:
    raw = ("ПИСЬМО  Л. М. КАГАНОВИЧУ, В. М. МОЛОТОВУ\n\n2 июля 1932 года\n\nКагановичу. Молотову.\n\n"
           "Обратите серьезнейшее внимание на Украину, примите там все меры.\n\nПривет! И. Сталин.\n\n2/ VII -32\n")
    body = _one(raw).split("\n---\n", 1)[1]
    assert "1932 года" not in body and "Молотову" in body.split("\n\n")[0], body


def test_a_dateline_in_words_under_a_writer_and_addressee_stays_the_text() -> None:
    raw = ("Горький - Чехову\n\nКонец апреля 1899 г. Н. -Новгород\n\nВ том, что оба мы одновременно написали друг другу, "
           "есть что-то славное.\n\nВаш А. Пешков\n")
    body = _one(raw).split("\n---\n", 1)[1]
    assert body.lstrip().startswith("@dateline Конец апреля 1899 г."), body


def test_a_number_in_round_brackets_glued_to_a_word_anchors_the_note_of_that_number() -> None:
    raw = ("Letter to V.I. Lenin\n\nDear Comrade Lenin,(1)\n\nThe fight is on for the South and the Caspian. We need several light destroyers.\n\n"
           "Yours, Stalin\n\nAugust 31, 1918\n\n(1) On receiving the letter, Lenin sent it to Petrograd as his personal directive.\n")
    text = _one(raw)
    assert "Lenin},{n:editor:1}" in text and '"1":' in text, text


def test_a_transcription_label_alone_is_metadata() -> None:
    raw = ("Letter to V.I. Lenin\n\nSource: J. V. Stalin, Works, Volume 4, pages 129.\nTranscription: Hari Kumar for Alliance-ML\n\n"
           "Dear Comrade Lenin,\n\nThe fight is on for the South and the Caspian. We need several light destroyers.\n\nYours, Stalin\n")
    body = _one(raw).split("\n---\n", 1)[1]
    assert "Hari Kumar" not in body, body


def test_an_editions_heading_to_the_addressee_with_the_date_in_brackets_and_a_note_marker() -> None:
    raw = ("skip to content\n\nTo JD. Hooker   [23 October 1857]1\n\nDown Bromley Kent\n\nFriday Evening\n\nMy dear Hooker\n\n"
           "I have just sent off the Box to Bromley, so you can send for it on Monday morning.\n\nMost truly yours | C. Darwin\n")
    text = _one(raw)
    front, body = text.split("\n---\n", 1)
    assert 'title: "Darwin to Hooker"' in front and "date: 1857-10-23" in front and "language: en" in front, front
    assert "skip to content" not in body and "Hooker   [" not in body and "@salute My dear Hooker" in body, body


def test_a_heading_to_the_addressee_from_the_writer_and_the_writers_byline_under_it() -> None:
    raw = ("Permanent link for this document:\nhttps://founders.archives.gov/documents/Hamilton/01-20-02-0243\n\n"
           "To Alexander Hamilton from George Washington, 3 November 1796\n\nFrom George Washington1\n\nPrivate\n\n"
           "Philadelphia 3d. Novr. 1796\n\nMy dear Sir,\n\nAfter my letter of yesterday was despatched to you, the draught was presented.\n\n"
           "I am Your affectionate friend\n\nGo: Washington\n")
    text = _one(raw)
    front, body = text.split("\n---\n", 1)
    assert 'title: "Washington to Hamilton"' in front and "date: 1796-11-03" in front, front
    assert body.lstrip().startswith("@lines Private") and "founders.archives" not in body and "From George" not in body, body


def test_a_surname_with_letters_no_romanization_of_russian_writes_is_not_russian() -> None:
    from edition.registers.names import russian_name
    assert not russian_name("Darwin, C.") and not russian_name("Baldwin") and russian_name("Stalin, I. V.")


def test_a_title_spells_a_register_surname_as_its_alias_does_without_the_soft_sign() -> None:
    raw = "TELEGRAM TO ZINOVIEV\n\nPetrograd. Zinoviev.\n\nSend the regiments at once.\n\nLenin\n"
    assert 'title: "Lenin to Zinoviev"' in _one(raw)


def test_a_proposed_surname_takes_the_english_spelling_of_a_known_foreign_or_russian_name() -> None:
    raw = "8 марта 1863. Лондон.\n\nБлагодарю вас от всей души за присылку рисунка.\n\nУсердно кланяюсь вам.\n\nА. Герцен.\n"
    text = _one(raw)
    assert "authors: [herzen]" in text, text


def test_a_bracketed_note_marker_on_an_addressee_heading_is_no_part_of_the_name() -> None:
    raw = ("To:   N. OSINSKY[1]\n\nDear Comrade,\n\nI was very glad to get your letter of 21/I, and I answer at once.\n\n"
           "All the best....\n\nNotes\n\n[1] This letter is a postscript to that of Krupskaya.—Ed.\n")
    text = _one(raw)
    assert "recipients: [osinsky]" in text and "[1]" not in text.split('title:')[1].split("\n")[0], text


def test_the_register_calling_the_authors_german_makes_german_the_language_of_the_original() -> None:
    persons = {**PERSONS, "engels": Person("engels", "Engels, F.", "", "", "German socialist, collaborator of Marx", ["Engels"],
                                           Pos("persons.yaml"))}
    raw = "Dear Moor,\n\nI have been waiting for your letter for a week and now I answer it at once.\n\nYours,\n\nF. Engels\n"
    (doc,) = import_raw(raw, "page.txt", persons, REGISTER).documents
    assert "language: de" in doc.text and "authors: [engels]" in doc.text, doc.text


def test_footnotes_whose_numbers_the_site_lost_are_numbered_in_order_under_their_heading() -> None:
    raw = ("To JD. Hooker   [23 October 1857]\n\nMy dear Hooker\n\nI have sent off the Box to Bromley, addressed to Cavendish Sqe;1 "
           "it will reach there on Saturday Evening, so you can send for it.\n\nMost truly yours | C. Darwin\n\nFootnotes\n\n"
           "The address is that of CD’s brother, Erasmus Alvey Darwin.\n")
    text = _one(raw)
    assert "Sqe;{n:editor:1}" in text and "@unplaced" not in text, text


def test_letters_of_a_mutilated_manuscript_restored_in_angle_brackets_are_supplied() -> None:
    raw = ("My dear Sir,\n\nIf the publication was to take place o⟨ther⟩wise than through Congress, it will not end wi⟨th⟩ the "
           "Secretarys letter, and I give you this note & ⟨a⟩ccount.\n\nI am Your affectionate friend\n\nGo: Washington\n")
    text = _one(raw)
    assert "o{sup|ther}wise" in text and "wi{sup|th}" in text and "{sup|a}ccount" in text, text


def test_an_eighteenth_century_dateline_gives_the_date_and_the_place() -> None:
    from edition.interchange.raw_dates import is_dateline, read_date
    assert is_dateline("Philadelphia 3d. Novr. 1796") and read_date("3d. Novr. 1796") == {"when": "1796-11-03"}
    assert read_date("Septr. 12, 1787") == {"when": "1787-09-12"} and read_date("Jany. 2d. 1790") == {"when": "1790-01-02"}


def test_sent_to_a_town_in_the_editions_trailer_is_the_place_sent_to() -> None:
    raw = ("Published:\nFirst published in 1940.\nSent to Vienna.\nPrinted from the original.\n\nComrade Weissbrot,\n\n"
           "You happen to be in Vienna. I hope you will do everything you can to find the Lefts.\n\nYours,\n\nLenin\n")
    assert "to: vienna" in _one(raw)



def test_sent_from_a_town_alone_in_the_editions_trailer_is_the_place_sent_from() -> None:
    raw = ("Published:\nFirst published in 1964.\nSent from Geneva.\nPrinted from a copy.\n\nDear Comrades,\n\n"
           "Your letter received. We have sent only two letters direct to you.\n\nLenin\n")
    assert "from: geneva" in _one(raw)


def test_an_archive_portals_title_and_its_description_of_the_witness_are_no_text() -> None:
    raw = ("Записка И.В. Сталина членам Политбюро ЦК РКП(б) и секретарю ЦК РКП(б) В.М. Молотову о необходимости создания "
           "Крымской автономной республики.\nПодлинник. Рукописный текст, резолюция – автограф В.М. Молотова.\n"
           "«Членам Политбюро, т. Молотову\nПредлагаю принять путем телефонного опроса членов Политбюро решение о выделении "
           "Крымского полуострова.\nСталин 29/IV».\n")
    front, body = _one(raw).split("\n---\n", 1)
    assert "form: original" in front and "authors: [stalin]" in front, front
    assert "Записка" not in body and "Подлинник" not in body and "Предлагаю" in body, body


def test_a_description_of_the_witness_after_the_text_gives_the_archival_form() -> None:
    raw = ("2/VII 33\nДорогой Алексей Максимович!\nПисьмо - правильное. Согласен со всеми положениями письма.\nЖму руку.\n"
           "Автограф (л. 144). Подчеркивание принадлежит Сталину.\n")
    front, body = _one(raw).split("\n---\n", 1)
    assert 'form: autograph, folios: "144"}' in front and "Автограф" not in body, (front, body)
    raw = ("My dear Sir,\n\nAfter my letter of yesterday was despatched to you, the draught was presented.\n\n"
           "I am Your affectionate friend\n\nGo: Washington\n\nALS, Hamilton Papers, Library of Congress.\n")
    front, body = _one(raw).split("\n---\n", 1)
    assert "form: autograph}" in front and "ALS" not in body, (front, body)


def test_a_licence_that_ends_on_its_own_line_leaves_the_text_after_it() -> None:
    raw = ("Translated: (from the German) by Eden and Cedar Paul.\n"
           "Public Domain: Luxemburg Internet Archive 2005. This work is completely free.\n"
           "My dear little Sonya,\nThe heat is steamy and oppressive, as it so often is in Leipzig.\nWith much love,\nRosa\n")
    body = _one(raw).split("\n---\n", 1)[1]
    assert "My dear little Sonya" in body and "The heat is steamy" in body, body


def test_a_translator_label_that_names_the_language_translated_from() -> None:
    raw = ("Author : Rosa Luxemburg\nWritten: July 1916.\nTranslated: (from the German) by Eden and Cedar Paul.\n\n"
           "My dear little Sonya,\n\nThe heat is steamy and oppressive, as it so often is in Leipzig.\n\nWith much love,\n\nRosa\n")
    text = _one(raw)
    assert "language: de" in text and 'translation: {from: de, by: "Eden and Cedar Paul"}' in text and "julian" not in text, text


def test_a_project_gutenberg_banner_is_furniture() -> None:
    raw = ("Dear Suvorin,\n\nHow agonizingly my head aches to-day! I want to come to Petersburg to lie motionless indoors.\n\n"
           "Yours,\n\nA. Chekhov\n\nAll books are sourced from Project Gutenberg\n")
    front, body = _one(raw).split("\n---\n", 1)
    assert "Gutenberg" not in body and "Gutenberg" in front, body


def test_both_styles_with_the_year_inside_the_bracket_and_sent_to_before_the_next_sentence() -> None:
    from edition.interchange.raw_dates import read_date
    assert read_date("Written on January 24 (February 6, 1918)") == {"when": "1918-01-24", "calendar": "julian"}
    raw = ("TELEGRAM TO ARTHUR HENDERSON\n\nWritten on January 24 (February 6, 1918) Sent to London Written in English\n\n"
           "The Russian Socialist Government regrets inability to meet the delegation.\n\nLenin\n")
    assert "to: london" in _one(raw)


def test_a_dealers_description_of_the_letter_gives_its_writer_addressee_date_and_place() -> None:
    raw = ("Russian Communist leader, banished from Russia in 1929. TLS, one page, 8.25 x 10.75, March 31, 1938. Trotsky writes to "
           "Mr. Wechsler from his exile in Coyoacan, Mexico. In full: “During the last few weeks my American friends have made "
           "a great effort in order to safe-guard my existence and that of my wife and collaborators here in Coyoacan. They write "
           "me that you were generous as always in assuring the possibility of emergency measures. I thank you heartily in my own "
           "name and I send my respectful greetings to Madam Wechsler.” A few light "
           "creases, otherwise fine.\n")
    text = _one(raw)
    assert 'title: "Trotsky to Wechsler"' in text and "date: 1938-03-31" in text and "from: coyoacan" in text, text


def test_an_editions_dating_to_one_of_two_days_and_its_place_in_the_nominative() -> None:
    from edition.interchange.raw_dates import read_date
    assert read_date("1908 г. Сентября 2—3? Я. П.") == {"not_before": "1908-09-02", "not_after": "1908-09-03"}
    raw = ("1184. А. С. СУВОРИНУ\n\n4 июня 1892 г. Мелихово.\n\n4 июнь. Мелихово.\n\nВы не заехали ко мне, и я не знаю, где вы теперь.\n\n"
           "Ваш А. Чехов.\n")
    assert "place: {from: melikhovo}" in _one(raw)


def test_a_town_abroad_named_in_russian_is_proposed_under_its_english_name() -> None:
    raw = ("ТЕЛЕГРАММА КАНЦЛЕРУ\n\nБухарест, 11 марта 1918 г.\n\nПереговоры идут успешно, прошу указаний.\n\nКюльман\n")
    assert "from: bucharest" in _one(raw)


def test_a_chapter_of_letters_to_one_person_names_the_recipient() -> None:
    from edition.interchange.raw_meta import read_heading
    h = read_heading(["ПИСЬМА СТАЛИНУ. ИЗ ЕГО ЛИЧНОГО АРХИВА"])
    assert h.recipients == ["Сталину"] and not h.addressee, h


def test_note_one_without_its_marker_when_the_other_notes_are_anchored_is_the_lost_headings() -> None:
    raw = ("Dear Friend,\n\nYesterday I lectured on the amnesty.[2] We are all dreaming of leaving, and hope to see you.\n\n"
           "Yours,\n\nV. U.\n\n[1] This letter (postcard) to Inessa Armand in Clarens was written by Lenin on his way.\n\n"
           "[2] Lenin is referring to the declaration of the Provisional Government.\n")
    text = _one(raw)
    assert "{n:editor:1}" in text and "amnesty.{n:editor:2}" in text and "@unplaced" not in text, text


def test_in_a_town_under_a_writer_to_addressee_heading_is_the_place_sent_to() -> None:
    raw = ("Marx-Engels Correspondence 1858\n\nEngels To Marx\nIn London\n\nSource: MECW Volume 40, p. 247;\n\n"
           "Manchester, 14 January 1858\n\nDear Marx,\n\nHerewith the article, though it has just occurred to me that I slipped.\n\n"
           "Yours, F. E.\n")
    assert "to: london" in _one(raw)


def test_the_town_a_telegrams_address_ends_with_is_the_place_sent_to() -> None:
    raw = ("TELEGRAM TO G. Y. ZINOVIEV\n\n18. IV. 1919\n\nZinoviev\n\nSmolny\n\nPetrograd\n\nI have received your telegram about the "
           "Petrograd workers’ enthusiastic response to the mobilisation, and I congratulate them.\n\nLenin\n")
    text = _one(raw)
    assert "to: petrograd" in text, text
    raw = ("Telegram To J. V. Stalin\n\nStalin,\n\nRevolutionary Military Council of the South-Western Front, Kharkov\n\n"
           "Priority. By direct line\n\nFebruary 16, 1920\n\nToday I heard you and all the others very clearly, every word.\n\nLenin\n")
    assert "to: kharkov" in _one(raw)


def test_a_supplied_dating_in_angle_brackets_and_an_editors_note_sent_from_give_the_place() -> None:
    from edition.interchange.raw_placeline import dateline_place
    assert dateline_place("<25 января 1932 года. Сорренто.>") == "Сорренто"
    raw = ("Сталин — Кагановичу 19 августа 1932 г.\n\nКагановичу.\n\nСтатья Кайсарова в «Красной газете» целиком неправильна.1\n\n"
           "Сталин.\n\n1 Отправлена шифром из Сочи 19 августа в 22 час. 20 мин.\n")
    assert "from: sochi" in _one(raw)


def test_a_russian_telegrams_address_gives_the_town_sent_to_and_from() -> None:
    raw = ("ТРОЦКИЙ -- И. СМИЛГЕ\n\nНарым, Колпашево, Смилге.\n\n23 апреля.\n\nПослал четыре письма, телеграмму. От вас ничего.\n\nТроцкий\n")
    assert "to: kolpashevo" in _one(raw)
    raw = ("А. СЕДОВА - Л. СЕДОВУ\n\nАлма-Ата, Седову, из Москвы. 20 апреля 1928 г.\n\nСамочувствие лучше. Отсрочка получена.\n\nСедова\n")
    assert "place: {from: moskva, to: alma-ata}" in _one(raw)  # the test register knows neither town


def test_a_numbered_heading_of_two_full_russian_names_is_writer_then_addressee() -> None:
    from edition.interchange.raw_meta import read_heading
    h = read_heading(["Nº 181 – SOFIA ANDREEVNA TOLSTAYA LEV NIKOLAEVICH TOLSTOY"])
    assert h.authors == ["Sofia Andreevna Tolstaya"] and h.recipients == ["Lev Nikolaevich Tolstoy"], h


def test_the_dating_line_with_a_date_gives_the_place_not_a_bracketed_reference_above_it() -> None:
    from edition.interchange.importer_notes import RawBlock
    from edition.interchange.raw_meta import read_meta
    from edition.interchange.raw_page import Meta
    metas = [Meta("date", v, RawBlock([(1, 1, v)])) for v in ("[LSA 319]", "12 October 1895. [Yasnaya Polyana]")]
    assert read_meta(metas).dated == "12 October 1895. [Yasnaya Polyana]"


def test_a_copys_description_of_an_intercepted_letter_names_its_writer_and_the_addressee_on_the_envelope() -> None:
    item = described("Копия письма, полученного агентурным путем. Адрес на конверте: Москва, Кремль, г-ну Петрову\n"
                     "От Ивана Сидорова. Конец мая.")
    assert item.authors == ["Ивана Сидорова"] and item.recipients == ["Петрову"], item
    assert described("От Ивана Сидорова пришло письмо.").authors == []  # no copy described: nothing read
    raw = ("Копия письма, полученного агентурным путем. Адрес на конверте: Москва, Кремль, Городская Дума, Члену Думы "
           "Петру Ивановичу г-ну Петрову\nОт Ивана Сидорова. Конец мая.\n"
           "Здравствуй друг.\n\nПишу тебе из ссылки, денег нет и не знаю, как проведу зиму.\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert "authors: [sidorov]" in front and "recipients: [petrov]" in front, front


def test_a_date_that_a_pdfs_text_spaced_out_digit_by_digit_and_before_its_comma_is_read() -> None:
    from edition.interchange.raw_dates import read_date
    assert read_date("Written  on  July  3 ,  1 9 1 8") == {"when": "1918-07-03"}
    assert read_date("July 3, 1918") == {"when": "1918-07-03"}


def test_a_title_made_from_persons_the_register_writes_in_cyrillic_is_in_latin_letters() -> None:
    """A historian's register may spell Russians in Cyrillic ("Чехов, А. П."): the title the import makes for an
    English reader names them in the reader's transliteration, or by a Latin alias of the register, not
    'Чехов to Книппер'; the text keeps its own spelling."""
    from test_importer import person

    persons = {**PERSONS, "chekhov": person("chekhov", "Чехов, А. П."), "knipper": person("knipper", "Книппер, О. Л.", "Knipper")}
    raw = ("3120. О. Л. КНИППЕР\n\n13 августа 1900 г. Ялта.\n\nМилая, славная моя актриса, я жив, здоров, думаю о тебе и скучаю.\n\n"
           "Твой А. Чехов.\n")
    (doc,) = import_raw(raw, "page.txt", persons, REGISTER).documents
    assert 'title: "Chekhov to Knipper"' in doc.text, doc.text
    assert "Твой" in doc.text and "Чехов" in doc.text.split("---", 2)[2]


def test_spaces_inside_the_parentheses_of_a_heading_do_not_hide_the_name() -> None:
    h = read_heading(["President Adams to the Special Envoy ( Jones )"])
    assert (h.authors, h.recipients) == (["Adams"], ["Jones"]), h


def test_a_sites_heading_ending_telegram_gives_the_kind_of_its_one_document() -> None:
    raw = ("John Adams Papers: Telegram\n\nPresident Adams to the Special Envoy ( Jones )\n\n"
           "I have your message and agree that the conference should open at once. Proceed as you propose.\n\nAdams\n")
    doc = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text
    front = doc.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^kind: telegram$", front) and re.search(r'(?m)^title: "Adams to Jones"$', front), front
    raw = raw.replace(": Telegram", ": Correspondence")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^kind: letter$", front), front
