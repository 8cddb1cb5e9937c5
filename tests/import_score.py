"""Score `edition import` on the real raw copies of tests/fixtures/import/real/.

Each page is imported with the `edition` command (its `main`, in this process,
so the analyser is loaded once; `--subprocess` runs the installed command per
page) into a temporary project of its own that has this project's registers. The drafts'
front matter and text are then read back (with YAML and a small reading of the
markup, independent of the package's internals) and compared with the page's
answer file field by field. See tests/fixtures/import/real/README.md.

    python tests/import_score.py               # the table, dev pages one by one, held-out pages in total
    python tests/import_score.py -v --page 08  # every field of one page
    python tests/import_score.py --show-heldout
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "fixtures" / "import" / "real"

# --- normalising -------------------------------------------------------------------

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіѣ",
                "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e iu ia i e".split(), strict=True))


def translit(text: str) -> str:
    out = []
    for ch in text.casefold():
        t = _CYR.get(ch)
        out.append(ch if t is None else t.strip("_"))
    return unicodedata.normalize("NFKD", "".join(out)).encode("ascii", "ignore").decode()


def name_key(name: str) -> str:
    """A spelling-blind key of a name: "Zinov'ev", "Zinoviev", "Зиновьев" all give "zinovev"."""
    s = re.sub(r"[^a-z]", "", translit(name))
    s = re.sub(r"[iyj]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def surname(name: str) -> str:
    """The surname of "Gorky, M.", "M. Gorky", "Maxim Gorky"."""
    name = name.strip()
    if "," in name:
        return name.split(",")[0]
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if not re.fullmatch(r"\w\.?", w)]
    return words[-1] if words else name


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in re.findall(r"[^\W_]+", text)]


def title_key(title: str) -> str:
    words = [w for w in tokens(translit(title)) if w not in {"the", "and", "a"}]
    return " ".join(name_key(w) or w for w in words)


def join_hyphens(text: str) -> str:
    return re.sub(r"(\w)-\s+(?=[a-zа-яё])", r"\1", text)


def iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


# --- reading a draft ---------------------------------------------------------------


@dataclass
class Anchor:
    series: str
    key: str
    word: str  # the word just before the anchor


@dataclass
class Block:
    role: str
    text: str


def strip_markup(text: str, anchors: list[Anchor] | None = None, marked: list[tuple[str, str]] | None = None) -> str:
    """The plain text of inline markup; note anchors are recorded with the word before them, and the
    plain content of every {sup|...} and {del|...} in ``marked``."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        m = re.match(r"\{([a-z]+)((?::[^|{}]*)?)(\||\})", text[i:])
        if ch == "{" and m:
            tag, args, sep = m.group(1), m.group(2), m.group(3)
            j = i + m.end()
            content = ""
            if sep == "|":
                depth, k = 1, j
                while k < len(text) and depth:
                    if text[k] == "\\":
                        k += 2
                        continue
                    depth += {"{": 1, "}": -1}.get(text[k], 0)
                    k += 1
                content = strip_markup(text[j:k - 1], anchors, marked)
                j = k
            if tag in ("sup", "del") and marked is not None:
                marked.append((tag, " ".join(content.split())))
            if tag == "n" and anchors is not None:
                parts = args.lstrip(":").split(":")
                before = "".join(out) + content
                words = re.findall(r"[^\W_]+", before)
                anchors.append(Anchor(parts[0], parts[-1] if len(parts) > 1 else "", words[-1] if words else ""))
            out.append(content)
            i = j
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def read_blocks(body: str, anchors: list[Anchor], marked: list[tuple[str, str]] | None = None) -> list[Block]:
    blocks = []
    for para in re.split(r"\n\s*\n", body.strip()):
        m = re.match(r"@([a-z]+)\b ?", para)
        role = m.group(1) if m else "p"
        para = para[m.end():] if m else para
        para = re.sub(r"(?m)^> ?", "", para)
        blocks.append(Block(role, strip_markup(para, anchors, marked if role != "unplaced" else None)))
    return blocks


