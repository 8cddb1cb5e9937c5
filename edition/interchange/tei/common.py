"""TEI ids, small tree helpers and dates, shared by the writer and the reader."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from edition.model.corpus import Inline, Span, Text
from edition.model.dates import EditionDate, PartialDate
from edition.sources.markup import plain_text

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
CORRESPONDENCE = ("letter", "telegram", "note")
LANGUAGES = {"ru": "Russian", "de": "German", "fr": "French", "ka": "Georgian", "uk": "Ukrainian",
             "pl": "Polish", "en": "English", "ko": "Korean", "it": "Italian", "yi": "Yiddish"}
CERTAINTY = ("high", "medium", "low", "unknown")
_PLAIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9._-]*\Z")
LANG_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\Z")


# --- ids ------------------------------------------------------------------------


def id_part(text: str) -> str:
    """One component of a compound id: letters, digits and '-' kept, the rest as ``_HEX_``."""
    return "".join(c if c.isascii() and (c.isalnum() or c == "-") else f"_{ord(c):x}_" for c in text)


def decode_part(text: str) -> str:
    return re.sub(r"_([0-9a-f]+)_", lambda m: chr(int(m.group(1), 16)), text)


def xml_id(name: str) -> str:
    """A register id as an XML name: itself when it is one, else ``_`` and its encoding."""
    return name if _PLAIN_ID.match(name) else "_" + id_part(name)


def from_xml_id(name: str) -> str:
    return decode_part(name[1:]) if name.startswith("_") else name


def compound_id(prefix: str, *parts: str) -> str:
    """``a.editor.1``: the prefix says what the id names, the parts which one."""
    return ".".join([prefix, *(id_part(p) for p in parts)])


def split_compound(name: str) -> tuple[str, list[str]]:
    prefix, *parts = name.split(".")
    return prefix, [decode_part(p) for p in parts]


def doc_file(doc_id: str) -> str:
    return f"{doc_id}.xml"


# --- small tree helpers -----------------------------------------------------------


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the control characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A child element; attributes with empty values are left out, ``xml_*`` names go to the XML namespace."""
    el = etree.SubElement(parent, tei(tag))
    for name, value in attrs.items():
        if value:
            el.set(f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml_") else name, clean(value))
    if text:
        el.text = clean(text)
    return el


def add_text(parent: etree._Element, text: str) -> None:
    """Append character data after whatever ``parent`` already holds."""
    text = clean(text)
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def new_tei(title: str) -> tuple[etree._Element, etree._Element]:
    """A TEI root whose header holds a title; returns the root and its ``fileDesc``."""
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    file_desc = sub(sub(root, "teiHeader"), "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", title)
    return root, file_desc


def write_xml(root: etree._Element, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    etree.ElementTree(root).write(str(path), encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return path


def split_lines(nodes: list[Inline]) -> list[list[Inline]]:
    """Rich text cut at its line breaks; a span that runs over a break is cut with it. Blank lines are left out."""
    return [line for line in _cut(nodes) if plain_text(line).strip() or any(isinstance(n, Span) for n in line)]


def _cut(nodes: list[Inline]) -> list[list[Inline]]:
    lines: list[list[Inline]] = [[]]
    for node in nodes:
        if isinstance(node, Text):
            for i, piece in enumerate(node.text.split("\n")):
                if i:
                    lines.append([])
                if piece:
                    lines[-1].append(Text(piece, node.pos))
            continue
        for i, part in enumerate(_cut(node.children)):
            if i:
                lines.append([])
            if part or not node.children:
                lines[-1].append(Span(node.kind, node.args, part, node.pos))
    return lines


# --- dates ----------------------------------------------------------------------------


def date_attributes(date: EditionDate, custom: bool = True) -> dict[str, str]:
    """The TEI attributes of a date: ISO (Gregorian) values, the Julian ones in ``*-custom``."""
    julian = date.calendar == "julian"
    attrs: dict[str, str] = {}
    for name, value in (("when", None if date.end else date.start), ("from", date.start if date.end else None),
                        ("to", date.end), ("notBefore", date.not_before), ("notAfter", date.not_after)):
        if value is None:
            continue
        attrs[name] = _gregorian(value, julian).iso()
        if julian and custom:
            attrs[f"{name}-custom"] = value.iso()
    if julian and custom:
        attrs["datingMethod"] = "#julian"
    if date.cert != "high":
        attrs["cert"] = date.cert if date.cert in CERTAINTY else "low"
    if date.supplied:
        attrs["evidence"] = "conjecture"
    return attrs


def _gregorian(d: PartialDate, julian: bool) -> PartialDate:
    return d.julian_to_gregorian() if julian else d


def date_element(parent: etree._Element, date: EditionDate, custom: bool = True) -> etree._Element:
    el = sub(parent, "date", date.text())
    for name, value in date_attributes(date, custom).items():
        el.set(name, value)
    return el


