"""The positioned YAML loader: positions, and refusal of unsafe or ambiguous YAML."""

import pytest

from edition.sources.yamlpos import YamlError, load_yaml, scalar_text_pos


def test_values_keep_positions_and_strings():
    node = load_yaml("id: x\ndate: 1912-12\nyear: 1926\n", "f.yaml")
    assert node.get("date").value == "1912-12"
    assert node.get("year").value == "1926" and node.get("year").tag == "int"
    assert str(node.get("date").pos) == "f.yaml:2:7"


def test_block_scalar_offsets_map_to_file_positions():
    node = load_yaml("notes:\n  a: |\n    first line\n    second {x\n", "f.yaml", line_offset=1)
    text = node.get("notes").get("a")
    offset = text.value.index("{x")
    assert str(scalar_text_pos(text, offset)) == "f.yaml:5:12"


@pytest.mark.parametrize(
    "text, where, words",
    [
        ("a: 1\na: 2\n", "f.yaml:2:1", "duplicate key 'a'"),
        ("a: !!python/object/apply:os.system ['ls']\n", "f.yaml:1:4", "not allowed"),
        ("a: &x [1, 2]\nb: *x\n", "f.yaml:1:4", "anchors and aliases"),
        ("a:\n\t- b\n", "f.yaml:2:1", "YAML"),
        ("a: [1, 2\n", "f.yaml:1:4", "the '[' opened on line 1, column 4 is never closed"),
    ],
)
def test_bad_yaml_gives_a_positioned_error(text, where, words):
    with pytest.raises(YamlError) as info:
        load_yaml(text, "f.yaml")
    assert str(info.value.diagnostic.pos) == where
    assert words in info.value.diagnostic.message


def test_billion_laughs_is_refused_quickly():
    lol = "a: &a [lol, lol]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    with pytest.raises(YamlError):
        load_yaml(lol, "f.yaml")


@pytest.mark.parametrize("comment", ["", "# Q&A: an '&' takes PyYAML's own composer instead of libyaml's\n"])
@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('id: x\ntitle: "Herzen to Ogarev\nkind: letter\nby: "the editor"\n', "f.yaml:2:8", "quotation mark opened on line 2, column 8 is never closed"),
        ("id: x\ntitle: 'Herzen's letter'\n", "f.yaml:2:15", "this apostrophe ends the value quoted with ' at column 8"),
        ("id: x\ntitle: Herzen to Ogarev: on the Bell\n", "f.yaml:2:24", "a ':' followed by a space inside a value that is not in quotes"),
        ('notes:\n  editor:\n    "1": |\n      text\n   textual:\n    b: |\n      x\n', "f.yaml:5:4",
         "this line is indented by 3 spaces, the lines above by 2 (line 2) or 4 (line 3)"),
        ("id: x\nkind letter\nauthors: [a]\n", "f.yaml:2:1", "'kind letter' has no ':' after its key"),
        ("id: x\nauthors: [herzen\nrecipients: [ogarev]\n", "f.yaml:2:10", "the '[' opened on line 2, column 10 is never closed"),
        ('notes:\n  a:\n    "1": |\nThe text.\n', "f.yaml:4:1", "this line is not indented like the text after '|' on line 3"),
        ("id: x\ndate: 1926-06-02\n  place: {from: tiflis, to: moscow}\n", "f.yaml:3:3",
         "this line is indented by 2 spaces, under a key that has its value already (line 2"),
        ("id: x\nlotov\ntitle: Stalin to Molotov\n", "f.yaml:2:1", "'lotov' has no ':' after its key"),
        ("id: x\n@salute To {p:molotov|Molotov}:\nstatus: draft\n", "f.yaml:2:1", "a line that begins with '@' is no key"),
        ("id: x\ntitle: `Iskra`\n", "f.yaml:2:8", "a value that begins with '`' must be in quotes"),
        ('# the persons\n  died: "1953"\n# a comment\nstalin:\n  name: x\n', "f.yaml:2:1",
         "the first key is indented by 2 spaces, the keys after it by 0 spaces (line 4)"),
        ("# the persons\nthe persons of the reader\n# a comment\nstalin:\n  name: x\n", "f.yaml:2:1",
         "'the persons of the reader' has no ':' after its key"),
        ('tiflis:\n  name: "Tiflis"\nmoscow:\n    name: "Moscow"\n  names: [Москва]\n', "f.yaml:5:3",
         "this line is indented by 2 spaces, the keys above it in its mapping by 4 spaces (line 4)"),
        ("notes:\ntranslation: {from: ru}\n  editor:\n    a: x\n", "f.yaml:3:3", "under a key that has its value already (line 2"),
        ("two_sided: true\n}\nbibliography: [a.bib]\n", "f.yaml:2:1", "this '}' closes nothing"),
        ("moscow:\n  name: x\n|\ntiflis:\n  name: y\n", "f.yaml:3:1", "a '|' alone on its line"),
    ],
)
def test_a_parse_error_is_said_at_the_mistake_in_words(comment: str, text: str, where: str, words: str) -> None:
    with pytest.raises(YamlError) as info:
        load_yaml(comment + text, "f.yaml", line_offset=-comment.count("\n"))
    assert str(info.value.diagnostic.pos) == where
    assert words in info.value.diagnostic.message, info.value.diagnostic.message
    assert info.value.diagnostic.hint


