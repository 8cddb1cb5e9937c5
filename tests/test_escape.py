"""Escaping of source text into LaTeX: every special printed literally."""

from edition.latex.escape import escape_label, escape_text


def test_tex_specials_are_escaped():
    out = escape_text(r"% $ # & _ { } ~ ^ \ [ ]")
    assert out == r"\% \$ \# \& \_ \{ \} \textasciitilde{} \^{} \textbackslash{} {[} {]}"


def test_control_sequences_cannot_run():
    out = escape_text(r"\input{/etc/passwd}\write18{id}")
    assert "\\input" not in out and "\\write18" not in out
    assert out.startswith(r"\textbackslash{}input\{")


def test_whitespace_and_controls_are_normalised():
    assert escape_text("a\n   b\tc\x07d") == "a b cd"


def test_escaping_only_escapes_quotes_and_stops_stay_as_given():
    """Typography is a pass of its own (tests/test_typography.py): the escaper changes no quote or stop."""
    assert escape_text('"firm" it\'s... \u201cso\u201d') == '"firm" it\'s... \u201cso\u201d'


def test_no_break_spaces_survive_as_ties_and_thin_spaces():
    assert escape_text("p.\u00a05, 1\u202f000 \u00a0 x") == r"p.~5, 1\,000 ~ x"


def test_labels_are_safe():
    assert escape_label("1912-12 stalin/ü") == "1912-12+20+stalin/+fc+"


def test_the_escaping_table_agrees_with_pylatex_on_every_character():
    """escape_text translates with a table made from pylatex's escape_latex; any character
    pylatex escapes outside the table's range would show here."""
    from pylatex.utils import escape_latex

    from edition.latex.escape import _NO_BREAK, _TABLE

    for code in [*range(0xD800), *range(0xE000, 0x110000, 7)]:
        c = chr(code)
        if c not in _NO_BREAK:  # no-break spaces are ours: ties and thin spaces
            assert c.translate(_TABLE) == escape_latex(c), hex(code)


# --- URLs: one mechanism, hexadecimal UTF-8 into \edURL (latex/edition-url.lua) ---------------

import re  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from edition.latex.escape import escape_href, escape_url, url_shown, url_target  # noqa: E402

_HEX_CALL = re.compile(r"\\edURL\{([0-9a-f]*)\}\{([0-9a-f]*)\}")


def test_a_url_reaches_tex_as_hexadecimal_only_regression():
    """A '~' was written as '%7E' into a TeX argument, and the '%' ended the line: "File ended
    while scanning use of \\edCitation". Now no character of the URL is in the TeX source."""
    url = "https://example.org/~user/a%20b#frag^x\\y{z}_&$"
    latex = escape_url(url)
    target, shown = _HEX_CALL.fullmatch(latex).groups()
    assert bytes.fromhex(shown).decode() == url
    assert bytes.fromhex(target).decode() == "https://example.org/~user/a%20b#frag%5Ex%5Cy%7Bz%7D_&$"
    assert escape_href(url, "text") == rf"\edHref{{{target}}}{{text}}"


def test_url_target_is_a_uri_for_every_character_class():
    assert url_target("http://x.org/a b") == "http://x.org/a%20b"  # space
    assert url_target("http://x.org/%7e%zz%") == "http://x.org/%7e%25zz%25"  # escapes kept, stray % encoded
    assert url_target("http://x.org/a#b#c") == "http://x.org/a#b%23c"  # one fragment
    assert url_target("https://ru.org/путь") == "https://ru.org/%D0%BF%D1%83%D1%82%D1%8C"  # non-ASCII as UTF-8
    assert url_target("http://x.org/\x00\x1f\x7f\x85a") == "http://x.org/a"  # controls dropped
    assert url_target('http://x.org/<>"`|^\\{}') == "http://x.org/%3C%3E%22%60%7C%5E%5C%7B%7D"
    assert url_target("http://x.org/-._~:/?[]@!$&'()*+,;=") == "http://x.org/-._~:/?[]@!$&'()*+,;="
    assert url_shown(" http://x.org/a\tb\u00a0c ") == "http://x.org/a%20b%20c"


@given(st.text())
def test_any_url_gives_tex_nothing_but_hex_digits(url: str) -> None:
    latex = escape_url(url)
    match = _HEX_CALL.fullmatch(latex)
    assert match is not None
    target = bytes.fromhex(match.group(1)).decode()
    assert all(ord(c) < 128 and not c.isspace() for c in target)
    assert bytes.fromhex(match.group(2)).decode() == url_shown(url)
