"""The stages wired together for one project: load, check, plan; render and export.

* ``prepare(root, only)``: load the sources and the registers, run every check,
  and plan the reader (the passes); returns a ``Project`` and all diagnostics.
* ``write_exports(project, aux, out)``: the bibliography exports of a finished build.

The CLI calls these and decides what is fatal; nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.checks.characters import missing_characters, needs_font_check
from edition.checks.validate import validate
from edition.model.corpus import Block, Corpus
from edition.model.diagnostics import Diagnostic, error
from edition.passes.plan import Plan, plan
from edition.registers.bibstyle import StyleConfig
from edition.registers.load import Registers, load_archives, load_bibliographies
from edition.sources.load import load
from edition.sources.paths import named_file
from edition.sources.prose import parse_prose
from edition.sources.reading import read_text


@dataclass
class Project:
    """A loaded, checked and planned project."""

    root: Path
    corpus: Corpus  # as loaded from the sources
    registers: Registers
    plan: Plan


def note_on_texts(root: Path, corpus: Corpus, diags: list[Diagnostic]) -> tuple[str, list[Block]] | None:
    """The note on the texts that ``edition.yaml`` names, read as editorial prose."""
    cfg = corpus.config
    if not cfg.note_on_texts:
        return None
    _real, problem = named_file(root, cfg.note_on_texts, cfg.pos_of("note_on_texts"), "note_on_texts:")
    if problem:  # outside the project, missing, a FIFO, a folder: said at the line that names it
        diags.append(problem)
        return None
    text, problems = read_text(root / cfg.note_on_texts, cfg.note_on_texts)
    diags.extend(problems)
    return parse_prose(text, cfg.note_on_texts) if text is not None else None


def prepare(root: Path, only: set[str] | None = None,
            print_options: dict[str, object] | None = None) -> tuple[Project, list[Diagnostic]]:
    """Load, check and plan the project. With ``only`` (a draft of these documents) the
    per-document checks run on those documents alone; ``edition check`` checks them all.
    ``print_options`` (paper, font size...) override those of ``edition.yaml``."""
    corpus, diags = load(root)
    for key, value in (print_options or {}).items():
        setattr(corpus.config, key, value)
    registers = Registers(load_archives(root, diags, corpus.lost), load_bibliographies(root, corpus.config, diags, corpus.lost))
    _style, problems = StyleConfig.read(corpus.config.citation_style)
    for key, on_key, message, hint in problems:
        at = corpus.config.pos_of(f"key:citation_style.{key}" if on_key else f"citation_style.{key}", "citation_style")
        diags.append(error(at, message, hint))
        corpus.config.citation_style.pop(key, None)
    note = note_on_texts(root, corpus, diags)
    diags.extend(validate(corpus, registers.bibliography.keys(), only))
    if needs_font_check(corpus, only):  # a character beyond those Libertine surely has: ask fontconfig
        from edition.build.fonts import coverage, installed_families  # only then: 'edition check' starts faster

        covered = coverage()  # what the installed fonts can print (None: fontconfig cannot be asked)
        if covered is not None:
            diags.extend(missing_characters(corpus, covered, installed_families(), only))
    planned, plan_diags = plan(corpus, registers, only, note)
    return Project(root, corpus, registers, planned), without_consequences(diags + plan_diags, corpus.lost)


# What a file that cannot be read would have defined, and so is not reported missing elsewhere:
# its own error is the cause, said at its place.
CONSEQUENCES = {
    "persons": ("unknown person",), "places": ("unknown place",), "bibliography": ("unknown bibliography key",),
    "archives": ("unknown archive", "unknown repository"),
    "edition.yaml": ("in no part", "is not printed", "is not configured", "documents of a part"),
}


def without_consequences(diags: list[Diagnostic], lost: set[str]) -> list[Diagnostic]:
    """``diags`` without the errors that only follow from the files in ``lost`` being unreadable."""
    words = tuple(w for name in lost for w in CONSEQUENCES.get(name, ()))
    return [d for d in diags if not (words and d.pos.path != "edition.yaml" and any(w in d.message for w in words))]


def write_exports(project: Project, aux: Path, out: Path) -> list[Path]:
    """works-cited and reader bibliographies (BibTeX, CSL-JSON) in ``out``, with the pages of
    each document from the finished LaTeX run's ``aux`` file."""
    from edition.build.pages import document_pages  # here, not at the top: 'edition check' needs neither
    from edition.interchange.exports import write_all

    by_id = project.corpus.by_id()
    printed = [by_id[i] for i in project.plan.documents]
    pages = document_pages(aux, [d.id for d in printed])
    return write_all(project.corpus, project.registers.bibliography, printed, pages, out)
