"""The inline markup parser: spans, nesting, escapes, literal braces, positions, errors."""

from edition.model.corpus import Span, Text
from edition.model.diagnostics import Pos
from edition.sources.markup import parse_blocks, parse_inline, plain_text, text_positions


def parse(text: str):
    return parse_inline(text, text_positions(text, Pos("t.md", 5, 1)))


def test_person_span_with_words_as_printed():
    nodes, diags = parse("Tell {p:zinoviev|Grisha} now")
    assert diags == []
    span = nodes[1]
    assert isinstance(span, Span) and span.kind == "p" and span.args == ["zinoviev"]
    assert plain_text(span.children) == "Grisha"
    assert span.pos == Pos("t.md", 5, 6)


def test_nested_spans_keep_structure():
    nodes, diags = parse("{n:textual:a1|{pl:krakow|Krakow}?}")
    assert diags == []
    (anchor,) = nodes
    assert anchor.kind == "n" and anchor.args == ["textual", "a1"]
    assert anchor.children[0].kind == "pl"
    assert plain_text(anchor.children) == "Krakow?"


def test_tex_like_input_stays_literal_text():
    text = r"\input{/etc/passwd} \write18{rm -rf /} {\"o} 100% $x$ #1 a_b ~ ^ & [opt]"
    nodes, diags = parse(text)
    assert diags == []
    assert nodes == [Text(text, Pos("t.md", 5, 1))]


def test_escapes_produce_markup_characters():
    nodes, diags = parse(r"\{p:x|y\} a\|b \\ \@")
    assert diags == []
    assert plain_text(nodes) == r"{p:x|y} a|b \ @"


def test_unknown_tag_is_reported_with_suggestion():
    _, diags = parse("a {pers:lenin|Lenin}")
    assert len(diags) == 1
    assert str(diags[0]).startswith("t.md:5:3: error: unknown markup tag 'pers'")
    assert "did you mean 'p'" in str(diags[0]) or "known tags" in str(diags[0])


def test_unclosed_span_is_an_error_at_its_start():
    _, diags = parse("line one\nand {em|never closed")
    assert [str(d.pos) for d in diags] == ["t.md:6:5"]
    assert "not closed" in diags[0].message


def test_missing_content_and_wrong_arguments():
    _, diags = parse("{sup} {p|x} {gap:1 word|text}")
    messages = [d.message for d in diags]
    assert any("'sup' needs content" in m for m in messages)
    assert any("'p' takes 1 argument" in m for m in messages)
    assert any("'gap' takes no content" in m for m in messages)


def test_deep_nesting_is_refused_not_crashing():
    text = "{em|" * 40 + "x" + "}" * 40
    _, diags = parse(text)
    assert any("nested more than" in d.message for d in diags)


def test_blocks_roles_and_quotes_with_exact_positions():
    text = "@salute Dear Friend,\n\nFirst para\nsecond line.\n\n> quoted {p:lenin|Ilyich}\n> more\n\n@signed Lenin"
    blocks, diags = parse_blocks(text, text_positions(text, Pos("t.md", 10, 1)))
    assert diags == []
    assert [b.kind for b in blocks] == ["salute", "p", "quote", "signed"]
    assert plain_text(blocks[0].content) == "Dear Friend,"
    quote = blocks[2]
    person = quote.blocks[0].content[1]
    assert person.kind == "p" and person.pos == Pos("t.md", 15, 10)


def test_unknown_block_role():
    text = "@salut Hello"
    _, diags = parse_blocks(text, text_positions(text, Pos("t.md", 1, 1)))
    assert "unknown block role '@salut'" in diags[0].message
    assert "salute" in diags[0].hint


def test_a_block_of_unicode_spaces_is_no_quotation_regression():
    """Found by hypothesis: a block of only U+00A0 was taken for an empty quotation, endlessly."""
    text = "\xa0"
    blocks, diags = parse_blocks(text, text_positions(text, Pos("t.md", 1, 1)))
    assert diags == [] and [b.kind for b in blocks] == ["p"]


def test_a_cite_key_with_colons_works_as_written_regression():
    """biblatex files write keys such as bolzano:pb; {cite:bolzano:pb|p. 3} was 'takes 1 argument, got 2'."""
    nodes, diags = parse(r"{cite:bolzano:pb|p. 3} {cite:a:b:c} {cite:x\:y|p. 1: 2}")
    assert diags == []
    cites = [n for n in nodes if isinstance(n, Span)]
    assert [c.args for c in cites] == [["bolzano:pb"], ["a:b:c"], ["x:y"]]
    assert plain_text(cites[2].children) == "p. 1: 2"  # the locator after '|' keeps its colon
    _, diags = parse("{cite:|p. 3}")
    assert [d.message for d in diags] == ["'cite' has an empty argument"]
