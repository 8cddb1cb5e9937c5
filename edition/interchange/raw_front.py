"""The front of a document's text in a raw copy: metadata lines, archival lines, a date in brackets, a
writer-to-addressee line and a title, taken off the text into the document's fields."""

from __future__ import annotations

import re
from collections.abc import Callable

from edition.interchange.importer_notes import BYLINE, META, RawBlock, core, title_like
from edition.interchange.raw_dates import date_or_year as find_date
from edition.interchange.raw_dates import is_dateline as _dateline
from edition.interchange.raw_draft import DocState
from edition.interchange.raw_names import PersonMatcher
from edition.interchange.raw_roles import GREETING

_BRACKET_DATE = re.compile(r"^\[([^\[\]]{3,40})\]\.?$")


def _repeats_the_writer(text: str, authors: list[str]) -> bool:
    """A byline "From X" (a note marker after it) under a heading that names X as the writer."""
    m = re.fullmatch(r"From\s+((?:[A-Z][\w.’'-]*\s+){0,3}([A-Z][\w’'-]*?))\d{0,3}", text)
    return m is not None and any(a.split()[-1] == m.group(2) for a in authors if a.split())


def front(doc: DocState, blocks: list[RawBlock], matcher: PersonMatcher,
          citation: Callable[[str, RawBlock], str | None]) -> list[RawBlock]:
    """Take metadata, title, author line, date and archival lines off the body; return the rest."""
    body: list[RawBlock] = []
    for k, b in enumerate(blocks):
        text = b.text.strip()
        # "Kilmainham Gaol" over "May 11th 1916": the letter's address line, which is its text, not a title
        address = k + 1 < len(blocks) and _dateline(blocks[k + 1].text.strip()) and not re.search(r"\d", text) and len(text.split()) <= 3
        single = len(b.lines) == 1
        if single and META.match(text):  # a metadata line the page reader left: recorded as it stands
            doc.consumed.append((b.line, text))
            continue
        if (cited := citation(text, b)) is not None:
            doc.archives.append(cited)
            doc.consumed.append((b.line, text))
            continue
        opening = not any(len(x.text) >= 120 for x in body)
        if opening and single and not body and _repeats_the_writer(text, doc.head.authors):
            doc.consumed.append((b.line, text))  # "From George Washington1" under "To Alexander Hamilton from George Washington, ..."
            continue
        if opening and not doc.date and (m := _BRACKET_DATE.match(text)) and (iso := find_date(m.group(1))):
            doc.date = {"when": iso, "supplied": True}
            doc.consumed.append((b.line, text))
            doc.consumed += [(x.line, x.text) for x in body]  # collection titles and the like before a letter's date
            body = []
            continue
        if (opening and single and doc.heading is None and len(text) <= 60 and not doc.region.heading and not doc.region.meta
                and not GREETING.match(text) and not BYLINE.match(text) and not re.search(r"[,:!]$", text)
                and not re.search(r"[a-z]{2,}", re.sub(r"\b[A-Z][a-z'’]+\b", "", text))):
            ids = matcher.resolve(text)
            names_only = all(matcher.resolve(w) for w in re.findall(r"[^\W\d_]{2,}", re.sub(r" to ", " ", text)))
            if names_only and (len(ids) == 1 or len(ids) == 2 and re.search(r" [-–—] | to ", text)):
                doc.authors += [i for i in ids[:1] if i not in doc.authors]
                doc.recipients += [i for i in ids[1:] if i not in doc.recipients]
                doc.consumed.append((b.line, text))
                continue
        if (opening and len(body) < 3 or len(body) < 2) and not doc.title and doc.heading is None and title_like(text) \
                and not BYLINE.match(text) and not doc.region.heading and not doc.region.meta and not _dateline(text) and not address \
                and not GREETING.match(text):
            doc.title = " ".join(core(text).split()) if re.search(r"\d$", text) is None else " ".join(text.split())
            doc.consumed.append((b.line, text))
            doc.leftovers += body  # captions and the like before the title
            body = []
            continue
        body.append(b)
    return body
