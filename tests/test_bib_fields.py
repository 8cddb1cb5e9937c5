"""Every field of every entry of the real .bib files is printed, or exported, or deliberately
not printed with a reason (edition/registers/bib/fields.py): never lost silently."""

from __future__ import annotations

import re
from pathlib import Path

import pybtex.errors
import pytest
from bib_golden import sources
from pybtex.database.input.bibtex import Parser

from edition.registers.bib.bibtex import export_bibtex
from edition.registers.bib.dates import MONTHS
from edition.registers.bib.fields import accounted, printed_by
from edition.registers.bib.load import ALIASES
from edition.registers.bibliography import Bibliography, load_bibliography
from edition.registers.bibstyle import make_style
from edition.registers.styles.chicago_parts import COUNTRIES
from edition.registers.styles.rich import edition_number


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text) if len(w) > 1 or w.isdigit()]


def shows(field: str, value: str, output: str) -> bool:
    """Whether ``output`` shows ``value`` of ``field`` in some form a style gives it."""
    out = output.casefold()
    words = [w.casefold() for w in _words(value)]
    if field in ("month", "day"):
        return any(m in out for m in MONTHS) or bool(re.search(r"\b\d{1,2}\b", out))
    if field == "edition" and edition_number(value):
        return edition_number(value) in out
    if field in ("type", "editortype", "editoratype", "editorbtype", "eprinttype"):
        return True  # a label: "PhD diss.", "comp.", "arXiv" (test_bib_real holds the labels)
    if field in ("origlanguage",):
        return True  # "translated from the German" / "пер. с нем." (test_bib_real)
    if field in ("urldate", "date", "origdate", "eventdate", "publdate", "year", "origyear"):
        years = re.findall(r"\d{4}", value)
        return not years or years[0] in out
    return all(w in out for w in words[:6])


def entries(path: Path) -> list[tuple[str, str, str]]:
    """(key, field, value) for every field as the file writes it, read by pybtex alone."""
    with pybtex.errors.capture():  # fields given twice: the first counts, as in the loader
        data = Parser().parse_file(str(path))
    found = []
    for key, entry in data.entries.items():
        found += [(key, f.lower(), str(v)) for f, v in entry.fields.items()]
        found += [(key, role.lower(), " ".join(p.last_names[-1] for p in people if p.last_names))
                  for role, people in entry.persons.items()]
    return found


def _outputs(bib: Bibliography) -> dict[tuple[str, str], str]:
    out = {}
    for style_name in ("chicago", "gost"):
        style = make_style(bib, {"style": style_name})
        for key in bib:
            out[(style_name, key)] = " ".join(str(style.cite(key, loc, form))
                                              for loc, form in (("", "list"), ("1", "full"), ("1", "short")))
    return out


@pytest.mark.parametrize("name", ["xampl", "biblatex-gost-examples", "biblatex-examples"])
def test_every_field_is_printed_exported_or_deliberately_not_printed(name: str) -> None:
    path = sources().get(name)
    if path is None:
        pytest.skip(f"the .bib file for {name} is not on this machine")
    bib = load_bibliography([path])[0]
    outputs = _outputs(bib)
    exported = export_bibtex(bib, bib.keys())
    unaccounted, not_shown, table = [], [], {}
    for key, field, value in entries(path):
        key = bib.find(key) or key
        styles = printed_by(field, bib[key].type) if key in bib else ()
        reason = accounted(field, bib[key].type if key in bib else "")
        table[field] = "printed by " + ", ".join(styles) if styles else f"not printed: {reason}"
        if not styles and not reason:
            unaccounted.append(f"{key}.{field}")
            continue
        if bib[key].type in ("xdata", "set") or not value.strip():
            continue  # printed through the entries that take from it
        work = bib[key]
        name = ALIASES.get(field, field)
        # Names: the first one (the others may be "et al."); a patent's countries by name.
        decoded = work.names[name][0].family if work.names.get(name) else work.text(name) or value
        decoded = re.sub(r"country[a-z]{2}", lambda m: COUNTRIES.get(m[0], m[0]), decoded)
        for style in styles:
            shown = shows(field, decoded, outputs[(style, key)])
            # A parent's field may be shadowed by a child's own: then it shows in the parent.
            if not shown and field not in ("key",):
                not_shown.append(f"{style}: {key}.{field} = {value[:40]!r}")
        if not styles and field not in ("crossref", "xdata", "entryset") and f"{field} = " not in exported:
            not_shown.append(f"export: {key}.{field}")
    assert not unaccounted, f"fields neither printed nor accounted for in edition/registers/bib/fields.py: {unaccounted}"
    assert not not_shown, "fields said to be printed but not shown:\n" + "\n".join(not_shown)
    assert table  # the accounting, field by field (printed by pytest -v on failure)
