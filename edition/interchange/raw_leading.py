"""The first documents the page reader finds, read again once the whole page is read: a signature, title lines or notes
before the first heading belong to no document or to the one after them; a text before it is a letter begun on the page before."""

from __future__ import annotations

import re

from edition.interchange.importer_notes import RawBlock
from edition.interchange.raw_dates import is_dateline
from edition.interchange.raw_lines import _SIGNATURE
from edition.interchange.raw_regions import Meta, Region, begun_before, front_matter, site_front, stub_at_end, title_case_line
from edition.interchange.raw_roles import signed_name

_NOTES_LIKE = re.compile(r"\((?:РГАСПИ|Там же|RGASPI|Ibid)|См\. также|^\d{1,3}\s+[А-ЯA-Z]")


def _closing(text: str) -> bool:
    """A closing and a signature ("Искренно преданный и уважающий А. Чехов."): the end of a letter, not a title line."""
    name = signed_name(text)
    return bool(name) and len(text.strip(" .")) > len(name) + 3


def leading_regions(regions: list[Region], dropped: list[tuple[int, str, str]]) -> list[RawBlock]:
    """The rules over the page's first documents and its last (a heading cut off at its end); what belongs to no document."""
    unplaced: list[RawBlock] = []
    if len(regions) > 1 and not regions[0].heading and [len(b.lines) for b in regions[0].blocks] == [1] \
            and _SIGNATURE.match(regions[0].blocks[0].text) and not regions[0].meta and not regions[0].commentary:
        unplaced += regions.pop(0).blocks  # "БУСШЕ" over the first heading: the signature of a document not in the copy
    unplaced += site_front(regions)
    # short lines before the first heading (a page title, an author line): metadata of the document after them
    while len(regions) > 1 and not regions[0].heading and all(len(b.text) < 80 for b in regions[0].blocks) \
            and len(regions[0].blocks) <= 3 and not regions[0].commentary and not _closing(regions[0].blocks[-1].text) \
            and (not any(m.label in ("trailer", "source", "archive") for m in regions[0].meta)
                 or any(m.label in ("title", "author") for m in regions[0].meta)):  # "Title: ... / Author: ... / Source: ..."
        first = regions.pop(0)
        unplaced += (cut := begun_before(first))  # "населения по вопросу ... области. Я кончил.": no document's here
        regions[0].meta[:0] = [*first.meta, *(Meta("preamble", b.text, b) for b in first.blocks if b not in cut)]
    front_matter(regions)
    stub_at_end(regions, dropped)
    if regions and not regions[0].heading and len(regions[0].blocks) > 1 and title_case_line(regions[0].blocks[0].text) \
            and not (len(regions[0].blocks[0].text.split()) <= 3 and is_dateline(regions[0].blocks[1].text)):  # an address line
        regions[0].heading.append(regions[0].blocks.pop(0))  # "Lenin on the Press": an article's title
    if len(regions) > 1 and not regions[0].heading and regions[0].body_blocks():
        first = regions[0]
        if any(_NOTES_LIKE.search(b.text) for b in first.blocks) and not any(m.label in ("trailer", "archive", "source") for m in first.meta):
            notes = [b for b in first.blocks if len(b.text) >= 80 or _NOTES_LIKE.search(b.text)]
            unplaced += notes
            regions.pop(0)
            regions[0].meta[:0] = [*first.meta, *(Meta("preamble", b.text, b) for b in first.blocks if b not in notes)]
        else:
            first.partial = True
    return unplaced
