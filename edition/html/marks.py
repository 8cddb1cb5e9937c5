"""How a note's number shows in its series' numbering on the web, as edition.sty shows it in print."""

from __future__ import annotations


def symbol(n: int) -> str:
    """The n-th mark of a series numbered with symbols (edition.sty's \\edSymbol)."""
    return "*\u2020\u2021\u00a7\u2016\u00b6"[(n - 1) % 6] * ((n + 5) // 6)


def roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def mark(numbering: str, n: int) -> str:
    return symbol(n) if numbering == "symbols" else roman(n) if numbering == "roman" else str(n)


def letters(n: int) -> str:
    """a, b, ... z, aa: the marks of apparatus entries on a web page (print keys them to line numbers)."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out
