"""``edition build --html``: the HTML edition in build/html/, with its search index and EPUB."""

from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

from edition.build import trust
from edition.build.compile import fingerprint
from edition.build.pages import document_pages, page_breaks
from edition.build.web import (
    SearchIndexError,
    copy_changed,
    finish_search_index,
    install_site,
    same_but_dates,
    stage_site,
    start_search_index,
    write_changed,
)
from edition.cli.terminal import say, shown
from edition.html.epub import epub
from edition.html.site import Download, site
from edition.interchange.cmif import export_cmif
from edition.interchange.tei.export import export_tei
from edition.model.corpus import Corpus
from edition.model.diagnostics import sort_key
from edition.pipeline import Project, prepare

EXIT_OK, EXIT_SOURCE, EXIT_BUILD, EXIT_LOCKED = 0, 1, 2, 3


def _say(text: str) -> None:
    say(f"edition build: {text}")


def _downloads(build: Path) -> dict[str, tuple[Path, str, str]]:
    """The files of the last builds that readers may take away: name in the site -> (file, label, kind)."""
    found: dict[str, tuple[Path, str, str]] = {}
    for name, label, kind in (("reader.pdf", "The reader", "PDF"), ("reader.bib", "The reader and its documents", "BibTeX"),
                              ("reader.json", "The reader and its documents", "CSL-JSON"),
                              ("works-cited.bib", "Works cited", "BibTeX"), ("works-cited.json", "Works cited", "CSL-JSON")):
        if (build / name).is_file():
            found[f"downloads/{name}"] = (build / name, label, kind)
    for pdf in sorted((build / "documents").glob("*.pdf")) if (build / "documents").is_dir() else []:
        found[f"downloads/documents/{pdf.name}"] = (pdf, f"Document {pdf.stem}", "PDF")
    return found


def _reader_title(corpus: Corpus) -> str:
    cfg = corpus.config
    return (f"{cfg.title}: {cfg.subtitle}" if cfg.subtitle else cfg.title) + (f" ({cfg.year})" if cfg.year else "")


