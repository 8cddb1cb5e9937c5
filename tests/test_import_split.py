"""`edition import` on where one document of a page ends and the next begins: the cues real pages give (a numbered
heading over the edition's dating, a trailer after a text) and the lines that only look like a new document."""

from __future__ import annotations

import re

from test_importer import PERSONS, REGISTER

from edition.interchange.importer import import_raw
from edition.interchange.raw_runon import run_on_pieces


def _bodies(raw: str) -> list[str]:
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    return [d.text.split("\n---\n", 1)[1] for d in result.documents]


def test_numbered_headings_over_the_editions_dating_start_documents_and_the_commentary_after_the_source_is_no_text() -> None:
    raw = ("245. В. Г. Черткову от 2 сентября.\n\n* 246. Красноярскому городскому голове.\n\n1908 г. Сентября 2—3? Я. П.\n\n"
           "Благодарю за поздравления и за оказанную честь.\n\n"
           "Печатается по копировальной книге № 8, л. 307. Телеграмма.\n\n"
           "Ответ на телеграфное извещение о намерении городской думы назвать одну из школ именем Толстого.\n\n"
           "* 247. Суворову.\n\n1908 г. Сентября 2—3? Я. П.\n\nБлагодарю избрание, рад быть полезным вашему учреждению.\n\n"
           "Печатается по копировальной книге № 8, л. 307. Телеграмма.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 2, bodies
    assert "Благодарю за поздравления" in bodies[0] and "Ответ на телеграфное" not in bodies[0]
    assert "245." not in bodies[0] and "Благодарю избрание" in bodies[1]


def test_a_number_and_the_editions_date_over_a_heading_are_one_document_and_the_site_title_lines_are_no_letter() -> None:
    raw = ("J. V. Stalin\n\nCorrespondence with Winston S. Churchill and Clement R. Attlee\n\n1942\n\n"
           "Publisher : Progress Publishers, Moscow, USSR\n"
           "Public Domain : Marxists Internet Archive (2010). You may freely copy, distribute, display and perform this work.\n\n"
           "No. 28\n\nReceived on January 5, 1942\n\nW. CHURCHILL TO J. V. STALIN*\n\n"
           "I am much concerned to read in the American papers the article in the Pravda of December 31st.\n\n"
           "No. 29\n\nSent on January 8, 1942\n\nJ. V. STALIN TO W. CHURCHILL*\n\n"
           "Thank you for the message and your solicitude for the progress of Soviet-American relations.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 2, [d.text for d in result.documents]
    first, second = (d.text for d in result.documents)
    assert first.split("\n---\n", 1)[1].lstrip().startswith("I am much concerned"), first
    assert "Received on" not in first.split("\n---\n", 1)[1] and "not_after: 1942-01-05" in first, first
    assert "date: 1942-01-08" in second, second


def test_a_catalogue_line_before_the_heading_is_the_pages_title_not_a_letters_end() -> None:
    raw = ("Горький М. - Чехову А.П. (26 или 28 августа [7 или 9 сентября] 1899, Н. Новгород)\n\nА. П. ЧЕХОВУ\n\n"
           "26 или 28 августа [7 или 9 сентября] 1899, Н. Новгород.\n\nДорогой Антон Павлович!\n\n"
           "Сейчас прочитал в «Жизни» статью Соловьёва о Вас. Недоволен, хотя по адресу Михайловского он дельно говорит.\n")
    assert len(_bodies(raw)) == 1


def test_the_end_of_a_letter_before_the_first_heading_is_still_a_partial_document() -> None:
    raw = ("Завтра принимаюсь за работу, и потому прошу Вас ответить поскорее, пока я ещё в Мелихове.\n\nВаш А. Чехов.\n\n1131. И. П. ЧЕХОВУ\n\n5 марта 1892 г. Мелихово.\n\n"
           "5 марта. Мелихово.\n\nВот тебе указ от господ помещиков. Привези рубанок и щетку для чистки лошадей.\n")
    assert len(_bodies(raw)) == 2


def test_a_text_after_the_editions_trailers_that_has_trailers_of_its_own_is_the_next_document() -> None:
    raw = ("т. Молотову. Если память мне не изменяет, в газетах напечатано письмо или циркуляр ЦК насчет 1 мая.\n"
           "Надо издать дополнительно письмо или циркуляр. Если Секретариат не согласен, то в Политбюро.\nЛенин\n\n"
           "Написано между 9 и 21 апреля\n1921 г. Впервые напечатано в 1945 г.\n\n"
           "Ростов-на-Дону. Представителю ВЧК Русанову для срочной передачи т. Фомину. Расшифровать лично.\n"
           "В Цека решили назначить наркомом путей т. Дзержинского. Прошу Вас прислать мне шифром Ваш отзыв.\n"
           "10/IV. 1921. Ленин\n\nВпервые напечатано в 1932 г.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 2, bodies
    assert "Ростов-на-Дону" not in bodies[0] and bodies[1].lstrip().startswith("Ростов-на-Дону"), bodies


def test_commentary_after_the_editions_source_line_stays_commentary() -> None:
    raw = ("* 246. Суворову.\n\n1908 г. Сентября 2—3? Я. П.\n\nБлагодарю избрание, рад быть полезным вашему учреждению.\n\n"
           "Печатается по копировальной книге № 8, л. 307.\n\n"
           "Ответ на телеграфное извещение из г. Пирятина об избрании Толстого в члены Общества помощи учащимся детям.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and "Пирятина" not in bodies[0], bodies


def test_the_commentary_after_printed_from_under_the_last_words_of_a_letter_begun_on_the_page_before_is_no_text() -> None:
    raw = ("Любящий вас брат\nПечатается по копии.\n"
           "Николай Дмитриевич Платонов (р. 1886) из Петербургской губернской тюрьмы был переведен в Ярославскую.\n"
           "166. А. К. Чертковой от 30 августа.\n1910 г. Августа 31 — сентября 1. Кочеты.\n31 авг. 1910. Кочеты.\n"
           "Уважаемая А. Ф.\nК тому письму, которое я писал вам, считаю нужным прибавить просьбу о том, чтобы вы записывали.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 2 and "Любящий вас брат" in bodies[0] and "Платонов" not in bodies[0], bodies


def test_a_table_of_contents_is_dropped_and_starts_no_document() -> None:
    raw = ("Michail Bakunin\n\nLetters to Herzen and Ogareff\n\nContents\n\n1861, from San Francisco 3\n\n1861, Fragment I 4\n\n"
           "Project Declaration to the Polish People 5\n\nThe Cloche and the Polish People 6\n\n1863 7\n\n"
           "October 3, 1861\nSan Francisco\n\nMy dear friends,\n\n"
           "I was able to escape Siberia and after having traveled for a long time I have finally arrived in San Francisco.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    body = result.documents[0].text.split("\n---\n", 1)[1]
    assert "Polish People" not in body and "Fragment I" not in body, body


def test_a_signature_alone_before_the_first_heading_is_unplaced_and_a_title_ending_in_a_pictograph_is_furniture() -> None:
    raw = ("Тайные страницы истории - Николаевский Борис Иванович (чтение книг .TXT) 📗\nБУСШЕ\n"
           "ПОСОЛ В МОСКВЕ — КАНЦЛЕРУ\nОтчет № 9\n30 апреля 1918 г.\n"
           "Москва, священный город, символ царской власти, святыня православной церкви, в руках у большевиков.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    text = result.documents[0].text
    body = text.split("\n---\n", 1)[1]
    assert "@unplaced" in body and "БУСШЕ" in body and "Тайные страницы" not in body, body


def test_a_publications_introduction_before_its_first_numbered_letter_is_that_letters_headnote() -> None:
    raw = ("“ЖМУ ВАШУ РУКУ, ДОРОГОЙ ТОВАРИЩ”\n\nПереписка Максима Горького и Иосифа Сталина. Публикация и комментарии Т. Дубинской\n\n"
           "Предлагаем вниманию читателей продолжение переписки М. Горького и И. Сталина, хранящейся в Архиве Президента.\n\n"
           "1\n\nМ. ГОРЬКИЙ — И. В. СТАЛИНУ\n\n<25 января 1932 года. Сорренто.>\n\nДорогой Иосиф Виссарионович —\n\n"
           "Прилагая копию письма моего Илье Ионову, я очень прошу Вас обратить внимание на это дело.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    front, body = result.documents[0].text.split("\n---\n", 1)
    assert body.lstrip().startswith("@salute Дорогой Иосиф"), body
    assert "Предлагаем вниманию" in front and "1932-01-25" in front, front


def test_a_complete_works_page_run_into_one_line_is_cut_at_its_numbered_headings() -> None:
    raw = ("Искренно преданный и уважающий А. Чехов. Чехову И. П., 5 марта 1892*1131. И. П. ЧЕХОВУ 5 марта 1892 г. Мелихово. "
           "5 марта. Мелихово. Вот тебе указ от господ помещиков. Привези рубанок, лошадиную скребку и щетку для чистки лошадей. "
           "Твой А. Чехов. Тихонову В. А., 6 марта 1892*1132. В. А. ТИХОНОВУ 6 марта 1892 г. Мелихово. 6 март. Станция Лопасня "
           "Московско-Курск. дороги. Это мой новый адрес, сударь. Намотайте его себе на ус. Пишите. Ваш\n")
    bodies = _bodies(raw)
    assert len(bodies) == 3, bodies
    assert "Искренно преданный" in bodies[0]
    assert bodies[1].startswith("5 марта. Мелихово.") and "1131" not in bodies[1] and "Чехову И. П." not in bodies[1], bodies[1]
    assert bodies[2].startswith("6 март. Станция Лопасня"), bodies[2]


def test_a_heading_and_a_trailer_run_into_a_paragraph_are_cut_off_and_a_volumes_preface_is_no_letter() -> None:
    raw = ("Letters Lenin to Trotsky\n\nVolume 44 publishes a letter of Lenin's to the Central Committee dated June 17, 1919, "
           "which, like a number of other documents, shows how he regarded the Central Committee.\n\n"
           "TELEGRAM TO ARTHUR HENDERSON 24 The Russian Socialist Government regrets inability to participate in the Allied "
           "Socialist Conference as being contrary to the principles of Internationalism. We object to division of the working "
           "class according to Imperialist grouping. If British Labour agrees to Russian peace aims, such division is still more "
           "unwarranted. Written on January 24 (February 6, 1918) Sent to London\n\nNOTE TO V. N. PODBELSKY\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 2, [d.text for d in result.documents]
    body = result.documents[0].text.split("\n---\n", 1)[1]
    assert body.lstrip().startswith("The Russian Socialist Government"), body
    assert "TELEGRAM TO" not in body and "Written on" not in body and "Volume 44" not in body, body
    assert "authors: [lenin]" in result.documents[0].text, result.documents[0].text


def test_a_to_line_inside_the_head_of_a_letter_is_no_heading_but_one_after_a_blank_line_is() -> None:
    raw = ("Bukharin's Letter to Stalin, 10 December 1937\n\nVERY SECRET [ves'ma sekretno]\n"
           "Request no one be allowed to read this letter without the express permission of I. V. Stalin.\n"
           "To: I.V. Stalin. 7 pages + 7 pages of memoranda.\n\nIosif Vissarionovich:\n\n"
           "This is perhaps the last letter I shall write to you before my death, and I ask you to permit me to write it.\n")
    assert len(_bodies(raw)) == 1
    raw = ("I remain yours, and I shall write again when the congress is over and the delegates have gone home.\n\n"
           "V. Ulyanov\n\nTo:   MAXIM GORKY\n\nDear A. M., I have received your letter and thank you for it with all my heart.\n")
    assert len(_bodies(raw)) == 2


def test_documents_an_article_quotes_after_lines_that_introduce_them_are_documents_and_a_postscript_is_no_new_one() -> None:
    raw = ("Lenin’s hanging order for the kulaks (1918)\n\n"
           "Lenin’s hanging order against the kulaks was sent to commissars in Penza in August 1918:\n\n"
           "“Comrades! The revolt by the five kulak volosts must be suppressed without mercy. Telegraph us acknowledging receipt.”\n\n"
           "“P.S. Use your toughest people for this”\n\nApproximately one week later, Lenin sent this follow up telegram:\n\n"
           "“I am extremely indignant that there has been absolutely nothing definite from you. Telegraph fulfilment.”\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 2, [d.text for d in result.documents]
    first, second = (d.text.split("\n---\n", 1) for d in result.documents)
    assert first[1].lstrip().startswith("“Comrades!") and "P.S. Use your toughest" in first[1], first[1]
    assert "hanging order against" in first[0] and "hanging order against" not in first[1], first
    assert second[1].lstrip().startswith("“I am extremely") and "one week later" in second[0], second
    assert "kind: telegram" in second[0], second[0]


def test_a_dateline_that_opens_as_the_letters_did_starts_the_next_letter_under_the_same_heading() -> None:
    raw = ("To A. S. Suvorin.\n\nMOSCOW, October 16, 1891.\n\n"
           "I congratulate you on your new cook, and wish you an excellent appetite. Wish me the same, for I am coming soon.\n\n"
           "If you want to visit the famine-stricken provinces, let us go together in January.\n\nMOSCOW, October 19, 1891.\n\n"
           "I am sending you the story, and I beg you to read it before you print it.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 2, [d.text for d in result.documents]
    assert all("recipients: [suvorin]" in d.text for d in result.documents), [d.text for d in result.documents]


def test_a_form_and_number_under_a_heading_is_the_documents_first_line() -> None:
    raw = ("СТАТС-СЕКРЕТАРЬ ИНОСТРАННЫХ ДЕЛ — В МИД ГЕРМАНИИ\nТелеграмма № 88\nБухарест, 11 марта 1918, 11.45\n"
           "Общая ситуация настолько неопределенна, что я советовал бы воздержаться от каких бы то ни было комментариев.\nКЮЛЬМАН\n")
    bodies = _bodies(raw)
    # the signature in capitals signs it, so the line is one of the telegram's opening lines, not an article's heading
    assert len(bodies) == 1 and re.match(r"@(?:heading|lines) Телеграмма № 88\n", bodies[0].lstrip()), bodies
    assert "@signed КЮЛЬМАН" in bodies[0], bodies


def test_a_letter_quoted_whole_inside_a_run_on_description_is_the_text_and_the_description_around_it_is_not() -> None:
    raw = ("Russian Communist leader who organized the seizure of power in 1917. TLS, one page, March 31, 1938. Trotsky writes "
           "to Mr. Wechsler from his exile in Coyoacan, Mexico. In full: “During the last few weeks my American friends have "
           "made a great effort in order to safe-guard my existence and that of my wife and collaborators here in Coyoacan. "
           "I thank you heartily and I send my respectful greetings to Madam Wechsler.” A few light creases and tiny edge "
           "tears, otherwise fine, clean condition.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1
    assert bodies[0].lstrip().startswith("“During the last few weeks"), bodies[0]
    assert "Russian Communist leader" not in bodies[0] and "light creases" not in bodies[0], bodies[0]


def test_a_sentence_that_begins_like_a_trailer_inside_a_long_paragraph_is_not_cut_off() -> None:
    raw = ("Дорогой Алексей Максимович! Прочитал Вашу повесть и спешу сказать, что она мне очень понравилась, хотя местами "
           "она длинна и требует правки. Написано хорошо, крепко, и люди живые, а не выдуманные, как бывает у многих. "
           "Я бы советовал Вам только сократить начало и конец, они тяжелы и не нужны для дела, которое Вы задумали. "
           "Впрочем, решайте сами, Вам виднее.\n\nВаш А. Чехов.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and "Написано хорошо" in bodies[0], bodies


def test_an_address_line_over_a_dateline_and_a_salutation_are_the_letters_text_not_its_title() -> None:
    raw = ("Kilmainham Gaol\n\n\nMay 11th 1916\n\nMy dear Brothers and Sisters\n\n"
           "I sincerely hope that this letter will not come as a surprise to any of you, and above all that none of you will worry.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    front, body = result.documents[0].text.split("\n---\n", 1)
    assert body.lstrip().startswith("@lines Kilmainham Gaol") and "@salute My dear Brothers" in body, body
    assert "@unplaced" not in body, body


def test_a_heading_numbered_with_n_ordinal_and_the_editors_date_and_place_under_it_are_no_text() -> None:
    raw = ("Nº 181 – SOFIA ANDREEVNA TOLSTAYA LEV NIKOLAEVICH TOLSTOY\n[LSA 319]\n12 October 1895. [Yasnaya Polyana]\n\n"
           "These past days I have been walking around with a stone in my heart, but I dared not bring it up with you.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and bodies[0].lstrip().startswith("These past days"), bodies


def test_a_title_over_the_editors_paragraph_before_a_quoted_letter_is_no_part_of_the_letter() -> None:
    raw = ("ПИСЬМА СТАЛИНУ. ИЗ ЕГО ЛИЧНОГО АРХИВА\nА. В. Луначарский: «Не забудьте меня...»\n"
           "Весна 1925 года. В партии продолжается дискуссия по поводу статьи Л. Д. Троцкого «Уроки Октября». И он обращается с письмом.\n\n"
           "«1 апреля 1925 года\nСов. секретно\nДорогой\nКак, вероятно, и многие другие, - я нахожусь в странном положении.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and "Луначарский: «Не забудьте" not in bodies[0] and "Весна 1925" not in bodies[0], bodies


def test_a_volumes_number_over_the_end_of_a_letter_is_the_pages_not_the_letters() -> None:
    raw = ("Том 17\nНу, пока все. До свидания.\nЦелую кепко.\nИосиф.\n29/IX-31\n"
           "Телеграмма Л.М. Кагановичу 30 сентября 1931 года\nМосква. ЦК ВКП(б). Т. Кагановичу.\n"
           "Слово “пламенный” заменить словом “горячий”, а в остальном проект принять.\nСталин\n")
    bodies = _bodies(raw)
    assert len(bodies) == 2 and "Том 17" not in bodies[0] and bodies[0].lstrip().startswith("Ну, пока все."), bodies


def test_an_archives_introduction_the_quoted_telegram_and_its_translation_after_it() -> None:
    raw = ("სერგო ორჯონიკიძის დეპეშა ლენინს და სტალინს\n\n"
           "დოკუმენტური დადასტურება იმისა, რომ საქართველოს დედაქალაქში შემოვიდა „სიკვდილი ცელით“, სერგო ორჯონიკიძის დეპეშაა.\n\n"
           "დოკუმენტის შინაარსი ასეთია:\n\n„Ленину, Сталину,\n\nБаку. 25.II. 21 г. Над Тифлисом реет Красное Знамя Советской Власти.\n\n"
           "Орджоникидзе“\n\nთარგმანი: „ლენინს, სტალინს, ბაქო. 25.II.21 წ. თბილისის თავზე წითელი დროშა ფრიალებს.“\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1, bodies
    assert bodies[0].lstrip().startswith("@salute „") and "თარგმანი" not in bodies[0] and "დოკუმენტური" not in bodies[0], bodies


def test_what_does_not_start_a_document_a_letters_own_quotations_a_short_quoted_phrase_a_dated_postscript() -> None:
    letter = ("TO MAXIM GORKY\n\nDear A. M.,\n\nYesterday I received this telegram from Capri, which I copy for you:\n\n"
              "“Come at once, all is ready.”\n\nI could not go, as you know, and I wrote back:\n\n“Impossible before Sunday.”\n\n"
              "Yours, V. Ulyanov\n")
    unheaded = ("My dear friend,\n\nHe told me “no”\n\nThen he wrote me this letter:\n\n“Dear Sir, I refuse.”\n\nWith love, Anna\n")
    article = ("Lenin on the Press\n\nIn 1905 Lenin wrote an article in which he said:\n\n“The press must become an organ of the Party.”\n\n"
               "This was the beginning of a long policy of control that lasted for many decades after him.\n")
    postscript = ("To A. S. Suvorin.\n\nMOSCOW, October 16, 1891.\n\n"
                  "I congratulate you on your new cook, and wish you an excellent appetite.\n\nMOSCOW, October 17.\n\n"
                  "P.S. I forgot to say that the story is ready.\n")
    for raw in (letter, unheaded, article, postscript):
        assert len(_bodies(raw)) == 1, raw
    assert "This was the beginning" in _bodies(article)[0]


def test_a_books_title_lines_over_a_letters_dateline_are_metadata_and_the_address_line_stays() -> None:
    raw = ("Letters to Herzen and\nOgareff\n\n1861-1863\n\nThe Anarchist Library\n\n1861, from San Francisco\n\n"
           "October 3, 1861\nSan Francisco\n\nMy dear friends,\n\n"
           "I was able to escape Siberia and after having traveled for a long time I have finally arrived in San Francisco.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and bodies[0].lstrip().startswith("@dateline October 3, 1861"), bodies
    raw = ("skull 4\n\nThe 1916 Easter Rising\n\nskull 4\n\n\" Kilmainham Prison\nMay 11th 1916 .\n\nMy Dear Daly ,\n"
           "Just a wee note to bid you Goodbye. I expect in a few hours to join Tom and the other heroes in a better world .\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and "Kilmainham Prison" in bodies[0] and "skull" not in bodies[0] and "Easter" not in bodies[0], bodies


def test_a_footnote_at_a_page_break_inside_the_text_goes_after_the_text_which_runs_on() -> None:
    raw = ("Против автономии Донской области ничего\n\n"
           "* Центральный исполнительный комитет Советов Румынского фронта, Черноморского флота и Одесской области.\n\n"
           "не имею. Географические границы этой автономии должны быть определены по соглашению с соседними областями.\n\n"
           "Послать к Вам делегата не можем, здесь все заняты по горло.\n\nЛенин, Сталин\n\nНаписано 28 февраля 1918 г.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1, bodies
    text = "\n".join(p for p in bodies[0].split("\n\n") if not p.startswith("@unplaced"))
    assert "Центральный исполнительный" not in text and text.rstrip().split("\n")[-1].startswith("@signed"), bodies[0]


def test_a_sentence_begun_on_the_page_before_the_first_heading_is_unplaced() -> None:
    raw = ("населения по вопросу о принадлежности к той или иной области. Я кончил.\n"
           "Письмо В.И. Ленину 27 декабря 1917 года\n27/ХII, 5 часов\nТоварищ Ильич!\n"
           "Очень прошу немедля двинуться в Питер в том расчете, чтобы завтра быть на заседании.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and bodies[0].startswith("@unplaced населения"), bodies


def test_a_numbered_note_of_the_document_before_the_first_heading_is_unplaced() -> None:
    raw = ("Читаем ПСС. Том 78. Письма, 1908 полностью\n\n1 Эта мысль Ж. Ж. Руссо помещена Толстым в «Круге чтения» 17 сентября.\n\n"
           "* 247. Суворову.\n\n1908 г. Сентября 2—3? Я. П.\n\nБлагодарю избрание, рад быть полезным вашему учреждению.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and bodies[0].startswith("@unplaced 1 Эта мысль"), bodies


def test_a_run_on_page_of_numbered_letters_splits_at_headings_with_a_double_surname_or_a_two_letter_initial() -> None:
    raw = ("Письма за 1896 год. Часть 2Перейти к письму: 1601, 1602, 1603, 1604, 1605, 1606. 1600. Н. А. ЛЕЙКИНУ-ПЕТРОВУ "
           "3 мая 1896 г. Мелихово. 3 май. Получил Вашу книгу, спасибо*; читаю её по вечерам и нахожу в ней много доброго, "
           "хотя конец мне кажется торопливым и скомканным, о чём я Вам напишу подробнее, когда кончу. Будьте здоровы. "
           "Ваш А. Чехов. * большое спасибо (нем.) 1601. Ал. П. ЧЕХОВУ 5 и 7 мая 1896 г. Мелихово. 5 май. Мелихово. "
           "Милый брат, пишу тебе второпях, потому что почта уходит через час.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 2, [d.text for d in result.documents]
    first, second = (d.text.split("\n---\n", 1) for d in result.documents)
    assert first[1].lstrip().startswith("3 май. Получил") and "1601, 1602" not in first[1], first[1]
    assert "спасибо{n:editor:1};" in first[1] and "большое спасибо" not in first[1] and "большое спасибо" in first[0], first
    assert second[1].lstrip().startswith("5 май. Мелихово."), second[1]
    assert "not_before: 1896-05-05" in second[0] and "not_after: 1896-05-07" in second[0], second[0]
    assert "1601, 1602" in first[0] + second[0] and "1601, 1602" not in second[1], first[0]  # dropped, and said so


def test_a_documents_number_and_heading_before_a_note_that_opens_with_its_addressee_are_no_page_number_and_running_head() -> None:
    raw = ("41\nЛ. Б. КАМЕНЕВУ\nт. Каменев!\nНадо внести в Политбюро во вторник, и без проволочек.\n17/IV. Ленин\n"
           "Написано 17 апреля 1921 г.\nВпервые напечатано в 1932 г.\nв Ленинском сборнике XX Печатается по рукописи\n"
           "42\nВ. П. МИЛЮТИНУ\nтов. Милютину Предлагаю создать комиссию для выработки формы и сроков отчетности экономсоветов.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 2, bodies
    assert bodies[1].lstrip().startswith("тов. ") and "МИЛЮТИНУ" not in bodies[1], bodies[1]


def test_a_book_that_quotes_two_letters_in_run_on_prose_with_an_archival_line_between_gives_two_documents() -> None:
    line = "Прощайте. А. П.\". АПРФ. Ф. 45. Оп. 1. Д. 719. Л. 97-97 об., 98-98 об. Автограф. Письмо ответа ждало долго. " * 4
    assert "АПРФ. Ф. 45. Оп. 1. Д. 719. Л. 97-97 об., 98-98 об. Автограф." in [p for _, p in run_on_pieces(line)]
    raw = ("\"Иван Петров. Тайны архива\" - читать интересную книгу автора Ещё раз благодарю за книгу.\n"
           "Ваш А. П.\". RGASPI, f. 17, op. 3, d. 12, ll. 5-5v., 6. Письмо это легло в папку секретаря и пролежало там "
           "две недели; на нём пометка карандашом и подпись. 3 марта 1931 года адресат ответил ему: \"Дорогой Алексей "
           "Максимович! Ваше письмо получил, спасибо за добрые слова. Книгу прочту, как только выкрою время, и напишу Вам, "
           "что о ней думаю. Пока же шлю привет и желаю здоровья. Ваш И.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 2, [d.text for d in result.documents]
    (front1, body1), (front2, body2) = (d.text.split("\n---\n", 1) for d in result.documents)
    assert body1.lstrip().startswith("Ещё раз благодарю") and "читать" not in body1 and "Письмо это легло" not in body1, body1
    assert "RGASPI" in front1 and "RGASPI" not in body1 and "читать интересную книгу" in front1, front1
    assert "Дорогой Алексей" in body2.split("\n")[0] and "адресат ответил" not in body2, body2


def test_a_salutation_on_its_own_line_begins_a_paragraph_and_a_museums_credit_line_over_it_is_metadata() -> None:
    raw = ("Vincent van Gogh, letter to Paul Gauguin, Arles, 17 October 1888, page 1\n"
           "Thaw Collection, given in honor of Charles E. Pierce, Jr., 2007\nMy dear Gauguin,\n"
           "Thanks for your letter, and thanks most of all for your promise to come as early as the twentieth.\n")
    text = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text
    front, body = text.split("\n---\n", 1)
    assert body.lstrip().startswith("@salute My dear Gauguin,") and "Thaw Collection" not in body, body
    assert "Thaw Collection, given in honor" in front, front  # kept in the draft's comments


def test_a_salutation_with_an_exclamation_mark_that_opens_a_run_on_letter_is_its_own_line() -> None:
    letter = ("Уважаемый Пётр Семёнович! Ваше письмо от десятого числа получил и прочёл с большим интересом, хотя ответить сразу "
              "не мог: был в отъезде, а вернувшись, нашёл столько дел, что не знал, за какое взяться раньше. Теперь пишу "
              "обстоятельно и по порядку, как Вы просили, обо всём, что знаю о деле и о людях, в нём занятых.\n")
    assert run_on_pieces(letter)[0][1] == "Уважаемый Пётр Семёнович!"
    body = _bodies(letter)[0]
    assert body.lstrip().startswith("@salute Уважаемый Пётр Семёнович!\n"), body
    assert [p for _, p in run_on_pieces("Дорогой друг, " + letter[26:])][0].startswith("Дорогой друг, Ваше")  # no "!": one piece


def test_a_footnote_under_the_pages_rule_and_a_running_head_with_its_number_inside_a_sentence_leave_the_text_whole() -> None:
    raw = ("ТЕЛЕГРАММА Г. Е. ЗИНОВЬЕВУ\nПетроград, Зиновьеву\nПошлю Вам к понедельнику тезисы о задачах съезда*, а затем статью или\n"
           "________\n* Речь идет о тезисах ко Второму съезду. Ред.\nЛ. А. ФОТИЕВОЙ. 5 ИЮЛЯ 1920 г. 231\n"
           "заметку о новой книге против большевизма. Известите о Вашем согласии.\nЛенин\nМосква, Кремль, 5. VII. 20 г.\n"
           "Печатается впервые, по машинописной копии\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    front, body = result.documents[0].text.split("\n---\n", 1)
    assert "статью или заметку о новой книге" in " ".join(body.split()), body
    assert "@unplaced" not in body and "ФОТИЕВОЙ" not in body and "Печатается" not in body, body
    assert "Речь идет о тезисах" in front and "Речь идет" not in body, front


def test_printed_for_the_first_time_from_a_copy_is_the_editions_trailer_not_the_text() -> None:
    raw = ("Л. А. ФОТИЕВОЙ\n\nЛидия Александровна! Пришлите мне, пожалуйста, комплект журнала за прошлый год.\n\nЛенин\n\n"
           "Печатается впервые, по рукописи\n")
    body = _bodies(raw)[0]
    assert "Печатается" not in body and "комплект журнала" in body, body


def test_the_closing_and_signature_at_the_end_of_a_letter_run_on_in_one_line_are_its_last_line() -> None:
    raw = ("5 май. Получил Вашу книгу и прочёл её в два вечера; она мне понравилась, хотя конец торопливый и скомканный, "
           "а середина растянута, о чём я Вам напишу подробнее, когда соберусь с мыслями и найду свободный час, которого "
           "у меня теперь нет, потому что весна, сад и гости. Кланяйтесь Вашей сестре. Преданный Вам А. Пчелкин.\n")
    assert run_on_pieces(raw.strip())[-1][1] == "Преданный Вам А. Пчелкин."
    body = _bodies(raw)[0]
    assert body.rstrip().endswith("@signed Преданный Вам А. Пчелкин."), body


def test_the_rows_of_a_wikis_infobox_that_give_a_label_and_its_value_are_the_letters_metadata() -> None:
    raw = ("Letter to Karl Marx, May 2, 1868\n| Author(s) | Friedrich Engels |\n|---|---|\n| Written | 2 May 1868 |\n"
           "ENGELS TO MARX\nIN LONDON\nManchester, 2 May 1868\nDear Moor,\nThe parcel came this morning, and I return the letters you wanted.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1, [d.text for d in result.documents]
    front, body = result.documents[0].text.split("\n---\n", 1)
    assert "| Written" not in body and "Friedrich Engels |" not in body and "Written: 2 May 1868" in front, result.documents[0].text


def test_printed_according_to_the_original_is_a_trailer_and_the_page_title_over_it_heads_the_same_letter() -> None:
    raw = ("Letter to Karl Marx, May 2, 1868\nPrinted according to the original\nPublished in English for the first time in 1988\n"
           "ENGELS TO MARX\nIN LONDON\nManchester, 2 May 1868\nDear Moor,\nThe parcel came this morning, and I return the letters you wanted.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and "Printed according" not in bodies[0], bodies


def test_a_title_that_opens_with_a_kind_word_at_the_end_of_the_page_is_the_next_documents_heading_not_the_texts_end() -> None:
    raw = ("Со своей стороны сообщаю лично вам, что я опасаюсь, как бы не было упущено время до возвращения Его Величества.\n"
           "– Благодарю вас за принятый на себя труд. Желаю вам полного успеха.\nГенерал Алексеев.\n"
           "Телеграмма императора Николая II председателю Совета министров князю Н. Д. Голицыну о принимаемых мерах\n")
    bodies = _bodies(raw)
    assert len(bodies) == 1 and "Телеграмма императора" not in bodies[0], bodies


def test_a_greeting_run_into_the_first_paragraph_of_a_letter_copied_in_one_line_is_its_salutation() -> None:
    raw = ("Здравствуй друг. Неловко как-то писать, но приходится: деньги все вышли, начался кашель, а морозы всё крепче, "
           "и нет запасов ни хлеба, ни сахару, ни керосина, потому что всё ушло на одежду и обувь, без которых здесь никак. "
           "Я не знаю, как проведу зиму, и потому обращаюсь к тебе с просьбой, которую ты, надеюсь, поймёшь.\n")
    body = _bodies(raw)[0]
    assert body.lstrip().startswith("@salute Здравствуй друг.\n"), body
    assert run_on_pieces("Здравствуйте. " + raw[16:])[0][1] == "Здравствуйте."


def test_the_sentence_that_introduces_a_quoted_letter_dates_it_when_it_names_a_day() -> None:
    raw = ("Lenin’s orders to Penza (1918)\n\n"
           "Lenin’s order against the kulaks was sent to commissars in Penza in August 1918:\n\n"
           "“Comrades! The revolt by the five kulak volosts must be suppressed without mercy. Telegraph us acknowledging receipt.”\n\n"
           "The commissars answered slowly. On August 19, 1918, Lenin sent this follow up telegram:\n\n"
           "“I am extremely indignant that there has been absolutely nothing definite from you. Telegraph fulfilment.”\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    first, second = (d.text.split("\n---\n", 1)[0] for d in result.documents)
    assert "date: 1918-08-19" in second and "date: 1918-08-19" not in first, (first, second)


def test_a_byline_broken_over_short_lines_under_an_editors_heading_is_the_headings_not_the_text() -> None:
    raw = ("INTIMATION OF ARMISTICE PROPOSALS\nFrom James R. Gilmore\nto governor Vance of north\nCarolina,\n"
           "with the president’s indorsement.\nPresident’s room, white house, Washington,\nJuly 15, 1864.\n"
           "HIS EXCELLENCY ZEBULON B. VANCE.\nMy dear sir:—My former business partner, Mr. Frederic Kidder, of Boston, has "
           "forwarded to me a letter he has recently received from his brother.\n")
    front, body = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)
    assert body.lstrip().split(" ", 1)[1].startswith("President’s room") and "indorsement" not in body, body
    assert "From James R. Gilmore to governor Vance of north Carolina, with" in front, front  # one line of the heading
    assert "authors: [gilmore]" in front and "recipients: [vance]" in front, front  # the office in lower case left out


def test_a_running_head_that_names_the_next_documents_addressee_and_date_dates_it() -> None:
    raw = ("ТЕЛЕГРАММА Г. Е. ЗИНОВЬЕВУ\nПетроград, Зиновьеву\nПошлю Вам к понедельнику тезисы о задачах съезда, а затем статью или\n"
           "Л. А. ФОТИЕВОЙ. 5 ИЮЛЯ 1920 г. 231\nзаметку о новой книге против большевизма.\nЛенин\nМосква, Кремль, 5. VII. 20 г.\n"
           "Печатается впервые, по машинописной копии\n407\nЛ. А. ФОТИЕВОЙ\nЛидия Александровна!\nСпасибо большое. Вы все дела "
           "переделали превосходно.\nПрошу прислать мне комплект журнала, который стоит на этажерке у стола.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 2, [d.text for d in result.documents]
    front = result.documents[1].text.split("\n---\n", 1)[0]
    assert "date: 1920-07-05" in front, front


def test_the_editions_notes_under_the_letter_s_heading_again_are_that_letter_s_not_a_second_one() -> None:
    raw = ("3120. О. Л. КНИППЕР\n\n13 августа 1900 г. Ялта.\n\nМилая, славная, великолепная моя актриса, я жив, здоров, "
           "думаю о тебе, мечтаю и скучаю оттого, что тебя здесь нет.\n\nТвой Antonio.\n\n13 авг.\n\n\nПримечания\n\n"
           "    3120. О. Л. КНИППЕР\n\n    13 августа 1900 г.\n\n    Печатается по автографу (ГБЛ). Впервые опубликовано: "
           "Письма к Книппер, стр. 56.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1, [d.text[:200] for d in result.documents]



def test_a_complete_works_running_head_in_capitals_is_furniture_and_a_number_over_an_addressee_that_does_not_decline_opens_a_letter() -> None:
    raw = ("401\nА. М. КОЛЛОНТАЙ. 17 МАРТА 1917 г.\n"
           "Если вернут наших депутатов, надо одного привезти непременно на пару неделек в Скандинавию. Крепко жму руку.\n"
           "Ваш Ленин\nПослано из Цюриха в Христианию (Осло) Впервые напечатано 27 июля |\nПечатается по рукописи |\n"
           "379\nА. М. КОЛЛОНТАЙ\n17. III. 1917.\nДорогая А. М.! Сейчас получили Вашу телеграмму, формулированную так, что почти "
           "звучит иронией.\nМы начали выработку тезисов, которые, может быть, сегодня вечером кончим.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    bodies = [d.text.split("\n---\n", 1)[1] for d in result.documents]
    assert len(bodies) == 2, bodies
    assert "Если вернут" in bodies[0] and "@signed Ваш" in bodies[0], bodies[0]
    assert not re.search(r"Послано|Печатается|КОЛЛОНТАЙ\. 17|\s\|", bodies[0]), bodies[0]
    assert "Дорогая А. М." in bodies[1] and "379" not in bodies[1] and "Если вернут" not in bodies[1], bodies[1]
    assert "17. III. 1917" in bodies[1]
    assert "when: 1917-03-17" in result.documents[1].text, result.documents[1].text


def test_dated_extracts_under_group_titles_are_one_document_each_and_a_dated_postscript_is_not() -> None:
    raw = ("Письма императрицы Александры Федоровны Николаю II\n15 сентября. Царское Село\n"
           "Не забудь опять подержать образ в руке и несколько раз причесать волосы его гребенкой перед заседанием министров.\n"
           "17 сентября\nДума существует – с этим ничего не поделаешь, а с таким усердным работником дела пойдут благополучно.\n"
           "Дневник Николая II\n1 октября. Царское Село\nОтправился с Алексеем в действующую армию. Много сидел с ним и играл.\n"
           "2 октября. Режица\nВ 9 час. прибыл в Режицу. После чая принял генерала и поехал в моторе с Алексеем за город.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 4, bodies
    assert [b.split("\n")[0] for b in bodies] == ["@dateline 15 сентября. Царское Село", "@dateline 17 сентября",
                                                   "@dateline 1 октября. Царское Село", "@dateline 2 октября. Режица"], bodies
    assert not any("Дневник" in b or "Письма императрицы" in b for b in bodies), bodies
    letter = ("15 сентября. Царское Село\nДорогой друг, пишу тебе наскоро, потому что курьер уезжает через час.\n"
              "17 сентября\nP.S. Забыла сказать тебе, что книги пришли и что я их уже прочла все до одной.\n")
    assert len(_bodies(letter)) == 1
