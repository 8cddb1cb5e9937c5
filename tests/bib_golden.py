"""Golden text of the bibliography over real .bib files: for each entry, the Chicago and GOST
full note, short note and list entry (italics as *...*, links as <...>), the BibTeX export
and the CSL-JSON item. ``make golden`` rewrites tests/golden/bib/*.txt; review the diff."""

from __future__ import annotations

import json
from pathlib import Path

from pybtex.richtext import BaseText, HRef, String, Tag

from edition.registers.bib.bibtex import entry_to_bibtex
from edition.registers.bib.csl import export_csl_json
from edition.registers.bibliography import Bibliography, load_bibliography
from edition.registers.bibstyle import make_style

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "bib"
REFERENCE = HERE.parent.parent / "shared" / "reference" / "bib"
XAMPL = Path("/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib")


def sources() -> dict[str, Path]:
    """The real files, by the name of their golden file; those not on this machine left out."""
    found = {"xampl": XAMPL, "biblatex-gost-examples": REFERENCE / "01_biblatex-gost-examples_subset.bib",
             "biblatex-examples": REFERENCE / "02_biblatex-examples_subset.bib"}
    real = HERE / "fixtures" / "bib" / "real"
    found.update({p.stem: p for p in sorted(real.glob("*.bib"))} if real.is_dir() else {})
    return {name: path for name, path in found.items() if path.exists()}


def marked(rich: BaseText | str) -> str:
    """Rich text as plain text with its formatting visible: *italic*, **bold**, <link>."""
    if isinstance(rich, (str, String)):
        return str(rich).replace("\xa0", "~")
    inner = "".join(marked(p) for p in getattr(rich, "parts", []))
    if isinstance(rich, Tag):
        return {"em": f"*{inner}*", "strong": f"**{inner}**"}.get(rich.name, inner)
    if isinstance(rich, HRef):
        return f"<{rich.url}>"
    return inner


def render(bib: Bibliography) -> str:
    styles = {"chicago": make_style(bib), "gost": make_style(bib, {"style": "gost"})}
    csl = {item["id"]: item for item in export_csl_json(bib, bib.keys())}
    out = []
    for key, work in bib.items():
        out.append(f"== {key} @{work.type}")
        for name, style in styles.items():
            for form, locator in (("full", "12--14"), ("short", "12"), ("list", "")):
                out.append(f"{name} {form}: {marked(style.cite(key, locator, form))}")
        out.append(entry_to_bibtex(key, bib.resolved(key)).rstrip())
        if key in csl:
            out.append("csl: " + json.dumps(csl[key], ensure_ascii=False, sort_keys=True))
        out.append("")
    return "\n".join(out)


def render_file(path: Path) -> str:
    return render(load_bibliography([path])[0])