def _stamp(root: Path, build: Path) -> str:
    """What the HTML edition is made of: the sources and code (as for the PDF), the printed pages
    of the last LaTeX run and the files offered for download."""
    aux = build / "tex" / "reader.aux"
    listed = sorted(f"{n}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for n, (p, _l, _k) in _downloads(build).items())
    layout = build / "tex" / "reader.layout"  # where each page begins
    pages = hashlib.sha256(aux.read_bytes() + (layout.read_bytes() if layout.exists() else b"")).hexdigest() if aux.exists() else ""
    return fingerprint(root, repr(("html", pages, listed)))


def cmd_html(args: argparse.Namespace) -> int:
    """Under the build lock, on a build folder cleaned of what this program did not write (a received
    project's links, FIFOs, planted files: ``trust.py``), as for the PDF."""
    root = Path(args.root).resolve()
    build = root / "build"
    try:
        with trust.build_lock(build):
            trust.sanitize(build)
            code = _html(args, root, build)
            trust.record(build)
            return code
    except trust.BuildLocked as exc:
        _say(str(exc))
        return EXIT_LOCKED
    except OSError as exc:  # a full disk, a read-only build folder
        _say(f"could not write {exc.filename or 'the HTML edition'}: {exc.strerror or exc}")
        return EXIT_BUILD


def _html(args: argparse.Namespace, root: Path, build: Path) -> int:
    started = time.perf_counter()
    out = build / "html"
    stamp, recorded = _stamp(root, build), build / ".html.fingerprint"
    intact = trust.intact(build, "html")  # no file of the last site damaged or missing (an interrupted run, a disk)
    if (not args.force and intact and recorded.exists() and recorded.read_text(encoding="utf-8", errors="replace") == stamp
            and (out / "edition.epub").exists()):
        _say(f"wrote {out.relative_to(root)}/ (0 changed: nothing changed since the last build)")
        return EXIT_OK
    project, diags = prepare(root)
    for d in sorted(diags, key=sort_key):
        say(shown(d))
    errors = sum(1 for d in diags if d.is_error)
    if errors or (args.strict and diags):
        _say(f"stopped, {errors} error(s), {len(diags) - errors} warning(s) in the sources; build/html is unchanged")
        return EXIT_SOURCE
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        out.unlink()  # a file or a link in its place
    # The new site is made in a stage that starts as the last good one (its files linked, not
    # copied: unchanged pages keep their dates), or empty if that one is damaged; it takes the
    # place of build/html only once every page, the search index and the EPUB are complete.
    stage = stage_site(out if intact else build / ".no-site", build)
    try:
        written = _write_site(project, build, stage, args.force)
        if written is None:
            return EXIT_BUILD
        install_site(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)  # what is left of a failed build, or the old site
    recorded.write_text(stamp)
    files, changed, pages_changed = written
    took = time.perf_counter() - started
    _say(f"wrote {out.relative_to(root)}/ ({files} files, {changed} changed, "
         f"{'search index and EPUB rebuilt' if pages_changed else 'nothing to reindex'}) in {took:.1f} s")
    return EXIT_OK


def _write_site(project: Project, build: Path, stage: Path, force: bool) -> tuple[int, int, bool] | None:
    """Write the site into ``stage``: (files, files changed, whether a page changed), or None after
    saying why the search index or the EPUB could not be made."""
    corpus, registers, plan = project.corpus, project.registers, project.plan
    pages = document_pages(build / "tex" / "reader.aux", list(plan.documents))
    breaks = page_breaks(build / "tex", list(plan.documents)) if pages else {}
    taken = _downloads(build)
    with tempfile.TemporaryDirectory() as tmp:
        export_tei(corpus, registers, plan, Path(tmp) / "tei")
        export_cmif(corpus, registers, Path(tmp) / "cmif.xml", url=corpus.config.web_address)
        for xml in sorted((Path(tmp) / "tei").glob("*.xml")):
            taken[f"downloads/tei/{xml.name}"] = (xml, f"TEI: {xml.stem}", "TEI")
        taken["downloads/cmif.xml"] = (Path(tmp) / "cmif.xml", "Letters of the edition for correspSearch", "CMIF")
        listed = [Download(name, label, kind) for name, (_p, label, kind) in taken.items() if "/tei/" not in name]
        if any("/tei/" in name for name in taken):
            listed.append(Download("downloads/tei/", "Every document, the registers and the bibliography", "TEI folder"))
        files, rdiags = site(plan, pages, listed, breaks)
        for d in rdiags:
            say(shown(d))
        keep = ("pagefind/", "downloads/", "edition.epub")
        changed = write_changed(stage, files, keep)
        changed += copy_changed({name: path for name, (path, _l, _k) in taken.items()}, stage, same_but_dates)
    pages_changed = any(c.endswith(".html") for c in changed)
    indexing = None
    try:
        if pages_changed or force or not (stage / "pagefind").is_dir():
            shutil.rmtree(stage / "pagefind", ignore_errors=True)  # made anew (the links to the last one go, not it)
            indexing = start_search_index(stage)
        if pages_changed or force or not (stage / "edition.epub").exists():
            (stage / "edition.epub").unlink(missing_ok=True)
            epub(corpus, files, stage / "edition.epub", printed=f"{_reader_title(corpus)}, PDF" if breaks else "")
        if indexing is not None:
            finish_search_index(indexing)
    except (SearchIndexError, OSError) as exc:
        _say(f"the search index or the EPUB could not be built: {exc}; build/html is unchanged")
        return None
    finally:
        if indexing is not None and indexing.poll() is None:
            indexing.kill()
            indexing.wait()
    return len(files), len(changed), pages_changed or force
