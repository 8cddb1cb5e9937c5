"""`edition import`: editorial restorations in brackets become {sup}, words the page says were crossed out {del}."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from test_importer import FIXTURES, PERSONS, REGISTER, load

from edition.cli.interchange import cli_import
from edition.interchange.importer import ImportResult, import_raw
from edition.interchange.raw_editorial import struck_words, supplied_edits
from edition.model.corpus import Block, Inline, Span, Text


def run(raw: str) -> ImportResult:
    return import_raw(raw, "page.txt", PERSONS, REGISTER)


def marked(blocks: list[Block], kind: str) -> list[str]:
    def walk(nodes: list[Inline]) -> list[str]:
        out: list[str] = []
        for n in nodes:
            if isinstance(n, Span):
                if n.kind == kind:
                    out.append("".join(c.text for c in n.children if isinstance(c, Text)))
                out += walk(n.children)
        return out

    return [w for b in blocks for w in walk(b.content)]


def restored(text: str) -> list[str]:
    return [text[e.inner_start:e.inner_end] for e in supplied_edits(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("I hope, and [that] Mr. Churchill will agree.", ["that"]),  # a word the translation needs
    ("write to Tur[ukhan] region", ["ukhan"]),  # an abbreviation expanded
    ("Додержусь [до] начала июня. [О] дне выезда [сообщу] дополнительно.", ["до", "О", "сообщу"]),  # a telegram's words
    ("отец, Над<ежда> Мих<айловна>.", ["ежда", "айловна"]),  # a Russian edition's angle brackets
    ("February 27 [1915]", ["1915"]),  # a year supplied in a dateline
    ("the Moscow [party] organization", ["party"]),
    ("Khlebotsentr [sic] and others; так [так в документе]", []),  # remarks on the text
    ("the novel[1] and the letter [2, 3]", []),  # note markers
    ("accept [etc.]; the [...] rest; <...>", []),  # omissions
    ("both Ilich [Lenin] and G.P.U. [the Stalinist secret police]; VERY SECRET [ves'ma sekretno]", []),  # glosses
    ("the addresses [Prinkipo, Buyuk-Ada, etc.] signify one place", []),
    ("turn Molodaia gvardiia [Young guard] and Kommunisticheskiy internatsional [Communist International]", []),  # translations
    ("end. [Here follows the text of the resolution.] And [Note: not legible—Trans.]", []),  # editors' remarks
    ("[signature] [неразб.] [Page 79] [л. 3 об.]", []),  # descriptions, pages and folios
    ("some <b>bold</b> text", []),  # HTML left in the copy
    ("mais il faut faire bonne mine a mauvais jeu [one has to grin and bear it]; das ist nicht so [that is not so]", []),
    ("over the book [Capital] I sit, and the Report [on the miners in Saxony]. Sent [to] the Council.", ["to"]),  # which one
])
def test_brackets_that_restore_words_and_brackets_that_do_not(text: str, expected: list[str]) -> None:
    assert restored(text) == expected


def test_a_paragraph_all_in_brackets_is_not_a_restoration() -> None:
    assert restored("[April 19, 1908]") == [] and restored("[This letter was not sent.]") == []


def test_restorations_reach_the_draft_as_sup_and_the_report_says_so(tmp_path: Path) -> None:
    raw = ("Stalin to Molotov\n\nHello, Com. Molotov,\n\nWithout such a reform, competition [among ourselves] and its "
           "consequences are inevitable, as the Moscow [party] organization shows, and Khlebotsentr [sic] knows it well enough.\n\n"
           "Regards,\n\nJ. Stalin\n")
    result = run(raw)
    (doc,) = result.documents
    loaded = load(doc, tmp_path)
    assert marked(loaded.body, "sup") == ["among ourselves", "party"]
    assert "Khlebotsentr [sic] knows" in "".join(n.text for b in loaded.body for n in b.content if isinstance(n, Text))
    assert any("2 brackets read as words the editors restored" in line for line in result.summary), result.summary


def test_a_note_that_quotes_the_next_words_crossed_out_puts_them_at_its_anchor(tmp_path: Path) -> None:
    raw = ("Letter 25\n\n[4 September 1926]\n\nMolotovich,\n\nThe formulation could be corrected approximately as follows:4\n\n"
           "1) To comply with Com. Ordzhonikidze's request to relieve him of his duties as first secretary of the Transcaucasian "
           "Regional Party Committee.\n\nWell, all the best,\n\nJ. Stalin\n\n"
           "4. Stalin crossed out the next phrase: \"The approved proposal is adopted.\"\n")
    result = run(raw)
    (doc,) = result.documents
    loaded = load(doc, tmp_path)
    assert marked(loaded.body, "del") == ["The approved proposal is adopted."]
    assert "follows: {n:textual:4|{del|The approved proposal is adopted.}}" in doc.text
    assert "crossed out the next phrase" in doc.text.split("\n---\n")[0]  # the note is kept
    assert any("1 passage marked as crossed out" in line for line in result.summary), result.summary


def test_a_note_naming_words_of_the_text_as_crossed_out_marks_them_there(tmp_path: Path) -> None:
    raw = ("Дорогой Вячеслав!\n\nНадо наказать Каменева и Зиновьева¹ за эту статью, и немедленно, без всяких разговоров в "
           "Политбюро и в ЦК, пока они не напечатали новую.\n\nИ. Сталин\n\n"
           "Примечания\n\n1 Слова «и Зиновьева» в подлиннике зачеркнуты. Ред.\n")
    (doc,) = run(raw.replace("¹", "1")).documents
    loaded = load(doc, tmp_path)
    assert marked(loaded.body, "del") == ["и Зиновьева"]
    assert "{del|и {p:zinoviev|Зиновьева}}" in doc.text or "{del|и Зиновьева}" in doc.text


def test_a_russian_note_with_dalee_inserts_the_words(tmp_path: Path) -> None:
    raw = ("Кагановичу.\n\nПредложение Наркомзема считаю правильным2 и прошу провести его через Политбюро до конца месяца, "
           "не откладывая вопроса и не передавая его в комиссию.\n\nСталин\n\n"
           "Примечания\n\n1 Шифротелеграмма.\n\n2 Далее зачеркнуто: «но несвоевременным». Ред.\n")
    (doc,) = run(raw).documents
    loaded = load(doc, tmp_path)
    assert marked(loaded.body, "del") == ["но несвоевременным"]
    assert "правильным {del|но несвоевременным}{n:editor:2}" in doc.text


def test_words_the_text_shows_crossed_out(tmp_path: Path) -> None:
    raw = ("Dear Comrade,\n\nWe shall <s>never</s> agree to this, and the [crossed out: whole] plan must be withdrawn; "
           "the ~~old~~ commission will meet on Monday, and nobody will be firm [crossed out] enough to stop it then.\n\n"
           "Надо [зачеркнуто: твердо] ясно сказать им об этом.\n\nYours,\n\nL. Trotsky\n")
    (doc,) = run(raw).documents
    loaded = load(doc, tmp_path)
    assert marked(loaded.body, "del") == ["never", "whole", "old", "firm", "твердо"]


def test_what_a_note_says_was_crossed_out() -> None:
    assert struck_words('Stalin crossed out the next phrase: "The approved proposal is adopted."').after
    assert struck_words("Далее зачеркнуто: «и Зиновьева».").words == "и Зиновьева"
    assert not struck_words("The words “and Zinoviev” are crossed out in the original.").after
    assert struck_words("Crossed out in the original.") is None  # no words quoted: nothing to mark
    assert struck_words("The words “and Zinoviev” have not been crossed out.") is None
    assert struck_words("Lenin underlined “firm”.") is None


def test_the_report_says_in_words_what_was_decided_and_where_from(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", root)
    page = tmp_path / "page.txt"
    page.write_text("Letter 3\n\n[4 September 1926]\n\nDear Comrade Molotov,\n\nThe formulation could be corrected "
                    "approximately as follows:4 the Central Committee accepts his request, and nobody [else] will be offended "
                    "by it any longer, I think.\n\nRegards,\n\nJ. Stalin\n\n"
                    "4. Stalin crossed out the next phrase: \"The approved proposal is adopted.\"\n\n5. A note without an anchor.\n",
                    encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        cli_import(page, root / "sources" / "new", False, root)
    report = err.getvalue()
    draft = report.split("1926-09-04-stalin-letter.md" if "1926-09-04-stalin-letter.md" in report else ".md", 1)[1]
    assert "a letter from Stalin (the signature)" in draft
    assert "dated 4 September 1926, supplied by the editors (read from the line '[4 September 1926]')" in draft
    assert "1 note: 4 (a textual note, after 'follows:')" in draft
    assert "1 bracket read as words the editors restored" in draft and "1 passage marked as crossed out" in draft
    assert "1 paragraph left @unplaced" in draft
    warnings = draft.split("check these lines of the copy first:", 1)[1]
    assert "page.txt:15:4: warning: note 5 has no anchor in the text" in warnings  # under its draft, with its place
