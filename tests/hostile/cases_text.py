"""Unicode and structure: characters that would move positions, hide in the terminal or
vanish from the page, and shapes of documents the renderer cannot set."""

from __future__ import annotations

from harness import CONFIG, LETTER, NOTES, Case, Expect, letter

L = LETTER
B = 17  # the first body line of the letter
PERSONS = 'kamenev:\n  name: "Kamenev, L. B."\n  aliases: [Rozenfeld]\nstalin:\n  name: "Stalin, I. V."\n  aliases: [Koba]\n'
WORKS = "@book{lenin-cw-35,\n  author = {Lenin, V. I.},\n  title = {Collected Works},\n  volume = {35},\n  publisher = {Progress Publishers},\n  address = {Moscow},\n  year = {1976},\n}\n"


def _err(where: str, says: str) -> Expect:
    return Expect(1, where, says)


def body(text: str) -> dict[str, str]:
    return {L: letter(body=text)}


def bib(text: str) -> dict[str, str | bytes]:
    return {"bibliography/works.bib": text}


def series(n: int, numbering: str = "arabic") -> str:
    return "series:\n" + "".join(f"  - {{id: s{i}, numbering: {numbering}}}\n" for i in range(1, n + 1))


OTHER = "---\nid: other\ntitle: Other\nkind: note\nauthors: [stalin]\n---\nThe other text.\n"

