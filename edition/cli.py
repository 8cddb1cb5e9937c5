"""The ``edition`` command: check sources, build the reader.

Exit codes: 0 success; 1 errors in the sources (or warnings with --strict);
2 a failed LaTeX run or a problem of the installation; 3 another build running.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .build import BuildLocked, build_lock, compile_pdf, install_pdf, page_count, write_tree
from .diagnostics import Diagnostic, sort_key
from .project import prepare
from .render_latex import render

EXIT_OK, EXIT_SOURCE, EXIT_LATEX, EXIT_LOCKED = 0, 1, 2, 3


class Reporter:
    """Progress lines on a terminal (or with --verbose), silence otherwise."""

    def __init__(self, verbose: bool) -> None:
        self.show = verbose or sys.stderr.isatty()

    def step(self, text: str) -> None:
        if self.show:
            print(f"edition: {text}", file=sys.stderr, flush=True)


def _print_diagnostics(diags: list[Diagnostic]) -> None:
    for d in sorted(diags, key=sort_key):
        print(d, file=sys.stderr)


def _summary(diags: list[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diags if d.is_error)
    return errors, len(diags) - errors


def _fatal(diags: list[Diagnostic], strict: bool) -> bool:
    errors, warnings = _summary(diags)
    return errors > 0 or (strict and warnings > 0)


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    _corpus, _services, diags = prepare(root)
    _print_diagnostics(diags)
    errors, warnings = _summary(diags)
    print(f"edition check: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return EXIT_SOURCE if _fatal(diags, args.strict) else EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    report = Reporter(args.verbose)
    report.step("loading and checking sources")
    corpus, services, diags = prepare(root)
    _print_diagnostics(diags)
    if _fatal(diags, args.strict):
        errors, warnings = _summary(diags)
        print(f"edition build: stopped, {errors} error(s), {warnings} warning(s) in the sources; "
              "the last good PDF is unchanged", file=sys.stderr)
        return EXIT_SOURCE
    only = set(args.only.split(",")) if args.only else None
    if only:
        unknown = only - {d.id for d in corpus.documents}
        if unknown:
            print(f"edition build: --only names unknown document(s): {', '.join(sorted(unknown))}", file=sys.stderr)
            return EXIT_SOURCE
    build_dir = root / "build"
    jobname = "draft" if only else "reader"
    try:
        with build_lock(build_dir):
            report.step("rendering LaTeX")
            files, rdiags = render(corpus, services, only)
            _print_diagnostics(rdiags)
            tex_dir = build_dir / ("tex-draft" if only else "tex")
            write_tree(tex_dir, files)
            report.step("typesetting with LuaLaTeX (latexmk)")
            result = compile_pdf(tex_dir, corpus, jobname="reader", verbose=args.verbose)
            if not result.ok or result.pdf is None:
                _print_diagnostics(result.diagnostics)
                if result.log_excerpt:
                    print("--- LaTeX log ---\n" + result.log_excerpt + "\n---", file=sys.stderr)
                print(f"edition build: LaTeX failed; the last good PDF is unchanged; files kept in {tex_dir}",
                      file=sys.stderr)
                return EXIT_LATEX
            target = build_dir / f"{jobname}.pdf"
            install_pdf(result.pdf, target)
            if not only:
                report.step("writing the bibliography exports")
                services.exports(tex_dir / "reader.aux", build_dir)
    except BuildLocked as exc:
        print(f"edition build: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    print(f"edition build: wrote {target.relative_to(root)} ({page_count(target)} pages, "
          f"{result.passes} LuaLaTeX pass(es))", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    into = Path(args.into) if args.into else root / "sources" / "imported"
    if args.source_format == "tei":
        from .tei import cli_import_tei

        return cli_import_tei(Path(args.file), into, args.force, root)
    from .importer import cli_import

    return cli_import(Path(args.file), into, args.force, root)


def cmd_export(args: argparse.Namespace) -> int:
    from .tei import cli_export

    root = Path(args.root).resolve()
    out = Path(args.out) if args.out else root / "build" / args.kind
    return cli_export(args.kind, root, out)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="edition",
        description="Turn annotated historical sources into a printable critical edition (a course reader).",
        epilog="Sources live in sources/ (one .md file per document), the reader's settings in edition.yaml. "
               "See docs/source-format.md.",
    )
    p.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    c = sub.add_parser("check", help="check every source and register; report all problems",
                       description="Report every problem in the sources as path:line:column: message.")
    c.add_argument("--strict", action="store_true", help="treat warnings as errors")
    c.set_defaults(func=cmd_check)
    b = sub.add_parser("build", help="build the reader PDF into build/reader.pdf",
                       description="Check, render LaTeX into build/tex/ and run LuaLaTeX. A failed build "
                                   "leaves the last good build/reader.pdf in place.")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("--only", metavar="ID[,ID...]", help="build a draft (build/draft.pdf) of these documents only")
    b.add_argument("--verbose", "-v", action="store_true", help="show progress and the LaTeX output")
    b.set_defaults(func=cmd_build)
    i = sub.add_parser("import", help="turn a raw copy (text from the web or a scan) or a TEI letter into source files",
                       description="Split a raw copy into documents, find metadata, notes, anchors, archival references "
                                   "and known persons, and write draft sources for the editor to finish. Never "
                                   "overwrites an existing source without --force.")
    i.add_argument("file", help="the raw .txt copy, or a TEI .xml file with --from tei")
    i.add_argument("--into", metavar="DIR", help="folder for the new sources (default: sources/imported/)")
    i.add_argument("--from", dest="source_format", choices=("raw", "tei"), default="raw", help="the kind of input (default: raw)")
    i.add_argument("--force", action="store_true", help="overwrite existing source files")
    i.set_defaults(func=cmd_import)
    e = sub.add_parser("export", help="write the edition as TEI P5 files or as one CMIF file",
                       description="TEI: one file per document with persons.xml and places.xml, validated against "
                                   "schemas/edition-tei.rng. CMIF: the letters' metadata for correspSearch.")
    e.add_argument("kind", choices=("tei", "cmif"))
    e.add_argument("--out", metavar="DIR", help="output folder (default: build/tei/ or build/cmif/)")
    e.set_defaults(func=cmd_export)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
