"""YAML: broken or hostile front matter, registers and edition.yaml give a positioned error;
nothing but plain data is ever built, nothing nests without a limit."""

from __future__ import annotations

from harness import CONFIG, LETTER, NOTES, Case, Expect, letter

L = LETTER
PERSONS = 'kamenev:\n  name: "Kamenev, L. B."\n  aliases: [Rozenfeld]\nstalin:\n  name: "Stalin, I. V."\n  aliases: [Koba]\n'


def _err(where: str, says: str) -> Expect:
    return Expect(1, where, says)


def doc(**kw: str) -> dict[str, str]:
    return {L: letter(**kw)}


def config(extra: str) -> dict[str, str]:
    return {"edition.yaml": CONFIG + extra}


LOL = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 9))

CASES = [
    Case("yaml-tab-indent", "yaml", doc(notes='notes:\n  editor:\n\t"1": x\n'), _err(f"{L}:11:1", r"tab|cannot start any token")),
    Case("yaml-duplicate-key", "yaml", doc(extra="title: Again\n"), _err(f"{L}:9:1", "duplicate key 'title'")),
    Case("yaml-python-object", "yaml", doc(extra='status: !!python/object/apply:os.system ["touch PWNED"]\n'),
         _err(f"{L}:9:9", "YAML tag .*python/object.* is not allowed")),
    Case("yaml-python-name-in-config", "yaml", config("licence: !!python/name:os.system\n"),
         _err("edition.yaml:7:10", "YAML tag .* is not allowed")),
    Case("yaml-tag-directive", "yaml", {"edition.yaml": "%TAG !e! tag:yaml.org,2002:python/object/apply:\n---\n"
                                        + CONFIG.replace('"Mini Reader"', '!e!os.system ["touch PWNED"]')},
         _err("edition.yaml:3:8", "YAML tag .* is not allowed")),
    Case("yaml-binary-tag", "yaml", doc(extra="status: !!binary aGVsbG8=\n"), _err(f"{L}:9:9", "YAML tag .* is not allowed")),
    Case("yaml-set-tag", "yaml", doc(extra="status: !!set {a, b}\n"), _err(f"{L}:9:9", "YAML tag .* is not allowed")),
    Case("yaml-local-tag", "yaml", doc(extra="status: !draft x\n"), _err(f"{L}:9:9", "YAML tag .* is not allowed")),
    Case("yaml-anchor-alias", "yaml", doc(extra="language: &a ru\nstatus: *a\n"), _err(f"{L}:9:11", "anchors and aliases")),
    Case("yaml-billion-laughs", "yaml", {"sources/persons.yaml": PERSONS + LOL}, _err("sources/persons.yaml:7:5", "anchors and aliases")),
    Case("yaml-deep-flow-1000", "yaml", doc(extra="status: " + "[" * 1000 + "]" * 1000 + "\n"),
         _err(f"{L}:9:", "nest")),
    Case("yaml-deep-flow-1000-with-ampersand", "yaml", doc(extra="status: " + "[" * 1000 + "]" * 1000 + "  # R&D\n"),
         _err(f"{L}:9:", "nest")),
    Case("yaml-deep-flow-100000", "yaml", doc(extra="status: " + "[" * 100000 + "]" * 100000 + "\n"),
         _err(f"{L}:9:", "nest")),
    Case("yaml-deep-map-1000", "yaml", doc(extra="status: " + "{a: " * 1000 + "x" + "}" * 1000 + "\n"),
         _err(f"{L}:9:", "nest")),
    Case("yaml-deep-block-1000", "yaml", doc(extra="status:\n  " + "- " * 1000 + "x\n"), _err(f"{L}:10:", "nest")),
    Case("yaml-deep-flow-in-register", "yaml", {"sources/persons.yaml": PERSONS + "x: " + "[" * 3000 + "]" * 3000 + "  # &\n"},
         _err("sources/persons.yaml:7:", "nest")),
    Case("yaml-surrogate-escape", "yaml", doc(title='"Stalin \\ud800 to Kamenev"'), _err(f"{L}:3:", "surrogate|invalid Unicode")),
    Case("yaml-surrogate-escape-python-loader", "yaml", doc(title='"Stalin \\ud800 to Kamenev"  # Q&A'), _err(f"{L}:3:16", "surrogate")),
    Case("yaml-surrogate-pair-escapes", "yaml", doc(title='"Smile \\ud83d\\ude00"  # Q&A'), _err(f"{L}:3:15", "surrogate")),
    Case("yaml-nul-escape", "yaml", doc(title='"Stalin\\0Kamenev"'), _err(f"{L}:3:15", r"control character U\+0000")),
    Case("yaml-esc-escape", "yaml", doc(title='"\\e[31mred"'), Expect(1, f"{L}:3:9", r"control character U\+001B", not_in_output=("\x1b",))),
    Case("yaml-c1-escape", "yaml", doc(title='"a\\x9bb"'), Expect(1, f"{L}:3:10", r"control character U\+009B", not_in_output=("\x9b",))),
    Case("yaml-multi-document-config", "yaml", {"edition.yaml": CONFIG + "---\ntitle: two\n"}, _err("edition.yaml:7:1", "another document|single document")),
    Case("yaml-config-is-a-list", "yaml", {"edition.yaml": "- a\n- b\n"}, _err("edition.yaml:1:1", "mapping")),
    Case("yaml-config-is-a-scalar", "yaml", {"edition.yaml": "just words\n"}, _err("edition.yaml:1:1", "mapping")),
    Case("yaml-front-is-a-list", "yaml", {L: "---\n- a\n- b\n---\nText.\n"}, _err(f"{L}:2:1", "mapping")),
    Case("yaml-front-is-a-scalar", "yaml", {L: "---\njust words\n---\nText.\n"}, _err(f"{L}:2:1", "mapping")),
    Case("yaml-front-not-closed", "yaml", {L: "---\nid: letter\ntitle: x\n"}, _err(f"{L}:1:1", "not closed")),
    Case("yaml-empty-source", "yaml", {L: ""}, _err(f"{L}:1:1", "does not start with a YAML front matter")),
    Case("yaml-no-body", "yaml", {L: letter(body="")}, _err(f"{L}:17:1", "has no text")),
    Case("yaml-complex-key", "yaml", doc(extra="? [a, b]\n: c\n"), _err(f"{L}:9:3", "mapping key must be")),
    Case("yaml-number-key", "yaml", doc(extra="1: x\n"), Expect(0, f"{L}:9:1", "unknown key '1'", "warning")),
    Case("yaml-null-key", "yaml", doc(extra="~: x\n"), Expect(0, f"{L}:9:1", "unknown key", "warning")),
    Case("yaml-unclosed-flow", "yaml", doc(place="{from: krakow"), _err(f"{L}:8:8", r"the '\{' opened on line 8, column 8 is never closed")),
    Case("yaml-unclosed-quote", "yaml", doc(title='"Stalin to'), _err(f"{L}:3:8", "the quotation mark opened on line 3, column 8 is never closed")),
    Case("yaml-bad-indent-register", "yaml", {"sources/persons.yaml": "kamenev:\n   name: x\n  aliases: [y]\n" + PERSONS[PERSONS.index("stalin"):]},
         _err("sources/persons.yaml:3:3", "")),
    Case("yaml-duplicate-person", "yaml", {"sources/persons.yaml": 'kamenev:\n  name: "A, B"\n' + PERSONS},
         _err("sources/persons.yaml:3:1", "the person id 'kamenev' is given twice: first on line 1")),
    Case("yaml-register-is-a-list", "yaml", {"sources/persons.yaml": "- kamenev\n- stalin\n"},
         _err("sources/persons.yaml:1:1", "must map ids to entries")),
    Case("yaml-register-entry-scalar", "yaml", {"sources/persons.yaml": PERSONS + "zinoviev: Grisha\n"},
         _err("sources/persons.yaml:7:11", "mapping")),
    Case("yaml-1mb-scalar", "yaml", doc(title='"' + "a" * 1_000_000 + '"'), Expect(0)),
    Case("yaml-bom-inside", "yaml", doc(extra="\ufeffstatus: draft\n"), Expect(1, f"{L}:9:1", r"U\+FEFF")),
    # dates
    Case("date-float", "yaml", doc(date="1e99999"), _err(f"{L}:7:7", "malformed date")),
    Case("date-feb-30", "yaml", doc(date="1926-02-30"), _err(f"{L}:7:7", "day 30 out of range")),
    Case("date-1900-02-29-gregorian", "yaml", doc(date="1900-02-29"), _err(f"{L}:7:7", "day 29 out of range")),
    Case("date-1900-02-29-julian", "yaml", doc(date="{when: 1900-02-29, calendar: julian}"), Expect(0)),
    Case("date-1912-02-29", "yaml", doc(date="1912-02-29"), Expect(0)),
    Case("date-reversed-limits", "yaml", doc(date="{not_before: 1913-01-01, not_after: 1912-01-01}"),
         _err(f"{L}:7:7", "not_after .* before not_before")),
    Case("date-month-13", "yaml", doc(date="{not_before: 1912-13}"), _err(f"{L}:7:7", "month 13 out of range")),
    Case("date-range-reversed", "yaml", doc(date="1926-05-26/1926-05-24"), _err(f"{L}:7:7", "ends before it starts")),
    Case("date-year-zero", "yaml", doc(date='"0000"'), _err(f"{L}:7:7", "year 0")),
    Case("date-1mb", "yaml", doc(date='"' + "1" * 1_000_000 + '"'), _err(f"{L}:7:7", "malformed date")),
    Case("date-1mb-slashes", "yaml", doc(date='"' + "1912/" * 200_000 + '"'), _err(f"{L}:7:7", "malformed date")),
    Case("date-list", "yaml", doc(date="[1912]"), _err(f"{L}:7:7", "date")),
    Case("date-unknown-key", "yaml", doc(date="{when: 1912, weekday: 1}"), Expect(0, f"{L}:7:20", "unknown key 'weekday'", "warning")),
    Case("date-bad-calendar", "yaml", doc(date="{when: 1912, calendar: mayan}"), _err(f"{L}:7:30", "calendar")),
    # wrong types in the configuration and the metadata
    Case("citation-style-number", "yaml", config("citation_style: 5\n"), _err("edition.yaml:7:17", "citation_style")),
    Case("citation-style-false", "yaml", config("citation_style: false\n"), _err("edition.yaml:7:17", "citation_style")),
    Case("citation-style-unknown-key", "yaml", config("citation_style: {nonsense: 1}\n"), _err("edition.yaml:7:18", "nonsense")),
    Case("title-is-a-list", "yaml", doc(title="[a, b]"), _err(f"{L}:3:8", "title")),
    Case("notes-is-a-list", "yaml", doc(notes="notes: [a]\n"), _err(f"{L}:9:8", "notes")),
    Case("notes-series-is-a-list", "yaml", doc(notes="notes:\n  editor: [x]\n"), _err(f"{L}:10:11", "must be a mapping")),
    Case("note-text-is-a-list", "yaml", doc(notes='notes:\n  editor:\n    "1": [x]\n' + NOTES[NOTES.index("  textual"):]),
         _err(f"{L}:11:10", "must be a text")),
    Case("parts-is-a-mapping", "yaml", {"edition.yaml": 'title: "Mini"\nparts: {one: letter}\n'}, _err("edition.yaml:2:8", "parts")),
    Case("series-bad-numbering", "yaml", config("series:\n  - {id: editor, numbering: hexadecimal}\n"),
         _err("edition.yaml:8:29", "numbering")),
    Case("archive-fond-is-a-list", "yaml", doc(extra="archives:\n  - {repository: rgaspi, fond: [1]}\n"), _err(f"{L}:10:32", "fond")),
    Case("binding-offset-tex", "yaml", config("binding_offset: '5mm}\\input{x'\n"), _err("edition.yaml:7:17", "not a length")),
]
