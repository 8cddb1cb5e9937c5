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
