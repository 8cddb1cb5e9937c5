"""`edition import` on plain-text books of letters and the sites that serve them: italics marked with underscores,
headings "Writer to Addressee." over the dateline, footnotes set as bracketed blocks after each letter, the printed
book's running heads, a site's row of parts and its navigation words."""

from __future__ import annotations

import re

import pytest
from test_importer import PERSONS, REGISTER

from edition.interchange.importer import import_raw
from edition.interchange.raw_ebook import unitalic


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
