"""Reading TEI: the elements inside a paragraph (names, interventions, references) as markup."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree

from edition.interchange.tei.common import XML_ID, XML_LANG, from_xml_id, split_compound
from edition.interchange.tei.entries import person_entry, place_entry
from edition.interchange.tei.read_base import (
    CHARACTERS,
    EMPHASIS,
    SKIP,
    Item,
    ReaderBase,
    esc,
    fragment,
    gap_extent,
    items,
    local,
    slug,
    span,
    words,
)


class InlineReader(ReaderBase):
    # ---- persons and places
    def entity(self, kind: str, ref: str, shown: str) -> str:
        """The register id for a reference; new ids for entities the project does not know."""
        if (kind, ref) in self.ids:
            return self.ids[(kind, ref)]
        register = self.known[kind]
        own = ("persons.xml#" if kind == "p" else "places.xml#") in ref
        name = fragment(ref)
        if own:
            rid = from_xml_id(name)
            if register and rid not in register:
                self.missing[kind].append(rid)
                self.new[kind][rid] = {"name": shown or rid}
            self.ids[(kind, ref)] = rid
            return rid
        info = (self.persons_info if kind == "p" else self.places_info).get(name)
        entry, comment = (person_entry if kind == "p" else place_entry)(info, shown)
        known = next((rid for rid, e in register.items()
                      if e.name.casefold() == str(entry["name"]).casefold()), None)
        if known:
            self.ids[(kind, ref)] = known
            return known
        base = slug(str(entry["name"]).replace(",", " ")) or slug(name) or "unknown"
        rid, n = base, 1
        while rid in register or rid in self.new[kind]:
            n += 1
            rid = f"{base}-{n}"
        self.new[kind][rid] = entry
        self.comments[kind][rid] = [name, *comment]
        self.missing[kind].append(rid)
        self.ids[(kind, ref)] = rid
        return rid

    # ---- inline content
    def inline(self, content: Iterable[Item], lines: bool = False) -> str:
        seq = list(content)
        out: list[str] = []
        i = 0
        while i < len(seq):
            item = seq[i]
            i += 1
            if isinstance(item, str):
                out.append(esc(re.sub(r"\s+", " ", item)))
            elif item in self.consumed:
                continue
            elif local(item) == "anchor":
                text, i = self.anchor(item, seq, i, lines)
                out.append(text)
            else:
                out.append(self.element(item, lines))
        return "".join(out)

    def anchor(self, el: etree._Element, seq: list[Item], i: int, lines: bool) -> tuple[str, int]:
        """A note anchor, with its lemma when the lemma's end lies among the following siblings."""
        aid = el.get(XML_ID, "")
        prefix, parts = split_compound(aid)
        if prefix == "al":  # the start of a unit of alignment: a key of the source's own, or a number
            return (span("align", [parts[1]], None) if len(parts) == 2 and not parts[1].isdigit() else ""), i
        if prefix == "l" and parts:
            return span("lbl", [parts[0]], None), i
        if aid in self.back_notes or (prefix == "a" and len(parts) >= 2):
            series, key, end = self.back_notes.get(aid, ("", "", ""))
            if not series:
                series, key = parts[0], parts[1]
            if self.in_note:
                return "", i
            end = end or "e." + aid.split(".", 1)[-1]
            j = next((k for k, x in enumerate(seq) if k >= i and not isinstance(x, str) and x.get(XML_ID) == end), -1)
            if j < 0:
                if self.series_for(series)[1] and prefix != "a":  # an apparatus note of another edition, without a lemma
                    del self.notes[series][key]
                    moved = (self.plain_series(), self.new_key(self.plain_series()))
                    self.moved[(series, key)] = moved  # (one statement each: a chained assignment binds series, key first)
                    series, key = moved
                    self.notes.setdefault(series, {})[key] = ""
                return span("n", [series, key], None), i
            return span("n", [series, key], self.inline(seq[i:j], lines)), j + 1
        note = self.inline_notes.get(aid)
        if note is not None:
            j = next((k for k in range(i, len(seq)) if seq[k] is note), -1)
            if j >= 0:
                return self.inline_note(note, self.inline(seq[i:j], lines)), j + 1
        return "", i

    def element(self, el: etree._Element, lines: bool) -> str:
        """One element inside a paragraph as markup."""
        name = local(el)

        def inner() -> str:
            return self.inline(items(el), lines)

        if name in SKIP or name in ("listPerson", "listPlace", "listBibl", "listWit"):
            return ""
        if name == "note":
            return self.inline_note(el)
        if name in ("persName", "placeName", "rs", "name", "orgName", "settlement"):
            return self.name(el, name, el.get("type", ""), inner)
        if name == "choice":
            return self.choice(el, lines)
        if name == "bibl":
            return self.bibl(el, lines)
        if name == "ref":
            return self.ref(el, inner)
        return self.phrase(el, name, lines, inner)

    def phrase(self, el: etree._Element, name: str, lines: bool, inner: Callable[[], str]) -> str:
        """Interventions, emphasis, foreign words, line breaks and quotations."""
        simple = {"supplied": "sup", "del": "del", "emph": "em", "sic": "sic"}
        if name in simple:
            return span(simple[name], [], inner())
        if name in ("add", "unclear", "foreign"):
            arg = {"add": el.get("place"), "unclear": el.get("cert") or el.get("reason"),
                   "foreign": el.get(XML_LANG) or el.get("n")}[name] or ""
            if name == "foreign" and not arg:
                return inner()
            return span(name, [arg] if arg else [], inner())
        if name == "hi":
            return span("em", [], inner()) if EMPHASIS.search(el.get("rend", "")) else inner()
        if name == "gap":
            return span("gap", [extent] if (extent := gap_extent(el)) else [], None)
        if name in ("lb", "space"):
            return "\n" if name == "lb" and lines else " "
        if name == "c" and not len(el) and not el.text:
            return CHARACTERS.get(el.get("rendition", ""), "")
        if name in ("quote", "q", "said", "soCalled"):
            return f'"{inner()}"'
        if name in ("l", "item", "addrLine", "seg", "ab") and lines:
            return inner() + "\n"
        return inner()

    def name(self, el: etree._Element, name: str, typ: str, inner: Callable[[], str]) -> str:
        kind = {"persName": "p", "placeName": "pl", "settlement": "pl"}.get(name, {"person": "p", "place": "pl"}.get(typ, ""))
        if name == "name" and typ == "not-indexed":
            return span("nx", [el.get("n", "")] if el.get("n") else [], inner())
        refs = el.get("ref", "").split()
        if not kind or not refs:
            return inner()
        content = None if typ == "register" else inner()
        shown = words(el)
        for ref in reversed(refs):  # several references: nested mentions, the first outermost
            content = span(kind, [self.entity(kind, ref, shown)], content)
        return content or ""

    def choice(self, el: etree._Element, lines: bool) -> str:
        forms = [c for c in el if isinstance(c.tag, str)]
        by_name = {local(c): c for c in forms}
        text = {n: self.inline(items(c), lines) for n, c in by_name.items()}
        if "reg" in by_name:
            return span("reg", [words(by_name["orig"])], text["reg"]) if "orig" in by_name else text["reg"]
        if "sic" in by_name and "corr" in by_name:
            if local(forms[0]) == "sic":
                return span("sic", [words(by_name["corr"])], text["sic"])
            return span("corr", [words(by_name["sic"])], text["corr"])
        return self.inline(items(forms[0]), lines) if forms else ""

    def bibl(self, el: etree._Element, lines: bool) -> str:
        if el.get("type") == "archival":
            return span("arch", [], self.inline(items(el), lines))
        corresp = el.get("corresp", "")
        if corresp:
            cited = self.first("t:citedRange", el)
            locator = self.inline(items(cited), lines) if cited is not None else None
            return span("cite", [from_xml_id(fragment(corresp.split()[0]))], locator)
        return self.inline(items(el), lines)

    def ref(self, el: etree._Element, inner: Callable[[], str]) -> str:
        target = el.get("target", "").split()
        content = inner()
        m = re.fullmatch(r"([A-Za-z0-9._-]+)\.xml(?:#(.+))?", target[0]) if target else None
        if m is None:  # a link to something outside the edition: keep its words, or its target
            return content or esc(target[0] if target else "")
        doc, frag = m.group(1), m.group(2) or ""
        prefix, parts = split_compound(frag)
        args = [doc, *parts[:2]] if prefix == "n" and len(parts) >= 2 else [doc, "line", parts[0]] if prefix == "l" and parts else [doc]
        return span("ref", args, content or None)

    # ---- blocks
