"""Mistakes in the documents' sources: front matter (YAML), dates, notes, the markup of the
text, cross-references, and the parts that print them. Each is a change a historian could
make by accident in tests/broken/reader/, with the place and the words of the error it gets."""

from __future__ import annotations

from pathlib import Path

from broken_case import Case, change, write

H = "sources/exile/1857-07-01-herzen-ogarev.md"
B = "sources/exile/1862-bakunin-herzen.md"
K = "sources/kolokol/1857-kolokol-preface.md"
Y = "edition.yaml"


def at(path: str, line: int, text: str, needle: str, nth: int = 1) -> str:
    """``path:line:column`` of the ``nth`` ``needle`` in ``text``, the line as the case writes it."""
    col = -1
    for _ in range(nth):
        col = text.index(needle, col + 1)
    return f"{path}:{line}:{col + 1}"


def case(id: str, path: str, old: str, new: str, where: str, says: str, code: int = 1, severity: str = "error") -> Case:
    return Case(id, (change(path, old, new),), where, says, code, severity)


BODY_H = "The {n:textual:bell|{add:above|first}} sheet of the Bell is printed.{n:editor:1}"
LINE_H = "{lbl:printed}We shall send it to Russia by every road we know."
NOTE_H = "      The first issue of {em|Kolokol} appeared on 1 July 1857; see"
HEAD_H = "  Written in the first weeks of {em|Kolokol}, when {p:ogarev|Ogarev} had"

FRONT = [
    case("title-quote-unclosed", H, "title: Herzen to Ogarev", 'title: "Herzen to Ogarev', f"{H}:3:8",
         r"quotation mark opened on line 3, column 8 is never closed"),
    case("title-apostrophe-in-single-quotes", H, "title: Herzen to Ogarev", "title: 'Herzen's letter to Ogarev'", f"{H}:3:15",
         r"apostrophe"),
    case("title-colon-unquoted", H, "title: Herzen to Ogarev", "title: Herzen to Ogarev: on the Bell", f"{H}:3:24",
         r"':' .*(quote|quotation)"),
    case("key-indented-3-not-2", H, "  textual:\n", "   textual:\n", f"{H}:20:4", r"indented by 3 spaces.*by 2"),
    case("key-indented-1-not-2", H, "  textual:\n", " textual:\n", f"{H}:20:2", r"indented by 1 space, the lines above by 0 \(line 15\) or 2 \(line 16\)"),
    case("tab-indent", H, "    bell: |\n", "\tbell: |\n", f"{H}:21:1", r"tab"),
    case("missing-colon", H, "kind: letter\n", "kind letter\n", f"{H}:4:1", r"':'"),
    case("flow-list-unclosed", H, "authors: [herzen]\n", "authors: [herzen\n", f"{H}:5:10", r"'\[' opened on line 5, column 10 is never closed"),
    case("note-text-not-indented", K, "      The {em|Polar Star} appeared in 1855.\n", "The {em|Polar Star} appeared in 1855.\n",
         f"{K}:11:1", r"indent"),
    case("front-matter-not-closed", K, "      The {em|Polar Star} appeared in 1855.\n---\n", "      The {em|Polar Star} appeared in 1855.\n",
         f"{K}:1:1", r"front matter .* not closed"),
    case("front-matter-not-opened", K, "---\nid: 1857-kolokol-preface\n", "id: 1857-kolokol-preface\n", f"{K}:1:1", r"does not start with"),
    case("duplicate-key", H, "kind: letter\n", "kind: letter\ntitle: Herzen's letter\n", f"{H}:5:1", r"duplicate key 'title'"),
    case("unknown-key", H, "authors: [herzen]\n", "autors: [herzen]\n", f"{H}:5:1", r"unknown key 'autors'", 0, "warning"),
    case("missing-title", K, 'title: "Preface to The Bell"\n', "", f"{K}:2:1", r"required key 'title'"),
    case("kind-misspelt", H, "kind: letter", "kind: leter", f"{H}:4:7", r"'kind' .*must be one of"),
    case("author-unknown", H, "authors: [herzen]", "authors: [herzn]", f"{H}:5:11", r"unknown person 'herzn'"),
    case("recipient-second-unknown", H, "recipients: [ogarev]", "recipients: [ogarev, bakunn]", f"{H}:6:22", r"unknown person 'bakunn'"),
    case("authors-without-brackets", H, "authors: [herzen]", "authors: herzen, ogarev", f"{H}:5:10", r"unknown person 'herzen, ogarev'"),
    case("place-unknown", B, "place: {from: london, to: geneva}", "place: {from: london, to: genva}", f"{B}:8:27", r"unknown place 'genva'"),
    case("language-as-a-word", H, "language: ru\n", "language: Russian\n", f"{H}:9:11", r"'Russian' is not a language code"),
    case("translated-from-as-a-word", H, "translation: {from: ru,", "translation: {from: russian,", f"{H}:10:21",
         r"translated from 'russian' is not a language code"),
    case("foreign-language-as-a-word", H, "We shall send it to Russia", "We shall send it to {foreign:German|Russia}",
         f"{H}:27:34", r"\{foreign\} 'German' is not a language code"),
    case("mention-empty-label", H, "{pl:london|London}", "{pl:london|}", f"{H}:14:19", r"nothing follows the '\|' of 'pl'",
         code=0, severity="warning"),
    case("source-key-unknown", H, "key: herzen-ss-26,", "key: herzen-ss-62,", f"{H}:11:15", r"unknown bibliography key 'herzen-ss-62'"),
    case("id-with-space", H, "id: 1857-07-01-herzen-ogarev", "id: 1857-07-01 herzen-ogarev", f"{H}:2:5", r"may hold only"),
    case("id-twice", K, "id: 1857-kolokol-preface", "id: 1862-bakunin-herzen", f"{K}:2:5", r"'1862-bakunin-herzen' is already"),
    case("archive-unknown", B, '"RGALI. F. 2197.', '"RGALY. F. 2197.', f"{B}:10:13", r"unknown archive|RGALY"),
    case("supplied-not-a-flag", B, "supplied: true}", "supplied: maybe}", f"{B}:7:65", r"true or false|supplied"),
]

