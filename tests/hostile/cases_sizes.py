"""Sizes: every file has a size limit, and every parser of user text answers quickly on a
megabyte of text written to make it backtrack, recurse or loop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from harness import CONFIG, LETTER, Case, Expect, letter

L = LETTER
B = 17
MB = 1_000_000
BIG = 21 * 2**20  # over the 20 MB limit


def sparse(rel: str, head: bytes = b"") -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(head)
            handle.truncate(BIG)

    return make


def body(text: str) -> dict[str, str]:
    return {L: letter(body=text)}


def _err(where: str, says: str) -> Expect:
    return Expect(1, where, says)


NOTE_CONFIG = CONFIG + "note_on_texts: docs/note.md\n"
OVER = r"over the limit of \d+ MB"
CITED = Expect(1, f"{L}:12:21", "unknown bibliography key")  # the letter cites a work the replaced .bib lacks

CASES = [
    Case("size-source", "sizes", setup=sparse("sources/letters/big.md", b"---\nid: big\n---\n"),
         expect=_err("sources/letters/big.md:1:1", OVER)),
    Case("size-bib", "sizes", setup=sparse("bibliography/works.bib", b"@book{a, title={x}}\n"),
         expect=_err("bibliography/works.bib:1:1", OVER)),
    Case("size-config", "sizes", setup=sparse("edition.yaml", b"title: x\n"), expect=_err("edition.yaml:1:1", OVER)),
    Case("size-persons", "sizes", setup=sparse("sources/persons.yaml"), expect=_err("sources/persons.yaml:1:1", OVER)),
    Case("size-archives", "sizes", setup=sparse("sources/archives.yaml"), expect=_err("sources/archives.yaml:1:1", OVER)),
    Case("size-note-on-texts", "sizes", {"edition.yaml": NOTE_CONFIG}, setup=sparse("docs/note.md"),
         expect=_err("docs/note.md:1:1", OVER)),
    Case("size-bib-25mb-real", "sizes", {"bibliography/works.bib": "@misc{k, title={" + "w " * (13 * MB) + "}}\n"},
         _err("bibliography/works.bib:1:1", OVER)),
    # a megabyte of markup written against the inline parser
    Case("markup-1mb-open-spans", "sizes", body("{p:" * (MB // 3) + "\n"), _err(f"{L}:{B}:1", "not closed")),
    Case("markup-1mb-braces", "sizes", body("{" * MB + "\n"), Expect(0)),
    Case("markup-1mb-closing", "sizes", body("}|" * (MB // 2) + "\n"), Expect(1, f"{L}:{B}:1", "closes nothing")),
    Case("markup-1mb-backslashes", "sizes", body("\\" * MB + "\n"), Expect(0)),
    Case("markup-1mb-nested", "sizes", body("{em|" * (MB // 4) + "\n"), _err(f"{L}:{B}:65", "nested more than 16")),
    Case("markup-1mb-args", "sizes", body("{p" + ":" * MB + "}\n"), _err(f"{L}:{B}:1", "argument")),
    Case("markup-1mb-words", "sizes", body("{word} " * (MB // 7) + "\n"), Expect(0, f"{L}:{B}:1", "is not markup", "warning")),
    Case("markup-1mb-escapes", "sizes", body("\\{" * (MB // 2) + "\n"), Expect(0)),
    Case("markup-1mb-quotes", "sizes", body("> x\n" * (MB // 4)), Expect(0)),
    Case("markup-1mb-blank-lines", "sizes", body("a\n\n" * (MB // 3)), _err(f"{L}:{B + 40000}:1", "more than 20000 paragraphs")),
    Case("markup-1mb-roles", "sizes", body("@salute x\n\n" * (MB // 11)), _err(f"{L}:{B + 40000}:1", "more than 20000 paragraphs")),
    Case("markup-1mb-one-word", "sizes", body("x" * MB + "\n"), Expect(0, f"{L}:{B}:1", "word of 1000000 characters", "warning")),
    # archival citations: the parser's regular expressions and loop
    Case("arch-1mb-commas", "sizes", body("{arch|RGASPI" + ", a" * (MB // 3) + "}\n"), _err(f"{L}:{B}:1", "archival citation")),
    Case("arch-1mb-roman", "sizes", body("{arch|RGASPI f. 1, op. " + "I" * MB + "x}\n"), _err(f"{L}:{B}:1", "archival citation")),
    Case("arch-1mb-markers", "sizes", body("{arch|RGASPI " + "f. " * (MB // 3) + "}\n"), _err(f"{L}:{B}:1", "archival citation")),
    Case("arch-1mb-folios", "sizes", body("{arch|RGASPI f. 1, op. 1, d. 1, ll. " + "1, " * (MB // 3) + "2}\n"),
         _err(f"{L}:{B}:1", "archival citation")),
    Case("arch-1mb-spaces", "sizes", body("{arch|RGASPI f." + " " * MB + "1}\n"), Expect(0)),
    Case("arch-1mb-name", "sizes", body("{arch|" + "R" * MB + "}\n"), _err(f"{L}:{B}:1", "archival citation")),
    Case("arch-cited-1mb", "sizes", {L: letter(extra='archives:\n  - cited: "RGASPI' + ", a" * (MB // 3) + '"\n')},
         _err(f"{L}:10:13", "archival citation")),
    # the bibliography parser
    Case("bib-1mb-open-entries", "sizes", {"bibliography/works.bib": "@book{" * (MB // 6)}, _err("bibliography/works.bib:1:", "syntax error|key")),
    Case("bib-1mb-nested-braces", "sizes", {"bibliography/works.bib": "@misc{k, title={" + "{" * (MB // 2) + "}" * (MB // 2) + "}}\n"},
         _err("bibliography/works.bib:1:", "nested")),
    Case("bib-1mb-at-signs", "sizes", {"bibliography/works.bib": "@" * MB}, _err("bibliography/works.bib:1:", "syntax error")),
    # pybtex and the .bib decoder take some 10-20 microseconds a character (1 MB: 10-25 s on this
    # machine), linear or nearly: a fifth of a megabyte, with a generous bound
    Case("bib-200kb-names", "sizes", {"bibliography/works.bib": "@misc{k, title={T}, author={" + " and ".join(["A, B"] * (MB // 45)) + "}}\n"},
         CITED),
    Case("bib-200kb-backslashes", "sizes", {"bibliography/works.bib": "@misc{k, title={" + "\\" * (MB // 5) + "}}\n"}, CITED),
    Case("bib-1mb-commands", "sizes", {"bibliography/works.bib": "@misc{k, title={" + "\\x{" * (MB // 3) + "}}\n"},
         _err("bibliography/works.bib:1:", "syntax error|brace")),
    # dates in the front matter
    Case("date-1mb-brackets", "sizes", {L: letter(date='"' + "[" * MB + '"')}, _err(f"{L}:7:7", "malformed date")),
]
