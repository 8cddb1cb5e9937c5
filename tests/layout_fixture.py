"""The fixture project of the layout audit's tests (tests/test_layout.py), written into a folder.

Six letters of a few pages each, with notes of every series, then a letter with a number no
line can hold, then a last letter whose note is longer than any page can give it (its rest
goes on pages after the text, before the back matter): the two problems no layout can
avoid. The others are provoked in the test by what it adds to the generated LaTeX.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
WORDS = ("the committee party question letter comrades decision congress plenum report opposition line "
         "central we must answer at once and without delay for the workers of the city wait").split()
LETTERS = 6


def _sentences(rng: random.Random, n: int) -> str:
    return " ".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "." for _ in range(n))


def _letter(doc_id: str, date: str, body: str, notes: dict[str, str], headnote: str) -> str:
    note_lines = "".join(f'    "{k}": |\n      {v}\n' for k, v in notes.items())
    return (f"---\nid: {doc_id}\ntitle: Stalin to Kamenev, letter {doc_id[-1]}\nkind: letter\nauthors: [stalin]\n"
            f'recipients: [kamenev]\ndate: "{date}"\nplace: {{from: krakow}}\nheadnote: |\n  {headnote}\n'
            f"notes:\n  editor:\n{note_lines}---\n@salute Dear comrade,\n\n{body}\n\n@signed {{p:stalin|Koba}}\n")


def write_layout_project(dest: Path) -> Path:
    """The project, in ``dest``; its documents are letter-1 ... letter-6, long-word, long-note."""
    rng = random.Random(19)
    for name in ("edition.yaml", "sources", "bibliography"):
        src = MINI / name
        shutil.copytree(src, dest / name) if src.is_dir() else shutil.copy(src, dest / name)
    (dest / "sources" / "letters" / "letter.md").unlink()
    ids = []
    for i in range(1, LETTERS + 1):
        paragraphs, notes = [], {}
        for p in range(rng.randint(8, 12)):
            text = _sentences(rng, rng.randint(3, 8))
            if p % 3 == 1:
                notes[str(len(notes) + 1)] = _sentences(rng, rng.randint(1, 4))
                text += f"{{n:editor:{len(notes)}}}"
            paragraphs.append(text)
        ids.append(f"letter-{i}")
        (dest / "sources" / "letters" / f"letter-{i}.md").write_text(
            _letter(f"letter-{i}", f"1913-0{i}-01", "\n\n".join(paragraphs), notes, _sentences(rng, 3)), encoding="utf-8")
    word = "1234567890" * 9  # digits: no hyphenation point
    (dest / "sources" / "letters" / "long-word.md").write_text(_letter(
        "long-word", "1913-07-01", _sentences(rng, 4) + f" {word} " + _sentences(rng, 3), {"1": "A note."}, "A letter."),
        encoding="utf-8")
    (dest / "sources" / "letters" / "long-note.md").write_text(_letter(
        "long-note", "1913-08-01", _sentences(rng, 2) + "{n:editor:1}", {"1": _sentences(rng, 160)}, "The last letter."),
        encoding="utf-8")
    ids += ["long-word", "long-note"]
    (dest / "edition.yaml").write_text(
        'title: "Layout Reader"\nbibliography: [bibliography/works.bib]\nparts:\n  - id: one\n    title: "One"\n'
        f"    documents: [{', '.join(ids)}]\n", encoding="utf-8")
    return dest
