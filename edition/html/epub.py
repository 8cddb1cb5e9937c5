"""The EPUB 3 edition, from the same pages as the site: each page's main content, with what
only works on the web (search, scripts, downloads, buttons) left out, and the EPUB
accessibility metadata."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from posixpath import dirname, join, normpath

import lxml.html
from ebooklib import epub as eb

from edition.model.corpus import Corpus

# The pages the book holds, in reading order after the title page and contents.
FRONT = ("index.html", "note.html", "chronology.html")
BACK = ("persons.html", "places.html", "archives.html", "works.html", "index-names.html", "index-places.html")
_DROP = ("//script", "//form", "//button", "//*[@hidden]", "//*[contains(@class,'cite-actions')]",
         "//*[contains(@class,'site-search')]")


def _chapter(html: str, path: str, included: set[str]) -> tuple[str, str, str]:
    """(title, language, the body's XHTML) of a page: its <main>, links to pages outside the book unwrapped."""
    tree = lxml.html.fromstring(html)
    title = (tree.findtext(".//title") or path).split(" \u00b7 ")[0]
    main = tree.find(".//main")
    assert main is not None, path
    for xpath in _DROP:
        for node in main.xpath(xpath):
            node.drop_tree()
    for a in main.iter("a"):
        href = a.get("href", "")
        a.attrib.pop("download", None)
        if not href or href.startswith(("#", "http://", "https://")):
            continue
        file = normpath(join(dirname(path), href.split("#", 1)[0])) if href.split("#", 1)[0] else path
        if file not in included:
            a.drop_tag()
        elif ".html" in href:
            a.set("href", href.replace(".html", ".xhtml", 1))
    for marker in main.xpath("//*[@role='doc-pagebreak']"):  # the EPUB's own name for it, which its page list reads
        marker.set("epub:type", "pagebreak")
    main.tag = "div"
    main.attrib.clear()
    main.set("class", "main")
    lang = tree.get("lang", "en")
    return title, lang, f'<div lang="{lang}">' + lxml.html.tostring(main, encoding="unicode") + "</div>"


def epub(corpus: Corpus, files: Mapping[str, str | bytes], target: Path, printed: str = "") -> Path:
    """The EPUB of the site's ``files`` (the documents' pages in the order the site wrote them: reading order).
    ``printed`` names the printed reader whose page breaks the pages mark (``role="doc-pagebreak"``), ""
    when they mark none: the book then has a page list and says where its pages come from."""
    cfg = corpus.config
    book = eb.EpubBook()
    book.set_identifier(f"urn:edition:{cfg.title}:{cfg.year}")
    book.set_title(f"{cfg.title}: {cfg.subtitle}" if cfg.subtitle else cfg.title)
    book.set_language("en")
    if cfg.editor:
        book.add_author(cfg.editor)
    for prop, value in (("schema:accessMode", "textual"), ("schema:accessModeSufficient", "textual"),
                        ("schema:accessibilityFeature", "structuralNavigation"),
                        ("schema:accessibilityFeature", "tableOfContents"), ("schema:accessibilityFeature", "readingOrder"),
                        ("schema:accessibilityFeature", "displayTransformability"),
                        ("schema:accessibilityHazard", "none"),
                        ("schema:accessibilitySummary", "The text, notes, apparatus and registers of the edition as "
                         "structured text with headings, lists and links; every note and intervention is given in words.")):
        book.add_metadata(None, "meta", value, {"property": prop})
    if printed:
        for prop, value in (("schema:accessibilityFeature", "pageBreakMarkers"), ("schema:accessibilityFeature", "pageNavigation")):
            book.add_metadata(None, "meta", value, {"property": prop})
        # The source of the page breaks, as EPUB 3.2 says it (dc:source refined as the source of the
        # pagination): EPUB Accessibility 1.1's a11y:pageBreakSource is refused as an undefined
        # property by the epubcheck of Debian (4.2), which the tests run.
        book.add_metadata("DC", "source", printed, {"id": "print-source"})
        book.add_metadata(None, "meta", "pagination", {"refines": "#print-source", "property": "source-of"})
    book.add_metadata("DC", "rights", cfg.licence or "All rights reserved")
    book.add_metadata(None, "meta", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA", {"property": "dcterms:conformsTo"})
    css = eb.EpubItem(uid="css", file_name="assets/edition.css", media_type="text/css", content=files["assets/edition.css"])
    book.add_item(css)
    documents = [p for p in files if p.startswith("documents/") and p.endswith(".html")]  # in reading order
    order = [p for p in FRONT if p in files] + documents + [p for p in BACK if p in files]
    included = set(order)
    chapters = []
    for i, path in enumerate(order):
        title, lang, body = _chapter(str(files[path]), path, included)
        chapter = eb.EpubHtml(uid=f"c{i}", title=title, file_name=path.removesuffix(".html") + ".xhtml", lang=lang,
                              content=body)
        chapter.add_link(href=("../" * path.count("/")) + "assets/edition.css", rel="stylesheet", type="text/css")
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = chapters
    book.spine = ["nav", *chapters]
    book.add_item(eb.EpubNcx())
    book.add_item(eb.EpubNav())
    target.parent.mkdir(parents=True, exist_ok=True)
    eb.write_epub(str(target), book, {"epub3_pages": bool(printed), "pages_title": "Pages of the printed reader"})
    return target

