"""Typography, a pass before every output: quotes, ellipsis, white space, decided once."""

from __future__ import annotations

from pathlib import Path

from edition.model.corpus import Block, Span, Text
from edition.model.diagnostics import Pos
from edition.passes.typography import typeset, typeset_blocks, typeset_corpus
from edition.sources.load import load

REPO = Path(__file__).resolve().parent.parent
POS = Pos("x.md", 1, 1)


def test_quotes_become_typographic():
    assert typeset('"firm policy" and Kamenev\'s') == "\u201cfirm policy\u201d and Kamenev\u2019s"


def test_three_full_stops_become_an_ellipsis_and_two_stay():
    assert typeset("up.... etc.. and...") == "up\u2026. etc.. and\u2026"


def test_white_space_folds_but_no_break_spaces_stay():
    assert typeset("a\n   b\tc\x07d\u00a0e\u202ff") == "a b cd\u00a0e\u202ff"


def test_a_quote_after_a_mention_closes_because_the_mention_ends_in_a_letter():
    block = Block("p", [Span("p", ["lenin"], [Text("Lenin", POS)], POS), Text("'s \"work\"", POS)], POS)
    [out] = typeset_blocks([block])
    assert isinstance(out.content[1], Text)
    assert out.content[1].text == "\u2019s \u201cwork\u201d"


def test_each_line_of_a_lines_block_keeps_its_break():
    block = Block("lines", [Text('"One"\n"Two"', POS)], POS)
    [out] = typeset_blocks([block])
    assert isinstance(out.content[0], Text)
    assert out.content[0].text == "\u201cOne\u201d\n\u201cTwo\u201d"


def test_the_pass_returns_a_new_corpus_and_leaves_the_loaded_one_as_written():
    corpus, _ = load(REPO)
    typeset_one = typeset_corpus(corpus)
    raw = [d for d in corpus.documents if "'" in d.title or any("'" in p.name for p in corpus.persons.values())]
    assert raw, "the shipped corpus has straight apostrophes to typeset"
    assert any("'" in p.name for p in corpus.persons.values())
    assert not any("'" in p.name for p in typeset_one.persons.values())
    assert [d.id for d in typeset_one.documents] == [d.id for d in corpus.documents]
