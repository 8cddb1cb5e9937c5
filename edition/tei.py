"""TEI and CMIF beyond the PDF: export, import, validation, and the two commands.

* ``export_tei(corpus, registers, out_dir)``: one TEI P5 file per document and
  the registers (``tei_export``);
* ``import_tei(path)``: a TEI letter as the text of a source file; ``read_tei``
  gives the register entries and the report too (``tei_import``);
* ``validate_tei(path)``: problems against ``schemas/edition-tei.rng``;
  ``cmif.validate_cmif`` likewise against ``schemas/cmif.rng``;
* ``cli_export`` and ``cli_import_tei``: ``edition export tei|cmif`` and
  ``edition import --from tei``, returning the command's exit code.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .bibliography import load_bibliography
from .diagnostics import Diagnostic, Pos, sort_key
from .load import load
from .model import Corpus
from .project import Registers, document_citations, inside_project, load_archives, prepare
from .tei_export import export_tei
from .tei_import import ImportResult, import_tei, read_tei

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "edition-tei.rng"
EXIT_OK, EXIT_SOURCE, EXIT_INVALID = 0, 1, 2

__all__ = ["ImportResult", "cli_export", "cli_import_tei", "export_tei", "import_tei", "load_registers",
           "read_tei", "validate_tei"]


@lru_cache(maxsize=4)
def _schema(schema_path: Path) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(schema_path)))


def validate_against(path: Path, schema_path: Path) -> list[str]:
    """Problems of an XML file against a RELAX NG schema, as ``path:line:column: message``; empty when valid."""
    try:
        doc = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, etree.XMLSyntaxError) as exc:
        return [f"{path}: {exc}"]
    schema = _schema(schema_path)
    if schema.validate(doc):
        return []
    return [f"{path}:{e.line}:{e.column}: {e.message}" for e in schema.error_log]


def validate_tei(path: Path) -> list[str]:
    """Problems of a TEI file written by ``export_tei`` against ``schemas/edition-tei.rng``; empty when valid."""
    return validate_against(path, SCHEMA)


def load_registers(root: Path, corpus: Corpus) -> Registers:
    """The archives register, the bibliography and each document's archival citations (as ``prepare`` builds them)."""
    ignored: list[Diagnostic] = []
    archives = load_archives(root, ignored)
    paths = []
    for relative in corpus.config.bibliography:
        path, problem = inside_project(root, relative, Pos(corpus.config.path, 1, 1))
        if problem is None and path is not None and path.exists():
            paths.append(path)
    bibliography, _ = load_bibliography(paths)
    registers = Registers(archives, bibliography)
    for doc in corpus.documents:
        registers.citations[doc.id] = document_citations(doc, archives, ignored)
    return registers


def _say(command: str, text: str) -> None:
    print(f"edition {command}: {text}", file=sys.stderr)


def cli_export(kind: str, root: Path, out: Path) -> int:
    """``edition export tei|cmif``: check the sources, write the files, validate what was written.

    ``out`` is a folder for TEI; for CMIF a folder (the file is ``cmif.xml``) or a ``.xml`` path.
    """
    if kind not in ("tei", "cmif"):
        _say("export", f"unknown format '{kind}' (known: tei, cmif)")
        return EXIT_SOURCE
    root = root.resolve()
    corpus, _services, diags = prepare(root)
    for d in sorted(diags, key=sort_key):
        print(d, file=sys.stderr)
    errors = sum(1 for d in diags if d.is_error)
    if errors:
        _say("export", f"stopped, {errors} error(s) in the sources; nothing written")
        return EXIT_SOURCE
    registers = load_registers(root, corpus)
    if kind == "tei":
        written = export_tei(corpus, registers, out)
        problems = [p for path in written for p in validate_tei(path)]
    else:
        from .cmif import export_cmif, validate_cmif

        target = out if out.suffix == ".xml" else out / "cmif.xml"
        written = [export_cmif(corpus, registers, target)]
        problems = validate_cmif(written[0])
    for problem in problems:
        print(problem, file=sys.stderr)
    where = out if kind == "tei" else written[0]
    if problems:
        _say("export", f"wrote {len(written)} file(s) to {where}, but {len(problems)} schema problem(s): please report them")
        return EXIT_INVALID
    _say("export", f"wrote {len(written)} {kind.upper()} file(s) to {where}; all valid")
    return EXIT_OK


def cli_import_tei(path: Path, into: Path, force: bool, root: Path) -> int:
    """``edition import --from tei FILE.xml``: write a source (and register entries) into the project.

    ``into`` is a folder (relative to the project, e.g. ``sources/imported``) or a ``.md`` path. Nothing
    is written if any file the import would write exists, unless ``force``.
    """
    root = root.resolve()
    corpus, _ = load(root)
    try:
        result = read_tei(path, corpus.persons, corpus.places, corpus.config.series)
    except (OSError, etree.XMLSyntaxError) as exc:
        _say("import", f"cannot read {path}: {exc}")
        return EXIT_SOURCE
    into = into if into.is_absolute() else root / into
    target = into if into.suffix == ".md" else into / f"{result.doc_id}.md"
    files = {target: result.text}
    if result.persons_yaml:
        files[root / "sources" / "persons" / f"imported-{result.doc_id}.yaml"] = result.persons_yaml
    if result.places_yaml:
        files[root / "sources" / "places" / f"imported-{result.doc_id}.yaml"] = result.places_yaml
    existing = [p for p in files if p.exists()]
    if existing and not force:
        for p in existing:
            _say("import", f"{_shown(p, root)} exists; nothing written (use --force to overwrite)")
        return EXIT_SOURCE
    other = corpus.document(result.doc_id)
    if other is not None and (root / other.path).resolve() != target.resolve():
        _say("import", f"warning: the id '{result.doc_id}' is already used by {other.path}; change one of them")
    for p, text in files.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        _say("import", f"wrote {_shown(p, root)}")
    for problem in result.problems:
        _say("import", f"note: {problem}")
    if result.persons_yaml or result.places_yaml:
        _say("import", "check the new register entries (names, dates, ids) before building")
    return EXIT_OK


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
