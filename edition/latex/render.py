"""Render a plan into LaTeX files: the reader and one file per document.

``render(plan) -> (files, diagnostics)``: a pure function of the plan, which has
decided every number, citation form and list (``edition.passes.plan``). Source
text reaches LaTeX only through ``escape``; the renderer itself writes nothing
but the macros of ``latex/edition.sty`` and reledmac's, each marked ``Latex``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jinja2

from edition.latex.bibtex import to_latex
from edition.latex.contents import chronology, contents
from edition.latex.escape import Latex, escape_label, escape_text
from edition.latex.index import heading_marks, indexes
from edition.latex.languages import babel_name, provide
from edition.latex.parallel import parallel_document
from edition.latex.scripts import MACRO_MARKS, needs_shaping
from edition.latex.text import LETTERS, TextWriter, Where
from edition.model.corpus import Document
from edition.model.diagnostics import Diagnostic, Pos
from edition.passes.plan import Plan
from edition.resources import LATEX_DIR

SUPPORT_FILES = ("edition.sty", "edition-reledmac.sty", "edition-fonts.sty", "edition-page.sty", "edition-text.sty",
                 "edition-placement.sty", "edition-speed.sty", "edition-matter.sty",
                 "edition-audit.sty", "edition-audit.lua", "edition-marks.lua", "edition-notes.lua", "edition-index.lua", "edition-url.lua",
                 "edition-parallel.sty", "edition-parallel.lua", "edition-notespace.lua", "edition-keep.lua")


def _finalize(value: Any) -> str:
    """Autoescape: a plain string from a source is escaped, ``Latex`` is kept."""
    if isinstance(value, Latex):
        return value
    if value is None:
        return ""
    return escape_text(str(value))


@functools.lru_cache(maxsize=4)
def environment(latex_dir: Path = LATEX_DIR) -> jinja2.Environment:
    """The one Jinja environment for LaTeX templates (``*.tex.jinja``). A value is
    escaped as text unless it is ``Latex``; ``|label`` makes an id a label name. Made once per
    process, so each template is compiled once (Jinja still reloads a template whose file changed);
    nothing changes it after it is made."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(latex_dir)),
        block_start_string="<%", block_end_string="%>",
        variable_start_string="<%=", variable_end_string="%>",
        comment_start_string="<#", comment_end_string="#>",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
    )
    env.filters["label"] = escape_label
    env.filters["rich"] = to_latex  # the bibliography style's rich text
    env.filters["source_comment"] = source_comment
    return env


SOURCE_COMMENT = "% source: "


def source_comment(where: str) -> Latex:
    """A comment line naming where the next generated line comes from ('path:line:column'): a LaTeX
    error on that line is reported there (``build/compile.py``). No line break can end the comment early."""
    return Latex(SOURCE_COMMENT + " ".join(str(where).splitlines()))


def _source_text(text: Any) -> Latex:
    """A source-note line: the style's rich text, or a plain typeset string."""
    return to_latex(text)


def document(env: jinja2.Environment, writer: TextWriter, doc: Document) -> tuple[str, dict[int, str]]:
    """One document's LaTeX, and which source position each of its generated lines comes from."""
    plan = writer.plan
    if doc.id in plan.parallel:
        tex, translation = parallel_document(env, writer, doc, plan.parallel[doc.id])
        return tex, _line_map(tex, translation)
    face = plan.documents[doc.id]
    where = Where(doc.id, doc)
    paragraphs = [p for b in doc.body for p in writer.numbered(b, where)]
    endnotes = [(writer.slots[sid].config.name, writer.slots[sid].number_style,
                 [(number, writer.note_text(doc.notes[sid][key], doc)) for number, key in notes])
                for sid, notes in face.endnotes]
    out = env.get_template("document.tex.jinja").render(
        label_id=escape_label(doc.id),
        number=face.number,
        language=babel_name(plan.text_language(doc.id)),
        cite_as=face.cite_as, draft=plan.draft,
        title=face.title,
        short_title=face.short_title if face.short_title != face.title else "",
        date=face.date,
        places=face.places, index_marks=heading_marks(doc),
        endnotes=endnotes,
        headnote=writer.prose(doc.headnote, where) if doc.headnote else "",
        body=[latex for latex, _ in paragraphs],
        source_lines=[(line.label, _source_text(line.text)) for line in face.source_lines],
    )
    return out, _line_map(out, paragraphs)


