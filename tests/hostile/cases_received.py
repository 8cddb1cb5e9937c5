"""A received project: a build/ folder (and files beside the sources) that this program did
not write. Nothing in it may run, be read into the reader, or lead a write outside the
project; the build still succeeds and its PDF is the project's own."""

from __future__ import annotations

from pathlib import Path

from conftest import pdf_text
from harness import SECRET, Case, Expect, Fifo, Folder, Link, Run

RC = "open(my $f, '>', '{out}/PWNED-rc') or die; print $f 'rc ran'; close($f);\n"
LUA = "\\directlua{{io.open('PWNED','w'):close() io.open('{out}/PWNED-lua','w'):close()}}"
AUX = "\\relax\n" + LUA + "\n"
TEX = "\\makeatletter" + LUA + "\\endinput\n"
LUA_MODULE = "io.open('PWNED','w'):close() io.open('{out}/PWNED-lua','w'):close()\n"


def planted(rel: str, template: str):  # noqa: ANN201
    """Write ``template`` (with {out}, the folder outside the project) at ``rel`` in the project."""

    def make(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(out=root.parent / "outside"), encoding="utf-8")

    return make


def pdf_is_the_projects(root: Path, run: Run, pdf: str = "build/reader.pdf") -> str:
    path = root / pdf
    if path.is_symlink() or not path.is_file():
        return f"{pdf} is not a regular file"
    text = pdf_text(path, strict=False)
    if SECRET in text:
        return f"code ran: the secret from outside the project is printed in {pdf}"
    if "Kamenev" not in text:
        return f"{pdf} is not the reader of this project: {text[:200]!r}"
    return ""


def built(*gone: str, pdf: str = "build/reader.pdf"):  # noqa: ANN201
    """The build succeeded with the project's own PDF, and the planted ``gone`` files are gone."""

    def check(root: Path, run: Run) -> str:
        if problem := pdf_is_the_projects(root, run, pdf):
            return problem
        links = [p for p in (root / "build").rglob("*") if p.is_symlink()]
        if links:
            return f"symbolic links left in build/: {links}"
        for rel in gone:
            path = root / rel
            if path.is_symlink() or (path.exists() and not path.is_dir() and rel.endswith(("rc", ".hidden", ".cls", ".sty", ".lua"))):
                return f"the planted {rel} is still there"
        return ""

    return check


def received_build(root: Path) -> None:
    """A build folder as someone else would send it: their PDF and the stamp that says it is up to date."""
    from edition.build.compile import fingerprint

    build = root / "build"
    (build / "tex").mkdir(parents=True)
    (build / "reader.pdf").write_bytes(b"%PDF-1.4 not the project's reader")
    stamp = fingerprint(root, repr(([], None, False, False)))
    (build / ".reader.fingerprint").write_text(f"{stamp} 9", encoding="utf-8")


def _ok(*gone: str, pdf: str = "build/reader.pdf") -> Expect:
    return Expect(0, check=built(*gone, pdf=pdf))


def case(name: str, share: str, files: dict[str, object] | None = None, setup=None, gone: tuple[str, ...] = (),  # noqa: ANN001
         draft: bool = False) -> Case:
    pdf = "build/draft.pdf" if draft else "build/reader.pdf"
    return Case(f"received-{name}", "received", dict(files or {}), _ok(*gone, pdf=pdf),  # type: ignore[arg-type]
                command=("build", "--only", "letter") if draft else ("build",), latex=True, setup=setup, timeout=120, share=share)


