"""The scorer of `edition import` on real raw copies, and the floor the importer must stay above."""

from __future__ import annotations

import datetime
import pickle
from pathlib import Path

import pytest
from conftest import once
from import_score import (
    Anchor,
    Draft,
    PageScore,
    Scorer,
    groups,
    make_project,
    name_key,
    normal_date,
    read_blocks,
    read_citation,
    score_all,
    score_page,
    select,
    strip_markup,
    title_key,
    totals,
)

# The share of answer fields the importer gets right (tests/fixtures/import/real/, `make import-score`).
# Raise these when the importer improves; they fail the suite when it gets worse.
FLOOR_ALL = 0.96  # the first 43 pages, dev and held-out (94.5% after the metadata rules made on all 82 pages, 95.3% with the field rules on all 98); 96.3% with the metadata and field rules on all 98 pages
FLOOR_HELDOUT = 0.97  # the first 10 held-out pages (96.5%); 98.0% with the field rules
FLOOR_FRESH = 0.93  # the 10 fresh held-out pages (44-53), gathered later: 46.5% before any rule, 59.2% before the third set, 63.1%, 72.3%; 78.4% with the segmentation rules made on all pages, 86.2% with the field rules; 92.9% with the quoted-document rules; 94.3% with the field rules
FLOOR_FRESH2 = 0.91  # the second fresh set (54-68, both halves), gathered later still: 32.4% before any rule, 50.9%, 62.5%, 73.7%; 80.0% with the segmentation rules, 88.1% with the field rules; 88.8% with the quoted-document rules; 91.9% with the field rules; 91.9% with the page-break, title-page and unplaced rules
FLOOR_FRESH2_HELDOUT = 0.92  # (62.6% after the third set's rules, 84.0% after the metadata rules made on all pages, 91.6% with the field rules) its held-out half (odd pages): 32.8% before, 38.2% with rules made on the dev half only, 59.5% with the menu rule, which was made after reading the failures of held-out page 65 (so no longer a clean held-out figure); 92.4% with the quoted-document rules; 93.1% with the field rules
FLOOR_FRESH3 = 0.95  # the third fresh set (69-82, both halves), scored blind before any rule was made on it: 32.1%; 64.0%, 72.2%; 84.9% with the segmentation rules, 86.1% with the field rules; 92.1% with the quoted-document rules; 95.9% with the field rules; 95.9% with those rules
FLOOR_FRESH3_HELDOUT = 0.95  # its held-out half (odd pages): 27.8% blind, 44.9% at the end of blind work; 57.6% once all 82 pages were open to development, 81.6% with the segmentation rules, 84.2% with the field rules; 91.1% with the quoted-document rules; 96.2% with the field rules
FLOOR_FRESH4 = 0.92  # the fourth set (83-98), keyed blind and scored once: 65.7% at the start of the session that gathered it (16267b7) and, unchanged, after that session's 22 metadata rules (af6ff06); 87.9% once every page was open to development (segmentation and metadata rules), 90.6% with the field rules; 91.5% with the quoted-document rules; 92.3% with the field rules; 92.5% with those rules
FLOOR_FRESH5 = 0.93  # the fifth set (99-114), keyed blind and scored twice before any rule was made on it: 74.8% at ec15016 (the start of the session that gathered it), 78.7% at 840707c (after that session's splitting and field rules, made on 1-98 only); 92.2% once the set was open to development (run-on copies, page breaks, a book quoting letters, furniture), 93.7% with the bracket and trailer rules, 94.0% (435/463) with the running-head dating
FLOOR_FRESH6 = 0.90  # the sixth set's dev half (even pages 116-130), keyed blind from sites mostly new to the corpus: 36.8% (75/204) at 5545c98, before any rule was made on it (the whole set 44.0%); 90.5% (180/199) with the rules made on it (plain-text books, catalogue titles, printed sources, datings), 91.0% (181/199) with the addressee's rank
FLOOR_FRESH6_HELDOUT = 0.62  # the sixth set's held-out half (odd pages 115-129), developed on only after its two blind scores: 52.6% (90/171) blind at 5545c98, 57.3% (98/171) at 15af32e after the fifty-odd rules made on the fifth set and the dev half; 61.4% (105/171) once the half was opened to development (a nominative numbered heading, a span of days in a dating, a place set apart over it), 63.2% (108/171) with the addressee heading dated in the editors' year, 63.7% (109/171) with the heading repeated over the edition's notes; 62.6% (107/171) once each page is scored in its own copy of the project, no longer helped by the register entries earlier pages proposed
FLOOR_FRESH7 = 0.37  # the seventh set (131-142, 12 pages from 12 sites, 8 new), keyed blind and scored twice before any rule was made on it: 22.3% (72/323) at 5317dd0 and, unchanged, at 7f56e72; open to development since: 23.8% (77/323) after the spaced parentheses of a heading and a site's heading '...: Telegram'; 37.4% (119/318) once a complete works' running head in capitals is furniture and dated extracts are documents of their own
FLOOR_FRESH8 = 0.47  # the eighth set (143-158, 16 pages from 16 sites all new to the corpus, 8 English, 8 Russian), keyed blind by one who never read or ran the importer, scored before any rule was made on it: 43.1% (165/383) at 2ecc22f scored alone, 43.6% (167/383) at 849a0c7 in the whole run while pages shared one project (an earlier page's proposed register entries helped a later one), 43.1% again once each page has its own; 47.5% (182/383) with the first four rules made on it (ed74f30)
FLOOR_FRESH9 = 0.48  # the ninth set (159-174, 16 pages from 16 sites new to the corpus, 8 English, 8 Russian), keyed blind by one who never read or ran the importer, scored before any rule was made on it: 46.0% (171/372) at 9761297 and, unchanged, at 1738a75; words kept 99.97%; 48.9% (182/372) once the controls of a site (search box, comment form, pager) are furniture
FLOOR_WORDS = 0.995


