"""The ``edition`` command: check sources, build the reader.

Exit codes: 0 success; 1 errors in the sources (or warnings with --strict);
2 a failed LaTeX run or a problem of the installation; 3 another build running;
4 page make-up problems found by the layout audit, with --strict-layout;
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from edition.cli import handouts
from edition.cli.project import init, project_root
from edition.cli.terminal import quiet_broken_pipe, say, shown, visible
from edition.cli.terminal import setup as setup_terminal
from edition.model.diagnostics import Diagnostic, did_you_mean, sort_key
from edition.sources.config import LENGTH
from edition.sources.schema import DOCUMENT_KINDS

# Each command imports the stages it needs when it runs (the pipeline, LaTeX, HTML, the
# importer): 'edition --help' or 'edition check' does not pay for loading the others.

EXIT_OK, EXIT_SOURCE, EXIT_LATEX, EXIT_LOCKED, EXIT_LAYOUT = 0, 1, 2, 3, 4


def _print_diagnostics(diags: list[Diagnostic]) -> None:
    for d in sorted(diags, key=sort_key):
        print(shown(d), file=sys.stderr)


def _latex_output(text: str) -> None:
    """LaTeX's output under ``--verbose``, on standard output: it quotes the sources (an overfull
    line's words), so it goes through ``say`` like every message that may hold their text."""
    say(text, file=sys.stdout)


