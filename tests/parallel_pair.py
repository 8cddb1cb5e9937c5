"""A long document with its original, for the facing-pages tests, and its check from the PDF.

``make_pair(root, pairs)`` writes a project whose one document holds ``pairs`` aligned
paragraphs in each version (an original in Cyrillic words, a translation in English
words, 50–160 words a paragraph, the original 0.75–1.35 times as long), every paragraph
with an apparatus note on both sides and 45% of them with a long author's note (60–160
words): about 40 pages a version for 140 pairs. Every paragraph starts and ends with a
token (O012a ... O012z in the original, T012a ... T012z in the translation), every
apparatus lemma is aO012 / aT012, its note starts nO012 / nT012, and a long note fO012 / fT012,
so that ``check_spreads`` can read the PDF page by page (pdftotext -f N -l N) and count:

* spreads out of sync: the left page and the right page facing it do not show the same
  paragraphs (a paragraph shows on a page from the page of its first token to that of its last);
* pages with the other version's text or notes;
* apparatus notes not on the page of their lemma, and tokens lost.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from conftest import pdf_pages

RU = ("письмо товарищ партия вопрос съезд работа газета статья рабочих решение комитет политика "
      "предложение ответ время дело мнение нужно очень теперь можно всего только между против "
      "который могут своей после этого будет надо пишет думаю получил большой хорошо").split()
EN = ("letter comrade party question congress work newspaper article workers decision committee policy "
      "proposal answer time affair opinion necessary very now possible only between against which "
      "their after this will must writes think received large well").split()


def _text(rng: random.Random, words: list[str], n: int) -> str:
    out, left = [], n
    while left > 0:
        k = min(left, rng.randint(6, 18))
        left -= k
        sentence = [rng.choice(words) for _ in range(k)]
        out.append(" ".join([sentence[0].capitalize(), *sentence[1:]]) + ".")
    return " ".join(out)


def _side(rng: random.Random, words: list[str], tag: str, n: int, length: int, notes: dict[str, dict[str, str]]) -> str:
    body = _text(rng, words, length).split(" ")
    k = len(body) // 3
    key = f"{tag}{n:03d}"
    notes["textual"][f"a{key}"] = f"n{key} " + _text(rng, words, rng.randint(8, 30))
    lemma = f"{{n:textual:a{key}|a{key}}}"
    long = ""
    if rng.random() < 0.45:
        notes["author"][f"f{key}"] = f"f{key} " + _text(rng, words, rng.randint(60, 160))
        long = f"{{n:author:f{key}}}"
    return " ".join([f"{key}a", *body[:k], lemma + long, *body[k:], f"{key}z"])


def _yaml_notes(notes: dict[str, dict[str, str]]) -> str:
    out = ["notes:"]
    for series, by_key in notes.items():
        out.append(f"  {series}:")
        out += [f"    {key}: \"{text}\"" for key, text in by_key.items()]
    return "\n".join(out)


def make_pair(root: Path, pairs: int = 140, seed: int = 7, mode: str = "facing") -> Path:
    """A project at ``root`` with one document of ``pairs`` paragraph pairs."""
    rng = random.Random(seed)
    notes: dict[str, dict[str, str]] = {"author": {}, "textual": {}}
    original, translation = [], []
    for n in range(1, pairs + 1):
        en = rng.randint(50, 160)
        ru = int(en * rng.uniform(0.75, 1.35))
        original.append(_side(rng, RU, "O", n, ru, notes))
        translation.append(_side(rng, EN, "T", n, en, notes))
    (root / "sources" / "long").mkdir(parents=True)
    (root / "bibliography").mkdir()
    (root / "bibliography" / "works.bib").write_text("", encoding="utf-8")
    (root / "sources" / "persons.yaml").write_text("{}\n", encoding="utf-8")
    (root / "sources" / "places.yaml").write_text("{}\n", encoding="utf-8")
    (root / "edition.yaml").write_text(
        "title: \"Facing Pages\"\nbibliography: [bibliography/works.bib]\ntwo_sided: true\n"
        "series:\n  - {id: author, name: \"Author's notes\", numbering: arabic}\n"
        "  - {id: textual, name: \"Textual notes\", numbering: line, layout: paragraph}\n"
        f"originals: {{print: {mode}}}\n"
        "parts:\n  - {id: long, title: \"Long\", documents: [pair]}\n", encoding="utf-8")
    front = ["---", "id: pair", "title: A Long Letter", "kind: letter", "date: 1921-08-09", "language: ru",
             "translation: {from: ru}", "original: {language: ru}", _yaml_notes(notes), "---"]
    (root / "sources" / "long" / "pair.md").write_text(
        "\n".join(front) + "\n" + "\n\n".join(translation) + "\n\n@original\n\n" + "\n\n".join(original) + "\n",
        encoding="utf-8")
    return root


@dataclass
class SpreadReport:
    pages: int = 0
    spreads: int = 0
    out_of_sync: list[int] = field(default_factory=list)  # left page of each spread out of sync
    wrong_side: list[int] = field(default_factory=list)  # pages with the other version's text or notes
    notes_off_page: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


def _tokens(texts: list[str]) -> tuple[dict[str, int], dict[str, int], dict[str, set[int]], list[set[str]]]:
    """First and last page of each paragraph, the pages of each note token, the versions on each page."""
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    seen: dict[str, set[int]] = {}
    sides: list[set[str]] = []
    for page, text in enumerate(texts, start=1):
        here: set[str] = set()
        for m in re.finditer(r"\b([OT])(\d{3})([az])\b", text):
            key = m.group(1) + m.group(2)
            here.add(m.group(1))
            if m.group(3) == "a":
                first.setdefault(key, page)
            else:
                last[key] = page
        for m in re.finditer(r"\b([anf])([OT])(\d{3})\b", text):
            seen.setdefault(m.group(0), set()).add(page)
            here.add(m.group(2))
        sides.append(here)
    return first, last, seen, sides


def check_spreads(pdf: Path, pairs: int) -> SpreadReport:
    """Read each page of the PDF and count what is out of place (see the module's docstring)."""
    texts = pdf_pages(pdf, layout=False)
    report = SpreadReport(pages=len(texts))
    first, last, seen, sides = _tokens(texts)
    keys = [f"{s}{n:03d}" for s in "OT" for n in range(1, pairs + 1)]
    report.lost = [k for k in keys if k not in first or k not in last]

    def visible(side: str, page: int) -> set[int]:
        return {n for n in range(1, pairs + 1) if first.get(f"{side}{n:03d}", 0) <= page <= last.get(f"{side}{n:03d}", -1)}

    start = next((i for i, s in enumerate(sides, start=1) if "O" in s), 1)
    for left in range(start, len(texts), 2):
        right = left + 1
        report.spreads += 1
        report.wrong_side += [p for p, other in ((left, "T"), (right, "O")) if other in sides[p - 1]]
        if visible("O", left) != visible("T", right):
            report.out_of_sync.append(left)
    for key in keys:
        lemma, note = seen.get(f"a{key}", set()), seen.get(f"n{key}", set())
        if not note or len(lemma | note) > 1:
            report.notes_off_page.append(f"n{key}: lemma {sorted(lemma)}, note {sorted(note)}")
    return report
