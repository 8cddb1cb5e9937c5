"""The document model: plain data, text and structure, no LaTeX.

A ``Corpus`` holds the configuration, the registers and the documents. A
document's text is a list of ``Block`` (paragraphs, quotations, the parts of a
letter), each holding a rich-text tree of ``Inline`` nodes: ``Text`` leaves
and ``Span`` nodes (a person mention, a note anchor, a deletion...). What
each span kind means and takes is declared once in ``markup.TAGS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Union

from edition.model.dates import EditionDate
from edition.model.diagnostics import Pos


@dataclass
class Text:
    text: str
    pos: Pos
    indent: int = 0  # columns before the text on its continuation lines (YAML block scalars)


@dataclass
class Span:
    """An inline construct: ``kind`` is a key of ``markup.TAGS``.

    ``args`` are the words after the tag name (``{p:zinoviev|Grisha}`` has
    args ``["zinoviev"]``); ``children`` the marked-up content after ``|``.
    """

    kind: str
    args: list[str]
    children: list[Inline]
    pos: Pos
    uid: int = -1  # its number in its document (or part headnote), in the order of ``number_spans``


Inline = Union[Text, Span]

BLOCK_KINDS = ("p", "quote", "dateline", "salute", "closer", "signed", "postscript", "lines", "heading", "notgiven",
               "bullets", "numbers", "item")  # the last three in editorial prose only (sources/prose.py)


@dataclass
class Block:
    """A paragraph-level unit: ``kind`` is one of ``BLOCK_KINDS``."""

    kind: str
    content: list[Inline]
    pos: Pos
    blocks: list[Block] = field(default_factory=list)  # a quotation's own blocks


@dataclass
class Note:
    series: str
    key: str
    content: list[Block]
    pos: Pos


@dataclass
class PrintedSource:
    key: str
    locator: str
    pos: Pos


@dataclass
class ArchiveSource:
    """An archival source of a document, as structured data or as written."""

    repository: str
    fond: str
    opis: str
    delo: str
    folios: str
    vypusk: str
    form: str
    cited_as: str
    pos: Pos


@dataclass
class Translation:
    language: str
    by: str


@dataclass
class Version:
    """Another version of a document's text: its original beside the translation that is the
    document's ``body``. Written after a line ``@original`` of the document's text, or in a
    sibling file whose front matter says ``version_of: ID``. Its notes are the document's
    (one namespace of keys); a note belongs to the version whose text anchors it."""

    role: str  # "original"
    language: str  # ISO 639-1, e.g. "ru"
    body: list[Block]
    pos: Pos  # where the version starts (the @original line, or the sibling file)
    path: str  # the file that holds it
    source: PrintedSource | None = None  # the printed source of this version's text
    rights: str = ""  # its copyright status, in words (printed in the source note)
    field_pos: dict[str, Pos] = field(default_factory=dict)


@dataclass
class Document:
    id: str
    path: str
    title: str
    kind: str
    authors: list[str]
    recipients: list[str]
    date: EditionDate | None
    place_from: str
    place_to: str
    language: str
    translation: Translation | None
    source: PrintedSource | None
    archives: list[ArchiveSource]
    headnote: list[Block]
    body: list[Block]
    notes: dict[str, dict[str, Note]]
    pos: Pos
    part: str = ""
    status: str = ""  # draft | checked | final: the editor's own mark
    short_title: str = ""  # the running head's title, when the heading is too long for it
    field_pos: dict[str, Pos] = field(default_factory=dict)
    original: Version | None = None  # the original beside the translation (docs/source-format.md, "Versions")

    def note_blocks(self) -> list[Block]:
        """The blocks of every note, series by series."""
        return [b for notes in self.notes.values() for n in notes.values() for b in n.content]

    def all_blocks(self) -> list[Block]:
        """Headnote, text, notes and the original's text: everything of the document that holds
        markup (the original last, so the spans of the rest keep their numbers)."""
        return [*self.headnote, *self.body, *self.note_blocks(), *(self.original.body if self.original else [])]

    def texts(self) -> list[list[Block]]:
        """The text of each version: the body, then the original's."""
        return [self.body] + ([self.original.body] if self.original else [])


@dataclass
class Person:
    id: str
    name: str
    born: str
    died: str
    identification: str
    aliases: list[str]
    pos: Pos

    @property
    def surname(self) -> str:
        """The surname as the register writes it: "Zinov'ev, G. E." -> "Zinov'ev"."""
        return surname_of(self.name)


def surname_of(name: str) -> str:
    """The part of a register name before its first comma."""
    return name.split(",", 1)[0].strip()


@dataclass
class Place:
    id: str
    name: str
    names: list[str]
    modern: str
    pos: Pos


@dataclass
class Part:
    id: str
    title: str
    headnote: list[Block]
    documents: list[str]
    pos: Pos
    doc_pos: list[Pos] = field(default_factory=list)  # where each id of ``documents`` is written (none for a folder part)


