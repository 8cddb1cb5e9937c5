"""What a dealer's or a catalogue's description of a letter says about it: "TLS, one page, 8.25 x 10.75, March 31,
1938. Trotsky writes to Mr. Wechsler from his exile in Coyoacan, Mexico. In full: “...”" gives the writer, the
addressee, the date and the place the letter was written, when the letter's own lines do not."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from edition.interchange.raw_dates import read_date

# "TLS, one page, 8.25 x 10.75, March 31, 1938.", "ALS signed “L. Trotsky,” two pages, May 2, 1930": the item and its date
_ITEM = re.compile(r"\b(?:TLS|ALS|LS|TL|AL|ANS|TNS|Typed letter signed|Autograph letter signed|Letter signed)\b"
                   r"(?P<rest>(?:[^.]|\.(?=\d)){0,160}?\d{4})\.")
# "Trotsky writes to Mr. Wechsler", "Lenin writes to his sister Anna"
_WRITES = re.compile(r"\b(?P<a>[A-Z][a-z'’-]{2,}) (?:writes|wrote) to (?:(?:Mr|Mrs|Ms|Dr|Herr|Madame?|Comrade)\.?\s+)?"
                     r"(?P<b>[A-Z][a-z'’-]{2,})\b")
_FROM = re.compile(r"\bfrom (?:his|her|their) (?:exile|home|house|office|residence|villa|estate|cell) (?:in|at) (?P<place>[A-Z][\w-]+)")


@dataclass
class Described:
    authors: list[str] = field(default_factory=list)  # names as written
    recipients: list[str] = field(default_factory=list)
    date: dict[str, str] = field(default_factory=dict)
    place_from: str = ""


def described(commentary: str) -> Described:
    """The fields a description of the item gives; empty when it is none (no "TLS", "ALS" or "X writes to Y")."""
    out = Described()
    text = " ".join(commentary.split())
    item = _ITEM.search(text)
    if item is None:
        return out
    if d := read_date(item.group("rest")):
        out.date = d
    if m := _WRITES.search(text, item.start()):
        out.authors, out.recipients = [m.group("a")], [m.group("b")]
    if m := _FROM.search(text, item.start()):
        out.place_from = m.group("place")
    return out
