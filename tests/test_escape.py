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


def test_quotes_become_typographic():
    assert escape_text('"firm policy" and Kamenev\'s') == "\u201cfirm policy\u201d and Kamenev\u2019s"


def test_three_full_stops_become_an_ellipsis_and_two_stay():
    assert escape_text("up.... etc.. and...") == "up\u2026. etc.. and\u2026"


def test_labels_are_safe():
    assert escape_label("1912-12 stalin/ü") == "1912-12+20+stalin/+fc+"


def test_the_escaping_table_agrees_with_pylatex_on_every_character():
    """escape_text translates with a table made from pylatex's escape_latex; any character
    pylatex escapes outside the table's range would show here."""
    from pylatex.utils import escape_latex

    from edition.latex.escape import _TABLE

    for code in [*range(0xD800), *range(0xE000, 0x110000, 7)]:
        c = chr(code)
        assert c.translate(_TABLE) == escape_latex(c), hex(code)