@dataclass
class Draft:
    path: Path
    raw: str
    meta: dict[str, Any]
    blocks: list[Block]
    anchors: list[Anchor]
    notes: dict[str, dict[str, str]]  # series -> key -> plain text
    position: int = 10**9  # where its text starts in the page
    marked: list[tuple[str, str]] = field(default_factory=list)  # ("sup" | "del", plain content) in the text

    @property
    def text(self) -> str:
        """The document's text: what the importer marked @unplaced is not part of it."""
        return "\n".join(b.text for b in self.blocks if b.role != "unplaced")


def read_draft(path: Path) -> Draft:
    raw = path.read_text(encoding="utf-8")
    meta: dict[str, Any] = {}
    body = raw
    if m := re.match(r"---\n(.*?)\n---\n", raw, re.S):
        try:
            loaded = yaml.safe_load(m.group(1))
            meta = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            meta = {}
        body = raw[m.end():]
    anchors: list[Anchor] = []
    marked: list[tuple[str, str]] = []
    blocks = read_blocks(body, anchors, marked)
    notes = {str(s): {str(k): strip_markup(str(v)) for k, v in (d or {}).items()}
             for s, d in (meta.get("notes") or {}).items() if isinstance(d, dict)}
    return Draft(path, raw, meta, blocks, anchors, notes, marked=marked)


# --- the registers of the temporary project -----------------------------------------


@functools.lru_cache(maxsize=4096)
def _yaml(text: str) -> Any:
    """A register file's data, parsed once per text: the registers are read again after each
    page's import, and only the files that import added to have changed. Read, never changed."""
    return yaml.safe_load(text)


def load_register(root: Path, name: str) -> dict[str, set[str]]:
    """id -> every name key the register gives it (name, aliases or names, modern, the id)."""
    out: dict[str, set[str]] = {}
    files = [root / "sources" / f"{name}.yaml", *sorted((root / "sources" / name).glob("*.yaml"))]
    for f in files:
        if not f.exists():
            continue
        data = _yaml(f.read_text(encoding="utf-8")) or {}
        for pid, entry in data.items():
            keys = out.setdefault(str(pid), {name_key(str(pid))})
            if not isinstance(entry, dict):
                continue
            for n in [entry.get("name"), entry.get("modern"), *(entry.get("aliases") or []), *(entry.get("names") or [])]:
                if n:
                    keys.add(name_key(surname(str(n))))
                    keys.add(name_key(str(n)))
    return out


def load_archives(root: Path) -> dict[str, str]:
    """Spelling key of every archive name -> repository id."""
    out: dict[str, str] = {}
    path = root / "sources" / "archives.yaml"
    data = _yaml(path.read_text(encoding="utf-8")) if path.exists() else {}
    for rid, entry in (data or {}).items():
        for n in entry.get("names", []):
            for s in [n.get("abbr"), n.get("expansion"), *(n.get("aliases") or [])]:
                if s:
                    out[archive_key(str(s))] = str(rid)
    return out


def archive_key(text: str) -> str:
    return re.sub(r"[\s.]", "", translit(text))


# --- comparing ----------------------------------------------------------------------


@dataclass
class PageScore:
    page: str
    heldout: bool
    later: int = 0  # 0: the first sets; 1: the fresh set; N: the N-th set gathered after (``freshN: true``; README.md)
    right: int = 0
    total: int = 0
    words: int = 0
    kept: int = 0
    left_in_text: int = 0
    docs_expected: int = 0
    docs_found: int = 0
    seconds: float = 0.0
    details: list[str] = field(default_factory=list)
    missing_words: list[str] = field(default_factory=list)

    def field(self, name: str, ok: bool, got: Any = "", want: Any = "") -> None:
        self.total += 1
        self.right += ok
        self.details.append(f"  {'ok ' if ok else 'BAD'} {name}" + ("" if ok else f": got {got!r}, want {want!r}"))


