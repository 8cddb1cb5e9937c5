"""The HTML edition and its EPUB: pages, escaping, incremental writing; in the browser,
axe-core, the keyboard, hostile sources, search, both widths; the Nu validator and epubcheck.

Tests that start Chromium or the Java validators are marked ``browser``."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from tests.conftest import FIXTURES, REPO, copy_project, edition, edition_here, once
from tests.web.harness import browse, epubcheck, serve, validate_html

SHOTS = REPO / "build" / "test-screenshots"


def _build(root: Path, subprocess: bool = False) -> str:
    """``edition build --html``, in this process unless ``subprocess`` (as a user runs it)."""
    run = (edition if subprocess else edition_here)(root, "build", "--html")
    assert run.code == 0, run.err
    return run.err


def _web_built(folder: Path) -> None:
    copy_project(FIXTURES / "web", folder)
    _build(folder, subprocess=True)  # the one build of the site run as a command of its own


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return once(tmp_path_factory, "web-built", _web_built) / "build" / "html"


def _built_copy(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A project of its own with the web fixture's site built (copied from the shared build)."""
    root = tmp_path / "web"
    shutil.copytree(once(tmp_path_factory, "web-built", _web_built), root, symlinks=True)
    return root


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped reader's HTML edition (no PDF is built: 'Cite this' then has no printed pages)."""
    def make(folder: Path) -> None:
        _build(copy_project(REPO, folder))

    return once(tmp_path_factory, "seed-web", make) / "build" / "html"  # one build for all the test processes


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)


def _tree(site: Path, page: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / page).read_text(encoding="utf-8"))


def test_every_page_of_the_site_is_written(seed_site: Path) -> None:
    pages = _pages(seed_site)
    for name in ("index.html", "note.html", "chronology.html", "persons.html", "places.html", "archives.html",
                 "works.html", "index-names.html", "index-places.html", "search.html", "downloads.html"):
        assert name in pages
    docs = [p for p in pages if p.startswith("documents/")]
    assert len(docs) == 36
    assert (seed_site / "pagefind" / "pagefind.js").exists()
    assert (seed_site / "edition.epub").exists()
    assert (seed_site / "downloads" / "cmif.xml").exists()
    assert len(list((seed_site / "downloads" / "tei").glob("*.xml"))) >= 35


def test_a_document_page_carries_what_print_has(hostile_site: Path) -> None:
    tree = _tree(hostile_site, "documents/hostile.html")
    h1 = tree.find(".//h1")
    assert h1.text_content().startswith("1. Title <script>")
    meta = tree.find_class("doc-meta")[0].text_content()
    assert "[16 (29) September 1912]" in meta  # supplied, Old Style with New Style beside it
    assert "Here <i>place</i> \u2192 Tiflis" in meta
    series = [s.get("aria-labelledby") for s in tree.find_class("note-series")]
    assert series == ["series-author", "series-translator", "series-editor", "series-textual"]
    marks = {li.get("id"): li.get("data-mark") for li in tree.find_class("note")}
    assert marks["author-1"] == "1" and marks["translator-1"] == "*" and marks["editor-2"] == "2"
    # every mark in the text links to its note, and the note back to it
    for ref in tree.find_class("noteref"):
        target = ref.get("href")[1:]
        assert tree.get_element_by_id(target) is not None
        assert tree.get_element_by_id(target).find(".//a").get("href") == f"#{ref.get('id')}"
    # the interventions say in words what their sigla mean
    hidden = " ".join(e.text_content() for e in tree.find_class("sr-only"))
    for words in ("supplied by the editors", "deleted in the original", "added above in the original",
                  "gap in the text", "uncertain reading"):
        assert words in hidden
    apparatus = tree.get_element_by_id("series-textual").getparent().text_content()
    assert "formedicl copy" in apparatus and "Zinov\u2019ev original" in apparatus
    assert "lemma <b>bold</b>]" in apparatus
    source = tree.find_class("source-note")[0].text_content()
    assert "Mallory" in source and "from Russian, by T. <em>Ranslator</em>" in source
    cite = tree.get_element_by_id("cite-text").text_content()
    assert cite.startswith("Title <script>")
    assert "Web <script>alert(\u201ctitle\u201d)</script> Reader" in cite  # the plan sets the quotes, as print does
    assert [a.get("href") for a in tree.find_class("download")] == ["hostile.bib", "hostile.json"]
    assert json.loads((hostile_site / "documents" / "hostile.json").read_text())[0]["title"].startswith("Title <script>")
    nxt = tree.find(".//a[@rel='next']")
    assert nxt is not None and nxt.get("href") == "../documents/letter-ru.html"