def _line_map(tex: str, paragraphs: list[tuple[Latex, Pos]]) -> dict[int, str]:
    """Which source position each generated line of a document's .tex comes from."""
    lines = tex.split("\n")
    mapping: dict[int, str] = {}
    i = 0
    for latex, pos in paragraphs:
        first = latex.split("\n", 1)[0]
        while i < len(lines) and lines[i] != first:
            i += 1
        if i < len(lines):
            mapping[i + 1] = str(pos)
    return mapping


def render(plan: Plan) -> tuple[dict[str, str], list[Diagnostic]]:
    """The LaTeX files of the reader, by path relative to the build directory."""
    env = environment()
    writer = TextWriter(plan)
    files: dict[str, str] = {}
    by_id = plan.corpus.by_id()
    parts_ctx = []
    for part in plan.parts:
        for doc_id in part.documents:
            tex, source_map = document(env, writer, by_id[doc_id])
            files[f"docs/{doc_id}.tex"] = tex
            files[f"docs/{doc_id}.map.json"] = json.dumps(source_map, indent=0)
        parts_ctx.append({"title": part.title, "headnote": writer.part_headnote(part.id, part.headnote) if part.headnote else "",
                          "documents": [escape_label(d) for d in part.documents]})
    cfg, back = plan.corpus.config, plan.back
    slots = list(writer.slots.values())
    n_letters = max(sum(1 for s in slots if s.critical), sum(1 for s in slots if not s.critical), 1)
    options = [f"{cfg.font_size}", f"paper={cfg.paper}", "twoside" if cfg.two_sided else "oneside",
               f"BCOR={cfg.binding_offset}", "DIV=calc", "headings=normal", "open=any"]
    note = plan.note_on_texts
    note_body = writer.editorial(note.blocks) if note else Latex("")
    files["reader.tex"] = env.get_template("reader.tex.jinja").render(
        options=Latex(",".join(options)),
        reledmac_series=Latex(",".join(LETTERS[:n_letters])),
        series=slots,
        title=cfg.title, subtitle=cfg.subtitle, editor=cfg.editor, course=cfg.course, year=cfg.year,
        keywords=", ".join(cfg.keywords),
        licence=cfg.licence,
        parts=parts_ctx,
        abbreviations=back.abbreviations if back else [],
        note_title=note.title if note else plan.headings["note_on_texts"], note_body=note_body,
        chronology=chronology(plan),
        draft=plan.draft,
        headings=plan.headings,
        languages=provide(plan.languages),
        parallel=bool(plan.parallel) or any(b.kind == "notgiven" for d in plan.printed() for b in d.body),
    )
    files["backmatter.tex"] = env.get_template("backmatter.tex.jinja").render(
        back=back, persons_register=cfg.persons_register, headings=plan.headings)
    for name in SUPPORT_FILES:
        files[name] = (LATEX_DIR / name).read_text(encoding="utf-8")
    files["reader.toc.seed"] = env.get_template("reader.toc.jinja").render(contents=contents(plan))
    files["indexes.tex"] = indexes(plan)
    # Every character beyond ASCII the LaTeX files hold: edition.sty sets up the
    # fallback fonts only if Libertine lacks one of them, and OpenType shaping only
    # if one of them needs it (edition/latex/scripts.py).
    tex_files = [content for name, content in files.items() if name.endswith(".tex")]
    marks = [m for macro_name, m in MACRO_MARKS.items() if any(macro_name in t for t in tex_files)]
    used = sorted(c for c in set().union(*tex_files, *marks) if c > "~")
    files["characters.tex"] = ("\\newcommand*{\\edCharactersInText}{" + ",".join(f"{ord(c):X}" for c in used) + "}\n"
                               f"\\newcommand*{{\\edNeedsShaping}}{{{int(needs_shaping(used))}}}\n")
    files["latexmkrc"] = env.get_template("latexmkrc.jinja").render()
    return files, writer.diags
