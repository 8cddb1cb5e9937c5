"""Cross-checks of a loaded corpus: every id a source names must exist.

``validate(corpus, known_keys)`` returns diagnostics only; the model is not
changed. Shape errors (types, unknown keys) are found while loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from edition.checks.labels import check_labels
from edition.checks.languages import check_languages
from edition.checks.mentions import alias_conflicts, two_spellings, untagged_mentions
from edition.checks.parts import check_parts, printed_ids, renamed_files
from edition.checks.references import hand_written_references
from edition.checks.structure import check_structure
from edition.checks.versions import check_print_modes, check_versions
from edition.model.corpus import Corpus, Document, Span, walk_spans
from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error, warning
from edition.model.queries import line_labels, ref_target

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def validate(corpus: Corpus, bibliography_keys: Iterable[str] = (), only: set[str] | None = None) -> list[Diagnostic]:
    """Every check of the corpus; with ``only``, the per-document ones for those documents."""
    diags: list[Diagnostic] = []
    keys = set(bibliography_keys)
    first: dict[str, Document] = {}
    for doc in corpus.documents:
        first.setdefault(doc.id, doc)
    for doc in corpus.selected(only):
        if first[doc.id] is not doc:
            diags.append(error(doc.field_pos.get("id", doc.pos), f"document id '{doc.id}' is already the id of {first[doc.id].path}",
                               "each document has an id of its own: the file's name without '.md' is a good one"))
        if doc.id and not _ID.match(doc.id):
            diags.append(error(doc.field_pos.get("id", doc.pos), f"document id '{doc.id}' may hold only letters, digits, '.', '_' and '-'",
                               "write '-' for a space: " + re.sub(r"[^A-Za-z0-9._-]+", "-", doc.id).strip("-")))
        diags.extend(_check_document(corpus, doc, keys))
        diags.extend(check_versions(doc))
    diags.extend(check_parts(corpus))
    diags.extend(check_print_modes(corpus))
    diags.extend(_check_series(corpus))
    diags.extend(alias_conflicts(corpus))
    diags.extend(untagged_mentions(corpus, only))
    diags.extend(two_spellings(corpus, only))
    diags.extend(hand_written_references(corpus, only))
    diags.extend(check_structure(corpus, only))
    return diags


def _check_document(corpus: Corpus, doc: Document, keys: set[str]) -> list[Diagnostic]:
    """The checks of one document, in the order a reader of its file meets the problems:
    front matter (people, places, sources, note series), then the text, then its notes."""
    diags = (_check_people(corpus, doc) + _check_places(corpus, doc) + check_languages(doc) + _check_sources(doc, keys)
             + _check_note_series(corpus, doc))
    span_diags, anchored = _check_text(corpus, doc, keys)
    diags.extend(span_diags)
    diags.extend(check_labels(doc))
    diags.extend(_unanchored_notes(corpus, doc, anchored))
    return diags


def _check_people(corpus: Corpus, doc: Document) -> list[Diagnostic]:
    """Every author and recipient is a person of the register."""
    if "persons" in corpus.unreadable_registers:
        return []
    diags: list[Diagnostic] = []
    for field, people in (("authors", doc.authors), ("recipients", doc.recipients)):
        for i, pid in enumerate(people):
            if pid in corpus.persons:
                continue
            hint = did_you_mean(pid, corpus.persons) or "add the person to sources/persons.yaml"
            if "," in pid:
                hint = f"several persons are a list in brackets: {field}: [{pid}]"
            diags.append(error(doc.field_pos.get(f"{field}[{i}]", doc.field_pos.get(field, doc.pos)),
                               f"unknown person '{pid}' in {field}", hint))
    return diags


def _check_places(corpus: Corpus, doc: Document) -> list[Diagnostic]:
    """The places a document was written at and sent to are places of the register."""
    if "places" in corpus.unreadable_registers:
        return []
    return [error(doc.field_pos.get(f"place.{end}", doc.field_pos.get("place", doc.pos)), f"unknown place '{place}'",
                  did_you_mean(place, corpus.places) or "add the place to sources/places.yaml")
            for end, place in (("from", doc.place_from), ("to", doc.place_to)) if place and place not in corpus.places]


def _check_sources(doc: Document, keys: set[str]) -> list[Diagnostic]:
    """The bibliographic sources of the text and of its original are keys of the bibliography."""
    return [error(source.pos, f"unknown bibliography key '{source.key}'", did_you_mean(source.key, keys))
            for source in (doc.source, doc.original.source if doc.original else None)
            if source and keys and source.key not in keys]


def _check_note_series(corpus: Corpus, doc: Document) -> list[Diagnostic]:
    """Each series the front matter has notes of is configured in edition.yaml."""
    series = {s.id: s for s in corpus.config.series}
    diags: list[Diagnostic] = []
    for sid, notes in doc.notes.items():
        if sid not in series:
            first = next(iter(notes.values()), None)
            diags.append(error(doc.field_pos.get(f"notes.{sid}", first.pos if first else doc.pos), f"note series '{sid}' is not configured",
                               did_you_mean(sid, series) or "series: " + ", ".join(series)))
    return diags


def _check_text(corpus: Corpus, doc: Document, keys: set[str]) -> tuple[list[Diagnostic], dict[tuple[str, str], Span]]:
    """The checks of every span of the document, and its note anchors in the text by (series, key):
    a note anchored twice is an error at the second anchor."""
    diags: list[Diagnostic] = []
    anchored: dict[tuple[str, str], Span] = {}
    in_notes = {id(s) for s in walk_spans(doc.note_blocks())}
    elsewhere = in_notes | {id(s) for s in walk_spans(doc.headnote)}  # anchors there are errors of their own
    for span in walk_spans(doc.all_blocks()):
        diags.extend(_check_span(corpus, doc, span, keys, id(span) in in_notes))
        if span.kind == "n" and len(span.args) == 2 and id(span) not in elsewhere:
            earlier = anchored.setdefault((span.args[0], span.args[1]), span)
            if earlier is not span:
                diags.append(error(span.pos, f"note '{span.args[0]}:{span.args[1]}' is anchored 2 times: first on line {earlier.pos.line}, "
                                   f"column {earlier.pos.column}", "each note has one anchor; give this one a note and a key of its own"))
    return diags, anchored


def _unanchored_notes(corpus: Corpus, doc: Document, anchored: dict[tuple[str, str], Span]) -> list[Diagnostic]:
    """A warning for each note of the front matter that no anchor of the text calls."""
    configured = {s.id for s in corpus.config.series}  # a series that is not is reported once, at its key
    return [warning(note.pos, f"note '{sid}:{key}' is never anchored in the text", f"put {{n:{sid}:{key}}} where the note belongs, or remove it")
            for sid, notes in doc.notes.items() if sid in configured for key, note in notes.items() if (sid, key) not in anchored]


def _check_span(corpus: Corpus, doc: Document, span: Span, keys: set[str], in_note: bool) -> list[Diagnostic]:
    a = span.args
    if span.kind == "p" and a and a[0] not in corpus.persons and "persons" not in corpus.unreadable_registers:
        return [error(span.pos, f"unknown person '{a[0]}'", did_you_mean(a[0], corpus.persons) or "add the person to sources/persons.yaml")]
    if span.kind == "pl" and a and a[0] not in corpus.places and "places" not in corpus.unreadable_registers:
        return [error(span.pos, f"unknown place '{a[0]}'", did_you_mean(a[0], corpus.places) or "add the place to sources/places.yaml")]
    if span.kind == "cite" and a and keys and a[0] not in keys:
        return [error(span.pos, f"unknown bibliography key '{a[0]}'", did_you_mean(a[0], keys))]
    if span.kind == "ref" and a:
        return _check_ref(corpus, span)
    if span.kind == "lbl" and in_note:
        return [error(span.pos, "a line label belongs in the text, not in a note", "put {lbl:...} on the line of the text the note is about")]
    if span.kind == "n" and len(a) == 2:
        return _check_anchor(corpus, doc, span, in_note)
    return []


def _check_anchor(corpus: Corpus, doc: Document, span: Span, in_note: bool) -> list[Diagnostic]:
    """A note anchor: of a configured series, with a note, with a lemma where its series needs one."""
    a = span.args
    if in_note:
        return [error(span.pos, "a note anchor inside a note is not supported", "cite the other note with {ref:...} instead")]
    series = next((s for s in corpus.config.series if s.id == a[0]), None)
    if series is None:
        return [error(span.pos, f"note series '{a[0]}' is not configured",
                      did_you_mean(a[0], [s.id for s in corpus.config.series]))]
    if a[1] not in doc.notes.get(a[0], {}):
        configured = {s.id for s in corpus.config.series}
        if any(a[1] in notes for sid, notes in doc.notes.items() if sid not in configured):
            return []  # its text is under a misspelt series, which is reported there
        return [error(span.pos, f"note '{a[0]}:{a[1]}' has no text",
                      did_you_mean(a[1], doc.notes.get(a[0], {})) or f"add it under notes: {a[0]}: in the front matter")]
    if series.numbering == "line" and not span.children:
        return [error(span.pos, f"a note of the '{a[0]}' series needs a lemma", f"write {{n:{a[0]}:{a[1]}|words of the text}}")]
    if series.numbering != "line" and span.children:
        return [error(span.pos, f"a note of the '{a[0]}' series takes no lemma", f"write {{n:{a[0]}:{a[1]}}} after the words")]
    return []


def _check_ref(corpus: Corpus, span: Span) -> list[Diagnostic]:
    target = ref_target(span.args)
    if target is None:
        return [error(span.pos, "a cross-reference is {ref:DOC}, {ref:DOC:SERIES:KEY} or {ref:DOC:line:KEY}")]
    doc = corpus.document(target.document)
    if doc is None:
        if target.document in corpus.unreadable or target.document in renamed_files(corpus):  # its file's own problem is said there
            return []
        return [error(span.pos, f"cross-reference to unknown document '{target.document}'",
                      did_you_mean(target.document, [d.id for d in corpus.documents]))]
    if doc.id not in printed_ids(corpus):
        return [error(span.pos, f"cross-reference to '{doc.id}', but '{doc.id}' is not printed: it is in no part of edition.yaml",
                      f"add '{doc.id}' to the documents of a part, or name it in words")]
    if target.kind == "note" and target.key not in doc.notes.get(target.series, {}):
        has = ", ".join(f"{s}:{k}" for s, notes in doc.notes.items() for k in notes) or "none"
        return [error(span.pos, f"cross-reference to note '{target.series}:{target.key}', which '{doc.id}' does not have",
                      did_you_mean(target.key, doc.notes.get(target.series, {})) or f"its notes: {has}")]
    if target.kind == "line" and target.key not in line_labels(doc):
        return [error(span.pos, f"cross-reference to line '{target.key}', which '{doc.id}' does not mark",
                      f"mark the line in the text of '{doc.id}' with {{lbl:{target.key}}}")]
    return []


def _check_series(corpus: Corpus) -> list[Diagnostic]:
    diags = []
    for s in corpus.config.series:
        if s.id == "author" and s.placement != "foot":
            diags.append(error(Pos(corpus.config.path, 1, 1), "the author's notes always stay at the foot of the page",
                               "remove 'placement' from the series 'author'"))
        if s.numbering == "line" and s.placement != "foot":
            diags.append(error(Pos(corpus.config.path, 1, 1), f"series '{s.id}' is keyed to line numbers and prints at the foot",
                               "use placement: foot"))
    return diags