def test_cross_references_lead_to_their_targets(hostile_site: Path) -> None:
    tree = _tree(hostile_site, "documents/letter-ru.html")
    target = _tree(hostile_site, "documents/hostile.html")
    refs = [a.get("href") for a in tree.find_class("xref")]
    assert refs == ["hostile.html#editor-2", "hostile.html#ref-textual-lemma", "hostile.html#line-firm"]
    for href in refs:
        assert target.get_element_by_id(href.split("#")[1]) is not None
    assert "note 2" in tree.find_class("xref")[0].text_content()


def test_russian_text_is_marked_russian(hostile_site: Path) -> None:
    tree = _tree(hostile_site, "documents/letter-ru.html")
    assert tree.get("lang") == "ru"
    assert tree.find(".//header").get("lang") == "en"
    assert _tree(hostile_site, "documents/hostile.html").get("lang") == "en"


def test_index_links_to_the_place_of_each_mention(hostile_site: Path) -> None:
    tree = _tree(hostile_site, "index-names.html")
    links = [a.get("href") for a in tree.get_element_by_id("i-p-knuth").find_class("mention")]
    assert links and all(re.fullmatch(r"documents/(hostile|letter-ru)\.html#m\d+", h) for h in links)
    page = _tree(hostile_site, "documents/hostile.html")
    for href in links:
        if href.startswith("documents/hostile.html"):
            assert "person" in page.get_element_by_id(href.split("#")[1]).get("class")
    places = _tree(hostile_site, "index-places.html")
    there = [a.get("href") for a in places.get_element_by_id("i-pl-there").find_class("mention")]
    assert there == ["documents/letter-ru.html#m1"]


def test_hostile_sources_reach_the_pages_as_text(hostile_site: Path) -> None:
    for page in _pages(hostile_site):
        tree = _tree(hostile_site, page)
        scripts = [s.get("src") for s in tree.iter("script")]
        assert all(s and s.endswith(("assets/edition.js", "assets/search.js")) for s in scripts), (page, scripts)
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            assert el.tag not in ("img", "iframe", "svg", "b") or el.getparent().tag == "p" and False, (page, el.tag)
            for name, value in el.attrib.items():
                assert not name.startswith("on"), (page, name)
                assert not value.strip().lower().startswith("javascript:"), (page, name, value)
        csp = tree.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    text = (hostile_site / "documents" / "hostile.html").read_text(encoding="utf-8")
    assert "\u202e" not in text and "\\u202eevil\\u202c" in text  # a bidi override is shown, not obeyed
    works = _tree(hostile_site, "works.html").text_content()
    assert "javascript:alert(15)" in works  # printed, not linked


