"""``edition import`` (raw copies, TEI letters) and ``edition export tei|cmif``."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from edition.cli.terminal import say, shown
from edition.interchange.cmif import export_cmif, validate_cmif
from edition.interchange.importer import ImportRefused, ImportResult, import_raw, write_imported
from edition.interchange.tei.export import export_tei
from edition.interchange.tei.read import read_tei
from edition.interchange.validate import validate_tei
from edition.model.diagnostics import Diagnostic, Pos, error, has_errors, sort_key, warning
from edition.pipeline import prepare
from edition.registers.load import load_archives
from edition.sources.config import load_config
from edition.sources.front import split_front_matter
from edition.sources.load import document_paths, load, load_persons, load_places
from edition.sources.reading import read_text

EXIT_OK, EXIT_SOURCE, EXIT_INVALID = 0, 1, 2


def _say(command: str, text: str) -> None:
    say(f"edition {command}: {text}")


def cli_export(kind: str, root: Path, out: Path) -> int:
    """``edition export tei|cmif``: check the sources, write the files, validate what was written.

    ``out`` is a folder for TEI; for CMIF a folder (the file is ``cmif.xml``) or a ``.xml`` path.
    """
    if kind not in ("tei", "cmif"):
        _say("export", f"unknown format '{kind}' (known: tei, cmif)")
        return EXIT_SOURCE
    root = root.resolve()
    project, diags = prepare(root)
    corpus, registers = project.corpus, project.registers
    for d in sorted(diags, key=sort_key):
        say(shown(d))
    errors = sum(1 for d in diags if d.is_error)
    if errors:
        _say("export", f"stopped, {errors} error(s) in the sources; nothing written")
        return EXIT_SOURCE
    if kind == "tei":
        written = export_tei(corpus, registers, project.plan, out)
        problems = [p for path in written for p in validate_tei(path)]
    else:
        target = out if out.suffix == ".xml" else out / "cmif.xml"
        written = [export_cmif(corpus, registers, target)]
        problems = validate_cmif(written[0])
    for problem in problems:
        say(str(problem))
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


def _ids_in_use(root: Path) -> dict[str, Path]:
    taken = {}
    for path in document_paths(root):
        source = path.read_text(encoding="utf-8", errors="replace")
        split = split_front_matter(source, str(path))
        if not isinstance(split, Diagnostic) and (m := re.search(r"(?m)^id:\s*(\S+)", split[0])):
            taken[m.group(1)] = path
    return taken


def _print_report(result: ImportResult, diags: list[Diagnostic], page: str) -> None:
    """Each draft's report, the warnings about its lines of the copy beneath it; then what concerns the page."""
    mine = [d for d in diags if d.pos.path == page]
    first = result.report.drafts[0].first_line if result.report.drafts else 10**9
    for d in [d for d in diags if d not in mine] + [d for d in mine if d.pos.line < first]:
        say(shown(d))
    count = len(result.report.drafts)
    say(f"edition import: {page}: {count} document{'s' if count != 1 else ''}")
    for draft in result.report.drafts:
        title, *rest = draft.lines
        say(f"\n  {draft.filename}  {title}")
        for line in rest:
            say(f"      {line}")
        here = [d for d in mine if draft.first_line <= d.pos.line <= draft.last_line]
        if here:
            say("      check these lines of the copy first:")
            for d in here:
                say("        " + shown(d).replace("\n", "\n        "))
    if result.report.page:
        say("")
    for line in result.report.page:
        say(f"edition import: {line}")


def cli_import(raw: Path, into: Path, force: bool, root: Path) -> int:
    """``edition import RAW.txt --into DIR``: import, write, report on stderr; 0 when written, 1 otherwise."""
    diags: list[Diagnostic] = []
    persons = load_persons(root, diags)
    places = load_places(root, diags)
    register = load_archives(root, diags)
    scheme = load_config(root, []).transliteration if (root / "edition.yaml").exists() else "ala_lc_alt"
    text, read_diags = read_text(raw, str(raw))
    diags += read_diags
    if text is None:
        for d in diags:
            say(shown(d))
        return 1
    result = import_raw(text, str(raw), persons, register, places, scheme)
    diags += result.diagnostics
    taken = _ids_in_use(root)
    for doc in result.documents:
        other = taken.get(doc.id)
        if other is not None and other.resolve() != (into / doc.filename).resolve():
            diags.append(warning(Pos(str(raw), 1, 1), f"id '{doc.id}' is already used by {other}", "rename one of them"))
    _print_report(result, sorted(diags, key=sort_key), str(raw))
    registers = {root / "sources" / kind / f"imported-{raw.stem}.yaml": text
                 for kind, text in (("persons", result.persons_yaml), ("places", result.places_yaml)) if text}
    try:
        clash = [p for p in registers if p.exists()] if not force else []
        if clash:
            raise ImportRefused(f"{clash[0]} exists; use --force to overwrite")
        written = write_imported(result, into, force)
        for path, text in registers.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except (ImportRefused, OSError) as exc:
        say(shown(error(Pos(str(raw), 1, 1), f"nothing written: {exc}")))
        return 1
    say(f"edition import: wrote {len(written)} document(s) into {into}")
    for path in registers:
        say(f"edition import: proposed register entries in {_shown(path, root)}: check each name and id")
    return 1 if has_errors(diags) else 0
