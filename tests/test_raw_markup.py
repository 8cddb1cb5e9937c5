"""The importer writes its drafts' markup through the one writer of source markup: what it writes parses back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from edition.interchange.raw_markup import Edit, paragraph, render
from edition.model.corpus import Block, Inline, Span, Text
from edition.model.diagnostics import Pos
from edition.sources.markup import parse_blocks, plain_text, text_positions

ORIGIN = Pos("x.md", 1, 1)

# Raw copies hold anything: markup's own characters, TeX, HTML, role and quotation marks at line starts.
_PIECES = st.sampled_from(["{", "}", "|", ":", "\\", "@", ">", "\n", " ", "[", "]", "<", ">", "a", "word", "Сталин",
                           "{p:lenin|", "{n:editor:1}", "{sup|x}", "@signed ", "> ", "\\input{x}", "{gap}", "%", "&"])


def parse(markup: str) -> tuple[list[Block], list[str]]:
    blocks, diags = parse_blocks(markup, text_positions(markup, ORIGIN))
    return blocks, [d.message for d in diags]


def spans(nodes: list[Inline]) -> list[Span]:
    out: list[Span] = []
    for n in nodes:
        if isinstance(n, Span):
            out += [n, *spans(n.children)]
    return out


def raw_line(text: str) -> str:
    """A paragraph as the page reader gives it: stripped lines, none blank."""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_PIECES, min_size=1, max_size=30).map("".join).map(raw_line).filter(bool))
def test_every_character_of_a_raw_paragraph_prints_as_the_copy_has_it(text: str) -> None:
    for role in ("p", "signed", "unplaced"):
        blocks, diags = parse(paragraph(role, render(text, [])))
        assert len(blocks) == 1 and plain_text(blocks[0].content) == text, (role, text)
        assert blocks[0].kind == ("p" if role == "unplaced" else role)
        assert not [d for d in diags if "unplaced" not in d]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(_PIECES, min_size=3, max_size=20).map("".join).map(raw_line).filter(lambda t: len(t) >= 3),
       st.data())
def test_spans_keep_their_words_and_arguments(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(1, len(text) - 2))
    b = data.draw(st.integers(a + 1, len(text)))
    person = Edit.around(a, b, "p", "lenin:x|y")  # an argument with the characters an argument must escape
    anchor = Edit(len(text), len(text), len(text), len(text), "n", ("editor", "1"))
    restored = Edit(0, 0, 0, 0, "sup", (), render("[raw] {x}", []))
    blocks, _ = parse(paragraph("p", render(text, [person, anchor, restored])))
    found = spans(blocks[0].content)
    assert [(s.kind, s.args) for s in found] == [("sup", []), ("p", ["lenin:x|y"]), ("n", ["editor", "1"])]
    assert plain_text(found[0].children) == "[raw] {x}" and plain_text(found[1].children) == text[a:b]
    assert plain_text(blocks[0].content) == "[raw] {x}" + text


def test_a_note_without_a_word_before_gets_a_readable_lemma() -> None:
    from edition.interchange.importer_notes import Anchor
    from edition.interchange.raw_markup import anchor_edit

    text = "[3] and more"
    edit = anchor_edit(text, Anchor(3, 0, 0, 3, "bracket"), "textual", "3")
    blocks, diags = parse(paragraph("p", render(text, [edit])))
    [note] = spans(blocks[0].content)
    assert plain_text(note.children) == "[note 3]" and not diags
    assert isinstance(blocks[0].content[0], Span) and isinstance(blocks[0].content[-1], Text)