DATES = [
    case("date-month-13", H, "when: 1857-07-01", "when: 1857-13-01", f"{H}:7:7", r"month 13"),
    case("date-in-words", K, "date: 1857-07-01", "date: 1 July 1857", f"{K}:6:7", r"date"),
    case("date-american", K, "date: 1857-07-01", "date: 07/01/1857", f"{K}:6:7", r"date"),
    case("date-29-february", K, "date: 1857-07-01", "date: 1857-02-29", f"{K}:6:7", r"day 29 out of range"),
    case("date-range-reversed", K, "date: 1857-07-01", "date: 1857-07-01/1857-06-01", f"{K}:6:7", r"ends before it starts"),
    case("date-limits-reversed", B, "not_before: 1862-01-01, not_after: 1862-03-31", "not_before: 1862-03-31, not_after: 1862-01-01",
         f"{B}:7:7", r"not_after .* before not_before"),
    case("date-calendar-misspelt", H, "calendar: julian", "calendar: julain", f"{H}:7:36", r"'calendar' in date must be one of"),
]

NOTES = [
    case("note-empty", K, '"1": |\n      The {em|Polar Star} appeared in 1855.\n', '"1": ""\n', f"{K}:10:10", r"note 'author:1' is empty"),
    case("note-blank-block", K, '"1": |\n      The {em|Polar Star} appeared in 1855.\n', '"1": |\n', f"{K}:10:10", r"note 'author:1' is empty"),
    case("note-series-unknown", K, "  author:\n", "  authr:\n", f"{K}:9:3", r"note series 'authr' is not configured"),
    case("note-anchor-missing-text", H, "printed.{n:editor:1}", "printed.{n:editor:2}", at(H, 26, BODY_H, "{n:editor:1}"), r"note 'editor:2' has no text"),
    case("note-never-anchored", B, "last.{n:editor:a} ", "last. ", f"{B}:13:8", r"never anchored", 0, "warning"),
    case("note-anchored-twice", H, "every road we know.", "every road{n:editor:1} we know.", at(H, 27, LINE_H, " we know") , r"anchored 2 times"),
    case("note-anchor-in-note", H, "appeared on 1 July 1857; see", "appeared on 1 July 1857{n:editor:1}; see",
         at(H, 18, NOTE_H, "; see"), r"note anchor inside a note"),
    case("note-anchor-in-headnote", H, "just settled in {pl:london|London}.", "just settled in {pl:london|London}.{n:editor:1}",
         "sources/exile/1857-07-01-herzen-ogarev.md:14:38", r"note anchor cannot stand in a headnote"),
    case("note-textual-without-lemma", H, "{n:textual:bell|{add:above|first}}", "{add:above|first}{n:textual:bell}",
         at(H, 26, "The {add:above|first}{n:textual:bell} sheet", "{n:textual"), r"needs a lemma"),
    case("note-editor-with-lemma", H, "printed.{n:editor:1}", "{n:editor:1|printed}.", at(H, 26, BODY_H, "printed.{n") , r"takes no lemma"),
    case("note-markup-unclosed", H, "{em|Kolokol} appeared", "{em|Kolokol appeared", at(H, 18, NOTE_H, "{em"), r"'\{em' .*never closed|not closed"),
]