class Scorer:
    def __init__(self, root: Path) -> None:
        self.persons = load_register(root, "persons")
        self.places = load_register(root, "places")
        self.archives = load_archives(root)

    def names_match(self, register: dict[str, set[str]], ids: Any, want: list[str]) -> bool:
        got = [str(i) for i in (ids if isinstance(ids, list) else [ids] if ids else [])]
        if len(got) != len(want):
            return False
        wanted = [name_key(surname(w)) for w in want]
        remaining = list(got)
        for w in wanted:
            hit = next((g for g in remaining if w in register.get(g, {name_key(g)}) or w == name_key(g)), None)
            if hit is None:
                return False
            remaining.remove(hit)
        return True

    def date_match(self, got: Any, want: Any) -> bool:
        if want is None:
            return not got
        norm = normal_date(got)
        keys = ("when", "from", "to", "not_before", "not_after")
        if {k: iso(v) for k, v in want.items() if k in keys} != {k: v for k, v in norm.items() if k in keys}:
            return False
        return "calendar" not in want or norm.get("calendar") == want["calendar"]


def normal_date(value: Any) -> dict[str, str]:
    if not value:
        return {}
    if isinstance(value, dict):
        return {str(k): iso(v) for k, v in value.items() if k != "supplied" and k != "cert"}
    text = iso(value).strip().strip("[]")
    if "/" in text:
        a, b = text.split("/", 1)
        return {"from": a, "to": b}
    return {"when": text}


def norm_form(text: str) -> str:
    t = translit(text)
    table = (("mashinopisnaia kopi", "typescript copy"), ("typescript copy", "typescript copy"), ("copy", "copy"),
             ("kopi", "copy"), ("avtograf", "autograph"), ("autograph", "autograph"), ("podlinnik", "original"),
             ("original", "original"), ("mashinopis", "typescript"), ("typescript", "typescript"),
             ("shifr", "coded telegram"), ("coded", "coded telegram"), ("telegram", "telegram"))
    return next((v for k, v in table if k in t), t.strip(" ."))


_LEVEL = re.compile(r"(?<![^\W\d_])(?P<m>[ФFf]|[ОOo][пnp]|[ДDd]|[ЛLl][лl]?)\s*\.?\s*(?P<v>[\dIVXА-Яа-я-]*\d[\w\s,–-]*?(?:\s*об\.|\s*ob\.)?)(?=[.,;]|\s+[^\d\s]|$)")


def read_citation(entry: Any) -> dict[str, str]:
    """Fields of a draft's archival entry: the explicit ones, the rest read from 'cited'."""
    if not isinstance(entry, dict):
        entry = {"cited": str(entry)}
    cited = " ".join(str(entry.get("cited", "")).split())
    out: dict[str, str] = {"cited": cited}
    first = _LEVEL.search(cited)
    out["repository_name"] = cited[:first.start()].strip(" ,.;") if first else ""
    names = {"ф": "fond", "f": "fond", "о": "opis", "o": "opis", "д": "delo", "d": "delo", "л": "folios", "l": "folios"}
    last = 0
    for m in _LEVEL.finditer(cited):
        key = names.get(m.group("m")[0].casefold())
        if key and key not in out:
            out[key] = m.group("v").strip(" ,.")
            last = m.end()
    out["form_text"] = cited[last:].strip(" .,")
    for k in ("repository", "fond", "opis", "delo", "folios", "form", "hand"):
        if entry.get(k):
            out[k] = str(entry[k])
    return out