UNICODE = [
    Case("u2028-body-keeps-lines", "unicode", body("Line one\u2028still one.\n\n{p:nobody|X}\n"), _err(f"{L}:{B + 2}:1", "unknown person 'nobody'")),
    Case("u2028-body-warns", "unicode", body("Line one\u2028still one.\n"), Expect(0, f"{L}:{B}:9", r"U\+2028", "warning")),
    Case("u2029-body-keeps-lines", "unicode", body("Para\u2029still.\n\n{p:nobody|X}\n"), _err(f"{L}:{B + 2}:1", "unknown person 'nobody'")),
    Case("u2029-body-warns", "unicode", body("Para\u2029still.\n"), Expect(0, f"{L}:{B}:5", r"U\+2029", "warning")),
    Case("u0085-body-keeps-lines", "unicode", body("Next\x85line.\n\n{p:nobody|X}\n"), _err(f"{L}:{B + 2}:1", "unknown person 'nobody'")),
    Case("u2028-front-keeps-lines", "unicode", {L: letter(title="Stalin\u2028to Kamenev", extra="oops: 1\n")},
         Expect(0, f"{L}:9:1", "unknown key 'oops'", "warning")),
    Case("u0085-front-keeps-lines", "unicode", {L: letter(title="Stalin\x85to Kamenev", extra="oops: 1\n")},
         Expect(0, f"{L}:9:1", "unknown key 'oops'", "warning")),
    Case("u2028-register-keeps-lines", "unicode", {"sources/persons.yaml": PERSONS.replace("Kamenev, L. B.", "Kamenev,\u2028L. B.") + "  oops: 1\n"},
         Expect(0, "sources/persons.yaml:7:3", "unknown key 'oops'", "warning")),
    Case("u2028-note-keeps-lines", "unicode", {L: letter(notes=NOTES.replace("A note citing", "A\u2028note {p:nobody|X} citing"))},
         _err(f"{L}:12:14", "unknown person 'nobody'")),
    Case("esc-in-body", "unicode", body("Red \x1b[31m text\n"), Expect(1, f"{L}:{B}:5", r"control character U\+001B", not_in_output=("\x1b",))),
    Case("bel-in-body", "unicode", body("Ring \x07 bell\n"), Expect(1, f"{L}:{B}:6", r"control character U\+0007", not_in_output=("\x07",))),
    Case("c1-csi-in-body", "unicode", body("CSI \x9b2J here\n"), Expect(1, f"{L}:{B}:5", r"control character U\+009B", not_in_output=("\x9b",))),
    Case("esc-in-front-matter", "unicode", {L: letter(title="Stalin\x1b[2J")}, Expect(1, f"{L}:3:14", r"control character (U\+001B|#x001b)",
                                                                                  not_in_output=("\x1b",))),
    Case("esc-in-register", "unicode", {"sources/persons.yaml": PERSONS.replace("Rozenfeld", "Roz\x1b]0;x\x07")},
         Expect(1, "sources/persons.yaml:3:16", r"control character U\+001B", not_in_output=("\x1b", "\x07"))),
    Case("esc-in-bib", "unicode", bib(WORKS.replace("Collected", "Col\x1b[5mlected")),
         Expect(1, "bibliography/works.bib:3:15", r"control character U\+001B", not_in_output=("\x1b",))),
    Case("esc-in-person-id", "unicode", body("{p:\x1b[2Jx|Name}\n"), Expect(1, f"{L}:{B}:1", "unknown person", not_in_output=("\x1b",))),
    Case("bidi-override-in-person-id", "unicode", body("{p:ev\u202eil|Name}\n"), Expect(1, f"{L}:{B}:1", "unknown person",
                                                                                     not_in_output=("\u202e",))),
    Case("bidi-isolate-in-note-key", "unicode", body("Text{n:editor:\u2066x}.\n"), Expect(1, f"{L}:{B}:5", "note", not_in_output=("\u2066",))),
    Case("nul-in-register", "unicode", {"sources/persons.yaml": PERSONS.replace("Koba", "Ko\x00ba")}, _err("sources/persons.yaml:6:15", "NUL")),
    Case("invalid-utf8-register", "unicode", {"sources/places.yaml": b"krakow:\n  name: \"Cr\xe1cow\"\n"},
         _err("sources/places.yaml:2:12", "invalid UTF-8")),
    Case("invalid-utf8-source", "unicode", {L: letter().encode().replace(b"alone", b"al\xf6ne")}, _err(f"{L}:{B + 2}:15", "invalid UTF-8")),
    Case("invalid-utf8-bib", "unicode", bib(WORKS.encode().replace(b"Collected", b"Coll\xe9cted")),
         _err("bibliography/works.bib:3:16", "invalid UTF-8")),
    Case("utf16-bib", "unicode", bib(WORKS.encode("utf-16")), _err("bibliography/works.bib:1:1", "invalid UTF-8")),
    Case("utf16-source", "unicode", {L: letter().encode("utf-16")}, _err(f"{L}:1:1", "invalid UTF-8")),
    Case("private-use-in-body", "unicode", body("A \ue000 glyph.\n"), Expect(0, f"{L}:{B}:3", r"private-use character U\+E000", "warning")),
    Case("private-use-in-bib", "unicode", bib(WORKS.replace("Collected", "Col\ue001lected")),
         Expect(0, "bibliography/works.bib:3:15", r"private-use character U\+E001", "warning")),
    Case("noncharacter-in-body", "unicode", body("A \uffff here.\n"), Expect(1, f"{L}:{B}:3", r"U\+FFFF")),
    Case("nfd-and-combining", "unicode", body("Cafe\u0301 and a\u0308 and \u0301 alone.\n"), Expect(0)),
    Case("emoji-and-astral", "unicode", body("\U0001F600\U0001F600{p:nobody|x}\n"), _err(f"{L}:{B}:3", "unknown person 'nobody'")),
    Case("tab-in-body", "unicode", body("\t{p:nobody|x}\n"), _err(f"{L}:{B}:2", "unknown person 'nobody'")),
    Case("cr-only-line-ends", "unicode", {L: letter(body="Text.\n\n{p:nobody|x}\n").replace("\n", "\r")},
         _err(f"{L}:{B + 2}:1", "unknown person 'nobody'")),
    Case("crlf-line-ends", "unicode", {L: letter(body="Text.\n\nA {p:nobody|x}\n").replace("\n", "\r\n")},
         _err(f"{L}:{B + 2}:3", "unknown person 'nobody'")),
    Case("bom-then-error", "unicode", {L: "\ufeff" + letter(body="{p:nobody|x}\n")}, _err(f"{L}:{B}:1", "unknown person 'nobody'")),
]

