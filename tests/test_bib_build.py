"""The bibliography in a real LuaLaTeX build: whatever a field holds prints literally."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, pdf_text, require_latex
from pypdf import PdfReader

URL = r"https://example.org/~user/a^b\c%d#e{f}g_h&i$j"


def _link_targets(pdf: Path) -> list[str]:
    found = []
    for page in PdfReader(str(pdf)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


@pytest.mark.latex
def test_a_url_with_tex_specials_prints_and_links_regression(tmp_path: Path) -> None:
    """A cited entry whose url held '~', '^' or '\\' stopped the build ("File ended while
    scanning use of \\edCitation"): escape_url wrote '%7E' into a TeX argument."""
    require_latex()
    root = copy_project(FIXTURES / "mini", tmp_path)
    bib = root / "bibliography" / "works.bib"
    bib.write_text(bib.read_text() + "@online{web, author = {Doe, Jane}, title = {A Page}, year = 2001,\n"
                   f"  url = {{{URL}}}}}\n", encoding="utf-8")
    doc = root / "sources" / "letters" / "letter.md"
    doc.write_text(doc.read_text().replace("A note citing {cite:lenin-cw-35|p. 232}.",
                                           "A note citing {cite:lenin-cw-35|p. 232} and {cite:web}."))
    run = edition(root, "build")
    assert run.code == 0, run.err
    pdf = root / "build" / "reader.pdf"
    flat = re.sub(r"\s", "", pdf_text(pdf))
    assert URL in flat
    assert "https://example.org/~user/a%5Eb%5Cc%25d#e%7Bf%7Dg_h&i$j" in _link_targets(pdf)


# --- Generated field values, one build ----------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from pybtex.richtext import Text  # noqa: E402

from edition.latex.escape import url_shown  # noqa: E402
from edition.registers.bib.bibtex import export_bibtex  # noqa: E402
from edition.registers.bib.model import Bibliography, Name, Work  # noqa: E402

# Runs of letters no longer than four, so that TeX finds nothing to hyphenate; the specials of
# TeX and of BibTeX, each value holding every one of them (a permutation) between the words.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZжшщЖЮяё0123456789"
SPECIALS = "%~^\\#&{}_$[]|@/*+=;:()"
URL_SPECIALS = "%~^\\#&_$|@*+=;:()"
CONTROLS = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f"]
SPACES = [" ", "\xa0", "\u202f", "\t"]

word = st.text(alphabet=LETTERS, min_size=1, max_size=4)
specials = st.permutations(list(SPECIALS)).map("".join)
cyrillic = st.text(alphabet="абвгжшщЖЮяёЁ", min_size=1, max_size=4)
field_value = st.builds(lambda a, s, b, c, d, sp, e: f"{a}{s} {b}{c}{d}{sp}{e}", word, specials, cyrillic,
                        st.sampled_from(CONTROLS), word, st.sampled_from(SPACES), word)
url_value = st.builds(lambda host, s, a, b: f"https://{host}.example/{s}/{a}{{{b}}}", word,
                      st.permutations(list(URL_SPECIALS)).map("".join), word, word)
family = st.builds(lambda a, s, b: f"{a}{{{s}}}{b}", word, st.permutations(list("%&$#_~^")).map("".join), word)


def printed(value: str) -> str:
    """What a value must print as: control characters gone, no white space (pdftotext breaks lines)."""
    return re.sub(r"[\s\x00-\x1f\x7f-\x9f]", "", value)


def generated(strategy: st.SearchStrategy[str], count: int) -> list[str]:
    """``count`` distinct values that hypothesis draws from ``strategy`` (derandomized: the same each run)."""
    found: list[str] = []

    @settings(max_examples=count * 3, database=None, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(value: str) -> None:
        if value not in found:
            found.append(value)

    collect()
    assert len(found) >= count, found
    return found[:count]


WORKS = 12


@pytest.mark.latex
def test_generated_field_values_print_literally_in_one_build(tmp_path: Path) -> None:
    """Titles, publishers, URLs and names drawn by hypothesis, holding every TeX and BibTeX special,
    control characters and no-break spaces, go out through the BibTeX export, are read back by the
    loader, set by the style and escaped for LaTeX: one build prints every one of them literally."""
    require_latex()
    titles, urls, families = generated(field_value, 2 * WORKS), generated(url_value, WORKS), generated(family, WORKS)
    drawn = {c for v in titles for c in v}
    assert drawn >= set(SPECIALS) and drawn & {"\x00", "\x07", "\x1b", "\x7f"} and drawn & {"\x85", "\x9f"}
    assert drawn & {"\xa0", "\u202f"} and any("\u0400" <= c <= "\u04ff" for c in drawn)  # every class of character
    root = copy_project(FIXTURES / "mini", tmp_path)
    works = []
    for n in range(WORKS):
        fields = {"title": Text(titles[2 * n]), "publisher": Text(titles[2 * n + 1]), "year": Text(str(1901 + n)),
                  "url": Text(urls[n])}
        works.append(Work(f"gen{n}", "book", fields, {"author": [Name(families[n], "Ann")]}))
    bib = root / "bibliography" / "works.bib"
    bib.write_text(bib.read_text() + export_bibtex(Bibliography(works), [w.key for w in works]), encoding="utf-8")
    doc = root / "sources" / "letters" / "letter.md"
    cites = " ".join(f"{{cite:gen{n}|p. {n + 1}}}" for n in range(WORKS))
    doc.write_text(doc.read_text().replace("A note citing {cite:lenin-cw-35|p. 232}.", f"A note citing {cites}."))
    run = edition(root, "build")
    assert run.code == 0, run.err
    flat = re.sub(r"\s", "", pdf_text(root / "build" / "reader.pdf"))
    missing = [v for v in [*titles, *families, *(url_shown(u) for u in urls)] if printed(v) not in flat]
    assert not missing, missing
