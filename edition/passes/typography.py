"""Typography, decided once for every output: the text as it is to be printed.

Sources are written with typewriter characters; this pass turns them into the
reader's typography before any renderer sees them, so that print, web and
e-book show the same characters and no escaper has to know about quotes:

* straight quotes become typographic ones, opening or closing by the character
  printed before them (``{p:lenin|Lenin}'s`` closes: the mention ends in a letter),
  in the convention of the language they stand in (a Russian text or a ``{foreign:ru|...}``
  span: «...» and „...“ inside; German „...“; English “...” and ‘...’);
* dashes: in the editorial matter (headnotes, the note on the texts, notes of series other
  than the author's and the translator's) a spaced dash or a spaced hyphen between words is a
  closed-up em dash ("coming—we"), as the note on the texts says; in a Russian text it is the
  Russian spaced em dash, tied to the word before it ("слово\u00a0— слово");
* three full stops become an ellipsis;
* text is in Unicode normal form C, control characters are dropped and runs of
  white space become one space, except in blocks kept line by line (``@lines``)
  and except the no-break spaces, which stay what they are.

``typeset_corpus`` returns a new corpus (the loaded one is not changed): the
same documents, registers and configuration with their printable text typeset.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from pybtex.richtext import BaseMultipartText, BaseText, HRef, String

from edition.model.corpus import Block, Config, Corpus, Document, Inline, Person, Place, Span, Text
from edition.passes.languages import text_language

# The series whose notes are the document's own voice (its author's, its translator's), not editorial matter.
OWN_NOTES = frozenset({"author", "translator"})
# Spans whose words are the editors' in a text: a correction's reading, a supplied word.
EDITORS_WORDS = frozenset({"corr", "sup"})

_OPEN_QUOTE = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[{\u2014\u2013/-])'")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# White space to fold: every kind but the no-break spaces (U+00A0, U+2007, U+202F, U+2060).
_SPACE_RUN = re.compile(r"[^\S\u00a0\u2007\u202f]+")
# Spans whose arguments print (an intervention's original form, a gap's extent...).
_PRINTED_ARGS = frozenset({"sup", "del", "add", "sic", "gap", "unclear", "corr", "reg"})
_DASHY = re.compile(r"[-\u2013\u2014]")
_NEEDS_WORK = re.compile(r"['\"]|\.\.\.|[^\S \u00a0\u2007\u202f]|  |[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# Quotation marks by language: (open, close) double, (open, close) single; an apostrophe is ’.
QUOTES: Mapping[str, tuple[str, str, str, str]] = {
    "en": ("\u201c", "\u201d", "\u2018", "\u2019"),
    "ru": ("\u00ab", "\u00bb", "\u201e", "\u201c"), "uk": ("\u00ab", "\u00bb", "\u201e", "\u201c"),
    "be": ("\u00ab", "\u00bb", "\u201e", "\u201c"), "bg": ("\u201e", "\u201c", "\u2018", "\u2019"),
    "de": ("\u201e", "\u201c", "\u201a", "\u2018"), "pl": ("\u201e", "\u201d", "\u00ab", "\u00bb"),
    "fr": ("\u00ab\u202f", "\u202f\u00bb", "\u2039\u202f", "\u202f\u203a"),
}
# Languages whose dash between words is spaced, with a no-break space before it.
SPACED_DASH = frozenset({"ru", "uk", "be", "bg"})
_SPACED = re.compile(r"(?<=\S)[ \u00a0]+(?:-|--|---|\u2013|\u2014)[ \u00a0]+(?=\S)")
_CLOSED = re.compile(r"(?<=\w)(?:---|\u2014)(?=\w)")


def smart_quotes(text: str, before: str = " ", language: str = "en") -> str:
    """Typewriter quotes as typographic ones: "a" -> “a”, it's -> it’s; in a Russian text "a" -> «a».

    ``before`` is the character printed just before ``text``: at the start of
    a block it is a space, so a quote there opens.
    """
    if '"' not in text and "'" not in text:
        return text
    opens, closes, open_single, close_single = QUOTES.get(language, QUOTES["en"])
    text = (before[-1:] or " ") + text
    text = _OPEN_QUOTE.sub("\\1" + opens, text).replace('"', closes)
    if language in ("en", "") or language not in QUOTES:
        return _OPEN_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")[1:]
    # Another language: a single quote after a space opens, one before a space or the end closes, the rest are apostrophes.
    text = _OPEN_SINGLE.sub("\\1" + open_single, text)
    return re.sub(r"'(?=[\s.,;:!?)\]}]|$)", close_single, text).replace("'", "\u2019")[1:]


def dashes(text: str, language: str, editorial: bool) -> str:
    """One dash style: closed-up em dashes in the editorial matter, the spaced dash of a
    language that spaces it (Russian) in its texts; other texts keep the copy's dashes."""
    if language in SPACED_DASH:
        return _CLOSED.sub("\u00a0\u2014 ", _SPACED.sub("\u00a0\u2014 ", text))
    if editorial:
        return _SPACED.sub("\u2014", text)
    return text


