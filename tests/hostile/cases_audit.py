"""Cases added by the audit of issue 20 against main, class by class, where the first corpus
had none: the HTML build of a received project, the parse cache's links and repairs, the
choices of edition.yaml written as TeX, invisible and reordering characters, faults injected
in the process (a full disk while the cache or the web edition is written, Ctrl-C while the
sources load), and what reaches the terminal."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

from cases_faults import _cache_file, _with_cache
from cases_injection import PAYLOAD, RAW, Spec
from harness import CONFIG, LETTER, SECRET, Case, Expect, Fifo, Folder, Link, Run, letter

L = LETTER
B = 17
HTML = ("build", "--html")
TEX = r"\directlua{os.exit(1)}\input{/etc/hostname}"  # no quote: a YAML quoted scalar holds it whole


def _err(where: str, says: str) -> Expect:
    return Expect(1, where, says)


def config(extra: str) -> dict[str, str]:
    return {"edition.yaml": CONFIG + extra}


# --- the HTML edition of a received project ------------------------------------------------


def html_built(root: Path, run: Run) -> str:
    out = root / "build" / "html"
    if out.is_symlink() or not out.is_dir():
        return "build/html is not a real folder"
    if not (out / "index.html").is_file() or (out / "index.html").is_symlink():
        return f"no build/html/index.html:\n{run.err[-800:]}"
    if "Mini Reader" not in (out / "index.html").read_text(encoding="utf-8", errors="replace"):
        return "build/html/index.html is not this project's"
    links = [p for p in (root / "build").rglob("*") if p.is_symlink()]
    return f"symbolic links left in build/: {links}" if links else ""


def _html_ok() -> Expect:
    return Expect(0, check=html_built)


RECEIVED = [
    Case("received-html-folder-symlink", "received", {"build/html": Link("@out/dir")}, _html_ok(), command=HTML),
    Case("received-html-page-symlink", "received", {"build/html/index.html": Link("@out/secret.txt")}, _html_ok(), command=HTML),
    Case("received-html-fingerprint-fifo", "received", {"build/.html.fingerprint": Fifo()}, _html_ok(), command=HTML),
    Case("received-html-fingerprint-garbage", "received", {"build/.html.fingerprint": b"\xff\xfe\x00garbage"}, _html_ok(), command=HTML),
    Case("received-html-aux-fifo", "received", {"build/tex/reader.aux": Fifo()}, _html_ok(), command=HTML),
    Case("received-html-aux-symlink", "received", {"build/tex/reader.aux": Link("@out/secret.txt")}, _html_ok(), command=HTML),
    Case("received-html-download-symlink", "received", {"build/reader.pdf": Link("@out/secret.txt")}, _html_ok(), command=HTML),
    Case("received-html-folder-is-a-file", "received", {"build/html": "not a folder"}, _html_ok(), command=HTML),
    Case("received-build-is-a-fifo-html", "received", {"build": Fifo()}, _html_ok(), command=HTML),
]


# --- the parse cache ------------------------------------------------------------------------


def _to_outside(path: Path) -> None:
    path.unlink()
    os.symlink(path.parents[3] / "outside" / "secret.txt", path)


def cache_repaired(root: Path, run: Run) -> str:
    """After a run on a damaged cache, the cache is whole again: its checksum holds."""
    from edition.sources.cache import MAGIC

    path = _cache_file(root)
    if path.is_symlink() or not path.is_file():
        return "the cache was not written again as a file"
    data = path.read_bytes()
    head, _, body = data.removeprefix(MAGIC).partition(b"\n")
    if not data.startswith(MAGIC) or head.decode() != hashlib.sha256(body).hexdigest():
        return "the cache is still damaged after a run"
    return ""


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _change_source(damage: Callable[[Path], None]) -> Callable[[Path], None]:
    """Damage the cache, and change the letter so that the run must write the cache again."""
    warm = _with_cache(damage)

    def setup(root: Path) -> None:
        warm(root)
        (root / L).write_text(letter(body="Changed text.\n", notes=""), encoding="utf-8")

    return setup


CACHE = [
    Case("cache-entry-symlink-outside", "faults", setup=_with_cache(_to_outside), expect=Expect(0)),
    Case("cache-truncated-is-repaired", "faults", setup=_with_cache(_truncate), expect=Expect(0, check=cache_repaired)),
    Case("cache-truncated-and-source-changed", "faults", setup=_change_source(_truncate), expect=Expect(0, check=cache_repaired)),
    Case("cache-symlink-is-replaced", "faults", setup=_change_source(_to_outside), expect=Expect(0, check=cache_repaired)),
]


# --- edition.yaml's choices and ids written as TeX --------------------------------------------

CHOICES = [
    Case("inject-config-paper", "injection", config(f"paper: '{TEX}'\n"), _err("edition.yaml:7:8", "paper")),
    Case("inject-config-font-size", "injection", config(f"font_size: '{TEX}'\n"), _err("edition.yaml:7:12", "font_size")),
    Case("inject-config-transliteration", "injection", config(f"transliteration: '{TEX}'\n"), _err("edition.yaml:7:18", "transliteration")),
    Case("inject-config-archive-style", "injection", config(f"archive_style: '{TEX}'\n"), _err("edition.yaml:7:16", "archive_style")),
    Case("inject-config-note-numbering", "injection", config(f"note_numbering: '{TEX}'\n"), _err("edition.yaml:7:17", "note_numbering")),
    Case("inject-config-two-sided", "injection", config(f"two_sided: '{TEX}'\n"), _err("edition.yaml:7:12", "two_sided")),
    Case("inject-config-binding-offset-lua", "injection", config(f"binding_offset: '5mm{TEX}'\n"), _err("edition.yaml:7:17", "not a length")),
    Case("inject-part-id", "injection", {"edition.yaml": CONFIG.replace("id: one", f"id: '{TEX}'")},
         Expect(0, check=lambda root, run: tex_of_config_escaped(root, run)), command=("render",)),
    Case("inject-series-id", "injection", config("series:\n  - {id: editor}\n  - {id: textual, numbering: line}\n  - {id: '" + TEX + "'}\n"),
         Expect(0, check=lambda root, run: tex_of_config_escaped(root, run)), command=("render",)),
    Case("inject-document-id-in-part", "injection", {"edition.yaml": CONFIG.replace("[letter]", f"[letter, '{TEX}']")},
         _err("edition.yaml:6:", "unknown document|id")),
    Case("inject-option-paper", "injection", {}, Expect(2, "", "invalid choice"), command=("build", "--paper", TEX.replace("{", "{{").replace("}", "}}")), subprocess=True),
    Case("inject-option-binding", "injection", {}, Expect(2, "", "not a length"), command=("build", "--binding-offset", "5mm" + TEX.replace("{", "{{").replace("}", "}}")),
         subprocess=True),
]


# --- the web edition: every field's payload printed as text, never markup or script --------------

XSS = '<script>alert("Zxss")</script><img src=x onerror=alert(1)> javascript:alert(2) ' + PAYLOAD


def _xss_spec() -> dict[str, str]:
    spec = Spec()
    spec.body.append("Zbody " + XSS.replace("{", "\\{").replace("}", "\\}").replace("|", "\\|").replace(":", "\\:"))
    spec.note_editor.append("Znote " + XSS.replace("{", "\\{").replace("}", "\\}").replace("|", "\\|").replace(":", "\\:"))
    q = "'" + ("Ztitle " + XSS).replace("'", "''") + "'"
    spec.front["title"] = q
    spec.extra.append("headnote: " + q.replace("Ztitle", "Zhead") + "\n")
    spec.person["identification"] = q.replace("Ztitle", "Zident")
    spec.bib["title"] = "{Zbib " + XSS.replace("{", "").replace("}", "") + "}"
    spec.config.append("subtitle: " + q.replace("Ztitle", "Zsub") + "\n")
    files = spec.render()
    files["edition.yaml"] = files["edition.yaml"].replace('"Mini Reader"', "'Mini Reader " + XSS.replace("'", "''") + "'")
    return files


def html_escaped(root: Path, run: Run) -> str:
    out = root / "build" / "html"
    pages = sorted(out.rglob("*.html")) if out.is_dir() else []
    if not pages:
        return f"no pages written:\n{run.err[-800:]}"
    seen = set()
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        if "JINJA" in text:
            return f"code ran: a template evaluated Jinja from a source ({page.name})"
        for bad in ("<script>alert", "<img src=x", 'href="javascript:', "onerror=alert(1)>"):
            if bad in text:
                return f"code ran: {bad!r} in {page.relative_to(root)}"
        seen |= {m for m in ("Zbody", "Znote", "Ztitle", "Zhead", "Zident", "Zbib") if m in text}
    missing = {"Zbody", "Znote", "Ztitle", "Zhead"} - seen
    return f"not printed on any page: {sorted(missing)}" if missing else ""


def tex_of_config_escaped(root: Path, run: Run) -> str:
    tex = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in (root / "build" / "tex").rglob("*.tex"))
    bad = [r for r in RAW if r in tex]
    return f"code ran: unescaped {bad[0]!r} in the generated LaTeX" if bad else ""


WEB = [
    Case("inject-html-every-field", "injection", _xss_spec(), Expect(0, check=html_escaped), command=HTML),
]


# --- characters that hide, reorder or look alike -----------------------------------------------

UNICODE = [
    Case("bidi-override-in-body-warns", "unicode", {L: letter(body="Text \u202eevil\u202c here.\n")},
         Expect(0, f"{L}:{B}:6", r"bidirectional control U\+202E", "warning", not_in_output=("\u202e",))),
    Case("bidi-isolate-in-title-warns", "unicode", {L: letter(title='"Stalin \u2067to\u2069 Kamenev"')},
         Expect(0, f"{L}:3:16", r"bidirectional control U\+2067", "warning", not_in_output=("\u2067",))),
    Case("bidi-override-in-bib-warns", "unicode",
         {"bibliography/works.bib": "@book{lenin-cw-35,\n  author = {Lenin, V. I.},\n  title = {Coll\u202eected},\n"
                                    "  publisher = {P},\n  year = {1976},\n}\n"},
         Expect(0, "bibliography/works.bib:3:16", r"bidirectional control U\+202E", "warning")),
    Case("bidi-in-config-warns", "unicode", {"edition.yaml": CONFIG.replace('"Mini Reader"', '"Mini \u202dReader"')},
         Expect(0, "edition.yaml:1:14", r"bidirectional control U\+202D", "warning")),
    Case("zero-width-space-in-id-shown", "unicode", {L: letter(body="{p:kame\u200bnev|x}\n")},
         Expect(1, f"{L}:{B}:1", r"unknown person 'kame\\u200bnev'", not_in_output=("\u200b",))),
    Case("word-joiner-in-id-shown", "unicode", {L: letter(body="{p:kame\u2060nev|x}\n")},
         Expect(1, f"{L}:{B}:1", r"unknown person 'kame\\u2060nev'", not_in_output=("\u2060",))),
    Case("soft-hyphen-in-id-shown", "unicode", {L: letter(body="{p:kame\xadnev|x}\n")},
         Expect(1, f"{L}:{B}:1", r"unknown person 'kame\\xadnev'", not_in_output=("\xad",))),
    Case("cyrillic-lookalike-in-id", "unicode", {L: letter(body="{p:k\u0430menev|x}\n")},
         Expect(1, f"{L}:{B}:1", "unknown person")),
    Case("combining-marks-500", "unicode", {L: letter(body="Z" + "\u0301" * 500 + " here.\n")},
         Expect(0, f"{L}:{B}:1", "word of 501 characters", "warning")),
    Case("combining-mark-opens-body", "unicode", {L: letter(body="\u0301 {p:nobody|x}\n")}, _err(f"{L}:{B}:3", "unknown person 'nobody'")),
    Case("astral-in-person-id", "unicode", {L: letter(body="\U0001d400 {p:\U0001F600|x}\n")},
         _err(f"{L}:{B}:3", "unknown person")),
    Case("astral-then-error-column", "unicode", {L: letter(body="\U00020000\U00020001 {p:nobody|x}\n")},
         _err(f"{L}:{B}:4", "unknown person 'nobody'")),
    Case("u2028-config-keeps-lines", "unicode", {"edition.yaml": CONFIG.replace('"Mini Reader"', '"Mini\u2028Reader"') + "oops: 1\n"},
         Expect(1, "edition.yaml:7:1", "unknown key 'oops'")),  # an unknown key of edition.yaml is an error
    Case("u2028-bib-keeps-lines", "unicode",
         {"bibliography/works.bib": "@book{lenin-cw-35,\n  note = {a\u2028b},\n  author = {Lenin, V. I.},\n  title = {T},\n"
                                    "  publisher = {P},\n  year = {1976},\n}\n\n@misc{x, oops}\n"},
         _err("bibliography/works.bib:9:", "syntax error")),
    Case("u2029-note-on-texts-keeps-lines", "unicode",
         {"edition.yaml": CONFIG + "note_on_texts: docs/note.md\n", "docs/note.md": "# Note\n\nOne\u2029two.\n\nab\x00c\n"},
         _err("docs/note.md:5:3", "NUL")),
    Case("nbsp-and-thin-spaces", "unicode", {L: letter(body="1\u00a0000 and 2\u202f000 and 3\u2009000 {p:nobody|x}\n")},
         _err(f"{L}:{B}:27", "unknown person 'nobody'")),
    # A variation selector prints nothing of its own and needs no glyph; the CJK ideograph it
    # selects has no font in the reader: one error, at the ideograph.
    Case("variation-selectors", "unicode", {L: letter(body="\u2764\ufe0f and \u845b\U000e0100 here.\n")},
         Expect(1, f"{L}:{B}:8", r"U\+845B", not_in_output=("U+E0100", "U+FE0F"))),
]


# --- paths and file types the first corpus had not ---------------------------------------------


def _socket(rel: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        s = socket.socket(socket.AF_UNIX)
        try:
            s.bind(str(path))
        finally:
            s.close()

    return make


def _deep(root: Path) -> None:
    folder = root / "sources" / "/".join(["d"] * 60)
    folder.mkdir(parents=True)
    (folder / "deep.md").write_text("---\nid: deep\ntitle: Deep\nkind: note\nauthors: [stalin]\n---\nDeep {p:nobody|x}.\n", encoding="utf-8")


DEEP = "sources/" + "/".join(["d"] * 60) + "/deep.md"

PATHS = [
    Case("source-socket", "paths", setup=_socket("sources/letters/s.md"), expect=_err("sources/letters/s.md:1:1", "socket")),
    Case("persons-socket", "paths", setup=_socket("sources/persons/more.yaml"), expect=_err("sources/persons/more.yaml:1:1", "socket")),
    Case("source-deep-folders", "paths", setup=_deep, expect=_err(f"{DEEP}:7:6", "unknown person 'nobody'")),
    Case("source-name-dash", "paths", {"sources/letters/--root=x.md": "no front matter\n"},
         _err("sources/letters/--root=x.md:1:1", "does not start with a YAML front matter")),
    Case("source-name-long", "paths", {"sources/letters/" + "x" * 240 + ".md": "no front matter\n"},
         _err("sources/letters/" + "x" * 240 + ".md:1:1", "does not start with a YAML front matter")),
    Case("source-name-bidi", "paths", {"sources/letters/a\u202egpj.md": "no front matter\n"},
         Expect(1, r"sources/letters/a\u202egpj.md:1:1", "does not start with a YAML front matter", not_in_output=("\u202e",))),
    Case("source-folder-is-a-file-named-md", "paths", {"sources/letters/x.md/inner.md": "no front matter\n"},
         _err("sources/letters/x.md/inner.md:1:1", "does not start with a YAML front matter")),
    Case("register-folder-symlink-outside", "paths", {"sources/persons": Link("@out/dir")}, _err("sources/persons:1:1", "outside the project")),
    Case("sources-holds-a-fifo-not-md", "paths", {"sources/letters/notes.txt": Fifo()}, Expect(0)),
    Case("sources-holds-an-empty-folder", "paths", {"sources/empty": Folder()}, Expect(0)),
]


# --- faults injected in the process -----------------------------------------------------------


def _enospc(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@contextlib.contextmanager
def _full_disk_cache() -> Iterator[None]:
    with mock.patch("edition.sources.cache.os.fdopen", side_effect=_enospc):
        yield


@contextlib.contextmanager
def _interrupt_loading() -> Iterator[None]:
    with mock.patch("edition.pipeline.prepare", side_effect=KeyboardInterrupt):  # the commands import it as they run
        yield


@contextlib.contextmanager
def _full_disk_html() -> Iterator[None]:
    calls = {"n": 0}
    real = Path.write_bytes

    def write_bytes(self: Path, data: bytes) -> int:  # the third page written fails
        calls["n"] += 1
        if calls["n"] == 3:
            real(self, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, data)

    with mock.patch.object(Path, "write_bytes", write_bytes):
        yield


def interrupted(root: Path, run: Run) -> str:
    return "" if "interrupted" in run.err else f"no word of the interruption: {run.err[-400:]}"


def no_space_said(root: Path, run: Run) -> str:
    return "" if "No space left" in run.err else f"no word of the full disk: {run.err[-600:]}"


def no_secret(root: Path, run: Run) -> str:
    return "code ran: the secret was read" if SECRET in run.out + run.err else ""


FAULTS = [
    Case("full-disk-writing-the-cache", "faults", patch=_full_disk_cache, expect=Expect(0)),
    Case("ctrl-c-while-loading", "faults", patch=_interrupt_loading, expect=Expect(130, check=interrupted)),
    Case("ctrl-c-while-listing", "faults", patch=_interrupt_loading, command=("list",), expect=Expect(130, check=interrupted)),
    Case("full-disk-writing-html", "faults", patch=_full_disk_html, command=HTML, expect=Expect(2, check=no_space_said)),
]

CASES = RECEIVED + CACHE + CHOICES + WEB + UNICODE + PATHS + FAULTS


# --- a LaTeX error that comes from a .bib field --------------------------------------------------
# No field can make one (every string is escaped): the bibliography's LaTeX backend is made to let
# one word through unescaped, as a bug of the escaping would, to show where the error is reported.

_LET_THROUGH = (
    "import sys, edition.latex.bibtex as b; plain = b.escape_text; "
    "b.EditionLatexBackend.format_str = lambda self, s: s.replace('BREAKTEX', '\\\\edNoSuchMacro ') if 'BREAKTEX' in s else plain(s); "
    "from edition.cli.main import main; sys.exit(main(sys.argv[1:]))"
)


def _bib_error_build(case: Case, root: Path, cache: Path) -> Run:
    import subprocess
    import sys

    (root / "build").mkdir(exist_ok=True)
    (root / "build" / "reader.pdf").write_bytes(b"%PDF-1.4 the last good reader")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    proc = subprocess.run([sys.executable, "-c", _LET_THROUGH, "--root", str(root), "build"], capture_output=True, text=True,
                          env=env, cwd=root, timeout=300, check=False)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def pdf_kept(root: Path, run: Run) -> str:
    return "" if (root / "build" / "reader.pdf").read_bytes() == b"%PDF-1.4 the last good reader" else "the last good PDF was changed"


BIB_LATEX = [
    Case("latex-error-from-a-bib-field", "faults",
         {"bibliography/works.bib": "@book{lenin-cw-35,\n  author = {Lenin, V. I.},\n  title = {Collected BREAKTEX Works},\n"
                                    "  publisher = {Progress Publishers},\n  address = {Moscow},\n  year = {1976},\n}\n"},
         Expect(2, "bibliography/works.bib:1:1", r"LaTeX error: Undefined control sequence.*\.bib", check=pdf_kept),
         latex=True, runner=_bib_error_build, timeout=300),
]

CASES += BIB_LATEX