MARKUP = [
    case("anchor-unclosed", H, "printed.{n:editor:1}", "printed.{n:editor:1", at(H, 26, BODY_H, "{n:editor:1}"), r"'\{n:editor:1' .*never closed|not closed"),
    case("span-unclosed-at-paragraph-end", B, "{gap:two words} behind me.", "{gap:two words behind me.", f"{B}:20:1", r"not closed|never closed"),
    case("brace-stray", H, "every road we know.", "every road} we know.", at(H, 27, LINE_H, " we know") + "", r"'\}' closes nothing"),
    case("brace-doubled", K, "beside the {em|Polar Star}.", "beside the {em|Polar Star}}.", at(K, 17, "{p:herzen|We} begin a new sheet beside the {em|Polar Star}}.{n:author:1}", "}.{n"),
         r"'\}' closes nothing"),
    case("tag-note-for-n", H, "printed.{n:editor:1}", "printed.{note:editor:1}", at(H, 26, BODY_H, "{n:editor:1}"), r"unknown markup tag 'note'.*"),
    case("tag-person-for-p", H, "@signed {p:herzen|A. H.}", "@signed {person:herzen|A. H.}", f"{H}:29:9", r"unknown markup tag 'person'"),
    case("tag-emph", H, "{em|Kolokol}, when", "{emph|Kolokol}, when", at(H, 13, HEAD_H, "{em"), r"unknown markup tag 'emph'"),
    case("add-place-unknown", H, "{add:above|first}", "{add:abvoe|first}", at(H, 26, BODY_H, "{add"), r"'abvoe'"),
    case("person-unknown", H, "@signed {p:herzen|A. H.}", "@signed {p:herzn|A. H.}", f"{H}:29:9", r"unknown person 'herzn'"),
    case("place-unknown-inline", B, "{pl:london|London} at last", "{pl:lodnon|London} at last", f"{B}:19:18", r"unknown place 'lodnon'"),
    case("cite-unknown-key", H, "{cite:venturi1960|p. 103}", "{cite:venturi|p. 103}", f"{H}:19:7", r"unknown bibliography key 'venturi'"),
    case("sup-without-content", B, "{sic|Siberia}", "{sup}", at(B, 19, "I am free and in {pl:london|London} at last.{n:editor:a} {sup} is", "{sup}"),
         r"needs content"),
    case("block-role-misspelt", H, "@signed {p:herzen", "@signd {p:herzen", f"{H}:29:1", r"unknown block role '@signd'"),
    case("headnote-span-unclosed", H, "{p:ogarev|Ogarev} had", "{p:ogarev|Ogarev had", at(H, 13, HEAD_H, "{p:"), r"not closed|never closed"),
    case("label-twice", H, "@salute Dear {p:ogarev|Nick},", "@salute Dear {p:ogarev|Nick},{lbl:printed}", f"{H}:27:1", r"label 'printed' .*(twice|already)"),
]

REFS = [
    case("ref-unknown-document", K, "{ref:1862-bakunin-herzen}", "{ref:1862-bakunin-hertzen}", f"{K}:18:5", r"unknown document '1862-bakunin-hertzen'"),
    case("ref-unknown-label", B, "line:printed}", "line:prnted}", f"{B}:15:7", r"line 'prnted'"),
    case("ref-unknown-note", B, "{ref:1857-07-01-herzen-ogarev:line:printed}", "{ref:1857-07-01-herzen-ogarev:editor:2}", f"{B}:15:7", r"note 'editor:2'"),
    Case("ref-to-excluded-document", (change(Y, "      - 1862-bakunin-herzen\n", ""), change(Y, "parts:\n", "exclude: [1862-bakunin-herzen]\nparts:\n")),
         f"{K}:18:5", r"'1862-bakunin-herzen' is not printed"),
]