def test_a_value_in_quotes_over_lines_is_not_taken_for_the_mistake() -> None:
    with pytest.raises(YamlError) as info:
        load_yaml('id: x\nheadnote: "a long\n  text"\nkind letter\nz: 1\n', "f.yaml")
    assert str(info.value.diagnostic.pos) == "f.yaml:4:1" and "'kind letter' has no ':'" in info.value.diagnostic.message


@pytest.mark.parametrize("problem", ["did not find expected '-' indicator", "expected <block end>, but found '<block sequence start>'"])
def test_a_list_item_out_of_line_is_said_against_its_list(problem: str) -> None:
    """libyaml's and PyYAML's words for the same mistake: a part indented by 3 spaces where the others use 2."""
    from edition.sources.yamlwords import explain

    text = "parts:\n  - id: exile\n    title: Exile\n   - id: bell\n    title: The Bell\n"
    said = explain(text, problem, (3, 3), "while parsing a block collection", (1, 2), line_offset=10)
    assert said is not None and (said.line, said.column) == (3, 3)
    assert said.message == "this line is indented by 3 spaces, the lines above by 2 (line 12)"
    assert said.hint == "the items of a list line up: indent this '-' by 2 spaces, like the one on line 12"


@pytest.mark.parametrize("title", ["Letters", "Letters & Articles"])  # '&' in the text: PyYAML's own loader reads it
def test_a_list_item_indented_further_than_its_list_is_not_read_as_more_words(title: str) -> None:
    text = f"title: {title}\ndocuments:\n  - 1857-herzen\n   - 1862-bakunin\n"
    with pytest.raises(YamlError) as caught:
        load_yaml(text, "f.yaml")
    d = caught.value.diagnostic
    assert (d.pos.line, d.pos.column) == (4, 4)
    assert d.message.startswith("this line is indented by 3 spaces, the lines above by 2 (line 3)")
    assert load_yaml("items:\n  - a plain item\n    that goes on - and on\n", "f.yaml").get("items") is not None


@pytest.mark.parametrize(("line", "value"), [
    ('died: "1986" in Moscow: a guess', '"1986" in Moscow: a guess'),
    ("title: Herzen to Ogarev: on the Bell", "Herzen to Ogarev: on the Bell"),
    ("title: Письма: лето 1926   # required", "Письма: лето 1926"),
    ("title: Herzen's note: on \"Kolokol\"", "Herzen's note: on \"Kolokol\""),
    ("path: C:\\ Users: x", "C:\\ Users: x"),
    ("title: 'Herzen's letter'", "Herzen's letter"),
])
def test_the_value_a_hint_offers_reads_back_as_the_value_meant(line: str, value: str) -> None:
    """A hint that says how to write the value gives it so that YAML reads it back as it stands
    (quotation marks and backslashes of its own are escaped: sources/writer.yaml_string)."""
    with pytest.raises(YamlError) as info:
        load_yaml(f"id: x\n{line}\n", "f.yaml")
    hint = info.value.diagnostic.hint
    offered = hint.split(" so: " if " so: " in hint else "quotes: ", 1)[1]
    assert load_yaml(f"v: {offered}\n", "f.yaml").get("v").value == value, hint


def test_a_sentence_among_the_keys_is_said_to_be_text_not_a_key_to_mend() -> None:
    """A line of words without a colon among the keys is text in the wrong place: the hint says where
    text goes, not how to make its first word a key ('The: letter of Molotov ...')."""
    with pytest.raises(YamlError) as info:
        load_yaml("id: x\nThe letter of Molotov was not answered yet\ntitle: x\n", "f.yaml")
    assert str(info.value.diagnostic.pos) == "f.yaml:2:1"
    assert "'|'" in info.value.diagnostic.hint and "'---'" in info.value.diagnostic.hint
    assert "The:" not in info.value.diagnostic.hint
