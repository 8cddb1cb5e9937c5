"""``edition handouts``: each document as a PDF of its own, for handing out in class.

A handout is the draft build of one document (``edition build --only ID``: the
document with its part's title, its notes and apparatus, and its index), copied to
``build/documents/ID.pdf``. The HTML edition links each document's handout from its
page when the file exists (``edition build --html`` after this command), so a student
can print one letter without the whole reader.

Each document is built by the same command a user would type, in a process of its
own, so a handout is exactly what ``--only`` prints and one failure cannot leave the
others half-written. A failed document stops the run with its message; the handouts
already written, and the last good reader, stay as they were.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from edition.cli.terminal import visible

EXIT_OK, EXIT_SOURCE = 0, 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    h = sub.add_parser("handouts", help="write each document as a PDF of its own into build/documents/",
                       description="Build a draft of each document (as 'edition build --only ID' does) and keep "
                                   "it as build/documents/ID.pdf; the HTML edition then links it from the "
                                   "document's page. Without IDs, every document of the reader.")
    h.add_argument("ids", nargs="*", metavar="ID", help="the documents (default: all, in the reader's order)")
    h.add_argument("--paper", choices=("a4", "letter", "a5"), help="paper size (overrides edition.yaml)")
    h.set_defaults(func=cmd_handouts)


def _reader_ids(root: Path) -> tuple[list[str], int]:
    from edition.pipeline import prepare

    project, diags = prepare(root, None, {})
    errors = [d for d in diags if d.is_error]
    for d in errors:
        print(visible(str(d)), file=sys.stderr)
    if errors:
        print(f"edition handouts: stopped, {len(errors)} error(s) in the sources (see 'edition check')", file=sys.stderr)
        return [], EXIT_SOURCE
    return list(project.plan.documents), EXIT_OK  # the printed documents, in reading order


def cmd_handouts(args: argparse.Namespace) -> int:
    from edition.build.trust import write_atomically

    root = Path(args.root).resolve()
    ids, code = (list(args.ids), EXIT_OK) if args.ids else _reader_ids(root)
    if code != EXIT_OK:
        return code
    out = root / "build" / "documents"
    for n, doc_id in enumerate(ids, 1):
        command = [sys.executable, "-m", "edition", "--root", str(root), "build", "--only", doc_id, "--force"]
        if args.paper:
            command += ["--paper", args.paper]
        proc = subprocess.run(command, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            print(visible(f"edition handouts: the handout of '{doc_id}' failed ({n} of {len(ids)}); "
                          "those already written are unchanged"), file=sys.stderr)
            return proc.returncode
        out.mkdir(parents=True, exist_ok=True)
        write_atomically(out / f"{doc_id}.pdf", (root / "build" / "draft.pdf").read_bytes())
        print(visible(f"edition handouts: wrote build/documents/{doc_id}.pdf ({n} of {len(ids)})"), file=sys.stderr)
    return EXIT_OK
