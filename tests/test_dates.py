"""Dates: precision, supplied brackets, ranges, limits, Old Style."""

import pytest

from edition.model.dates import DateError, EditionDate, PartialDate, parse_date_string


def test_precisions_and_supplied_brackets():
    assert parse_date_string("1926-05-26").text() == "26 May 1926"
    assert parse_date_string("1912-12").text() == "December 1912"
    assert parse_date_string("[1912-12]").text() == "[December 1912]"
    assert EditionDate(start=PartialDate(1912, 12), supplied=True).text() == "[December 1912]"


def test_julian_dates_print_the_new_style_beside():
    assert EditionDate(start=PartialDate(1912, 9, 16), calendar="julian").text() == "16 (29) September 1912"
    assert EditionDate(start=PartialDate(1917, 10, 25), calendar="julian").text() == "25 October (7 November) 1917"
    assert EditionDate(start=PartialDate(1912, 9, 16), calendar="julian").sort_key == "1912-09-29"


def test_ranges_and_limits():
    assert parse_date_string("1926-05-24/1926-05-26").text() == "24\u201326 May 1926"
    assert EditionDate(not_before=PartialDate(1916, 10, 3)).text() == "not before 3 October 1916"


@pytest.mark.parametrize("bad", ["1926-13", "1926-02-30", "May 1926", "1926-05-26/1926-05-01"])
def test_malformed_dates_are_rejected(bad):
    with pytest.raises(DateError):
        parse_date_string(bad)


@pytest.mark.parametrize(("written", "iso"), [
    ("11.03.1892", "1892-03-11"), ("1.3.1892", "1892-03-01"), ("11 марта 1892 г.", "1892-03-11"), ("3 мая 1920", "1920-05-03"),
    ("5 сентября 1910 года", "1910-09-05"), ("11 March 1892", "1892-03-11"), ("March 11, 1892", "1892-03-11"),
    ("Sept. 3, 1918", "1918-09-03"), ("май 1920", "1920-05"), ("December 1912", "1912-12"),
    ("31.02.1892", None), ("12/03/1892", None), ("1892", None), ("the spring of 1892", None), ("11 Smarch 1892", None),
])
def test_a_date_written_as_people_write_it_is_offered_in_iso_form(written: str, iso: str | None) -> None:
    """For the hint of a malformed date: day.month.year, a day and a month in words (English, or Russian in either
    case), a month and a year; a slash, which English and American readers take two ways, is offered nothing."""
    from edition.model.dates import iso_of

    assert iso_of(written) == iso