def contains_tokens(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def in_text(line: str, drafts: list[Draft]) -> bool:
    """Whether a header or furniture line of the page was left in some document's text."""
    toks = tokens(line)
    for d in drafts:
        for b in d.blocks:
            if b.role == "unplaced":
                continue
            if len(toks) >= 2:
                if contains_tokens(tokens(b.text), toks):
                    return True
            elif toks:
                if any(" ".join(tokens(x)) == toks[0] for x in b.text.split("\n")):
                    return True
            elif line.strip() and line.strip() in b.text:
                return True
    return False


def score_page(scorer: Scorer, answer: dict[str, Any], page_text: str, drafts: list[Draft], score: PageScore) -> None:
    docs = answer.get("documents") or []
    score.docs_expected, score.docs_found = len(docs), len(drafts)
    score.field("documents", len(docs) == len(drafts), len(drafts), len(docs))
    flat = " ".join(tokens(page_text))
    for d in drafts:
        head = " ".join(tokens(d.text)[:8])
        d.position = flat.find(head) if head else 10**9
    remaining = sorted(drafts, key=lambda d: d.position)
    for k, doc in enumerate(docs):
        want = tokens(str(doc.get("starts", "")))
        draft = next((d for d in remaining if tokens(d.text)[:len(want)] == want), None)
        draft = draft or next((d for d in remaining if contains_tokens(tokens(d.text), want)), None)
        if draft is not None:
            remaining.remove(draft)
        score.details.append(f" document {k + 1} ({doc.get('starts', '')!r}): {draft.path.name if draft else 'NOT FOUND'}")
        score_document(scorer, doc, draft, score)
    for line in [*(answer.get("header") or []), *(answer.get("furniture") or [])]:
        left = in_text(str(line), drafts)
        score.left_in_text += left
        score.field(f"not in a text: {line!r}", not left)
    for snippet in answer.get("unplaced") or []:
        toks = tokens(str(snippet))
        marked = any(contains_tokens(tokens(b.text), toks) for d in drafts for b in d.blocks if b.role == "unplaced")
        marked = marked or any(contains_tokens(tokens(str(d.meta.get("headnote", ""))), toks)
                               and "IMPORT LEFTOVER" in str(d.meta.get("headnote", "")) for d in drafts)
        score.field(f"unplaced and marked: {snippet!r}", marked)


def score_document(scorer: Scorer, doc: dict[str, Any], draft: Draft | None, score: PageScore) -> None:
    meta = draft.meta if draft else {}
    text = tokens(draft.text) if draft else []
    for key in ("starts", "ends"):
        if doc.get(key):
            want = tokens(str(doc[key]))
            ok = text[:len(want)] == want if key == "starts" else text[-len(want):] == want
            score.field(key, bool(draft) and ok, " ".join(text[:8] if key == "starts" else text[-8:]), " ".join(want))
    score_metadata(scorer, doc, meta, score)
    score_marked(doc, draft, score)
    for note in doc.get("notes") or []:
        score_note(note, draft, score)
    cited = [read_citation(a) for a in (meta.get("archives") or [])]
    for k, arch in enumerate(doc.get("archives") or []):
        got = next((c for c in cited if c.get("fond") == str(arch.get("fond")) and c.get("delo") == arch.get("delo")), None)
        got = got or (cited[k] if k < len(cited) else None)
        score_citation(scorer, arch, got, score)


def score_metadata(scorer: Scorer, doc: dict[str, Any], meta: dict[str, Any], score: PageScore) -> None:
    if "title" in doc:
        wants = doc["title"] if isinstance(doc["title"], list) else [doc["title"]]
        got = str(meta.get("title", ""))
        score.field("title", title_key(got) in {title_key(w) for w in wants}, got, wants[0])
    for key in ("kind", "language"):
        if key in doc:
            score.field(key, meta.get(key) == doc[key], meta.get(key), doc[key])
    for key in ("authors", "recipients"):
        if key in doc:
            score.field(key, scorer.names_match(scorer.persons, meta.get(key), doc[key] or []), meta.get(key), doc[key])
    if "date" in doc:
        score.field("date", scorer.date_match(meta.get("date"), doc["date"]), meta.get("date"), doc["date"])
    place = meta.get("place") if isinstance(meta.get("place"), dict) else {}
    for key, want in (doc.get("place") or {}).items():
        score.field(f"place {key}", scorer.names_match(scorer.places, place.get(key), [want]), place.get(key), want)
    if "translator" in doc:
        by = str((meta.get("translation") or {}).get("by", "")) if isinstance(meta.get("translation"), dict) else ""
        names = [name_key(surname(n)) for n in re.split(r",| and ", doc["translator"]) if n.strip()]
        score.field("translator", all(n in {name_key(w) for w in re.findall(r"[^\W\d_]+", by)} for n in names), by, doc["translator"])
    if "headnote" in doc:
        got = tokens(strip_markup(str(meta.get("headnote", ""))))
        score.field("headnote", contains_tokens(got, tokens(doc["headnote"])), " ".join(got[:8]), doc["headnote"])


def score_marked(doc: dict[str, Any], draft: Draft | None, score: PageScore) -> None:
    """Text supplied by the editors ({sup|...}) and deleted in the original ({del|...}): each expected span one
    field, and one more that nothing else in the text is marked so (a bracket that is the source's own, "[sic]",
    a note marker or a gloss, must not become {sup})."""
    for key, tag in (("supplied", "sup"), ("deleted", "del")):
        if key not in doc:
            continue
        got = [" ".join(c.casefold().split()) for t, c in (draft.marked if draft else []) if t == tag]
        for want in doc[key] or []:
            w = " ".join(str(want).casefold().split())
            ok = w in got
            if ok:
                got.remove(w)
            score.field(f"{key} {want!r}", ok, None, want)
        score.field(f"{key}: nothing else marked", bool(draft) and not got, got, [])


def score_note(note: dict[str, Any], draft: Draft | None, score: PageScore) -> None:
    want = tokens(str(note["starts"]))
    found = None
    for series, notes in (draft.notes if draft else {}).items():
        for key, text in notes.items():
            if tokens(text)[:len(want) + 3] and contains_tokens(tokens(text)[:len(want) + 3], want):
                found = (series, key)
    label = f"note {note['starts'][:30]!r}"
    score.field(f"{label} found", found is not None)
    score.field(f"{label} series", found is not None and found[0] == note["series"], found and found[0], note["series"])
    if note.get("anchor") is not None:
        wants = note["anchor"] if isinstance(note["anchor"], list) else [note["anchor"]]
        got = next((a.word for a in (draft.anchors if draft else []) if found and (a.series, a.key) == found), None)
        score.field(f"{label} anchor", got is not None and got.casefold() in {str(w).casefold() for w in wants}, got, wants[0])
    if draft and contains_tokens(tokens(draft.text), want):
        score.left_in_text += 1
        score.field(f"{label} not in the text", False)


def score_citation(scorer: Scorer, want: dict[str, Any], got: dict[str, str] | None, score: PageScore) -> None:
    got = got or {}
    for key, value in want.items():
        if key == "repository":
            rid = got.get("repository") or scorer.archives.get(archive_key(got.get("repository_name", "")), got.get("repository_name"))
            ok = rid == scorer.archives.get(archive_key(str(value)), str(value))
            score.field("archive repository", bool(got) and ok, rid, value)
        elif key == "form":
            wants = value if isinstance(value, list) else [value]
            form = norm_form(got.get("form") or got.get("form_text", ""))
            score.field("archive form", form in {norm_form(str(w)) for w in wants}, form, wants[0])
        elif key == "hand":
            ok = name_key(str(value)) in name_key(got.get("hand", "") or got.get("form_text", ""))
            score.field("archive hand", bool(got) and ok, got.get("hand") or got.get("form_text"), value)
        else:
            norm = lambda s: re.sub(r"\s+", "", str(s)).replace("–", "-")  # noqa: E731
            score.field(f"archive {key}", norm(got.get(key, "")) == norm(value), got.get(key), value)


def words_kept(page_text: str, files: list[Path], score: PageScore) -> None:
    page = Counter(tokens(join_hyphens(page_text)))
    kept: Counter[str] = Counter()
    for f in files:
        raw = f.read_text(encoding="utf-8", errors="replace")
        raw = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), raw)
        kept.update(tokens(join_hyphens(raw.replace("\\", ""))))
    missing = page - kept
    score.words = sum(page.values())
    score.kept = score.words - sum(missing.values())
    score.missing_words = sorted(missing.elements())[:30]


