"""Russian and real-page shapes of `edition import`: dates, inflected names, archival lines, unplaced marks, the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, copy_project, edition_here

from edition.interchange.raw_dates import read_date
from edition.interchange.raw_meta import read_heading
from edition.registers.archives import format_citation, parse_citation
from edition.registers.load import load_archives
from edition.registers.names import NameIndex, nominatives
from edition.sources.load import load_persons

REAL = FIXTURES / "import" / "real"


@pytest.mark.parametrize("text,date", [
    ("Сталин — Кагановичу 19 августа 1932 г.", {"when": "1932-08-19"}),
    ("31 дня августа 1918 г.", {"when": "1918-08-31"}),
    ("19/VIII. 32", {"when": "1932-08-19"}),
    ("Москва, 7. XII. 1922.", {"when": "1922-12-07"}),
    ("Датировка: 1932.08.19", {"when": "1932-08-19"}),
    ("Написано 20 апреля 1918 г.", {"when": "1918-04-20"}),
    ("Written later than October 3, 1916", {"not_before": "1916-10-03"}),
    ("Letter to Inessa Armand, Prior to November 26, 1916", {"not_after": "1916-11-26"}),
    ("Between February 19 and 27, 1917", {"not_before": "1917-02-19", "not_after": "1917-02-27"}),
    ("end of August–beginning of September 1916", {"not_before": "1916-08", "not_after": "1916-09"}),
    ("конец августа — начало сентября 1916 г.", {"not_before": "1916-08", "not_after": "1916-09"}),
    ("Written on November 19 (December 2), 1917", {"when": "1917-11-19", "calendar": "julian"}),
    ("Напечатано 20 (7) марта 1918 г.", {"when": "1918-03-20"}),  # the New Style first: not an Old Style date
    ("February 27 [1915]", {"when": "1915-02-27"}),
    ("July [15?] 1864.", {"when": "1864-07-15"}),  # the day the editors supply, a conjecture
    ("29. IV(11. V) 1855 г.", {"when": "1855-04-29", "calendar": "julian"}),  # both styles, months in Roman numerals
    ("2(14). IX 1855 г.", {"when": "1855-09-02", "calendar": "julian"}),
    ("“December, 23rd, 1920.", {"when": "1920-12-23"}),  # a comma after the month
    # both styles with slashes, the year in two figures: the New Style 12 days on (1868 a leap year) says the century
    ("Женева 18 Февр./1 Марта/68", {"when": "1868-02-18", "calendar": "julian"}),
    ("Дрезден 23 апреля/5 мая/71", {"when": "1871-04-23", "calendar": "julian"}),
    ("4 мая/17 мая/1905", {"when": "1905-05-04", "calendar": "julian"}),
    ("1910 г. Августа 31 — сентября 1. Кочеты.", {"not_before": "1910-08-31", "not_after": "1910-09-01"}),  # one of two days
])
def test_dates_in_english_and_russian(text: str, date: dict[str, str]):
    assert read_date(text) == date


def test_the_place_before_a_dating_in_both_styles_with_a_year_in_two_figures() -> None:
    from edition.interchange.raw_placeline import dateline_place

    assert dateline_place("Женева 18 Февр./1 Марта/68") == "Женева"
    assert read_date("18 Февр./20 Марта/68") is None  # no century's lead: no date


def test_headings_name_writers_and_addressees_in_either_language():
    h = read_heading(["Каганович, Молотов — Сталину 29 сентября 1934 г."])
    assert (h.authors, h.recipients, h.date) == (["Каганович", "Молотов"], ["Сталину"], {"when": "1934-09-29"})
    h = read_heading(["Телеграмма Л.М. Кагановичу, В.М. Молотову 27 сентября 1931 года"])
    assert h.kind == "telegram" and h.recipients == ["Л.М. Кагановичу", "В.М. Молотову"]
    h = read_heading(["TELEGRAM", "TO  THE  PRESIDIUM  OF  THE  MOSCOW  SOVIET"])
    assert h.kind == "telegram" and h.addressee == "the Presidium of the Moscow Soviet" and not h.recipients
    assert read_heading(["Loyal to the old line"]).authors == []  # a heading inside an article, not "X to Y"


def test_inflected_russian_names_find_the_register_person():
    index = NameIndex.of_persons(load_persons(REPO, []))
    for word, pid in (("Кагановичу", "kaganovich"), ("Сталина", "stalin"), ("Ленину", "lenin"), ("Зиновьеву", "zinoviev"),
                      ("Троцкому", "trotsky"), ("Ильич", "lenin"), ("Zinoviev", "zinoviev")):
        assert index.lookup(word) == {pid}, word
    assert index.lookup("Известиям") == set() and index.lookup("стал") == set()
    assert nominatives("Аллилуевой")[0] == "Аллилуева"  # a woman's surname stays a woman's
    # a surname's dative before a place's or a given name's accusative: Maikov, Suvorin; an adjective-like surname stays so
    assert [nominatives(w)[0] for w in ("Майкову", "Суворину", "Оболонскому")] == ["Майков", "Суворин", "Оболонский"]


def test_archival_lines_as_russian_pages_write_them():
    register = load_archives(REPO, [])
    c, problems = parse_citation("РГАСПИ Ф. 558. Oп. 11. Д. 79. Л. 38. Автограф С.Чечулина.", register)
    assert problems == [] and c is not None and (c.fond, c.opis, c.delo) == ("558", "11", "79")
    assert c.notices == ("'Oп' mixes Latin and Cyrillic letters: read as 'Оп'",)  # a warning, not an error
    assert format_citation(c, register).endswith("l. 38. Autograph (С.Чечулина)")
    c, problems = parse_citation("РГАСПИ Ф. 558. Оп 11. Д. 89. Л. 96. Подлинник. Машинопись.", register)
    assert problems == [] and c is not None and c.opis == "11" and c.form is not None and c.form.value == "Typescript"
    c, problems = parse_citation("РГАСПИ Ф. 558. Оп. 11. Д. 77. Л. 58. Заверенная машинописная копий.", register)
    assert problems == [] and c is not None and c.form is not None and c.form.value == "Typescript copy"
    c, problems = parse_citation("Там же. Л. 38", register)
    assert problems == [] and c is not None and c.ibid


def _project(tmp_path: Path) -> Path:
    (tmp_path / "p").mkdir()
    root = copy_project(FIXTURES / "mini", tmp_path / "p")
    (root / "sources" / "persons.yaml").write_text(
        'stalin:\n  name: "Stalin, I. V."\nkaganovich:\n  name: "Kaganovich, L. M."\nkamenev:\n  name: "Kamenev, L. B."\n',
        encoding="utf-8")
    return root


def test_check_warns_of_untagged_inflected_russian_names(tmp_path: Path):
    root = _project(tmp_path)
    letter = root / "sources" / "letters" / "letter.md"
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.rstrip("\n") + "\n\nПередайте Кагановичу, что письмо {p:stalin|Сталина} получено.\n", encoding="utf-8")
    run = edition_here(root, "check")
    assert "'Кагановичу' may name kaganovich but is not tagged" in run.err, run.err
    assert "'Сталина' may name" not in run.err  # tagged


def test_an_import_reports_its_decisions_and_marks_what_it_could_not_place(tmp_path: Path):
    (tmp_path / "reader").mkdir()
    root = copy_project(REPO, tmp_path / "reader")
    page = REAL / "15-topreading-lenin-pss50-simbirsk-1918.txt"
    run = edition_here(root, "import", str(page), "--into", str(root / "sources" / "imported"))
    assert run.code in (0, 1), run.err
    assert "1918-04-20-lenin" in run.err and "dated 20 April 1918 (read from the line 'Написано 20 апреля 1918 г.')" in run.err
    assert "dropped as site furniture" in run.err and "left @unplaced" in run.err
    drafts = sorted((root / "sources" / "imported").glob("*.md"))
    assert len(drafts) == 2
    first = drafts[0].read_text(encoding="utf-8")
    assert "@unplaced Текст со слов «Прошу известить»" in first  # the note of the document on the page before
    assert "#   62: 62  (a page number of the printed edition)" in first or "a page number of the printed edition" in first
    check = edition_here(root, "check")
    lines = [line for line in check.err.splitlines() if "unplaced material left by 'edition import'" in line]
    assert len(lines) == 1 and lines[0].startswith(f"{drafts[0].relative_to(root)}:") or lines[0].startswith(str(drafts[0]))


def test_unknown_persons_are_proposed_in_a_register_file(tmp_path: Path):
    (tmp_path / "reader").mkdir()
    root = copy_project(REPO, tmp_path / "reader")
    page = REAL / "10-chitka-stalin-tom17-1931.txt"
    run = edition_here(root, "import", str(page), "--into", str(root / "sources" / "imported"))
    proposed = root / "sources" / "persons" / f"imported-{page.stem}.yaml"
    assert proposed.exists(), run.err
    entries = proposed.read_text(encoding="utf-8")
    assert 'kirov:\n  name: "Kirov, S. M."' in entries and "Киров" in entries
    check = edition_here(root, "check")
    assert "unknown person" not in check.err


def test_ibid_in_a_note_refers_to_the_documents_own_archival_line(tmp_path: Path):
    (tmp_path / "reader").mkdir()
    root = copy_project(REPO, tmp_path / "reader")
    page = REAL / "08-istmat-stalin-kaganovich-1932-08-19.txt"
    edition_here(root, "import", str(page), "--into", str(root / "sources" / "imported"))
    (draft,) = sorted((root / "sources" / "imported").glob("*.md"))
    text = draft.read_text(encoding="utf-8")
    assert "({arch|Там же. Л. 38})" in text and "({arch|РГАСПИ. Ф. 17. Оп. 162. Д. 13. Л. 76})" in text
    check = edition_here(root, "check")
    mine = [line for line in check.err.splitlines() if line.startswith(str(draft.relative_to(root)))]
    # A draft is in no part until the editor puts it into one: that is its only error.
    assert not [line for line in mine if ": error:" in line and "is in no part" not in line], mine
    assert any("'Oп' mixes Latin and Cyrillic letters" in line for line in mine)


def test_check_warns_of_a_name_spelt_in_two_systems_in_the_editors_text(tmp_path: Path):
    root = _project(tmp_path)
    letter = root / "sources" / "letters" / "letter.md"
    text = letter.read_text(encoding="utf-8").replace("---\n", "---\nheadnote: |\n  Sent to {p:kamenev|Kamenev}, not to {p:kamenev|L. B. Kamenyev}.\n", 1)
    letter.write_text(text, encoding="utf-8")
    run = edition_here(root, "check")
    assert "kamenev is spelt 'Kamenev' and 'Kamenyev' in the editor's text" in run.err, run.err


def test_a_signature_or_salutation_by_given_name_or_initials_names_the_one_person_so_named() -> None:
    import re

    from test_importer import REGISTER

    from edition.interchange.importer import import_raw
    from edition.interchange.raw_names import PersonMatcher
    from edition.model.corpus import Person
    from edition.model.diagnostics import Pos

    persons = {pid: Person(pid, name, "", "", "", list(aliases), Pos("persons.yaml")) for pid, name, *aliases in (
        ("stalin", "Stalin, I. V.", "Stalin, Iosif Vissarionovich"), ("lenin", "Lenin, V. I.", "Lenin, Vladimir Il'ich"),
        ("kamenev", "Kamenev, L. B.", "Kamenev, Lev Borisovich"), ("krasin", "Krasin, L. B."))}
    m = PersonMatcher(persons)
    assert m.by_given_name("Твой Иосиф.") == "stalin" and m.by_given_name("Iosif Vissarionovich:") == "stalin"
    assert m.by_given_name("Дорогой Владимир Ильич!") == "lenin" and m.by_given_name("Dear V. I.,") == "lenin"
    assert m.by_given_name("Дорогой Лев Борисович!") == "kamenev"
    assert m.by_given_name("Dear L. B.,") is None  # Kamenev and Krasin: left to the editor
    assert m.by_given_name("Dear Friend,") is None and m.by_given_name("Привет.") is None
    raw = "Здравствуй, Татька!\n\nЗдесь погода пока хорошая. Был раз на море. Купался. Очень хорошо!\n\nЦелую.\n\nТвой Иосиф.\n\n19/IX-31\n"
    front = import_raw(raw, "page.txt", persons, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^authors: \[stalin\]", front), front


@pytest.mark.parametrize(("line", "authors", "recipients"), [
    ("15 августа 1910 г. — Письмо М. К. Ганди Л. Н. Толстому с благодарностью за хороший отзыв", ["М. К. Ганди"], ["Л. Н. Толстому"]),
    ("Письмо Сталина Молотову", ["Сталина"], ["Молотову"]),  # the writer in the genitive, the addressee in the dative
    ("Письмо Ф. М. Достоевского к А. Н. Майкову", ["Ф. М. Достоевского"], ["А. Н. Майкову"]),  # "к" before the addressee
    ("ПИСЬМО  Л. М. КАГАНОВИЧУ, В. М. МОЛОТОВУ", [], ["Л. М. Кагановичу", "В. М. Молотову"]),  # a comma: both addressees
])
def test_a_letter_heading_names_writer_in_the_genitive_and_addressee_in_the_dative(line: str, authors: list[str],
                                                                                   recipients: list[str]) -> None:
    h = read_heading([line])
    assert (h.authors, h.recipients) == (authors, recipients)
    assert not line[:1].isdigit() or h.date == {"when": "1910-08-15"}


@pytest.mark.parametrize("line", ["Дорогой тов. Сталин.", "Дорогая Мария Федоровна:", "Здравствуйте.", "Милостивый государь,",
                                  "Dear Comrade,"])
def test_russian_salutations_are_greetings_whatever_their_ending(line: str) -> None:
    from edition.interchange.raw_roles import GREETING

    assert GREETING.match(line)
    raw = f"{line}\n\nЯ получил приказ о выселении из Кремля в 24 часа. Сейчас много присланных людей упаковывают вещи.\n\nН. БУХАРИН.\n"
    from test_importer import PERSONS, REGISTER

    from edition.interchange.importer import import_raw

    body = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[1]
    assert body.lstrip().startswith("@salute"), body


def test_a_headings_writer_is_read_in_the_nominative_and_an_inflected_addressee_by_its_likeliest_nominative() -> None:
    import re

    from test_importer import PERSONS, REGISTER

    from edition.interchange.importer import import_raw

    raw = "А. СЕДОВА - Л. СЕДОВУ\n\nАлма-Ата, Седову, из Москвы. 20 апреля 1928 г.\n\nСамочувствие лучше. Додержусь до начала июня.\n"
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r"(?m)^authors: \[sedova\]", front) and re.search(r"(?m)^recipients: \[sedov\]", front), front


def test_two_addressees_of_one_family_are_two_persons_told_apart_by_initials_in_the_title() -> None:
    import re

    from test_importer import PERSONS, REGISTER

    from edition.interchange.importer import import_raw

    raw = "Т. Н. Грановский - Е. К. и А. В. Станкевичам\n\n5(17). IX 1855 г.\n\nПишу вам из Москвы, где все по-старому и все вам кланяются.\n"
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r'(?m)^title: "Granovskii to E\. K\. and A\. V\. Stankevich"', front), front
    assert re.search(r"(?m)^recipients: \[stankevich, stankevich-2\]", front), front


def test_a_signature_with_lines_the_page_left_after_it_names_the_writer() -> None:
    import re

    from test_importer import PERSONS, REGISTER

    from edition.interchange.importer import import_raw

    raw = ("Кагановичу. Молотову.\n\n1) Обратите серьезнейшее внимание на Украину. Чубарь своей разложенностью и оппортунистическим "
           "нутром губит Украину.\n\nПривет! И. Сталин.\n\n2/ VII -32\n\nСталин и Каганович. Переписка.\n\n1931-1936 гг. С.210.\n\n"
           "РГАСПИ Ф. 81, Оп. 3\n")
    text = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text
    front, body = text.split("\n---\n", 1)
    assert re.search(r"(?m)^authors: \[stalin\]", front) and "@signed Привет!" in body, text


def test_the_editors_record_in_angle_brackets_gives_the_archival_reference_and_the_heading() -> None:
    from test_importer import PERSONS, REGISTER

    from edition.interchange.importer import import_raw

    raw = ("<РГАЛИ, ф. 212, оп. 1, д. 16. Письмо Ф. М. Достоевского к А. Н. Майкову>\n\n \n\nЖенева 18 февраля 1868 г.\n\n"
           "Добрый, единственный и бесценный друг, не сердитесь на мое бессовестное молчание.\n")
    front, body = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)
    assert body.lstrip().startswith("@dateline Женева") and "РГАЛИ" not in body, body
    assert "#   1: РГАЛИ, ф. 212, оп. 1, д. 16." in front and "authors: [dostoevskii]" in front, front



def test_a_letter_from_a_place_named_in_russian_that_no_table_puts_in_english_is_old_style_before_1918() -> None:
    from test_importer import PERSONS, REGISTER

    from edition.interchange.importer import import_raw

    raw = "31 авг. 1910. Кочеты.\n\nУважаемая А. Ф.\n\nК тому письму, которое я писал вам, считаю нужным прибавить просьбу.\n"
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert "date: {when: 1910-08-31, calendar: julian}" in front, front
    raw = "Женева 18 февраля 1868 г.\n\nДобрый, единственный друг, не сердитесь на мое бессовестное молчание.\n"
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert "date: 1868-02-18" in front, front  # a town abroad: the New Style, as written


def test_names_and_months_in_the_spelling_before_1918_are_read_as_in_the_new() -> None:
    from test_importer import PERSONS, REGISTER

    from edition.interchange.importer import import_raw
    from edition.registers.names import modern_spelling

    assert [modern_spelling(w) for w in ("Достоевскаго", "Ѳедоръ", "безцѣнный", "Іюня")] == ["Достоевского", "Федор", "безценный", "Июня"]
    assert nominatives("Толстаго")[0] == "Толстой" and read_date("12 Іюня 1868 г.") == {"when": "1868-06-12"}
    raw = ("<РГАЛИ, ф. 212, оп. 1, д. 16. Письмо Ф. М. Достоевскаго къ А. Н. Майкову>\n\n12 Іюня 1868 г.\n\n"
           "Добрый, единственный и безцѣнный другъ, не сердитесь на мое безсовѣстное молчаніе.\n")
    front = import_raw(raw, "page.txt", PERSONS, REGISTER).documents[0].text.split("\n---\n", 1)[0]
    assert "authors: [dostoevskii]" in front and "recipients: [maikov]" in front and "1868-06-12" in front, front