STRUCTURE = [
    Case("quotes-nested-300", "structure", body("> " * 300 + "deep\n"), _err(f"{L}:{B}:33", "quotations nested more than 16 levels")),
    Case("quotes-nested-20", "structure", body("> " * 20 + "deep\n"), _err(f"{L}:{B}:33", "quotations nested more than 16 levels")),
    Case("quotes-nested-3000-lines", "structure", body("".join(">" * i + " x\n" for i in range(1, 3000))),
         Expect(0)),
    Case("quote-paragraphs-1mb", "sizes", body("> x\n\n" * 200_000), _err(f"{L}:{B + 40000}:1", "more than 20000 paragraphs")),
    Case("quotes-nested-10", "structure", body("> " * 10 + "fine\n"), Expect(0)),
    Case("quote-nested-in-headnote", "structure", {L: letter(extra="headnote: |\n  > > nested\n")},
         _err(f"{L}:10:5", "quotation.* headnote")),
    Case("quote-nested-in-note", "structure", {L: letter(notes=NOTES.replace("A note citing", "> > A note citing"))},
         _err(f"{L}:12:9", "quotation.* note")),
    Case("anchor-in-headnote", "structure", {L: letter(extra='headnote: "See {n:editor:1}."\n', body="Text {n:textual:a|policy}.\n")},
         _err(f"{L}:9:16", "note anchor.* headnote")),
    Case("label-in-headnote", "structure", {L: letter(extra='headnote: "See {lbl:x}."\n')}, _err(f"{L}:9:16", "label.* headnote")),
    Case("anchor-in-part-headnote", "structure", {"edition.yaml": CONFIG + '    headnote: "See {n:editor:1}."\n'},
         _err("edition.yaml:7:20", "note anchor.* headnote")),
    Case("label-in-part-headnote", "structure", {"edition.yaml": CONFIG + '    headnote: "See {lbl:x}."\n'},
         _err("edition.yaml:7:20", "label.* headnote")),
    Case("anchor-in-note", "structure", {L: letter(notes=NOTES.replace("A note citing", "A note {n:textual:a} citing"),
                                                   body="Text{n:editor:1}.\n")}, _err(f"{L}:12:14", "note anchor")),
    Case("eleven-series", "structure", {"edition.yaml": CONFIG + series(11)}, _err("edition.yaml:18:5", "more than ten")),
    Case("eleven-line-series", "structure", {"edition.yaml": CONFIG + series(11, "line")}, _err("edition.yaml:18:5", "more than ten")),
    Case("ten-series", "structure", {"edition.yaml": CONFIG + series(10), L: letter(notes="", body="Text.\n")}, Expect(0)),
    Case("duplicate-series", "structure", {"edition.yaml": CONFIG + series(1) + "  - {id: s1}\n"}, _err("edition.yaml:9:5", "series 's1' is (defined|configured) twice")),
    Case("empty-note", "structure", {L: letter(notes=NOTES.replace('"1": |\n      A note citing {cite:lenin-cw-35|p. 232}.', '"1": ""'))},
         _err(f"{L}:11:10", "note 'editor:1' is empty")),
    Case("blank-note", "structure", {L: letter(notes=NOTES.replace('"1": |\n      A note citing {cite:lenin-cw-35|p. 232}.', '"1": "   "'))},
         _err(f"{L}:11:10", "note 'editor:1' is empty")),
    Case("empty-block-note", "structure", {L: letter(notes=NOTES.replace('"1": |\n      A note citing {cite:lenin-cw-35|p. 232}.', '"1": |'))},
         _err(f"{L}:11:10", "note 'editor:1' is empty")),
    Case("part-without-documents", "structure", {"edition.yaml": CONFIG + "  - id: two\n    title: Two\n    documents: []\n"},
         Expect(0, "edition.yaml:7:5", "part 'two' has no documents", "warning")),
    Case("part-with-empty-folder", "structure", {"edition.yaml": CONFIG + "  - id: two\n    title: Two\n"},
         Expect(0, "edition.yaml:7:5", "part 'two' has no documents", "warning")),
    Case("ref-to-unprinted-document", "structure", {"sources/letters/other.md": OTHER, L: letter(body="See {ref:other}.\n")},
         _err(f"{L}:{B}:5", "'other' is not printed")),
    Case("long-word", "structure", body("x" * 5000 + "\n"), Expect(0, f"{L}:{B}:1", "word of 5000 characters", "warning")),
    Case("long-url-word", "structure", body("See http://" + "a" * 400 + ".\n"), Expect(0, f"{L}:{B}:5", "word of 408 characters", "warning")),
    Case("id-ends-in-tex", "structure", {L: letter(id="letter.tex"), "edition.yaml": CONFIG.replace("[letter]", "[letter.tex]")},
         _err(f"{L}:2:5", "'letter.tex'")),
    Case("id-with-slash", "structure", {L: letter(id="a/b")}, _err(f"{L}:2:5", "may hold only")),
    Case("id-empty", "structure", {L: letter(id='""')}, _err(f"{L}:2:1", "document id|lacks the required key 'id'")),
    Case("document-in-two-parts", "structure", {"edition.yaml": CONFIG + "  - id: two\n    title: Two\n    documents: [letter]\n"},
         _err("edition.yaml:9:17", "'letter' is already printed in part 'one'")),
    Case("document-twice-in-a-part", "structure", {"edition.yaml": CONFIG.replace("[letter]", "[letter, letter]")},
         _err("edition.yaml:6:25", "'letter' is already printed")),
    Case("unknown-document-in-part", "structure", {"edition.yaml": CONFIG.replace("[letter]", "[letter, lettr]")},
         _err("edition.yaml:6:25", "unknown document 'lettr'")),
    Case("markup-unclosed", "structure", body("Text {sup|was.\n"), _err(f"{L}:{B}:6", "not closed")),
    Case("markup-unknown-tag", "structure", body("Text {bold|x}.\n"), _err(f"{L}:{B}:6", "unknown markup tag 'bold'")),
    Case("markup-17-deep", "structure", body("{em|" * 17 + "x" + "}" * 17 + "\n"), _err(f"{L}:{B}:65", "nested more than 16")),
    Case("lone-backslash-body", "structure", body("Ends in a backslash \\\n"), Expect(0)),
    Case("lone-backslash-title", "structure", {L: letter(title='"Stalin \\\\"')}, Expect(0)),
    Case("unbalanced-braces-title", "structure", {L: letter(title='"Stalin {to} Kamenev}"')}, Expect(0)),
    Case("ref-missing-note", "structure", body("See {ref:letter:editor:99}.\n"), _err(f"{L}:{B}:5", "99")),
    Case("ref-missing-label", "structure", body("See {ref:letter:line:nolabel}.\n"), _err(f"{L}:{B}:5", "nolabel")),
    Case("anchor-missing-note", "structure", body("Text{n:editor:99}.\n"), _err(f"{L}:{B}:5", "99")),
    Case("arch-garbage", "structure", body("See {arch|no such archive at all}.\n"), _err(f"{L}:{B}:5", "unknown archive")),
    Case("arch-empty-ish", "structure", body("See {arch| }.\n"), _err(f"{L}:{B}:5", "needs content|empty archival")),
    Case("person-empty-name", "structure", {"sources/persons.yaml": PERSONS.replace('"Kamenev, L. B."', '""')},
         _err("sources/persons.yaml:2:3", "name")),
    Case("archive-periods-overlap", "structure", {"sources/archives.yaml": "rgaspi:\n  city: Moscow\n  names:\n"
                                                  "    - {abbr: A, expansion: Aa, to: 1999}\n    - {abbr: B, expansion: Bb, from: 1991}\n"},
         _err("sources/archives.yaml:5:38", "overlap")),
    # .bib files
    Case("bib-name-three-commas", "structure", bib(WORKS.replace("Lenin, V. I.", "Lenin, V., I., Jr, Sr")),
         _err("bibliography/works.bib:2:3", "comma")),
    Case("bib-editor-three-commas", "structure", bib(WORKS.replace("author", "editor").replace("Lenin, V. I.", "A, B, C, D")),
         _err("bibliography/works.bib:2:3", "comma")),
    Case("bib-unbalanced-brace", "structure", bib(WORKS.replace("{Collected Works}", "{Coll{ected Works}")),
         _err("bibliography/works.bib:", "brace|unexpected|syntax|expected")),
    Case("bib-lone-backslash-title", "structure", bib(WORKS.replace("{Collected Works}", '"Collected Works \\"')), Expect(0)),
    Case("bib-trailing-backslash-brace", "structure", bib(WORKS.replace("{Collected Works}", "{Collected Works \\}")), Expect(0)),
    Case("bib-lone-backslash-author", "structure", bib(WORKS.replace("Lenin, V. I.", "Lenin, V. I. \\\\")), Expect(0)),
    Case("bib-undefined-macro", "structure", bib(WORKS.replace("{Moscow}", "moscow")), _err("bibliography/works.bib:6:13", "undefined macro")),
    Case("bib-duplicate-key", "structure", bib(WORKS + WORKS), _err("bibliography/works.bib:9:", "duplicate key")),
    Case("bib-brace-in-key", "structure", bib(WORKS.replace("lenin-cw-35", "len}in")), _err("bibliography/works.bib:1:", "syntax error|key")),
    Case("bib-junk-only", "structure", bib("this is not bibtex at all { } @ \\ \n"), _err("bibliography/works.bib:", "syntax error")),
    Case("person-name-three-commas", "structure", {"sources/persons.yaml": PERSONS.replace("Kamenev, L. B.", "Kamenev, L., B., Jr, Sr")},
         Expect(0)),
    Case("person-name-three-commas-render", "structure", {"sources/persons.yaml": PERSONS.replace("Kamenev, L. B.", "Kamenev, L., B., Jr, Sr")},
         Expect(0), command=("render",)),
]

CASES = UNICODE + STRUCTURE