def test_names_compare_across_transliterations():
    assert name_key("Zinov'ev") == name_key("Zinoviev") == name_key("Зиновьев")
    assert name_key("Petrovskii") == name_key("Petrovsky")
    assert name_key("Аллилуева") == name_key("Alliluyeva")
    assert name_key("Stalin") != name_key("Kaganovich")
    assert title_key("Stalin to Kaganovich and Molotov") == title_key("Stalin to Kaganovich, Molotov")
    assert title_key("Lenin to the Finnish Comrades") == title_key("LENIN TO FINNISH COMRADES")


def test_markup_is_read_back_with_the_word_before_each_anchor():
    anchors: list[Anchor] = []
    blocks = read_blocks("@salute Dear {p:gorky|A. M.},\n\nI have the novel{n:editor:1} and {n:textual:2|your letter}.", anchors)
    assert [b.role for b in blocks] == ["salute", "p"]
    assert blocks[0].text == "Dear A. M.,"
    assert blocks[1].text == "I have the novel and your letter."
    assert [(a.series, a.key, a.word) for a in anchors] == [("editor", "1", "novel"), ("textual", "2", "letter")]
    assert strip_markup(r"a \{b\} {gap} c") == "a {b}  c"


def test_dates_and_citations_are_normalised():
    assert normal_date("[1912-12]") == {"when": "1912-12"}
    assert normal_date("1926-05-24/1926-05-26") == {"from": "1926-05-24", "to": "1926-05-26"}
    assert normal_date({"when": datetime.date(1917, 11, 19), "calendar": "julian"}) == {"when": "1917-11-19", "calendar": "julian"}
    c = read_citation({"cited": "РГАСПИ Ф. 558. Oп. 11. Д. 79. Л. 38. Автограф С.Чечулина."})
    assert (c["repository_name"], c["fond"], c["opis"], c["delo"], c["folios"]) == ("РГАСПИ", "558", "11", "79", "38")
    assert c["form_text"] == "Автограф С.Чечулина"
    c = read_citation("RTSKHIDNI. F. 558. On. 1. D. 53. L. 1-3. Autographs.")
    assert (c["fond"], c["opis"], c["delo"], c["folios"]) == ("558", "1", "53", "1-3")


def test_a_right_draft_scores_every_field_and_a_wrong_one_does_not(tmp_path: Path):
    scorer = Scorer(make_project(tmp_path))
    answer = {"documents": [{"starts": "Dear A. M.,", "ends": "Lenin", "title": "Lenin to Gorky", "kind": "letter",
                             "authors": ["Lenin"], "recipients": ["Gorky"], "date": {"when": datetime.date(1921, 8, 9)},
                             "notes": [{"series": "editor", "anchor": "novel", "starts": "Voitinsky's manuscript"}],
                             "archives": [{"repository": "RGASPI", "fond": "2", "opis": "1", "delo": "20", "folios": "5"}]}],
              "furniture": ["< backward   forward >"]}
    page = "Dear A. M.,\n\nI have the novel[1].\n\nLenin\n\n[1] Voitinsky's manuscript.\n\n< backward   forward >"

    def draft(meta: dict, body: str) -> Draft:
        anchors: list[Anchor] = []
        notes = {s: {k: strip_markup(v) for k, v in d.items()} for s, d in meta.get("notes", {}).items()}
        return Draft(Path("x.md"), body, meta, read_blocks(body, anchors), anchors, notes)

    good = draft({"title": "Lenin to Gorky", "kind": "letter", "authors": ["lenin"], "recipients": ["gorky"], "date": "1921-08-09",
                  "notes": {"editor": {"1": "Voitinsky's manuscript."}},
                  "archives": [{"cited": "RTsKhIDNI f. 2, op. 1, d. 20, l. 5"}]},
                 "@salute Dear A. M.,\n\nI have the novel{n:editor:1}.\n\n@signed Lenin")
    score = PageScore("p", False)
    score_page(scorer, answer, page, [good], score)
    assert score.right == score.total, "\n".join(score.details)
    bad = draft({"title": "TO MAXIM GORKY", "kind": "article"},
                "Dear A. M.,\n\nI have the novel[1].\n\nLenin\n\n[1] Voitinsky's manuscript.\n\n< backward forward >")
    score = PageScore("p", False)
    score_page(scorer, answer, page, [bad], score)
    assert score.right == 2 and score.left_in_text == 2, "\n".join(score.details)  # documents, starts; and nothing else


