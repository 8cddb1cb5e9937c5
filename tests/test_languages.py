"""Each language set as its own: the languages collected once from the sources (passes/languages.py),
a Russian text hyphenated with Russian patterns and quoted with «», a foreign span in its language,
one dash style in the editorial matter. Read from the PDF of a small reader on A5."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, pdf_pages, require_latex

from edition.passes.typography import typeset
from edition.pipeline import prepare

# A Russian text as a typewriter writes it: straight quotes, hyphens as dashes, long words.
RUSSIAN = ("Товарищи! Центральный комитет \"Правды\" - и вместе с ним вся редакция - требует "
           "немедленного и решительного пересмотра экономической политики, "
           "противоречащей интересам революционного пролетариата и трудящегося крестьянства. ") * 6

LETTER = f"""---
id: russian
title: Stalin to Kamenev
kind: letter
authors: [stalin]
recipients: [kamenev]
date: "1912-12"
language: ru
headnote: |
  A letter in Russian - printed as written - with a word of German, {{foreign:de|Parteitag}}.
---
{RUSSIAN}
"""


def _project(root: Path) -> Path:
    copy_project(FIXTURES / "mini", root)
    (root / "sources" / "letters" / "letter.md").write_text(LETTER, encoding="utf-8")
    yaml = (root / "edition.yaml").read_text(encoding="utf-8").replace("documents: [letter]", "documents: [russian]")
    (root / "edition.yaml").write_text(yaml + "paper: a5\n", encoding="utf-8")
    return root


def test_the_languages_are_collected_from_the_sources(tmp_path: Path) -> None:
    project, _ = prepare(_project(tmp_path))
    assert project.plan.languages == ("de", "ru")
    text = project.plan.corpus.documents[0]
    assert "«Правды»\u00a0— и" in text.body[0].content[0].text  # type: ignore[union-attr]
    # The editors' prose: one dash, closed up; the text of an English document keeps the copy's.
    assert typeset("in Russian - printed as written - with", editorial=True) == "in Russian—printed as written—with"
    assert typeset("now \u2014 that", editorial=False) == "now \u2014 that"


@pytest.mark.latex
def test_a_russian_text_is_hyphenated_and_quoted_as_russian(tmp_path: Path) -> None:
    require_latex()
    root = _project(tmp_path)
    run = edition(root, "build")
    assert run.code == 0, run.err
    tex = (root / "build" / "tex" / "reader.tex").read_text(encoding="utf-8")
    assert r"\babelprovide[import,hyphenrules=russian nohyphenation]{russian}" in tex and "{ngerman}" in tex
    text = "\n".join(pdf_pages(root / "build" / "reader.pdf"))  # -layout: hyphens at line ends kept
    body = text[text.index("Товарищи"):]
    # Russian patterns break Russian words at line ends: pdftotext shows the hyphen there.
    broken = [line for line in body.split("\n") if re.search(r"[а-яё]-\s*$", line)]
    assert broken, body[:800]
    assert "«Правды»" in body and "\"" not in body[:400]
    assert re.search(r"»\s*— и", body)
    assert "Russian—printed as written—with" in " ".join(text.split())


@pytest.mark.parametrize("project", ["seed", "web"])
def test_the_html_and_the_latex_set_each_text_note_and_passage_in_the_plans_language(project: str, tmp_path: Path) -> None:
    """The language of every text, note and {foreign:...} passage is decided once (plan.language); the
    LaTeX (babel environments and \\edForeign) and the HTML (lang attributes) both follow it, document
    by document, read from what each renderer writes."""
    from collections import Counter

    import lxml.html
    from conftest import REPO

    from edition.html.site import site
    from edition.latex.languages import babel_name
    from edition.latex.render import render

    root = copy_project(REPO if project == "seed" else FIXTURES / "web", tmp_path)
    plan = prepare(root)[0].plan
    latex, _ = render(plan)
    pages, _ = site(plan)
    notes: dict[str, Counter[str]] = {}
    for (doc, _series, _key), code in plan.language.notes.items():
        notes.setdefault(doc, Counter())[code] += 1
    passages: dict[str, Counter[str]] = {}
    for (owner, _uid), code in plan.language.passages.items():
        passages.setdefault(owner, Counter())[code] += 1
    assert plan.language.texts.keys() == plan.documents.keys()
    for doc, code in plan.language.texts.items():
        tex, page = latex[f"docs/{doc}.tex"], lxml.html.fromstring(pages[f"documents/{doc}.html"])
        if doc not in plan.parallel:  # a text beside its original: test_web.py, test_versions.py
            section = page.find_class("text")[0]
            assert (section.get("lang") or "en") == code, doc
            assert ("\\begin{otherlanguage}{" in tex) == (code != "en"), doc
            if code != "en":
                assert f"\\begin{{otherlanguage}}{{{babel_name(code)}}}" in tex, doc
        marked = Counter(body.get("lang") for body in page.find_class("note-body") if body.get("lang"))
        expected = {c: n for c, n in notes.get(doc, Counter()).items() if c != "en"}
        assert marked == expected, (doc, marked, expected)
        if code != "en" or doc in plan.parallel:  # each note set in its language in LaTeX too
            for c, n in expected.items():
                assert tex.count(f"\\edInLanguage{{{babel_name(c)}}}") == n, (doc, c)
        foreign = Counter(i.get("lang") for i in page.iter("i") if i.get("lang"))
        assert foreign == passages.get(doc, Counter()), (doc, foreign)
        assert Counter({c: tex.count(f"\\edForeign{{{babel_name(c)}}}") for c in foreign}) == foreign, doc
    if project == "seed":  # the decisions this corpus makes: Russian notes to Russian originals, Latin passages
        assert sum(n["ru"] for n in notes.values()) == 2 and sum(n["la"] for n in passages.values()) == 5
    else:
        assert plan.language.texts["letter-ru"] == "ru"


def test_one_table_names_each_language_and_reads_each_word_for_it() -> None:
    """The check's hint, the source line "Translation: from Russian" and the CSL export read one table:
    every name it prints is read back to its code, and the words the stages used to list each kept their code."""
    from edition.model.languages import NAMES, code_for, name_of

    for code, name in NAMES.items():
        assert code_for(name) == code and code_for(name.upper()) == code, name
    assert name_of("ru") == "Russian" and name_of("sr-Latn") == "Serbian" and name_of("xx") == "xx"
    for word, code in {"русский": "ru", "ngerman": "de", "Немецкий": "de", "norsk": "no", "american": "en"}.items():
        assert code_for(word) == code, word
    assert code_for("Klingon") is None