PARTS = [
    case("part-lists-misspelt-id", Y, "      - 1862-bakunin-herzen\n", "      - 1862-bakunin-hertzen\n", f"{Y}:18:9", r"unknown document '1862-bakunin-hertzen'"),
    case("part-lists-twice", Y, "      - 1862-bakunin-herzen\n", "      - 1862-bakunin-herzen\n      - 1857-07-01-herzen-ogarev\n", f"{Y}:19:9",
         r"already printed in this part"),
    case("document-in-no-part", Y, "      - 1862-bakunin-herzen\n", "", f"{B}:2:5", r"in no part"),
    case("document-that-does-not-parse-in-a-part", B, "title: Bakunin to Herzen", 'title: "Bakunin to Herzen', f"{B}:3:8",
         r"quotation mark opened on line 3, column 8 is never closed"),
    case("id-not-the-one-the-part-lists", H, "id: 1857-07-01-herzen-ogarev", "id: 1857-07-01-herzen-to-ogarev", f"{H}:2:5",
         r"part 'exile' lists it as '1857-07-01-herzen-ogarev'"),
    Case("new-document-not-in-a-part", (write("sources/exile/1858-ogarev-herzen.md",
                                              "---\nid: 1858-ogarev-herzen\ntitle: Ogarev to Herzen\nkind: letter\n---\nA short note.\n"),),
         "sources/exile/1858-ogarev-herzen.md:2:5", r"in no part"),
]

CASES = FRONT + DATES + NOTES + MARKUP + REFS + PARTS

FONTS = [
    case("character-no-font-has", B, "behind me.", "behind me \u0b85.", f"{B}:20:27", r"no font of the reader has the character U\+0B85"),
]
CASES += FONTS

MORE = [
    case("id-missing", K, "id: 1857-kolokol-preface\n", "", f"{K}:2:1", r"required key 'id'"),
    case("headnote-not-indented", H, "  just settled in {pl:london|London}.\n", "just settled in {pl:london|London}.\n", f"{H}:14:1", r"indent"),
    case("translation-not-a-mapping", H, 'translation: {from: ru, by: "the editor"}', "translation: the editor", f"{H}:10:14", r"translation"),
    case("source-without-key", H, 'source: {key: herzen-ss-26, locator: "pp. 98–99"}', 'source: {locator: "pp. 98–99"}', f"{H}:11:9", r"key"),
    case("ref-empty", K, "{ref:1862-bakunin-herzen}", "{ref:}", f"{K}:18:5", r"empty argument|cross-reference"),
    case("cite-without-key", H, "{cite:venturi1960|p. 103}", "{cite|p. 103}", f"{H}:19:7", r"'cite' takes"),
    case("label-in-note", B, "reply is lost.", "reply is lost.{lbl:lost}", at(B, 14, "      {p:herzen|Herzen}'s reply is lost.{lbl:lost}", "{lbl"),
         r"line label belongs in the text"),
    case("quote-marker-in-note-twice", K, "      The {em|Polar Star} appeared in 1855.\n", "      > > The {em|Polar Star} appeared in 1855.\n", f"{K}:11:9",
         r"quotation inside a quotation"),
]
CASES += MORE

REGISTERS = [  # what the documents make of a register that does not parse: nothing more than its own error
    case("persons-register-does-not-parse", "sources/persons.yaml", '  name: "Herzen, A. I."', '  name: "Herzen, A. I.', "sources/persons.yaml:2:9",
         r"quotation mark opened on line 2, column 9 is never closed"),
    case("places-register-does-not-parse", "sources/places.yaml", "geneva:\n", "geneva\n", "sources/places.yaml:4:1", r"'geneva' has no ':'"),
]
CASES += REGISTERS

PARTS_MORE = [
    case("part-id-twice", Y, "  - id: kolokol\n", "  - id: exile\n", f"{Y}:19:5", r"part id 'exile' is used twice"),
    case("exclude-names-unknown-document", Y, "parts:\n", "exclude: [1858-draft]\nparts:\n", f"{Y}:11:11", r"'exclude' names unknown document '1858-draft'",
         0, "warning"),
    case("excluded-and-printed", Y, "parts:\n", "exclude: [1862-bakunin-herzen]\nparts:\n", f"{Y}:19:9", r"printed in part 'exile' and also excluded"),
    Case("document-in-a-list-part-and-a-folder-part", (change(Y, "    title: \"The Bell\"\n", "    title: \"The Bell\"\n    documents: [1857-kolokol-preface, 1862-bakunin-herzen]\n"),),
         f"{Y}:21:39", r"'1862-bakunin-herzen' is already printed in part 'exile'"),
]
CASES += PARTS_MORE

_PREFACE = (Path(__file__).resolve().parent / "reader" / K).read_text(encoding="utf-8")
COPIES = [  # a file copied to start a new document, its id left as it was: said at the copy, not as a part listing it twice
    Case("document-copied-id-kept", (write("sources/kolokol/1858-kolokol-second.md", _PREFACE),), "sources/kolokol/1858-kolokol-second.md:2:5",
         r"^document id '1857-kolokol-preface' is already the id of sources/kolokol/1857-kolokol-preface\.md$"),
]
CASES += COPIES