T = "build/tex"
CASES = [
    case("latexmkrc", "tex", setup=planted(f"{T}/latexmkrc", RC), gone=()),
    case("dot-latexmkrc", "tex", setup=planted(f"{T}/.latexmkrc", RC), gone=(f"{T}/.latexmkrc",)),
    case("latexmkrc-in-project", "tex", setup=planted("latexmkrc", RC)),
    case("dot-latexmkrc-in-project", "tex", setup=planted(".latexmkrc", RC)),
    case("latexmkrc-in-build", "tex", setup=planted("build/latexmkrc", RC)),
    case("aux-runs-lua", "tex", setup=planted(f"{T}/reader.aux", AUX)),
    case("toc-runs-lua", "tex", setup=planted(f"{T}/reader.toc", "\\relax " + LUA + "\n")),
    case("class-file", "tex", setup=planted(f"{T}/scrbook.cls", TEX), gone=(f"{T}/scrbook.cls",)),
    case("package-file", "tex", setup=planted(f"{T}/reledmac.sty", TEX), gone=(f"{T}/reledmac.sty",)),
    case("lua-module", "tex", setup=planted(f"{T}/luaotfload-main.lua", LUA_MODULE), gone=(f"{T}/luaotfload-main.lua",)),
    case("hidden-file", "tex", {f"{T}/.hidden": "x"}, gone=(f"{T}/.hidden",)),
    case("symlink-log", "tex", {f"{T}/reader.log": Link("@out/secret.txt")}, gone=(f"{T}/reader.log",)),
    case("symlink-aux", "tex-links", {f"{T}/reader.aux": Link("@out/secret.txt")}, gone=(f"{T}/reader.aux",)),
    case("symlink-pdf-in-tex", "tex", {f"{T}/reader.pdf": Link("@out/secret.txt")}, gone=(f"{T}/reader.pdf",)),
    case("symlink-document-tex", "tex", {f"{T}/docs/letter.tex": Link("@out/secret.txt")}, gone=(f"{T}/docs/letter.tex",)),
    case("symlink-tmp", "tex", {f"{T}/reader.tex.tmp": Link("@out/secret.txt"), f"{T}/edition.sty.tmp": Link("@out/secret.txt")},
         gone=(f"{T}/reader.tex.tmp",)),
    case("symlink-sty", "tex", {f"{T}/edition.sty": Link("@out/secret.txt")}),
    case("symlink-passes", "tex", {f"{T}/passes.tsv": Link("@out/secret.txt")}),
    case("symlink-lock", "tex", {"build/.lock": Link("@out/secret.txt")}, gone=("build/.lock",)),
    case("symlink-partial-pdf", "tex", {"build/.reader.pdf.partial": Link("@out/secret.txt")}, gone=("build/.reader.pdf.partial",)),
    case("symlink-pdf", "tex", {"build/reader.pdf": Link("@out/secret.txt")}),
    case("symlink-export", "tex", {"build/works-cited.bib": Link("@out/secret.txt"), "build/reader.json": Link("@out/secret.txt")},
         gone=("build/works-cited.bib",)),
    case("symlink-fingerprint", "tex", {"build/.reader.fingerprint": Link("@out/secret.txt")}, gone=("build/.reader.fingerprint",)),
    case("symlink-docs-folder", "tex-links", {f"{T}/docs": Link("@out/dir")}, gone=(f"{T}/docs",)),
    case("fifo-aux", "tex-links", {f"{T}/reader.toc": Fifo()}),
    case("fifo-lock", "tex-links", {"build/.lock": Fifo()}),
    case("stamp-and-pdf-of-someone-else", "received", setup=received_build),
    case("symlink-tex-folder", "tex-folder", {"build/tex-draft": Link("@out/dir")}, draft=True),
    case("tex-folder-is-a-file", "tex-file", {"build/tex-draft": "not a folder"}, draft=True),
    case("symlink-build-folder", "build-link", {"build": Link("@out/dir")}, draft=True),
    case("build-is-a-file", "build-file", {"build": "not a folder"}, draft=True),
    case("draft-dot-latexmkrc", "draft", setup=planted("build/tex-draft/.latexmkrc", RC), draft=True),
    case("draft-aux-runs-lua", "draft", setup=planted("build/tex-draft/reader.aux", AUX), draft=True),
    case("tex-folder-holds-a-folder", "draft", {"build/tex-draft/reader.toc": Folder()}, draft=True),
]
