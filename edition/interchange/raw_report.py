"""What ``edition import`` tells the editor: per draft, in words, what it decided and where from.

A draft's report reads as a historian checks a document: its title, what it
is, who wrote it to whom and where the import read that, its date (in words,
with the line it came from), its language, places, notes and where they are
anchored, archival references, the editorial signs it read (restorations,
deletions), and what it dropped or could not place. ``edition.cli`` prints each
report with the warnings about the lines of its document beneath it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from edition.interchange.raw_draft import DocState
from edition.interchange.raw_names import PersonMatcher
from edition.interchange.raw_page import Page
from edition.interchange.raw_people import Registry
from edition.model.languages import name_of

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
           "December")
_KINDS = {"letter": "a letter", "telegram": "a telegram", "note": "a note", "article": "an article", "excerpt": "an excerpt",
          "report": "a report", "speech": "a speech", "statement": "a statement", "resolution": "a resolution",
          "memoir": "a memoir", "postcard": "a postcard", "diary": "a diary entry", "decree": "a decree"}
_SERIES = {"editor": "the editors'", "author": "the author's", "translator": "the translator's", "textual": "a textual note"}


@dataclass
class DraftReport:
    """One draft's report: its file, the lines that say what was decided, and the lines of the copy it was read from
    (the warnings about those lines belong to it)."""

    filename: str
    lines: list[str]
    first_line: int = 1
    last_line: int = 10**9


@dataclass
class PageReport:
    drafts: list[DraftReport] = field(default_factory=list)
    page: list[str] = field(default_factory=list)  # what concerns the whole page: furniture, names, proposals

    def all_lines(self) -> list[str]:
        return [f"{d.filename}: {line}" for d in self.drafts for line in d.lines] + self.page


def date_words(date: dict[str, str | bool]) -> str:
    """A date of the model in words: "19 August 1932", "not before 1 August 1918", "between 19 and 27 February 1917"."""
    def one(iso: object) -> str:
        parts = str(iso).split("-")
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}" if len(parts) == 2 else parts[0]

    if "when" in date:
        text = one(date["when"])
    elif "from" in date and "to" in date:
        text = f"from {one(date['from'])} to {one(date['to'])}"
    elif "not_before" in date and "not_after" in date:
        text = f"between {one(date['not_before'])} and {one(date['not_after'])}"
    elif "not_before" in date:
        text = f"not before {one(date['not_before'])}"
    elif "not_after" in date:
        text = f"not after {one(date['not_after'])}"
    else:
        return ""
    if date.get("calendar") == "julian":
        text += " (Old Style)"
    return text + (", supplied by the editors" if date.get("supplied") else "")


def _names(registry: Registry, ids: list[str]) -> str:
    sur = [registry.surname(i) for i in ids]
    return sur[0] if len(sur) == 1 else ", ".join(sur[:-1]) + " and " + sur[-1]


def _place_name(registry: Registry, pid: str) -> str:
    entry = registry.places.get(pid) or registry.new_places.get(pid)
    return str(getattr(entry, "name", pid))


def _who(doc: DocState, registry: Registry) -> str:
    """ "a telegram from Stalin (the heading) to Kaganovich (the address line)"; what is missing, said so."""
    why = doc.fields.why
    who = _KINDS.get(doc.kind, f"a {doc.kind}")
    if doc.authors:
        who += f" from {_names(registry, doc.authors)} ({why.get('authors', 'the text')})"
    if doc.recipients:
        who += f" to {_names(registry, doc.recipients)} ({why.get('recipients', 'the text')})"
    elif doc.fields.addressee:
        who += f" to {doc.fields.addressee} (no person: named in the title only)"
    return who + ("" if doc.authors else "; no author found: add 'authors'")


def _when_and_where(doc: DocState, registry: Registry) -> list[str]:
    f = doc.fields
    out = [f"dated {date_words(doc.date)} (read from {f.why.get('date', 'the text')})" if doc.date else "no date found: add 'date'"]
    language = name_of(f.language) if f.language else "?"
    if doc.translation or f.translated:
        by = f" by {doc.translation}" if doc.translation else ", translator not named"
        out.append(f"an English translation from {language}{by} ({f.why.get('language', 'the page')})")
    elif f.language:
        out.append(f"written in {language}" + (f" ({f.why['language']})" if "language" in f.why else ""))
    if f.place:
        out.append(" ".join(f"{'sent from' if k == 'from' else 'to'} {_place_name(registry, v)}" for k, v in f.place.items()))
    return out


def _apparatus(doc: DocState) -> list[str]:
    out = []
    if doc.notes:
        notes = [f"{n.number} ({_SERIES.get(n.series, n.series)}" + (f", after '{doc.anchored[n.number]}')" if n.number in doc.anchored
                                                                     else ")") for n in doc.notes]
        out.append(f"{len(doc.notes)} note{'s' if len(doc.notes) > 1 else ''}: " + "; ".join(notes))
    for cited in doc.archives:
        out.append(f"archival reference: {cited}")
    if doc.marked["sup"]:
        out.append(f"{doc.marked['sup']} bracket{'s' if doc.marked['sup'] > 1 else ''} read as words the editors restored, "
                   "marked {sup|...}: check that none is the source's own")
    if doc.marked["del"]:
        out.append(f"{doc.marked['del']} passage{'s' if doc.marked['del'] > 1 else ''} marked as crossed out, {{del|...}}")
    return out


def draft_report(doc: DocState, doc_id: str, unplaced: int, registry: Registry) -> DraftReport:
    """What was decided for this draft, for the editor to check in a minute."""
    title = f"'{doc.title}'" + (" (title made up by the import: check it)" if doc.title_made else "")
    lines = [title, _who(doc, registry), *_when_and_where(doc, registry), *_apparatus(doc)]
    if doc.region.partial:
        lines.append("only the end of this document is in the copy")
    if doc.dropped:
        lines.append(f"{len(doc.dropped)} line{'s' if len(doc.dropped) > 1 else ''} of the copy dropped as site furniture "
                     "(listed in the draft's comments)")
    if unplaced:
        lines.append(f"{unplaced} paragraph{'s' if unplaced > 1 else ''} left @unplaced: 'edition check' reports "
                     f"{'them' if unplaced > 1 else 'it'} until moved or deleted")
    return DraftReport(f"{doc_id}.md", lines, doc.region.first_line())


def page_report(drafts: list[DraftReport], matcher: PersonMatcher, registry: Registry, page: Page) -> PageReport:
    """The drafts' reports, with the line ranges of the copy they came from, and what concerns the whole page."""
    for a, b in zip(drafts, drafts[1:], strict=False):
        a.last_line = b.first_line - 1
    out = PageReport(drafts)
    if page.dropped:
        out.page.append(f"dropped {len(page.dropped)} line(s) of web furniture (listed in each draft's comments)")
    m = matcher
    if m.tagged:
        out.page.append("persons tagged in the texts: " + ", ".join(f"{registry.surname(k)} ({v})" for k, v in m.tagged.most_common()))
    if m.ambiguous:
        out.page.append("names left untagged, more than one person bears them: "
                        + ", ".join(f"{k} ({v})" for k, v in m.ambiguous.most_common()))
    unresolved = m.unresolved.most_common()
    if unresolved:
        out.page.append("capitalized words not in the persons register (names to add or to ignore): "
                        + ", ".join(f"{k} ({v})" for k, v in unresolved[:40])
                        + (f", and {len(unresolved) - 40} more" if len(unresolved) > 40 else ""))
    new = [*(f"{p.name} ({i})" for i, p in registry.new_persons.items()), *(f"{p.name} ({i})" for i, p in registry.new_places.items())]
    if new:
        out.page.append("register entries proposed (check each name and id): " + ", ".join(new))
    return out
