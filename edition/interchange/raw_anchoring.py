"""A document's paragraphs rendered as source text: each note's anchor placed, the words a note says were
crossed out marked, editorial brackets read, the persons of the register tagged."""

from __future__ import annotations

import re
from collections.abc import Callable

from edition.interchange.importer_notes import Anchor, RawBlock, RawNote, find_anchors
from edition.interchange.raw_draft import DocState, heading_mark, star_anchor, start_anchor
from edition.interchange.raw_editorial import deletion_at_anchor, editorial_edits, struck_words
from edition.interchange.raw_markup import Edit, anchor_edit, person_edits, render, word_before
from edition.interchange.raw_names import PersonMatcher

Warn = Callable[..., None]  # warn(block, offset, message, hint="")


def _lost_heading_note(doc: DocState, anchors: dict[int, Anchor], texts: list[str]) -> None:
    """Note [1] alone without its marker, the other bracketed notes anchored: the note of a heading the copy lost."""
    first = doc.notes[0] if doc.notes else None
    if first is not None and first.number == 1 and first.style == "b" and 1 not in anchors and texts \
            and len(anchors) == len(doc.notes) - 1 >= 1:
        anchors[1] = start_anchor(1, texts[0])


def _before_the_copy(doc: DocState, anchors: dict[int, Anchor], texts: list[str], warn: Warn) -> None:
    """In a document begun on the page before, the notes numbered below every note anchored in the copy ("[Footnote 49: ...]",
    "[Footnote 50: ...]" before note 51 at "in his place.[51]"): their markers are in the part not copied, so they are
    the document's notes all the same, anchored at the start of the text."""
    if not doc.region.partial or not anchors or not texts:
        return
    first = min(anchors)
    for note in doc.notes:
        if note.number < first and note.number not in anchors and note.style != "a":
            anchors[note.number] = Anchor(note.number, 0, 0, 0, "bracket")
            warn(note.first, 0, f"note {note.number}'s marker is in the part of the text before the copy: anchored at its start",
                 "move the anchor if the rest of the text is added")


def anchored_texts(doc: DocState, body: list[RawBlock], roles: list[str], matcher: PersonMatcher, warn: Warn) -> list[str]:
    """Each paragraph rendered as source text, with its anchors and person tags."""
    texts = [b.text for b in body]
    stars = {n.number: a for n in doc.notes if n.style == "a" and (a := star_anchor(texts, n.number)) is not None}
    anchors, spelled = find_anchors(texts, [n.number for n in doc.notes if n.style != "a"])
    anchors.update(stars)
    mark = heading_mark(doc.region)
    unanchored = [n for n in doc.notes if n.number not in anchors]
    for note in unanchored:
        if mark and (mark == "*" * note.number or mark == str(note.number) or len(unanchored) == 1) and texts:
            anchors[note.number] = start_anchor(note.number, texts[0])  # the note of the heading
            mark = ""
    _lost_heading_note(doc, anchors, texts)
    _before_the_copy(doc, anchors, texts, warn)
    edits: list[list[Edit]] = [[] for _ in body]
    free_word = 0
    lost: list[RawNote] = []
    for note in doc.notes:
        a = anchors.get(note.number)
        if a is not None:
            doc.anchored[note.number] = word_before(texts[a.block], a.start)
            struck = struck_words(note.text)
            edits[a.block] += (deletion_at_anchor(texts[a.block], a, note.series, str(note.number), struck) if struck
                               else [anchor_edit(texts[a.block], a, note.series, str(note.number))])
            if a.strength == "lone":
                warn(body[a.block], a.start + 1, f"the number {note.number} standing alone is taken as the anchor of note {note.number}",
                          "check that it is not a number of the text")
            continue
        hint = "put the anchor where the note belongs"
        for n, i, offset, word in spelled:
            if n == note.number:
                warn(body[i], offset, f"'{word}' may be the anchor of note {n} spelt out; left as text", "replace it by the anchor")
                hint = "see the warning about the spelt-out number"
        if note.series == "textual":
            k = next((k for k, r in enumerate(roles) if r in ("p", "salute", "dateline", "lines")), 0)
            words = list(re.finditer(r"\S+", texts[k]))
            if free_word < len(words):
                w = words[free_word]
                free_word += 1
                edits[k].append(Edit.around(w.start(), w.end(), "n", "textual", str(note.number)))
                warn(body[k], w.start(), f"textual note {note.number} has no anchor in the copy: attached to the first words", hint)
                continue
        warn(note.first, 0, f"note {note.number} has no anchor in the text: kept as an @unplaced paragraph", hint)
        lost.append(note)
    for note in lost:
        doc.notes.remove(note)
        doc.leftovers += note.blocks
    out = []
    for k, text in enumerate(texts):
        edits[k] += editorial_edits(text, edits[k])
        doc.marked.update("del" if not e.kind else e.kind for e in edits[k] if e.kind in ("sup", "del", ""))
        found = matcher.find(text, fold=roles[k] == "signed")
        out.append(render(text, edits[k] + person_edits(found, edits[k])))
    return out
