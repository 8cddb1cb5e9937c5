"""`edition import` on a page whose letter stands under an editor's introduction and no heading (a blog post, a
newsletter): the post's title lines and its paragraphs are the headnote, the letter starts at its own dateline, and
the introduction names the writer and the year the dateline leaves out; a signature printed in capitals signs."""

from __future__ import annotations

import re

import pytest
from test_importer import PERSONS, REGISTER

from edition.interchange.importer import import_raw
from edition.interchange.raw_dates import is_dateline
from edition.interchange.raw_described import introduced
from edition.interchange.raw_headings import letter_heading
from edition.interchange.raw_roles import signed_name

POST = ("'Nothing to fear here'\n\nPoet Jane Q. Marlowe writes home from the front\n\n"
        "This week we remember those who served. The following letter, written to her brother on March 3rd of 1917, "
        "was the last he received from her before the offensive began.\n\n"
        "Her notebooks can be read at the county archive, where the letter itself is kept in a box of papers.\n\n"
        "March 3. Sat.\n\n9.30 p.m.\n\nDearest Tom,\n\n"
        "I write by the light of a candle in a cellar that smells of apples. The parcel came yesterday and the socks "
        "are a blessing, as the ground is wet through.\n\nYour loving sister,\n\nJane\n")


def test_a_posts_introduction_is_the_headnote_and_the_letter_starts_at_its_dateline() -> None:
    result = import_raw(POST, "post.txt", PERSONS, REGISTER)
    assert len(result.documents) == 1
    text = result.documents[0].text
    front, body = text.split("\n---\n", 1)
    assert body.lstrip().startswith("@dateline March 3. Sat.") or body.lstrip().startswith("March 3. Sat."), body[:200]
    assert "This week we remember" not in body and "This week we remember" in front
    assert "Nothing to fear here" not in body
    assert re.search(r"(?m)^kind: letter$", front), front
    assert re.search(r"(?m)^date: .*1917-03-03", front), front
    assert re.search(r"(?m)^authors: \[marlowe", front), front


def test_the_introduction_gives_the_writer_and_only_a_year_that_fits_the_dateline() -> None:
    intro = introduced("War poet Wilfred Owen writes home. The letter, written on October 31st of 1918, was his last.", "Oct. 31.")
    assert intro.authors == ["Wilfred Owen"] and intro.date == {"when": "1918-10-31"}
    assert introduced("The letter, written on October 31st of 1918, was his last.", "Nov. 2.").date == {}
    assert introduced("Today we remember them. In 1919 he was awarded a medal.").authors == []


@pytest.mark.parametrize(("text", "expected"), [("6.15 p.m.", True), ("10 P.M.", True), ("в 7 ч. вечера", True),
                                                ("6 человек", False), ("1917", False)])
def test_an_hour_alone_is_a_dateline(text: str, expected: bool) -> None:
    assert is_dateline(text) is expected


@pytest.mark.parametrize(("text", "name"), [("NAPOLEON.", "Napoleon"), ("ЕКАТЕРИНА", "Екатерина"), ("NOTES", ""),
                                            ("Napoleon.", ""), ("ПРИМЕЧАНИЯ", "")])
def test_one_name_in_capitals_signs(text: str, name: str) -> None:
    assert signed_name(text) == name


@pytest.mark.parametrize(("text", "expected"), [("TO THE EMPRESS, AT PARIS.", True), ("TO GENERAL LEE, AT RICHMOND.", True),
                                                ("TO BE CONTINUED.", False), ("TO THE LIGHTHOUSE", True)])
def test_an_addressee_line_in_capitals_is_a_heading(text: str, expected: bool) -> None:
    assert letter_heading(text) is expected
