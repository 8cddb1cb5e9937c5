"""The page reader's second look at a paragraph's kind, with the paragraphs around it in view.

A line that reads as a heading may be a line of the text (an address line "To: I.V. Stalin. 7 pages" under a
letter's head, a document's own "Телеграмма № 88" under the heading, a signature in capitals "VICTORIA R." after
the closing "your devoted Niece,"), and a line that reads as text may be a heading (a letter's number and addressee
over the edition's dating, "Writer to Addressee." over a dateline); a museum's credit line over the text ("Thaw
Collection, given in honor of ...") names the collection that holds the item.
"""

from __future__ import annotations

import re

from edition.interchange.importer_notes import RawBlock
from edition.interchange.raw_ebook import titled_to
from edition.interchange.raw_headings import DOC_NUMBER, edition_dating
from edition.interchange.raw_regions import Region

# "Thaw Collection, given in honor of Charles E. Pierce, Jr., 2007", "Gift of J. P. Morgan, 1924": a museum's credit line
_CREDIT = re.compile(r"^(?:(?:The\s+)?(?:[A-Z][\w.'’&-]*\s+){1,5}Collection,?\s|(?:Gift|Bequest|Purchased|Acquired)\s+(?:of|from|by|with)\s+[A-Z])")
FORM_NUMBER = re.compile(r"^(?:Телеграмма|Шифротелеграмма|Донесение|Отчет|Отчёт|Telegram|Report|Despatch|Dispatch)\s+(?:№|No\.)\s*\d+\.?$")


def second_look(kind: str, b: RawBlock, following: RawBlock | None, same_group: bool, last_kind: str, r: Region) -> str:
    """The kind of ``b`` once the paragraph after it and the document so far (``r``) are seen."""
    t = b.text
    if kind in ("note", "body") and len(b.lines) == 1 and following is not None and (
            titled_to(t, following.text) or len(t) <= 80 and DOC_NUMBER.match(t) and edition_dating(following.text)):
        return "heading"  # "* 246. Красноярскому городскому голове." over "1908 г. Сентября 2—3? Я. П.", "X to Y." over a dateline
    if kind == "body" and len(b.lines) == 1 and len(t) <= 160 and _CREDIT.match(t) and not r.body_blocks():
        return "archive-name"  # the collection that holds the item, over its text: the page's metadata
    if kind != "heading":
        return kind
    if same_group and last_kind == "body" and re.match(r"To:\s", t) and re.search(r"[a-z]", t):
        return "body"  # "VERY SECRET" / "To: I.V. Stalin. 7 pages": an address line inside the letter's head, no heading
    if last_kind == "heading" and not r.blocks and FORM_NUMBER.match(t):
        return "body"  # "СТАТС-СЕКРЕТАРЬ — В МИД ГЕРМАНИИ" / "Телеграмма № 88": the document's own first line, like "Отчет № 9"
    if last_kind == "body" and r.blocks and r.blocks[-1].text.rstrip().endswith(",") and len(t) <= 40 and len(b.lines) == 1 \
            and re.fullmatch(r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’ .-]+", t.strip()):
        return "body"  # "your devoted Niece," / "VICTORIA R.": the signature in capitals under the closing, no heading
    return kind
