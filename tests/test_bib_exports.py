"""The exports read back by other programs: plain BibTeX (plain.bst), biber (biblatex's
backend, in its tool mode) and citeproc-py, a CSL processor written independently of us."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_bib_real import BIBLATEX_FILE, GOST_FILE, real, xampl_path

from edition.registers.bib.bibtex import export_bibtex
from edition.registers.bib.csl import export_csl_json
from edition.registers.bibliography import Bibliography

FILES = {"xampl": None, "gost": GOST_FILE, "biblatex": BIBLATEX_FILE}


def bibliography(name: str) -> Bibliography:
    return real(FILES[name] or xampl_path())


@pytest.mark.parametrize("name", list(FILES))
def test_plain_bibtex_reads_the_export(name: str, tmp_path: Path) -> None:
    if shutil.which("bibtex") is None:
        pytest.skip("bibtex is not installed (texlive-binaries)")
    bib = bibliography(name)
    (tmp_path / "works.bib").write_text(export_bibtex(bib, bib.keys()), encoding="utf-8")
    (tmp_path / "job.aux").write_text("\\citation{*}\n\\bibstyle{plain}\n\\bibdata{works}\n", encoding="utf-8")
    proc = subprocess.run(["bibtex", "job"], cwd=tmp_path, capture_output=True, text=True, check=False)
    log = (tmp_path / "job.blg").read_text(encoding="utf-8", errors="replace")
    assert "error message" not in log, log
    bbl = (tmp_path / "job.bbl").read_text(encoding="utf-8", errors="replace")
    entries = [k for k in bib if bib[k].type not in ("xdata",)]
    assert bbl.count("\\bibitem") == len(entries), proc.stdout
    # What plain.bst prints comes from the fields it knows: the journal of an article, the year of a day.
    if name == "xampl":
        assert "{\\em G-Animal's Journal}, 41(7):73+, July 1986" in " ".join(bbl.split())
    if name == "gost":
        assert "Логос" in bbl and "2010" in bbl


@pytest.mark.parametrize("name", list(FILES))
def test_biber_reads_the_export_as_biblatex_data(name: str, tmp_path: Path) -> None:
    if shutil.which("biber") is None:
        if os.environ.get("CI"):
            pytest.fail("biber is missing in CI: tools/ensure-web-test.sh installs it")
        pytest.skip("biber is not installed (make test installs it)")
    bib = bibliography(name)
    (tmp_path / "works.bib").write_text(export_bibtex(bib, bib.keys()), encoding="utf-8")
    proc = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file=out.bib", "works.bib"],
                          cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert not re.findall(r"^ERROR .*", log, re.M), log
    warnings = re.findall(r"^WARN - (.*)", log, re.M)
    # Fields outside biblatex's data model (BibTeX's address, journal, school written beside location,
    # journaltitle, institution; biblatex-gost's own) are ignored by biber, as they should be.
    assert any("Datamodel validation complete" in line for line in log.splitlines()), log
    # month is a macro biber reads; a year that is not a number is a range (date holds it for biblatex).
    assert not [w for w in warnings if "month" in w or "conflict" in w.casefold() or "sortyear" in w], warnings
    assert all(re.search(r"year field '\d{4}--\d{4}'", w) for w in warnings if "legacy year" in w), warnings


@pytest.mark.parametrize("name", list(FILES))
def test_citeproc_reads_and_formats_every_csl_item(name: str) -> None:
    citeproc = pytest.importorskip("citeproc")
    from citeproc.source.json import CiteProcJSON

    bib = bibliography(name)
    items = json.loads(json.dumps(export_csl_json(bib, bib.keys()), ensure_ascii=False))
    assert len({i["id"] for i in items}) == len(items)
    style = citeproc.CitationStylesStyle("harvard-cite-them-right", validate=False)
    rendered = citeproc.CitationStylesBibliography(style, CiteProcJSON(items), citeproc.formatter.plain)
    for item in items:
        rendered.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
    texts = {key: str(text) for key, text in zip(rendered.keys, rendered.bibliography(), strict=True)}
    for item in items:
        text = texts[item["id"].lower()] if item["id"].lower() in texts else texts[item["id"]]
        title = re.sub(r"<[^>]+>", "", item.get("title", ""))
        assert title.split(":")[0][:30] in text, (item["id"], text)
        parts = item.get("issued", {}).get("date-parts", [])
        if parts and (len(parts) == 1 or all(len(p) == 1 for p in parts)):  # citeproc-py prints no ranges of months
            assert str(parts[0][0]) in text, (item["id"], text)