def _summary(diags: list[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diags if d.is_error)
    return errors, len(diags) - errors


def _fatal(diags: list[Diagnostic], strict: bool) -> bool:
    errors, warnings = _summary(diags)
    return errors > 0 or (strict and warnings > 0)


def cmd_check(args: argparse.Namespace) -> int:
    from edition.pipeline import prepare

    root = Path(args.root).resolve()
    _project, diags = prepare(root)
    _print_diagnostics(diags)
    errors, warnings = _summary(diags)
    print(f"edition check: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return EXIT_SOURCE if _fatal(diags, args.strict) else EXIT_OK


def _length(text: str) -> str:
    if not LENGTH.match(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a length such as 5mm, 0.5cm or 0.2in")
    return text


def _print_options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    if args.paper:
        options["paper"] = args.paper
    if args.font_size:
        options["font_size"] = args.font_size
    if args.two_sided is not None:
        options["two_sided"] = args.two_sided
    if args.binding_offset:
        options["binding_offset"] = args.binding_offset
    return options


def cmd_build_any(args: argparse.Namespace) -> int:
    """``edition build``: the PDF, or with ``--html`` the HTML edition."""
    if args.html:
        from edition.cli.web import cmd_html

        return cmd_html(args)
    return cmd_build(args)


def cmd_build(args: argparse.Namespace) -> int:
    from edition.build.compile import BuildLocked, fingerprint, unchanged_since_last_build
    from edition.build.run import build
    from edition.cli.layout import report_layout
    from edition.cli.progress import Progress
    from edition.latex.render import render
    from edition.pipeline import prepare, write_exports

    root = Path(args.root).resolve()
    report = Progress()
    build_dir = root / "build"
    jobname = "draft" if args.only else "reader"
    options = _print_options(args)
    stamp = fingerprint(root, repr((sorted(options.items()), args.only, args.booklet, args.strict)))
    pages = None if args.force else unchanged_since_last_build(build_dir, jobname, stamp)
    if pages is not None:
        target = build_dir / f"{jobname}.pdf"
        print(f"edition build: nothing changed since the last good build; no LaTeX run "
              f"({target.relative_to(root)}, {pages} pages)", file=sys.stderr)
        return EXIT_LAYOUT if report_layout(build_dir / ("tex-draft" if args.only else "tex"), args.strict_layout) else EXIT_OK
    only = set(args.only.split(",")) if args.only else None
    report.step("loading and checking sources")
    # A draft checks the documents it sets (and the registers); 'edition check' checks all.
    project, diags = prepare(root, only, options)
    corpus = project.corpus
    _print_diagnostics(diags)
    if _fatal(diags, args.strict):
        errors, warnings = _summary(diags)
        print(f"edition build: stopped, {errors} error(s), {warnings} warning(s) in the sources; "
              "the last good PDF is unchanged", file=sys.stderr)
        return EXIT_SOURCE
    if only:
        unknown = only - {d.id for d in corpus.documents}
        if unknown:
            ids = [d.id for d in corpus.documents]
            meant = "; ".join(hint for u in sorted(unknown) if (hint := did_you_mean(u, ids)))
            say(f"edition build: --only names unknown document(s): {', '.join(sorted(unknown))}; "
                + (meant or "'edition list' shows the ids"))
            return EXIT_SOURCE
    report.step("rendering LaTeX")
    files, rdiags = render(project.plan)
    _print_diagnostics(rdiags)
    try:
        outcome = build(root, corpus, files, None if only else (lambda aux, out: write_exports(project, aux, out)),
                        draft=bool(only), booklet=args.booklet, stamp=stamp, echo=_latex_output if args.verbose else None,
                        step=report.step,
                        progress=report.latex)
    except BuildLocked as exc:
        say(f"edition build: {exc}")
        return EXIT_LOCKED
    except OSError as exc:  # a full disk, a read-only build folder...
        print(visible(f"edition build: could not write {exc.filename or 'the build files'}: {exc.strerror or exc}; "
                      "the last good PDF and the sources are unchanged"), file=sys.stderr)
        return EXIT_LATEX
    finally:
        report.done()
    if outcome.removed and args.verbose:
        say("edition build: removed from build/ what this program did not write: " + ", ".join(outcome.removed))
    result = outcome.result
    if not outcome.ok or result is None or outcome.target is None:
        _print_diagnostics(outcome.diagnostics)
        if result is not None and result.log_excerpt:
            say("--- LaTeX log ---\n" + result.log_excerpt + "\n---")
        say(f"edition build: LaTeX failed; the last good PDF is unchanged; files kept in {outcome.tex_dir}")
        return EXIT_LATEX
    _print_diagnostics(outcome.diagnostics)  # warnings of a good build: characters no font has
    if outcome.booklet is not None:
        print(f"edition build: wrote {outcome.booklet.relative_to(root)} ({outcome.booklet_pages} pages, "
              f"{outcome.booklet_pages // 2} sheets)", file=sys.stderr)
    passes = f"{result.passes} LuaLaTeX pass(es)" if result.passes else \
        "no LuaLaTeX pass: the generated LaTeX had not changed since the last run"
    print(f"edition build: wrote {outcome.target.relative_to(root)} ({outcome.pages} pages, {passes})", file=sys.stderr)
    return EXIT_LAYOUT if report_layout(outcome.tex_dir, args.strict_layout) else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from edition.cli.interchange import cli_import, cli_import_tei

    root = Path(args.root).resolve()
    into = Path(args.into) if args.into else root / "sources" / "imported"
    if args.source_format == "tei":
        return cli_import_tei(Path(args.file), into, args.force, root)
    return cli_import(Path(args.file), into, args.force, root)


def cmd_list(args: argparse.Namespace) -> int:
    """One line per document: id, date, from -> to, title, and its status from the checks."""
    from edition.passes import order
    from edition.pipeline import prepare

    root = Path(args.root).resolve()
    project, diags = prepare(root)
    corpus = project.corpus
    by_path: dict[str, list[Diagnostic]] = {}
    for d in diags:
        by_path.setdefault(d.pos.path, []).append(d)
    docs = sorted(corpus.documents, key=lambda d: (d.date.sort_key if d.date else "9999", d.id))
    for doc in docs:
        problems = by_path.get(doc.path, [])
        errors = sum(1 for d in problems if d.is_error)
        status = f"{errors} error(s)" if errors else f"{len(problems)} warning(s)" if problems else "ok"
        who = ", ".join(order.surname(corpus, a) for a in doc.authors)
        to = ", ".join(order.surname(corpus, r) for r in doc.recipients)
        date = doc.date.text() if doc.date else "undated"
        print(visible(f"{doc.id:<42} {date:<28} {(who + ' -> ' + to) if to else who:<32} {doc.title}  [{status}]"))
    print(f"{len(docs)} document(s)", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from edition.cli.interchange import cli_export

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
    p.add_argument("-C", "--root", metavar="DIR", default=None,
                   help="work on the reader in DIR (default: the nearest folder at or above the current one that holds edition.yaml)")
    # -C/--root after the command too ('edition check -C DIR'); SUPPRESS keeps a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-C", "--root", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_with_common(common))
    it = sub.add_parser("init", help="start a new reader: write a small one that builds, to change into your own",
                        description="Write into DIR (a new or empty folder) edition.yaml, the registers of persons, places "
                                    "and archives, a bibliography and an example document, ready for 'edition build'.")
    it.add_argument("dir", metavar="DIR", help="the new reader's folder")
    it.set_defaults(func=cmd_init)
    c = sub.add_parser("check", help="check every source and register; report all problems",
                       description="Report every problem in the sources as path:line:column: message.")
    c.add_argument("--strict", action="store_true", help="treat warnings as errors")
    c.set_defaults(func=cmd_check)
    b = sub.add_parser("build", help="build the reader PDF into build/reader.pdf",
                       description="Check, render LaTeX into build/tex/ and run LuaLaTeX. A failed build "
                                   "leaves the last good build/reader.pdf in place.")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("--strict-layout", action="store_true",
                   help="make the layout audit's problems (overfull lines, stranded headings, widows...) errors: exit 4")
    b.add_argument("--html", action="store_true",
                   help="build the HTML edition (build/html/: pages, search index, EPUB) instead of the PDF")
    b.add_argument("--only", metavar="ID[,ID...]", help="build a draft (build/draft.pdf) of these documents only")
    b.add_argument("--verbose", "-v", action="store_true", help="show progress and the LaTeX output")
    b.add_argument("--force", action="store_true", help="build even when nothing changed since the last good build")
    b.add_argument("--booklet", action="store_true",
                   help="also write build/reader-booklet.pdf: pages in signature order, two per sheet side, to fold and staple")
    b.add_argument("--paper", choices=("a4", "letter", "a5"), help="paper size (overrides edition.yaml)")
    b.add_argument("--font-size", choices=("10pt", "11pt", "12pt"), help="base font size (overrides edition.yaml)")
    sides = b.add_mutually_exclusive_group()
    sides.add_argument("--two-sided", dest="two_sided", action="store_true", default=None, help="set for printing on both sides")
    sides.add_argument("--one-sided", dest="two_sided", action="store_false", help="set for printing on one side")
    b.add_argument("--binding-offset", metavar="LENGTH", type=_length, help="extra inner margin for binding, e.g. 8mm")
    b.set_defaults(func=cmd_build_any)
    i = sub.add_parser("import", help="turn a raw copy (text from the web or a scan) or a TEI letter into source files",
                       description="Split a raw copy into documents, find metadata, notes, anchors, archival references "
                                   "and known persons, and write draft sources for the editor to finish. Never "
                                   "overwrites an existing source without --force.")
    i.add_argument("file", help="the raw .txt copy, or a TEI .xml file with --from tei")
    i.add_argument("--into", metavar="DIR", help="folder for the new sources (default: sources/imported/)")
    i.add_argument("--from", dest="source_format", choices=("raw", "tei"), default="raw", help="the kind of input (default: raw)")
    i.add_argument("--force", action="store_true", help="overwrite existing source files")
    i.set_defaults(func=cmd_import)
    ls = sub.add_parser("list", help="list the documents: id, date, from -> to, title, status",
                        description="One line per document, in date order, with its status from 'edition check'.")
    ls.set_defaults(func=cmd_list)
    n = sub.add_parser("new", help="write the skeleton of a new source file",
                       description="Write sources/PART-ID/ID.md with the metadata given and placeholders to fill in, and add it "
                                   "to the part's documents in edition.yaml. "
                                   "Never overwrites an existing file without --force.")
    n.add_argument("kind", choices=DOCUMENT_KINDS, help="what the document is")
    n.add_argument("--id", required=True, help="document id, e.g. 1926-05-26-stalin-molotov")
    n.add_argument("--part", metavar="PART-ID", help="the part of edition.yaml to add it to (default: the last part); "
                   "the file goes to sources/PART-ID/")
    n.add_argument("--author", help="person id(s) of the author(s), comma-separated")
    n.add_argument("--to", help="person id(s) of the recipient(s), comma-separated")
    n.add_argument("--date", help="YYYY, YYYY-MM or YYYY-MM-DD; [brackets] for a date the editor supplied")
    n.add_argument("--title", help="the heading as printed")
    n.add_argument("--force", action="store_true", help="overwrite an existing file")
    n.set_defaults(func=_cmd_new)
    e = sub.add_parser("export", help="write the edition as TEI P5 files or as one CMIF file",
                       description="TEI: one file per document with persons.xml and places.xml, validated against "
                                   "schemas/edition-tei.rng. CMIF: the letters' metadata for correspSearch.")
    e.add_argument("kind", choices=("tei", "cmif"))
    e.add_argument("--out", metavar="DIR", help="output folder (default: build/tei/ or build/cmif/)")
    e.set_defaults(func=cmd_export)
    handouts.add_parser(sub)
    return p


EXIT_INTERRUPTED = 130  # as a shell reports a command that SIGINT stopped


def _with_common(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    """A parser class for the subcommands that takes the options of ``common`` as well."""

    class Sub(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["parents"] = [*kwargs.get("parents", ()), common]
            super().__init__(*args, **kwargs)

    return Sub


def _cmd_new(args: argparse.Namespace) -> int:
    from edition.cli.new import cmd_new

    return cmd_new(args)


def cmd_init(args: argparse.Namespace) -> int:
    base = Path(args.root) if args.root is not None else Path.cwd()
    return init(base / args.dir)


def main(argv: Sequence[str] | None = None) -> int:
    setup_terminal()
    args = parser().parse_args(argv)
    if args.command != "init":
        root = project_root(args.root)
        if root is None:
            return EXIT_SOURCE
        args.root = str(root)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:  # Ctrl-C: the build's own cleanup has run on the way out (locks, staging, temporary files)
        print(f"edition {args.command}: interrupted; the last good outputs and the sources are unchanged", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # 'edition list | head': the reader of the output went away
        quiet_broken_pipe()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