@dataclass
class SeriesConfig:
    """One note series: where its notes go and how they are numbered."""

    id: str
    name: str
    numbering: str  # arabic | roman | symbols | line (apparatus keyed to line numbers)
    layout: str  # normal | paragraph | twocol
    placement: str  # foot | end-of-document


# Where a word was added in the original ({add:PLACE|word}), and how the apparatus says it.
ADD_PLACES = {"above": "above", "below": "below", "inline": "in the line", "margin": "in the margin",
              "left": "in the left margin", "right": "in the right margin", "top": "at the top of the page",
              "bottom": "at the foot of the page", "overleaf": "overleaf", "over": "over an erasure"}

DEFAULT_APPARATUS = {"corr": True, "reg": True, "del": True, "add": True,
                     "sic": False, "unclear": False, "gap": False, "sup": False,
                     "whitespace": False}  # a correction of white space only (words run together) is silent


@dataclass
class Config:
    title: str
    subtitle: str
    editor: str
    institution: str
    course: str
    year: str
    paper: str
    font_size: str
    two_sided: bool
    binding_offset: str
    parts: list[Part]
    series: list[SeriesConfig]
    bibliography: list[str]
    archive_style: str
    licence: str
    path: str
    citation_style: dict[str, object] = field(default_factory=dict)
    note_numbering: str = "document"
    index_places: bool = False
    transliteration: str = "ala_lc_alt"  # the reader's scheme for Russian names (iuliia)
    keywords: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)  # who edited the reader, by name: "Cite as" gives them
    abbreviations: dict[str, str] = field(default_factory=dict)  # the reader's own, beside passes/abbreviations.STANDARD
    web_address: str = ""  # where the HTML edition is published: its documents are cited at this address
    note_on_texts: str = ""
    works_cited_groups: list[dict[str, str]] = field(default_factory=list)
    persons_register: bool = True
    # How the documents that hold an original print: facing, columns, after or none; per document id.
    originals_print: str = "facing"
    originals_by_document: dict[str, str] = field(default_factory=dict)
    # Interventions that generate their own entry in the textual apparatus.
    apparatus: dict[str, bool] = field(default_factory=lambda: dict(DEFAULT_APPARATUS))
    # Documents deliberately left out of the reader ('exclude:'), with where each is named.
    exclude: dict[str, Pos] = field(default_factory=dict)
    # Where each key and value of edition.yaml stands: 'bibliography[1]', 'citation_style.ibid' (the
    # value) and 'key:citation_style.ibid' (the key), so that a problem found later is said there.
    field_pos: dict[str, Pos] = field(default_factory=dict)

    readable: bool = True  # False: edition.yaml could not be read (its error is said), these are defaults

    def pos_of(self, *paths: str) -> Pos:
        """The position of the first of ``paths`` that edition.yaml holds, else its first line."""
        return next((self.field_pos[p] for p in paths if p in self.field_pos), Pos(self.path, 1, 1))


@dataclass
class Corpus:
    config: Config
    documents: list[Document]
    persons: dict[str, Person]
    places: dict[str, Place]
    root: str
    # Ids of the sources that could not be read (their problems said where they are): what names
    # them elsewhere is no new problem.
    unreadable: set[str] = field(default_factory=set)
    unreadable_registers: set[str] = field(default_factory=set)  # "persons", "places": a file of it did not parse
    unreadable_folders: set[str] = field(default_factory=set)  # the folders below sources/ of those sources
    # The files that could not be read at all ('edition.yaml', 'persons', 'places'; the pipeline
    # adds 'bibliography', 'archives'): what they would have defined is not reported missing.
    lost: set[str] = field(default_factory=set)

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def selected(self, only: set[str] | None) -> list[Document]:
        """The documents a draft names (``only``), or all of them."""
        return self.documents if only is None else [d for d in self.documents if d.id in only]

    def by_id(self) -> dict[str, Document]:
        """Every document by its id (the first, where a mistake gives two the same id):
        for callers that look up many."""
        found: dict[str, Document] = {}
        for d in self.documents:
            found.setdefault(d.id, d)
        return found


def walk_spans(blocks: Iterable[Block]) -> Iterator[Span]:
    """Every span in the blocks, depth first, in reading order."""
    for block in blocks:
        yield from _spans(block.content)
        yield from walk_spans(block.blocks)


def number_spans(blocks: Iterable[Block]) -> None:
    """Give every span of the blocks its ``uid``, 0, 1, 2... depth first: the passes key their
    decisions by (owner, uid), and every output looks them up the same way."""
    for uid, span in enumerate(walk_spans(blocks)):
        span.uid = uid


def _spans(nodes: list[Inline]) -> Iterator[Span]:
    for node in nodes:
        if isinstance(node, Span):
            yield node
            yield from _spans(node.children)