# --- running ------------------------------------------------------------------------


def make_project(tmp: Path) -> Path:
    root = tmp / "project"
    (root / "sources").mkdir(parents=True)
    shutil.copy(REPO / "edition.yaml", root / "edition.yaml")
    for name in ("persons", "places"):
        if (REPO / "sources" / f"{name}.yaml").exists():
            shutil.copy(REPO / "sources" / f"{name}.yaml", root / "sources" / f"{name}.yaml")
        if (REPO / "sources" / name).is_dir():
            shutil.copytree(REPO / "sources" / name, root / "sources" / name)
    shutil.copy(REPO / "sources" / "archives.yaml", root / "sources" / "archives.yaml")
    return root


def run_import(root: Path, page: Path, into: Path, subprocess_mode: bool) -> tuple[int, str]:
    argv = ["--root", str(root), "import", str(page), "--into", str(into)]
    if subprocess_mode:
        proc = subprocess.run([sys.executable, "-m", "edition", *argv], capture_output=True, text=True)
        return proc.returncode, proc.stdout + proc.stderr
    from edition.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue()


def score_all(pages: list[Path], subprocess_mode: bool = False, keep: Path | None = None) -> list[PageScore]:
    tmp = Path(tempfile.mkdtemp(prefix="import-score-"))
    try:
        base = make_project(tmp)
        scores = []
        for page in pages:
            # each page into a copy of the project as shipped, as a user would import it: no page sees the
            # register entries another page proposed, so a page's score does not depend on the pages before it
            root = tmp / "pages" / page.stem
            shutil.copytree(base, root)
            answer = yaml.safe_load(page.with_suffix(".yaml").read_text(encoding="utf-8"))
            into = root / "sources" / "imported" / page.stem
            start = time.perf_counter()
            code, output = run_import(root, page, into, subprocess_mode)
            score = PageScore(page.name, bool(answer.get("heldout")), later_set(answer), seconds=time.perf_counter() - start)
            scorer = Scorer(root)  # the registers with the entries this import proposed
            files = sorted(into.rglob("*")) if into.exists() else []
            drafts = [read_draft(f) for f in files if f.suffix == ".md"]
            text = page.read_text(encoding="utf-8")
            score_page(scorer, answer, text, drafts, score)
            words_kept(text, [f for f in files if f.is_file()], score)
            if code not in (0, 1):
                score.details.append(f"  edition import exited {code}: {output[-300:]}")
            scores.append(score)
        return scores
    finally:
        if keep is not None:
            shutil.copytree(tmp / "pages", keep, dirs_exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)