def test_every_page_has_an_answer_and_enough_are_held_out():
    pages = select("all", None)
    held = select("heldout", None)
    fresh = select("fresh", None)
    fresh2 = select("fresh2", None)
    fresh3 = select("fresh3", None)
    fresh4 = select("fresh4", None)
    fresh5 = select("fresh5", None)
    fresh6 = select("fresh6", None)
    assert len(pages) >= 30 and len(held) >= 8 and len(fresh) >= 10 and len(fresh2) >= 15 and len(fresh3) >= 10
    assert len(fresh4) >= 16 and len(fresh5) >= 16 and len(fresh6) >= 16 and len(select("fresh7", None)) >= 12
    assert len(select("fresh8", None)) >= 16 and len(select("fresh9", None)) >= 16
    russian = [p for p in pages if any(0x400 <= ord(c) < 0x500 for c in p.read_text(encoding="utf-8")[:400])]
    assert len(russian) >= 8


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> list[PageScore]:
    """Every page imported and scored once for all the test processes (the scores kept as a pickle)."""
    def make(folder: Path) -> None:
        (folder / "scores.pickle").write_bytes(pickle.dumps(score_all(select("all", None))))

    scored: list[PageScore] = pickle.loads((once(tmp_path_factory, "import-scores", make) / "scores.pickle").read_bytes())
    return scored


def test_the_importer_stays_above_the_floor(scores: list[PageScore]):
    rows = dict(groups(scores))
    first = totals(rows["dev"] + rows["held-out"])
    held = totals(rows["held-out"])
    fresh = totals(rows["fresh held-out"])
    fresh2 = totals(rows["fresh-2 dev"] + rows["fresh-2 held-out"])
    fresh2_held = totals(rows["fresh-2 held-out"])
    fresh3 = totals(rows["fresh-3 dev"] + rows["fresh-3 held-out"])
    fresh3_held = totals(rows["fresh-3 held-out"])
    fresh4 = totals(rows["fresh-4 held-out"])
    fresh5 = totals(rows["fresh-5 held-out"])
    fresh6 = totals(rows["fresh-6 dev"])
    fresh6_held = totals(rows["fresh-6 held-out"])
    fresh7 = totals(rows["fresh-7 held-out"])
    fresh8 = totals(rows["fresh-8 held-out"])
    fresh9 = totals(rows["fresh-9 held-out"])
    assert first["fields"] >= FLOOR_ALL, first
    assert held["fields"] >= FLOOR_HELDOUT, held
    assert fresh["fields"] >= FLOOR_FRESH, fresh
    assert fresh2["fields"] >= FLOOR_FRESH2, fresh2
    assert fresh2_held["fields"] >= FLOOR_FRESH2_HELDOUT, fresh2_held
    assert fresh3["fields"] >= FLOOR_FRESH3, fresh3
    assert fresh3_held["fields"] >= FLOOR_FRESH3_HELDOUT, fresh3_held
    assert fresh4["fields"] >= FLOOR_FRESH4, fresh4
    assert fresh5["fields"] >= FLOOR_FRESH5, fresh5
    assert fresh6["fields"] >= FLOOR_FRESH6, fresh6
    assert fresh6_held["fields"] >= FLOOR_FRESH6_HELDOUT, fresh6_held
    assert fresh7["fields"] >= FLOOR_FRESH7, fresh7
    assert fresh8["fields"] >= FLOOR_FRESH8, fresh8
    assert fresh9["fields"] >= FLOOR_FRESH9, fresh9
    assert totals(scores)["words"] >= FLOOR_WORDS, [(s.page, s.missing_words) for s in scores if s.kept < s.words]


def test_restorations_and_deletions_are_scored_both_ways(tmp_path: Path):
    scorer = Scorer(make_project(tmp_path))

    def draft(body: str) -> Draft:
        anchors: list[Anchor] = []
        marked: list[tuple[str, str]] = []
        return Draft(Path("x.md"), body, {}, read_blocks(body, anchors, marked), anchors, {}, marked=marked)

    answer = {"documents": [{"starts": "I hope", "supplied": ["that"], "deleted": []}]}
    page = "I hope, and [that] he will agree [sic]."
    score = PageScore("p", False)
    score_page(scorer, answer, page, [draft("I hope, and {sup|that} he will agree [sic].")], score)
    assert score.right == score.total == 5, "\n".join(score.details)  # documents, starts, the span, nothing else (twice)
    score = PageScore("p", False)
    score_page(scorer, answer, page, [draft("I hope, and {sup|that} he will agree {sup|sic}.")], score)
    assert score.total - score.right == 1, "\n".join(score.details)  # "[sic]" is not a restoration
    score = PageScore("p", False)
    score_page(scorer, answer, page, [draft("I hope, and [that] he will agree [sic].")], score)
    assert score.total - score.right == 1, "\n".join(score.details)
