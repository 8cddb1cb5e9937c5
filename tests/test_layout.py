"""The layout audit (edition/build/audit.py): each kind of page make-up problem provoked in a
real LuaLaTeX build and found in what the build recorded of its pages and boxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import edition, pdf_pages, require_latex
from layout_fixture import write_layout_project

from edition.build.audit import Audit as LayoutAudit
from edition.build.audit import Finding, Layout, Page, Run, Tolerances, audit, diagnostics, read_layout
from edition.build.run import build
from edition.latex.render import render
from edition.pipeline import prepare

# TeX that forces a page break after line k of the numbered paragraphs that follow
# (-1: after the last line but one), through reledmac's penalties between lines.
BREAK_AFTER = (r"\makeatletter\providecommand*{\edTestBreakAt}{0}"
               r"\apptocmd{\add@penalties}{\ifnum\edTestBreakAt>0 \ifnum\par@line=\edTestBreakAt\penalty-10000 \fi"
               r"\else\ifnum\edTestBreakAt<0 \ifnum\numexpr\par@line+1\relax=\num@lines\penalty-10000 \fi\fi\fi}{}{}\makeatother")


def _nth(text: str, needle: str, n: int) -> int:
    return [m.start() for m in re.finditer(re.escape(needle), text)][n]


def _insert(text: str, needle: str, n: int, tex: str, after: bool = False) -> str:
    at = _nth(text, needle, n) + (len(needle) if after else 0)
    return text[:at] + tex + text[at:]


def provoke(files: dict[str, str]) -> None:
    """What each letter gets to provoke one kind of problem (long-word and long-note provoke theirs themselves)."""
    doc = lambda i: f"docs/letter-{i}.tex"  # noqa: E731
    files[doc(1)] = _insert(files[doc(1)], r"\begin{edSourceNote}", 0, "\\newpage\n")  # source note alone
    files[doc(2)] = _insert(files[doc(2)], "\n", 0, "\\newpage\n", after=True)  # heading alone
    files[doc(3)] = _insert(files[doc(3)], r"\end{edHeadnote}", 0, "\n\\newpage", after=True)  # headnote alone
    four = _insert(files[doc(4)], r"\beginnumbering", 0, BREAK_AFTER + "\n")
    four = _insert(four, r"\pstart", 2, r"\gdef\edTestBreakAt{1}")  # orphan: break after the first line
    files[doc(4)] = _insert(four, r"\pstart", 3, r"\gdef\edTestBreakAt{0}")
    five = _insert(files[doc(5)], r"\pstart", 2, r"\gdef\edTestBreakAt{-1}")  # widow: break before the last line
    files[doc(5)] = _insert(five, r"\pstart", 3, r"\gdef\edTestBreakAt{0}")
    six = "\\newpage\n" + _insert(files[doc(6)], "\n", 0, "\\thispagestyle{plain}\n", after=True)  # no running head
    six = _insert(six, r"\pstart", 2, "\\newpage\n")  # a short page, the letter going on overleaf
    files[doc(6)] = six + ("\\par\\noindent\\hbox to\\textwidth{a\\hskip 0pt plus 1pt b}\\par\n"  # a line stretched
                           "\\par\\noindent\\rule{1pt}{1.05\\textheight}\\par\n")  # a page too high


def _build(root: Path, edit: object = None) -> Path:
    project, diags = prepare(root)
    assert not [d for d in diags if d.is_error], diags
    files, _ = render(project.plan)
    if callable(edit):
        edit(files)
    outcome = build(root, project.corpus, files, None, draft=False, booklet=False, stamp="layout-test")
    assert outcome.ok, outcome.diagnostics
    return outcome.tex_dir


@pytest.fixture(scope="module")
def provoked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Finding]]:
    require_latex()
    root = write_layout_project(tmp_path_factory.mktemp("layout"))
    tex_dir = _build(root, provoke)
    findings = audit(tex_dir)
    assert findings is not None
    return tex_dir, findings


def found(findings: list[Finding], kind: str, doc: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind and f.doc == doc]


@pytest.mark.latex
@pytest.mark.parametrize(("kind", "doc", "words"), [
    ("overfull", "long-word", "wider than the measure"),
    ("overfull", "", "taller than the text area"),  # a page of a rule alone: no document's text
    ("underfull", "letter-6", "stretched to badness 10000"),
    ("notes-page", "long-note", "lines of notes under"),
    ("short-page", "letter-6", "filled to"),
    ("stranded-heading", "letter-2", "heading is in the last lines"),
    ("stranded-heading", "letter-3", "headnote is in the last lines"),
    ("orphan", "letter-4", "first line of a paragraph"),
    ("widow", "letter-5", "last line of a paragraph"),
    ("source-note", "letter-1", "without its document's text"),
    ("running-head", "letter-6", "no running head"),
])
def test_the_audit_finds_each_kind_of_problem(provoked: tuple[Path, list[Finding]], kind: str, doc: str, words: str):
    tex_dir, findings = provoked
    hits = [f for f in found(findings, kind, doc) if words in f.message]
    assert hits, f"no {kind} in {doc}: {[(f.kind, f.doc, f.message) for f in findings]}"


@pytest.mark.latex
def test_a_long_headnote_at_the_foot_of_a_page_breaks_with_its_heading_above(tmp_path: Path):
    """A headnote of many lines whose heading falls low on a page is not carried whole overleaf (half a
    page left empty): at least three of its lines stand under the heading and at least two go over."""
    require_latex()

    def low_long_headnote(files: dict[str, str]) -> None:
        two = files["docs/letter-2.tex"]
        start, end = two.index(r"\begin{edHeadnote}") + len(r"\begin{edHeadnote}"), two.index(r"\end{edHeadnote}")
        two = two[:start] + "\n" + " ".join([two[start:end].strip()] * 12) + "\n" + two[end:]
        files["docs/letter-2.tex"] = _insert(two, r"\edDocument", 0, "\\newpage\\null\\vspace{0.6\\textheight}\n")

    tex_dir = _build(write_layout_project(tmp_path), low_long_headnote)
    layout = read_layout(tex_dir / "reader.layout")
    assert layout is not None
    doc = next(k for k, v in layout.docs.items() if v == "letter-2")
    spread = [(p.lines({4}, doc), p.lines({3}, doc)) for p in layout.pages if p.lines({4}, doc)]
    assert len(spread) == 2 and spread[0][1] and spread[0][0] >= 3 and spread[1][0] >= 2, spread
    findings = audit(tex_dir)
    # (The page is short by the test's own space above the heading, not by the headnote.)
    assert findings is not None and not [f for f in findings if f.doc == "letter-2" and f.kind != "short-page"], findings


@pytest.mark.latex
def test_the_pages_are_those_of_the_pdf(provoked: tuple[Path, list[Finding]]):
    tex_dir, findings = provoked
    pages = pdf_pages(tex_dir / "reader.pdf")
    (hit,) = found(findings, "source-note", "letter-1")
    # The page the audit names holds the letter's source note and no line of its text.
    page = pages[hit.number - 1]
    assert "Cite as" in page and "letter 1" in page and "Koba" not in page, page
    assert hit.page in page.split()


@pytest.mark.latex
def test_findings_point_at_the_source(provoked: tuple[Path, list[Finding]]):
    tex_dir, findings = provoked
    diags = diagnostics(found(findings, "overfull", "long-word"), tex_dir)
    assert diags and all(d.pos.path == "sources/letters/long-word.md" and d.pos.line > 1 for d in diags), diags
    assert "layout: overfull on page" in diags[0].message and diags[0].hint


# The checks on a record written by hand: each can fail, and each passes a page that is right.
def _page(number: int, *runs: tuple[int, int, int, int]) -> Page:
    """Runs given as (kind, doc, par, lines), stacked from the top, 12 pt each."""
    page, y = Page(number, str(number), 600 * 65536), 0
    for kind, doc, par, n in runs:
        page.runs.append(Run(kind, doc, par, 10 + par, n, y, y + n * 12 * 65536))
        y += n * 12 * 65536
    return page


def _kinds(*pages: Page) -> list[str]:
    return [f.kind for f in LayoutAudit(Layout({1: "a", 2: "b"}, list(pages)), Tolerances()).run()]


def test_a_full_page_of_text_under_its_running_head_is_right():
    assert _kinds(_page(1, (7, 1, 0, 1), (3, 1, 0, 2), (1, 1, 1, 45)), _page(2, (7, 1, 0, 1), (1, 1, 1, 3), (5, 1, 0, 4))) == []


def test_checks_of_a_record_fail_where_they_should():
    assert "running-head" in _kinds(_page(1, (1, 1, 1, 45)))
    assert "notes-page" in _kinds(_page(1, (7, 1, 0, 1), (1, 1, 1, 2), (2, 1, 1, 40)))
    assert "orphan" in _kinds(_page(1, (7, 1, 0, 1), (1, 1, 1, 44), (1, 1, 2, 1)), _page(2, (7, 1, 0, 1), (1, 1, 2, 30)))
    assert "widow" in _kinds(_page(1, (7, 1, 0, 1), (1, 1, 1, 45)), _page(2, (7, 1, 0, 1), (1, 1, 1, 1), (3, 2, 0, 2), (1, 2, 2, 20)))
    assert "stranded-heading" in _kinds(_page(1, (7, 1, 0, 1), (1, 1, 1, 45), (3, 2, 0, 2)), _page(2, (7, 2, 0, 1), (1, 2, 2, 40)))
    assert "source-note" in _kinds(_page(1, (7, 1, 0, 1), (1, 1, 1, 45)), _page(2, (7, 1, 0, 1), (5, 1, 0, 4), (3, 2, 0, 2), (1, 2, 2, 30)))
    assert "short-page" in _kinds(_page(1, (7, 1, 0, 1), (1, 1, 1, 10)), _page(2, (7, 1, 0, 1), (1, 1, 1, 40)))


def test_a_long_headnote_may_break_with_three_lines_under_its_heading_and_two_over():
    def pages(kept: int, over: int) -> tuple[Page, Page]:
        return (_page(1, (7, 1, 0, 1), (1, 1, 1, 30), (3, 2, 0, 2), (4, 2, 0, kept)),
                _page(2, (7, 2, 0, 1), (4, 2, 0, over), (1, 2, 2, 30)))
    assert _kinds(*pages(3, 2)) == [] and _kinds(*pages(6, 5)) == []
    assert "stranded-heading" in _kinds(*pages(2, 4))  # too few of its lines under the heading
    assert "stranded-heading" in _kinds(*pages(6, 1))  # its last line alone overleaf
    # A headnote that ends at the foot of the page, its text overleaf, is stranded as before.
    assert "stranded-heading" in _kinds(_page(1, (7, 1, 0, 1), (1, 1, 1, 30), (3, 2, 0, 2), (4, 2, 0, 6)),
                                        _page(2, (7, 2, 0, 1), (1, 2, 2, 30)))


def test_a_record_cut_short_is_read_as_far_as_it_goes(tmp_path: Path):
    (tmp_path / "reader.layout").write_text("D\t1\ta\nP\t1\t1\t100\nR\t1\t1\t1\t5\t3\t0\t10\nR\t1\t1", encoding="utf-8")
    layout = read_layout(tmp_path / "reader.layout")
    assert layout is not None and layout.docs == {1: "a"} and len(layout.pages[0].runs) == 1
    assert read_layout(tmp_path / "missing.layout") is None


@pytest.mark.latex
def test_edition_build_reports_the_layout_and_strict_layout_fails(tmp_path: Path):
    require_latex()
    root = write_layout_project(tmp_path)
    run = edition(root, "build")
    assert run.code == 0, run.err
    assert re.search(r"sources/letters/long-word\.md:\d+:\d+: warning: layout: overfull on page \d+ \('long-word'\)", run.err), run.err
    assert "layout: notes-page" in run.err and "problem(s)" in run.err
    # The six letters, set by the rules of latex/edition-page.sty, have no problem: only the
    # number no line can hold and the note no page can hold are reported.
    problems = [line for line in run.err.splitlines() if "warning: layout:" in line]
    assert problems and all("('long-word')" in line or "('long-note')" in line for line in problems), problems
    strict = edition(root, "build", "--strict-layout")  # nothing changed: no LaTeX run, the same audit
    assert strict.code == 4, strict.err
    assert "errors with --strict-layout" in strict.err


def test_a_short_title_is_a_clause_cut_at_a_word_never_inside_quotes_and_never_with_an_ellipsis():
    from edition.passes.heads import short_title

    assert short_title("Stalin to Molotov") == "Stalin to Molotov"
    long = "Singh: Stalin and the Question of ‘Market Socialism’ in the Soviet Union after the Second World War"
    assert short_title(long) == "Singh: Stalin and the Question"  # not "... of ‘Market", nor ending on "of"
    assert short_title("M. I. Ulyanova to the Joint Plenum of the CC and CCC") == "M. I. Ulyanova to the Joint Plenum"
    assert short_title("International Stalin Society formed (Press Release)") == "International Stalin Society formed"
    assert all("…" not in short_title(t) and len(short_title(t)) <= 36 for t in (long, "A " * 40))


@pytest.mark.latex
def test_the_shipped_reader_passes_the_layout_audit(reader_build: Path):
    """CI's check of the shipped reader (A4, as edition.yaml prints it) with --strict-layout: the
    session's build of it, audited again (nothing changed, so no LaTeX runs), has no problem."""
    run = edition(reader_build, "build", "--strict-layout")
    assert run.code == 0, [line for line in run.err.splitlines() if "layout" in line]
    assert "layout: no problems found" in run.err + run.out
    assert "nothing changed since the last good build" in run.err  # the audit of the session's build, not a new one