def totals(scores: list[PageScore]) -> dict[str, float]:
    right, total = sum(s.right for s in scores), sum(s.total for s in scores)
    words, kept = sum(s.words for s in scores), sum(s.kept for s in scores)
    return {"pages": len(scores), "right": right, "total": total, "fields": right / total if total else 0.0,
            "words": kept / words if words else 1.0, "left_in_text": sum(s.left_in_text for s in scores),
            "seconds": sum(s.seconds for s in scores)}


def later_set(answer: dict[str, Any]) -> int:
    """Which set gathered after the first a page belongs to: N for ``freshN: true`` (the highest such
    flag), 1 for ``fresh: true``, 0 for the first sets."""
    flags = [int(m[1] or 1) for key, value in answer.items() if value is True and (m := re.fullmatch(r"fresh(\d*)", str(key)))]
    return max(flags, default=0)


def groups(scores: list[PageScore]) -> list[tuple[str, list[PageScore]]]:
    """The rows of the total: pages the rules were made on, the first held-out pages, the fresh ones, each later
    set's dev and held-out halves (a set all held out has no dev row), all."""
    names = [set_name(s) for s in scores]
    order = ["dev", "held-out", "fresh held-out"]
    for n in range(2, max((s.later for s in scores), default=0) + 1):
        order += [f"fresh-{n} dev", f"fresh-{n} held-out"]
    return [*((n, [s for s, m in zip(scores, names, strict=True) if m == n]) for n in order), ("all", scores)]


