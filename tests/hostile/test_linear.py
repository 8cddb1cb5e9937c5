"""Every parser of user text answers in time proportional to its input: markup, dates,
archival citations, .bib files, and the checks that report places in a long text.

No wall clock is read against a limit (a loaded two-core machine may be slow by any
factor). Each adversarial input is parsed at two sizes, ten times apart, and the ratio of
the process's CPU times must stay under 30: a linear parser gives about 10, one that
backtracks or rescans gives 50 or more. The larger input is 200 KB (50 KB for pybtex,
which reads some 100 KB a second, and the accent decoder slower still): enough for a
quadratic term to outweigh the linear work, small enough that the 51 measures take
seconds; the alarm of 60 s only catches a hang.

Positive controls prove the measure at these very sizes: the markup parser given a
position function that counts lines from the start at each call (the usual way a parser
turns quadratic), a .bib reader that counts the lines before each entry one character at a time, and a
function that rescans its input for each line, are each caught by the same bound."""

from __future__ import annotations

import gc
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from edition.model.corpus import Block, Text
from edition.model.dates import DateError, PartialDate, parse_date_string
from edition.model.diagnostics import Pos
from edition.registers.archives import ArchivesRegister, parse_citation
from edition.sources.markup import parse_blocks, parse_inline, text_positions

sys.path.insert(0, str(Path(__file__).resolve().parent))

BOUND = 30  # linear: ~10; n log n: ~13; quadratic: ~100
HANG = 60  # seconds: only to catch a hang


@contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    def ring(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"no answer in {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _cpu(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            with _alarm(HANG):
                run()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


LARGE = 200_000  # characters of the larger input
LARGE_BIB = 50_000


def growth(parse: Callable[[str], object], make: Callable[[int], str], large: int = LARGE) -> float:
    """CPU time on ``make(large)`` over CPU time on ``make(large // 10)``: the best of three runs of
    the small input (a slow run would lower the ratio), one of the large, measured again when the
    ratio is over the bound (a slow run would raise it)."""
    small_text, large_text = make(large // 10), make(large)
    parse(small_text[:1000])  # warm: imports, caches
    small = max(_cpu(lambda: parse(small_text), 3), 1e-4)
    big = _cpu(lambda: parse(large_text), 1)
    if big / small >= BOUND:
        big = min(big, _cpu(lambda: parse(large_text), 1))
    return big / small


def _markup(text: str) -> object:
    return parse_blocks(text, text_positions(text, Pos("x.md", 1, 1)))


def _inline(text: str) -> object:
    return parse_inline(text, text_positions(text, Pos("x.md", 1, 1)))


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _wrapped(head: str, unit: str, tail: str) -> Callable[[int], str]:
    return lambda n: head + _repeat(unit)(n) + tail


MARKUP = {
    "open-spans": _repeat("{p:"),
    "braces": _repeat("{"),
    "closing": _repeat("}|"),
    "backslashes": _repeat("\\"),
    "nested": _repeat("{em|"),
    "args": _wrapped("{p", ":", "}"),
    "words": _repeat("{word} "),
    "escapes": _repeat("\\{"),
    "quotes": _repeat("> x\n"),
    "quote-staircase": lambda n: "".join(">" * i + " x\n" for i in range(1, 10**6) if (i * (i + 5)) // 2 < n),
    "blank-lines": _repeat("a\n\n"),
    "roles": _repeat("@salute x\n\n"),
    "one-word": _repeat("x"),
    "tags-unknown": _repeat("{bold|x} "),
    "pipes": _repeat("|"),
    "at-signs": _repeat("@"),
    "arch-open": _repeat("{arch|RGASPI f. "),
    "cite-colons": _wrapped("{cite:", "a:", "|p. 1}"),
}


@pytest.mark.parametrize("name", sorted(MARKUP), ids=str)
def test_markup_is_linear(name: str) -> None:
    assert growth(_markup, MARKUP[name]) < BOUND


@pytest.mark.parametrize("name", ["open-spans", "nested", "closing"], ids=str)
def test_inline_markup_is_linear(name: str) -> None:
    assert growth(_inline, MARKUP[name]) < BOUND


def _date(text: str) -> object:
    try:
        return parse_date_string(text)
    except (DateError, ValueError):
        return None


DATES = {
    "digits": _repeat("1"),
    "brackets": _repeat("["),
    "slashes": _repeat("1912/"),
    "dashes": _repeat("1912-"),
    "spaces": _wrapped("1912", " ", "-01"),
    "supplied": _wrapped("[", "[1912-12]", "]"),
}


@pytest.mark.parametrize("name", sorted(DATES), ids=str)
def test_dates_are_linear(name: str) -> None:
    assert growth(_date, DATES[name]) < BOUND


def test_partial_date_is_linear() -> None:
    def parse(text: str) -> object:
        try:
            return PartialDate.parse(text)
        except (DateError, ValueError):
            return None

    assert growth(parse, _repeat("12-")) < BOUND


def _register() -> ArchivesRegister:
    data = {"rgaspi": {"city": "Moscow", "names": [{"abbr": "RGASPI", "expansion": "Russian State Archive", "from": 1999}]}}
    register, diags = ArchivesRegister.from_data(data, lambda _key: Pos("archives.yaml", 1, 1))
    assert not diags
    return register


ARCHIVAL = {
    "commas": _wrapped("RGASPI", ", a", ""),
    "roman": _wrapped("RGASPI f. 1, op. ", "I", "x"),
    "markers": _wrapped("RGASPI ", "f. ", ""),
    "folios": _wrapped("RGASPI f. 1, op. 1, d. 1, ll. ", "1, ", "2"),
    "ranges": _wrapped("RGASPI f. 1, op. 1, d. 1, ll. ", "1-", "2"),
    "spaces": _wrapped("RGASPI f.", " ", "1"),
    "name": _repeat("R"),
    "dots": _wrapped("RGASPI f. 1", ".", ""),
    "cyrillic": _wrapped("РГАСПИ ", "ф. 1, оп. ", ""),
    "ibid": _repeat("Ibid., "),
}


@pytest.mark.parametrize("name", sorted(ARCHIVAL), ids=str)
def test_archival_citations_are_linear(name: str) -> None:
    register = _register()
    assert growth(lambda text: parse_citation(text, register), ARCHIVAL[name]) < BOUND


BIB = {
    "names": lambda n: "@misc{k, title={T}, author={" + " and ".join(["A, B"] * (n // 9)) + "}}\n",
    "backslashes": lambda n: "@misc{k, title={" + "\\" * n + "}}\n",
    "commands": lambda n: "@misc{k, title={" + "\\x{}" * (n // 4) + "}}\n",
    "accents": lambda n: "@misc{k, title={" + "\\'{e}" * (n // 5) + "}}\n",
    "entries": lambda n: "".join(f"@misc{{k{i}, title={{T}}}}\n" for i in range(n // 25)),
    "open-entries": _repeat("@book{"),
    "at-signs": _repeat("@"),
    "nested-braces": lambda n: "@misc{k, title={" + "{" * (n // 2) + "}" * (n // 2) + "}}\n",
    "quotes": lambda n: '@misc{k, title="' + '{"}' * (n // 3) + '"}\n',
    "concatenation": lambda n: "@string{s = {x}}\n@misc{k, title=" + " # ".join(["s"] * (n // 4)) + "}\n",
}


@pytest.mark.parametrize("name", sorted(BIB), ids=str)
def test_bib_is_linear(name: str, tmp_path: Path) -> None:
    from edition.registers.bib.load import load_bibliography

    def parse(text: str) -> object:
        path = tmp_path / "works.bib"
        path.write_text(text, encoding="utf-8")
        return load_bibliography([path])

    assert growth(parse, BIB[name], large=LARGE_BIB) < BOUND


def _long_text_checks(text: str) -> object:
    from edition.checks.offsets import positions
    from edition.checks.structure import _WORD

    node = Text(text, Pos("x.md", 1, 1))
    pos_at = positions(node)
    return [pos_at(m.start()) for m in _WORD.finditer(text)] + [Block("p", [node], node.pos)]


def test_places_in_a_long_text_are_found_in_linear_time() -> None:
    """Every long word of a megabyte reported with its line: the lines are counted once."""
    assert growth(_long_text_checks, _repeat("x" * 120 + "\n")) < BOUND


def test_the_measure_catches_a_quadratic_parser() -> None:
    """A positive control: a function that rescans its input for each line fails the bound."""

    def quadratic(text: str) -> int:
        return sum(text[:i].count("\n") for i in range(0, len(text), 100))

    assert growth(quadratic, _repeat("abc\n")) > BOUND


def _rescanning_positions(text: str) -> Callable[[int], Pos]:
    """Positions found by counting the lines before each offset from the start: quadratic."""
    return lambda offset: Pos("x.md", text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset))


def test_the_measure_catches_the_markup_parser_made_quadratic() -> None:
    """A positive control at the size of the markup tests: the real parser, with positions that
    rescan the text, fails the bound where the real one passes it."""
    assert growth(lambda text: parse_blocks(text, _rescanning_positions(text)), MARKUP["words"]) > BOUND


def test_the_measure_catches_a_quadratic_bib_reader(tmp_path: Path) -> None:
    """A positive control at the size of the .bib tests: the real reader, then the line of each
    entry counted character by character from the start (positions found the slow way)."""
    from edition.registers.bib.load import load_bibliography

    def parse(text: str) -> object:
        path = tmp_path / "works.bib"
        path.write_text(text, encoding="utf-8")
        starts = [i for i, c in enumerate(text) if c == "@"]
        return load_bibliography([path]), [sum(1 for c in text[:start] if c == "\n") for start in starts]

    assert growth(parse, BIB["entries"], large=LARGE_BIB) > BOUND


def test_the_alarm_catches_a_hang() -> None:
    with pytest.raises(TimeoutError), _alarm(1):
        while True:
            time.sleep(0.01)


if __name__ == "__main__":  # the ratios, for a look
    for label, table, parse in (("markup", MARKUP, _markup), ("dates", DATES, _date)):
        for key, make in table.items():
            print(label, key, round(growth(parse, make), 1))
    reg = _register()
    for key, make in ARCHIVAL.items():
        print("archival", key, round(growth(lambda t: parse_citation(t, reg), make), 1))
    with tempfile.TemporaryDirectory() as tmp:
        for key, make in BIB.items():
            from edition.registers.bib.load import load_bibliography

            def bib(text: str) -> object:
                (Path(tmp) / "w.bib").write_text(text, encoding="utf-8")
                return load_bibliography([Path(tmp) / "w.bib"])

            print("bib", key, round(growth(bib, make, large=50_000), 1))
