"""`edition import` on plain-text books of letters and the sites that serve them: italics marked with underscores,
headings "Writer to Addressee." over the dateline, footnotes set as bracketed blocks after each letter, the printed
book's running heads, a site's row of parts and its navigation words."""

from __future__ import annotations

import re

import pytest
from test_importer import PERSONS, REGISTER

from edition.interchange.importer import import_raw
from edition.interchange.raw_ebook import furniture, unitalic


def _docs(raw: str) -> list[tuple[str, str]]:
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    return [tuple(d.text.split("\n---\n", 1)) for d in result.documents]  # type: ignore[misc]


@pytest.mark.parametrize(("line", "plain"), [
    ("_Queen Victoria to Lord Panmure._", "Queen Victoria to Lord Panmure."),
    ("OSBORNE, _22nd March 1855_.", "OSBORNE, 22nd March 1855."),
    ("The _Medal_ for the _Crimean_ Campaign.", "The _Medal_ for the _Crimean_ Campaign."),  # a sentence keeps its marks
    ("snake_case_name here", "snake_case_name here"),
])
def test_a_heading_or_dateline_in_italics_loses_its_underscores_and_a_sentence_keeps_them(line: str, plain: str) -> None:
    assert unitalic(line) == plain


def test_an_italic_heading_with_its_full_stop_over_an_italic_dateline_starts_a_letter_and_gives_its_fields() -> None:
    raw = ("She thanks Lord Palmerston for the clear and comprehensive explanation of the Bill, and approves of his proposal "
           "for the adjournment of Parliament for the Easter holidays.\n\n"
           "_Queen Victoria to Lord Panmure._\n\nOSBORNE, _22nd March 1855_.\n\n"
           "The other day, when the Queen spoke to Lord Panmure on the subject of the _Medal_ for the Crimean Campaign, "
           "no decision was come to as to how this should be done.\n")
    docs = _docs(raw)
    assert len(docs) == 2, docs
    front, body = docs[1]
    assert re.search(r"(?m)^date: 1855-03-22$", front) and re.search(r"(?m)^recipients: \[panmure", front), front
    assert "Panmure._" not in body and "OSBORNE, 22nd March 1855." in body and "_Medal_" in body, body


def test_headings_with_a_full_stop_over_datelines_start_letters_and_a_signature_in_capitals_after_the_closing_is_no_heading() -> None:
    raw = ("With Albert's love, and ours to your young people, believe me, always, your devoted Niece,\n\nVICTORIA R.\n\n"
           "Queen Victoria to Viscount Palmerston.\n\n14th February 1856.\n\n"
           "The Queen has seen in the reports of the House of Commons that a return has been moved for.\n\n"
           "The King of the Belgians to Queen Victoria.\n\nLAEKEN, 15th February 1856.\n\n"
           "MY DEAREST VICTORIA,—I have to thank you for your dear kind letter of the 12th.\n")
    docs = _docs(raw)
    assert len(docs) == 3, docs
    assert docs[0][1].rstrip().endswith("VICTORIA R."), docs[0][1]
    assert re.search(r"(?m)^date: 1856-02-14$", docs[1][0]) and docs[1][1].lstrip().startswith("@dateline 14th"), docs[1]
    assert "Belgians" not in docs[2][1] and re.search(r"(?m)^date: 1856-02-15$", docs[2][0]), docs[2]
    # not a heading: a line "X to Y." that no dateline follows
    assert len(_docs("We went to London.\n\nHe Came to Town.\n\nAnd then we rested for a week or two in the country.\n")) == 1


@pytest.mark.parametrize(("line", "why"), [
    ("[Pageheading: TERMS OF PEACE]", "a running head of the printed edition"),
    ("Previous Part     1  2  3  4  5  6  7  8  9  10  11  12  13  14  15  16     Next Part", "the page numbers of the site"),
    ("Home - Random Browse", "site navigation or a banner"),
    ("p-books.com", "the site's name"),
    ("© 2007 Van Gogh Museum, Amsterdam", "a copyright line of the site"),
    ("Copyright © 1999-2024 The Library of America", "a copyright line of the site"),
    ("© 2007", None),
    ("Интервал:", "the reading site's controls"),
    ("Закладка:", "the reading site's controls"),
    ("Интервал между письмами", None),
    ("We spent 3 4 5 days there", None),
    ("1 5 9 12", None),
    ("Home at last", None),
    ("Browse the letters below.", None),
])
def test_the_furniture_of_a_plain_text_books_site(line: str, why: str | None) -> None:
    assert furniture(line) == why


def test_a_collections_title_with_its_volume_and_byline_is_the_pages_metadata_and_names_the_writer() -> None:
    raw = ("p-books.com\nThe Letters of Queen Victoria, Volume III (of 3), 1854-1861\nby Queen of Great Britain Victoria\n"
           "Previous Part     1  2  3  4  5     Next Part\nHome - Random Browse\n\n"
           "The weather is so mild that we should almost hope Stockmar would start soon. If he can't come himself, he should "
           "send his son for a few days.\n\nWith Albert's love, believe me, always, your devoted Niece,\n\nVICTORIA R.\n\n"
           "Queen Victoria to Viscount Palmerston.\n\n14th February 1856.\n\n"
           "The Queen has seen in the reports of the House of Commons that a return has been moved for.\n")
    docs = _docs(raw)
    assert len(docs) == 2, docs
    front, body = docs[0]
    assert body.lstrip().startswith("The weather is so mild") and "Volume III" not in body and "Browse" not in body, body
    assert re.search(r"(?m)^authors: \[victoria", front) and "recipients" not in front, front