def set_name(s: PageScore) -> str:
    if s.later >= 2:
        return f"fresh-{s.later} held-out" if s.heldout else f"fresh-{s.later} dev"
    return "fresh held-out" if s.later == 1 else "held-out" if s.heldout else "dev"


def table(scores: list[PageScore], show_heldout: bool) -> str:
    rows = ["| page | set | docs | fields right | % | words kept | left in text |", "|---|---|---|---|---|---|---|"]
    for s in scores:
        if s.heldout and not show_heldout:
            continue
        rows.append(f"| {s.page[:-4]} | {set_name(s)} | {s.docs_found}/{s.docs_expected} | "
                    f"{s.right}/{s.total} | {100 * s.right / max(s.total, 1):.0f} | "
                    f"{100 * s.kept / max(s.words, 1):.1f}% | {s.left_in_text} |")
    for name, group in groups(scores):
        if group:
            t = totals(group)
            rows.append(f"| **{name} ({t['pages']} pages)** | | | {t['right']}/{t['total']} | **{100 * t['fields']:.1f}** | "
                        f"{100 * t['words']:.2f}% | {t['left_in_text']} |")
    return "\n".join(rows)


def select(which: str, page: str | None) -> list[Path]:
    """The pages of a set: dev, heldout (the fresh ones included), fresh, freshN (both halves of the N-th set), or all."""
    # In the order of their numbers (99 before 100): an import adds the people it proposes to the project's
    # registers, which the pages after it see, so a page's score must not depend on pages numbered after it.
    pages = sorted((p for p in PAGES.glob("*.txt") if p.with_suffix(".yaml").exists()),
                   key=lambda p: (int(p.name.split("-", 1)[0]), p.name))
    if page:
        pages = [p for p in pages if p.name.startswith(page)]
    if which != "all":
        answers = {p: yaml.safe_load(p.with_suffix(".yaml").read_text(encoding="utf-8")) for p in pages}
        kind = {p: f"fresh{n}" if (n := later_set(a)) >= 2 else "fresh" if n else "heldout" if a.get("heldout") else "dev"
                for p, a in answers.items()}
        pages = [p for p in pages if kind[p] == which or which == "heldout" and kind[p] == "fresh"]
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", help="dev, heldout, fresh, freshN (the N-th set gathered later: fresh2 ...), or all")
    ap.add_argument("--page", help="only the pages whose file name starts so")
    ap.add_argument("-v", "--verbose", action="store_true", help="every field, and the words not kept")
    ap.add_argument("--show-heldout", action="store_true", help="a row per held-out page too")
    ap.add_argument("--subprocess", action="store_true", help="run the installed edition command per page")
    ap.add_argument("--keep", metavar="DIR", help="keep the temporary projects (one per page, drafts included) in DIR")
    ap.add_argument("--json", metavar="FILE", help="write the totals as JSON")
    args = ap.parse_args(argv)
    scores = score_all(select(args.set, args.page), args.subprocess, Path(args.keep) if args.keep else None)
    for s in scores:
        if args.verbose and (not s.heldout or args.show_heldout):
            print(f"{s.page}: {s.right}/{s.total}, words kept {s.kept}/{s.words}")
            print("\n".join(s.details))
            if s.missing_words:
                print("  words not kept:", " ".join(s.missing_words))
    print(table(scores, args.show_heldout))
    if args.json:
        Path(args.json).write_text(json.dumps({name: totals(g) for name, g in groups(scores) if g}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