def test_second_build_writes_only_what_changed(tmp_path: Path) -> None:
    root = copy_project(FIXTURES / "web", tmp_path)
    _build(root)
    site = root / "build" / "html"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    assert "0 changed" in _build(root)
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before
    source = root / "sources" / "docs" / "letter-ru.md"
    source.write_text(source.read_text(encoding="utf-8").replace("чаще", "реже"), encoding="utf-8")
    _build(root)
    changed = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                     if "pagefind" not in p.parts and p.stat().st_mtime_ns != before.get(p))
    assert changed == ["documents/letter-ru.html"]


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("where", ["pages", "epub", "search-index"])
def test_a_fault_mid_build_leaves_the_last_site_whole(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    """The site is made in a stage and takes the place of build/html only when complete: a full disk
    halfway through the pages, a failing EPUB or search index leave the last site byte for byte, and
    no stage behind; the next build installs the new site."""
    from edition import cli
    from edition.build.web import SearchIndexError
    from edition.cli import web

    root = _built_copy(tmp_path_factory, tmp_path)
    site = root / "build" / "html"
    before = _snapshot(site)
    source = root / "sources" / "docs" / "letter-ru.md"
    source.write_text(source.read_text(encoding="utf-8").replace("чаще", "реже"), encoding="utf-8")
    real = web.write_changed

    def half_then_full_disk(out: Path, files: dict[str, str | bytes], keep: tuple[str, ...]) -> list[str]:
        names = sorted(files, key=lambda n: n != "documents/letter-ru.html")  # the changed page among those written
        real(out, {n: files[n] for n in names[:len(names) // 2]}, keep)
        raise OSError(28, "No space left on device", str(out / names[len(names) // 2]))

    def fail(*_args: object, **_kwargs: object) -> None:
        raise SearchIndexError("the indexer was killed") if where == "search-index" else OSError(28, "No space left on device")

    monkeypatch.setattr(web, {"pages": "write_changed", "epub": "epub", "search-index": "finish_search_index"}[where],
                        half_then_full_disk if where == "pages" else fail)
    assert cli.main(["--root", str(root), "build", "--html"]) == 2
    assert _snapshot(site) == before
    assert not [p.name for p in (root / "build").iterdir() if p.name.startswith(".staging")]
    monkeypatch.undo()
    _build(root)
    assert "реже" in (site / "documents" / "letter-ru.html").read_text(encoding="utf-8")
    assert not [p.name for p in (root / "build").iterdir() if p.name.startswith(".staging")]


def test_one_escaping_point() -> None:
    """Templates escape through Jinja's autoescape; Python makes HTML only in edition/html/markup.py."""
    from edition.html.site import environment

    assert environment().autoescape is True
    for path in (REPO / "edition" / "html").glob("*.py"):
        if path.name == "markup.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert "Markup(\"<" not in source and "Markup('<" not in source, path
        assert "html.escape" not in source, path
    assert all(p.name.endswith(".html.jinja") for p in (REPO / "edition" / "html" / "templates").iterdir())


# ---------------------------------------------------------------- in the browser

@pytest.mark.browser
def test_axe_finds_nothing_on_any_page_and_notes_work_from_the_keyboard(seed_site: Path) -> None:
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    pages = _pages(seed_site)
    doc = "documents/1926-09-08-stalin-molotov.html"
    with serve(seed_site) as base:
        report = browse({"base": base, "pages": pages, "keyboard": [doc],
                         "screenshots": {"dir": str(SHOTS), "pages": ["index.html", doc, "index-names.html"],
                                         "widths": [375, 1280]}})
    problems = {p: r["violations"] for p, r in report["pages"].items() if r["violations"]}
    assert not problems, json.dumps(problems, indent=1)[:4000]
    noisy = {p: r["console"] + r["errors"] + r["dialogs"] + r["foreign"] for p, r in report["pages"].items()
             if r["console"] or r["errors"] or r["dialogs"] or r["foreign"]}
    assert not noisy, noisy
    keys = report["keyboard"][doc]
    assert keys["focusShows"] and keys["afterEnter"]["open"] and keys["afterEnter"]["role"] == "dialog"
    assert keys["afterEnter"]["focused"] == "note-popup" and keys["afterEnter"]["expanded"] == "true"
    assert keys["afterEnter"]["text"]
    assert not keys["afterEscape"]["open"] and "noteref" in keys["afterEscape"]["focusedClass"]
    assert len(report["screenshots"]) == 6 and all(Path(s).stat().st_size > 5000 for s in report["screenshots"])
    for key, width in report["widths"].items():
        assert width <= int(key.rsplit("@", 1)[1]), f"{key} scrolls sideways ({width} px)"


@pytest.mark.browser
def test_hostile_fixture_prints_literally_in_the_browser(hostile_site: Path) -> None:
    pages = _pages(hostile_site)
    with serve(hostile_site) as base:
        report = browse({"base": base, "pages": pages, "text": ["documents/hostile.html", "works.html"],
                         "search": ["письмо", "<script>alert(1)</script>"]})
    for page, r in report["pages"].items():
        assert not (r["dialogs"] or r["foreign"] or r["console"] or r["errors"]), (page, r)
        assert not r["violations"], (page, r["violations"])
    shown = report["pages"]["documents/hostile.html"]["text"]
    assert "<script>alert(10)</script>" in shown and "\"><img src=x onerror=alert(11)>" in shown.replace("\u201c", "\"")
    assert "A Book <script>alert(14)</script>" in report["pages"]["works.html"]["text"]
    russian = report["search"]["письмо"]  # the text has "письма" and "письмами"
    assert any("letter-ru" in url for url in russian["results"]), russian
    assert not any(report["search"][q]["dialogs"] or report["search"][q]["errors"] for q in report["search"])


@pytest.mark.browser
def test_pages_work_opened_from_files(hostile_site: Path) -> None:
    report = browse({"base": hostile_site.as_uri(), "pages": ["index.html", "documents/hostile.html", "search.html"],
                     "keyboard": ["documents/hostile.html"], "axe": False})
    for page, r in report["pages"].items():
        assert not (r["console"] or r["errors"] or r["dialogs"]), (page, r)
    assert report["keyboard"]["documents/hostile.html"]["afterEnter"]["open"]


@pytest.mark.browser
def test_every_page_is_valid_html(seed_site: Path, hostile_site: Path) -> None:
    files = [seed_site / p for p in _pages(seed_site)] + [hostile_site / p for p in _pages(hostile_site)]
    errors = validate_html(files)
    assert not errors, json.dumps(errors[:20], indent=1, ensure_ascii=False)


@pytest.mark.browser
def test_epub_passes_epubcheck(seed_site: Path, hostile_site: Path) -> None:
    for book in (seed_site / "edition.epub", hostile_site / "edition.epub"):
        code, out = epubcheck(book)
        assert code == 0 and ("No errors or warnings" in out or "0 fatals / 0 errors" in out), out[-3000:]


# ---------------------------------------------------------------- a text beside its original

def _class(el: lxml.html.HtmlElement, name: str) -> list[lxml.html.HtmlElement]:
    found: list[lxml.html.HtmlElement] = el.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")
    return found


def test_a_text_beside_its_original_is_aligned_by_unit_with_its_language(seed_site: Path) -> None:
    tree = _tree(seed_site, "documents/1903-10-22-lenin-jewish-nation.html")
    units = _class(tree, "unit")
    assert len(units) == 3  # the plan's units: before 'p2', 'p2', 'p3' (with the signature the original lacks)
    assert all(_class(u, "v-original")[0].get("lang") == "ru" for u in units)
    assert "Совершенно несостоятельная" in _class(units[1], "v-original")[0].text_content()
    assert "Absolutely untenable" in _class(units[1], "v-translation")[0].text_content()
    assert "Карл Каутский" in _class(units[0], "v-original")[0].text_content()
    assert [h.text_content() for h in tree.iter("h2")][:3] == ["Headnote", "Notes", "Notes to the Russian text"]
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids))  # the original's notes and mentions have ids of their own


@pytest.mark.browser
def test_versions_in_columns_on_a_wide_screen_one_under_the_other_on_a_phone(seed_site: Path) -> None:
    doc = "documents/1903-10-22-lenin-jewish-nation.html"
    with serve(seed_site) as base:
        report = browse({"base": base, "pages": [], "axe": False, "versions": [doc], "versionWidths": [375, 1280]})
    wide, narrow = report["versions"][f"{doc}@1280"], report["versions"][f"{doc}@375"]
    assert wide["switchShown"] and wide["lang"] == "ru"
    assert wide["original"]["x"] > wide["translation"]["x"] + wide["translation"]["width"]  # beside it
    assert abs(wide["original"]["y"] - wide["translation"]["y"]) < 2
    assert narrow["original"]["y"] >= narrow["translation"]["y"] + narrow["translation"]["height"]  # under it
    for width in (wide, narrow):
        assert width["afterOriginal"] == {"translationShown": False, "originalShown": True}