def test_footnotes_set_as_bracketed_blocks_after_the_letter_are_its_notes_at_their_markers() -> None:
    raw = ("_Queen Victoria to Viscount Palmerston._\n\nBUCKINGHAM PALACE, _20th March 1855_.\n\n"
           "The Queen regrets Lord Shaftesbury's declining office, and approves of Lord Elgin's selection in his place.[51]\n\n"
           "She thanks Lord Palmerston for the explanation of the Stamp Duties Bill,[52] and approves of his proposal.\n\n"
           "[Footnote 51: As Chancellor of the Duchy of Lancaster; Mr Matthew Talbot Baines was ultimately appointed.]\n\n"
           "[Footnote 52: Imposing a penny stamp upon bankers' cheques.]\n")
    (front, body), = _docs(raw)
    assert "{n:editor:51}" in body and "{n:editor:52}" in body and "Footnote" not in body, body
    assert re.search(r'"51": \|\n\s+As Chancellor of the Duchy of Lancaster; Mr Matthew Talbot Baines was ultimately appointed\.\n', front), front
    assert "[Footnote 51:" in front, front  # the label, kept in the draft's comments


def test_a_note_numbered_before_the_first_marker_of_a_letter_begun_on_the_page_before_is_its_note_at_the_start() -> None:
    raw = ("The Queen regrets Lord Shaftesbury's declining office, and approves of Lord Elgin's selection in his place.[51]\n\n"
           "[Footnote 50: The allied fleet comprised 23 line-of-battle ships.]\n\n"
           "[Footnote 51: As Chancellor of the Duchy of Lancaster.]\n\n"
           "_Queen Victoria to Lord Panmure._\n\nOSBORNE, _22nd March 1855_.\n\n"
           "The other day, when the Queen spoke to Lord Panmure, no decision was come to as to how this should be done.\n")
    (front, body), _ = _docs(raw)
    assert '"50": |' in front and body.lstrip().startswith("{n:editor:50}The Queen regrets"), (front, body)
    assert "@unplaced" not in body and "{n:editor:51}" in body, body


def test_a_ruler_named_by_title_and_given_name_keeps_the_title_in_the_proposed_entry_and_the_title() -> None:
    raw = ("Queen Victoria to Viscount Palmerston.\n\n14th February 1856.\n\n"
           "The Queen has seen in the reports of the House of Commons that a return has been moved for.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    front = result.documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r'(?m)^title: "Queen Victoria to Palmerston"$', front), front
    assert 'name: "Queen Victoria"' in result.persons_yaml and 'name: "Palmerston, Viscount"' in result.persons_yaml, result.persons_yaml


def test_a_heading_in_capitals_with_its_full_stop_over_a_dateline_starts_a_telegram_after_a_signature() -> None:
    raw = ("I write this now as a grateful acknowledgment of the almost inestimable service you have done the Country.\n"
           "Yours very truly,\nA. Lincoln.\nTELEGRAM TO GENERAL J. M. SCHOFIELD.\nWar department, Washington, July 13, 1863.\n"
           "General Schofield. St. Louis, Mo.:\nI regret to learn of the arrest of the Democrat editor. I fear this loses you the "
           "middle position I desired you to occupy.\nA. Lincoln.\n")
    docs = _docs(raw)
    assert len(docs) == 2, docs
    front, body = docs[1]
    assert re.search(r"(?m)^kind: telegram$", front) and re.search(r"(?m)^date: 1863-07-13$", front), front
    assert "SCHOFIELD." not in body and "SCHOFIELD." not in docs[0][1], docs


def test_a_surnames_particle_in_lower_case_stays_with_it_in_the_proposed_entry_and_the_title() -> None:
    raw = ("Vincent van Gogh, letter to Paul Gauguin, Arles, 17 October 1888, page 1\n"
           "My dear Gauguin,\nThanks for your letter, and thanks most of all for your promise to come as early as the twentieth.\n")
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    front = result.documents[0].text.split("\n---\n", 1)[0]
    assert re.search(r'(?m)^title: "Van Gogh to Gauguin"$', front), front
    assert 'name: "Van Gogh, Vincent"' in result.persons_yaml, result.persons_yaml


def test_a_bracketed_footnote_before_the_first_heading_is_the_letter_befores_and_unplaced() -> None:
    raw = ("[Footnote 12: Afterwards Lord Raglan.]\n\n_Queen Victoria to Lord Panmure._\n\nOSBORNE, _22nd March 1855_.\n\n"
           "The other day, when the Queen spoke to Lord Panmure, no decision was come to as to how this should be done.\n")
    (front, body), = _docs(raw)
    assert body.lstrip().startswith("@unplaced [12] Afterwards Lord Raglan."), body
    assert "Raglan" not in front.split("Lines of the copy dropped")[0], front


def test_a_footnote_of_a_hard_wrapped_text_loses_the_bracket_that_closes_it_on_a_later_line() -> None:
    raw = ("_Queen Victoria to Viscount Palmerston._\n\nBUCKINGHAM PALACE, _20th March 1855_.\n\n"
           "The Queen regrets Lord Shaftesbury's declining office, and approves of\nLord Elgin's selection in his place.[51]\n\n"
           "[Footnote 51: As Chancellor of the Duchy of Lancaster; Mr Matthew Talbot\nBaines was ultimately appointed.]\n")
    (front, body), = _docs(raw)
    assert "Baines was ultimately appointed." in front and "appointed.]" not in front, front
