"""docs/reference.md, written from the declarations of ``schema``: every key of edition.yaml,
of a document's metadata and of each register, with its type, default and an example.

``python -m edition.sources.reference > docs/reference.md`` rewrites the file;
tests/test_reference.py fails when the file and the declarations differ.
"""

from __future__ import annotations

from edition.sources import schema
from edition.sources.schema import Field

TYPES = {
    "str": "text", "text": "text with markup", "blocks": "paragraphs with markup", "ids": "list of ids",
    "strs": "list of texts", "map": "mapping", "list": "list", "bool": "true or false", "date": "date",
    "year": "year or null",
}

# (heading, what it is, the declaration)
SECTIONS: tuple[tuple[str, str, tuple[Field, ...]], ...] = (
    ("edition.yaml", "The reader's settings, in the project's folder. Only `title` and `parts` are required.", schema.CONFIG),
    ("edition.yaml: an entry of `series`", "A series of notes; the anchor `{n:ID:key}` names it. Without `series`, "
     "the reader has the four series shown as its default.", schema.SERIES),
    ("edition.yaml: an entry of `parts`", "A part of the reader.", schema.PART),
    ("edition.yaml: `originals`", "How the documents that hold their original print.", schema.ORIGINALS),
    ("edition.yaml: an entry of `works_cited_groups`", "A group of the works cited.", schema.WORKS_CITED_GROUP),
    ("sources/persons.yaml: an entry", "The persons register maps an id (used in `{p:ID|...}`) to an entry. "
     "It may be split: `sources/persons.yaml` and every `sources/persons/*.yaml` form one register.", schema.PERSON),
    ("sources/places.yaml: an entry", "The places register maps an id (used in `{pl:ID|...}`) to an entry; "
     "it may be split like the persons register.", schema.PLACE),
    ("sources/archives.yaml: a repository", "The archives register maps a repository id to the repository: its city "
     "and every name it has borne, so that a citation of an old name finds today's archive. The file is optional "
     "when no document cites an archive.", schema.REPOSITORY),
    ("sources/archives.yaml: a name of a repository", "Each entry of `names`. Exactly one name has no `to`: the name "
     "in use today. Periods may share a boundary year (a renaming during that year) but not overlap otherwise.",
     schema.ARCHIVE_NAME),
    ("A document's metadata", "The YAML between the two `---` lines at the top of a source file.", schema.DOCUMENT),
    ("A document's metadata: `date` as a mapping", "", schema.DATE),
    ("A document's metadata: `place`", "", schema.PLACE_REF),
    ("A document's metadata: `translation`", "", schema.TRANSLATION),
    ("A document's metadata: `source`", "", schema.SOURCE),
    ("A document's metadata: an entry of `archives`",
     "`cited` is parsed into the fields below; each field given beside it replaces that field alone "
     "(the others are kept from the text), and one that differs from the text is printed with a warning.",
     schema.ARCHIVE),
    ("A document's metadata: `original`", "", schema.ORIGINAL),
    ("The front matter of a file holding an original", "", schema.VERSION_FILE),
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(text: str) -> str:
    return f"`{_cell(text)}`" if text else ""


def _row(f: Field) -> str:
    words = " " in f.default and f.default[:1] not in "[{"  # a default said in words, not a value
    default = "required" if f.required else _cell(f.default) if words else _code(f.default) if f.default else "none"
    what = f.doc[:1].upper() + f.doc[1:]
    if f.choices and len(f.choices) <= 12:
        what += "; one of " + ", ".join(f"`{c}`" for c in f.choices)
    elif f.choices:
        what += f"; {len(f.choices)} schemes: " + ", ".join(f"`{c}`" for c in f.choices)
    return f"| `{f.name}` | {TYPES[f.type]} | {default} | {_code(f.example)} | {_cell(what)}. |"


def markdown() -> str:
    lines = [
        "# Reference: every key",
        "",
        "<!-- Written by `python -m edition.sources.reference > docs/reference.md` from the declarations in",
        "     edition/sources/schema.py; tests/test_reference.py fails when the two differ. Do not edit by hand. -->",
        "",
        "Every key that edition reads, with its type, its default and an example. A key that is not",
        "listed is reported by `edition check`. Types: *text* is one value (put it in \"quotes\" when it holds",
        "`: ` or starts with a sign such as `[`, `{`, `#`, `@`); *text with markup* may hold the inline markup of",
        "[source-format.md](source-format.md); *paragraphs with markup* are written after `|` on lines",
        "of their own; a *list* is `[a, b]` or one `- item` per line (a single value is a list of one);",
        "a *mapping* is `{key: value}` or one `key: value` per indented line.",
        "",
        "The bibliography is read from the `.bib` files that `bibliography` names, each of which must exist; when it",
        f"names none, from `{schema.DEFAULT_BIBLIOGRAPHY}` if that file exists. A reader that cites nothing needs no",
        "`.bib` file. The choices of `citation_style` are those of `StyleConfig` in edition/registers/styles/config.py.",
    ]
    for heading, intro, fields in SECTIONS:
        lines += ["", f"## {heading}", ""]
        if intro:
            lines += [intro, ""]
        lines += ["| key | type | default | example | what it is |", "|---|---|---|---|---|"]
        lines += [_row(f) for f in fields]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