def typeset(text: str, before: str = " ", lines: bool = False, language: str = "en", editorial: bool = False) -> str:
    """One piece of text as printed, after the character ``before``, in ``language``; ``editorial``
    for the editors' own prose. With ``lines`` the line breaks are kept (each line is set after the
    same ``before``, as it is drawn)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not _NEEDS_WORK.search(text) and not ((editorial or language in SPACED_DASH) and _DASHY.search(text)):
        return text
    if lines:
        return "\n".join(typeset(line, before, language=language, editorial=editorial) for line in text.split("\n"))
    text = _SPACE_RUN.sub(" ", _CONTROL.sub("", text))
    text = (before[-1:] or " ") + smart_quotes(text, before, language)
    return dashes(text, language, editorial)[1:].replace("...", "\u2026")


class _Setter:
    """Typesets rich text in reading order, knowing what each span prints, in which language
    and whether it is the editors' own prose."""

    def __init__(self, persons: Mapping[str, Person], places: Mapping[str, Place]) -> None:
        self.persons, self.places = persons, places
        self.language, self.editorial = "en", False

    def printed_by(self, span: Span) -> str:
        """What a span without content prints: a mention's register name; nothing else counts."""
        entry: Person | Place | None = None
        if span.args and span.kind == "p":
            entry = self.persons.get(span.args[0])
        elif span.args and span.kind == "pl":
            entry = self.places.get(span.args[0])
        return entry.name if entry is not None else ""

    def inline(self, nodes: list[Inline], before: str, lines: bool = False) -> tuple[list[Inline], str]:
        out: list[Inline] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(dataclasses.replace(node, text=typeset(node.text, before, lines, self.language, self.editorial)))
                before = node.text[-1:] or before
                continue
            outer = self.language, self.editorial
            if node.kind == "foreign" and node.args and node.args[0].strip():
                self.language = node.args[0].strip().lower()
            self.editorial = self.editorial or node.kind in EDITORS_WORDS
            children, after = self.inline(node.children, before, lines)
            self.language, self.editorial = outer
            args = [typeset(a) for a in node.args] if node.kind in _PRINTED_ARGS else node.args
            out.append(dataclasses.replace(node, children=children, args=args))
            before = after if node.children else (self.printed_by(node)[-1:] or before)
        return out, before

    def blocks(self, blocks: list[Block], language: str = "en", editorial: bool = False) -> list[Block]:
        """Each block starts after a space; a quotation's blocks each on their own."""
        saved, (self.language, self.editorial) = (self.language, self.editorial), (language, editorial)
        try:
            out = []
            for block in blocks:
                content, _ = self.inline(block.content, " ", lines=block.kind == "lines")
                out.append(dataclasses.replace(block, content=content, blocks=self.blocks(block.blocks, language, editorial)))
            return out
        finally:
            self.language, self.editorial = saved

    def document(self, doc: Document) -> Document:
        language = text_language(doc)
        notes = {series: {key: dataclasses.replace(note, content=self.blocks(note.content, "en", series not in OWN_NOTES))
                          for key, note in by_key.items()} for series, by_key in doc.notes.items()}
        original = doc.original and dataclasses.replace(doc.original, body=self.blocks(doc.original.body, doc.original.language))
        return dataclasses.replace(doc, title=typeset(doc.title), headnote=self.blocks(doc.headnote, editorial=True),
                                   body=self.blocks(doc.body, language), notes=notes, original=original)


def _person(p: Person) -> Person:
    return dataclasses.replace(p, name=typeset(p.name), identification=typeset(p.identification),
                               aliases=[typeset(a) for a in p.aliases])


def _place(p: Place) -> Place:
    return dataclasses.replace(p, name=typeset(p.name), names=[typeset(n) for n in p.names], modern=typeset(p.modern))


def plain_name(name: str) -> str:
    """A name as it prints: "{Seminar in Soviet History}" (a body, not a person, as BibTeX writes it) without its braces."""
    return name[1:-1] if name.startswith("{") and name.endswith("}") else name


def names(editors: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    shown = [plain_name(e) for e in editors]
    return " and ".join(shown) if len(shown) < 3 else ", ".join(shown[:-1]) + " and " + shown[-1]


def edited_by(editors: list[str]) -> str:
    """The title page's line when edition.yaml gives the editors' names but no ``editor:`` line of its own."""
    return f"Edited by {names(editors)}" if editors else ""


def _config(cfg: Config, setter: _Setter) -> Config:
    parts = [dataclasses.replace(p, title=typeset(p.title), headnote=setter.blocks(p.headnote, editorial=True)) for p in cfg.parts]
    series = [dataclasses.replace(s, name=typeset(s.name)) for s in cfg.series]
    return dataclasses.replace(cfg, parts=parts, series=series, title=typeset(cfg.title), subtitle=typeset(cfg.subtitle),
                               editor=typeset(cfg.editor or edited_by(cfg.editors)),
                               editors=[typeset(e) for e in cfg.editors], institution=typeset(cfg.institution),
                               course=typeset(cfg.course), licence=typeset(cfg.licence),
                               keywords=[typeset(k) for k in cfg.keywords])


def typeset_corpus(corpus: Corpus) -> Corpus:
    """The corpus with every printable string and every rich text typeset (a new corpus)."""
    registers = dataclasses.replace(corpus, persons={k: _person(p) for k, p in corpus.persons.items()},
                                    places={k: _place(p) for k, p in corpus.places.items()})
    setter = _Setter(registers.persons, registers.places)  # bare mentions print the typeset register names
    return dataclasses.replace(registers, config=_config(corpus.config, setter),
                               documents=[setter.document(d) for d in corpus.documents])


def typeset_blocks(blocks: list[Block]) -> list[Block]:
    """Free-standing blocks (editorial prose, without mentions) typeset."""
    return _Setter({}, {}).blocks(blocks, editorial=True)


def typeset_rich(rich: BaseText | str) -> Any:
    """A bibliography style's rich text with each of its strings typeset (each after a space,
    as pybtex hands them to a backend one by one). Links are left as they are: their text
    is the address itself."""
    if isinstance(rich, str):
        return typeset(rich)
    if isinstance(rich, String):
        return String(typeset(rich.value))
    if isinstance(rich, HRef) or not isinstance(rich, BaseMultipartText):
        return rich
    return rich._create_similar([typeset_rich(part) for part in rich.parts])


__all__ = ["smart_quotes", "typeset", "typeset_corpus", "typeset_rich"]
