"""Benchmark of edition: synthetic corpora of realistic shape, built cold, no-op and draft.

    python bench/bench.py [--sizes 10,100,1000] [--seed-corpus] [--out bench/results.md]

bench/README.md says what each column means and where the time goes.

For each corpus it measures the stages (load, check, render, each LuaLaTeX
pass; the index is made inside each pass and the bibliography in the render
stage, so they have no stage of their own), the number of passes, peak memory of the Python stage
and of LuaLaTeX, pages, the build floor ratio (cold build / one LuaLaTeX pass
over the final .tex) and the Python share (load+check+render / cold build);
then a no-op rebuild and a one-document draft (--only). Timings are measured
here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from edition.build.compile import latex_environment, page_count, pass_times  # noqa: E402
from edition.latex.render import render  # noqa: E402
from edition.pipeline import prepare  # noqa: E402
from edition.sources.load import cache_path, load  # noqa: E402

WORDS = ("the party committee letter question comrades faction majority policy opposition congress plenum "
         "resolution telegram decision work struggle workers peasants trade union strike delegation report "
         "proposal minutes session vote comment article newspaper editorial discussion line theses draft").split()
SURNAMES = ["Ivanov", "Petrov", "Sidorov", "Kuznetsov", "Smirnov", "Popov", "Vasil'ev", "Sokolov", "Mikhailov",
            "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semenov", "Egorov", "Pavlov",
            "Kozlov", "Stepanov", "Nikolaev", "Orlov", "Andreev", "Makarov", "Nikitin", "Zakharov", "Zaitsev",
            "Solov'ev", "Borisov", "Iakovlev", "Grigor'ev", "Roman'ev", "Vorob'ev", "Sergeev", "Kuz'min", "Frolov",
            "Aleksandrov", "Dmitriev", "Korolev", "Gusev", "Kiselev", "Il'in", "Maksimov", "Poliakov", "Sorokin",
            "Vinogradov", "Kovalev", "Belov", "Medvedev", "Antonov"]
PLACES = ["Moscow", "Leningrad", "Kiev", "Tiflis", "Baku", "Kharkov", "Sochi", "Rostov", "Odessa", "Minsk",
          "Kazan", "Samara", "Saratov", "Tula", "Perm", "Omsk", "Tomsk", "Irkutsk", "Vladivostok", "Tashkent"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def synthetic_corpus(root: Path, documents: int, seed: int = 1926) -> None:
    """A project of ``documents`` letters of 300–1,500 words with notes of all series,
    mentions, archival and bibliographic citations, in the proportions of the real corpus."""
    rng = random.Random(seed)
    (root / "sources" / "letters").mkdir(parents=True)
    (root / "bibliography").mkdir()
    persons = {f"p{i}": s for i, s in enumerate(SURNAMES)}
    (root / "sources" / "persons.yaml").write_text("".join(
        f'p{i}:\n  name: "{s}, {chr(65 + i % 26)}. {chr(65 + (i * 7) % 26)}."\n  born: "{1870 + i}"\n  died: "{1930 + i}"\n'
        f'  identification: "A party worker"\n  aliases: [Alias{i}]\n' for i, s in enumerate(SURNAMES)))
    (root / "sources" / "places.yaml").write_text("".join(f'pl{i}:\n  name: "{p}"\n' for i, p in enumerate(PLACES)))
    shutil.copy(REPO / "sources" / "archives.yaml", root / "sources" / "archives.yaml")
    (root / "bibliography" / "works.bib").write_text("".join(
        f"@book{{w{i}, author = {{{SURNAMES[i]}, A.}}, title = {{Collected Papers, Volume {i}}}, "
        f"publisher = {{Politizdat}}, location = {{Moscow}}, year = {{{1950 + i}}}}}\n" for i in range(10)))
    ids = []
    for d in range(documents):
        doc_id = f"doc-{d:04d}"
        ids.append(doc_id)
        author, recipient = rng.sample(sorted(persons), 2)
        month, day = 1 + d % 12, 1 + d % 28
        paragraphs, notes = [], {"author": {}, "translator": {}, "editor": {}, "textual": {}}
        target_words, written = rng.randint(300, 1500), 0
        while written < target_words:
            parts = []
            for _ in range(rng.randint(3, 7)):
                s = sentence(rng, rng.randint(8, 20))
                written += len(s.split())
                roll = rng.random()
                if roll < 0.15:
                    pid = rng.choice(sorted(persons))
                    s += f" {{p:{pid}|{persons[pid]}}} agreed."
                elif roll < 0.22:
                    s += f" In {{pl:pl{rng.randrange(len(PLACES))}|{rng.choice(PLACES)}}} too."
                elif roll < 0.34:
                    key = str(len(notes["editor"]) + 1)
                    notes["editor"][key] = sentence(rng, 25) + f" See {{cite:w{rng.randrange(10)}|p. {rng.randint(1, 400)}}}" + \
                        (f" and {{arch|RGASPI f. 17, op. 3, d. {rng.randint(1, 900)}, l. {rng.randint(1, 90)}}}." if rng.random() < 0.4 else ".")
                    s += f"{{n:editor:{key}}}"
                elif roll < 0.40:
                    key = f"t{len(notes['textual']) + 1}"
                    notes["textual"][key] = "Crossed out in the original."
                    s = s[:-1] + f" {{n:textual:{key}|{rng.choice(WORDS)}}}."
                elif roll < 0.42:
                    key = f"a{len(notes['author']) + 1}"
                    notes["author"][key] = sentence(rng, 15)
                    s += f"{{n:author:{key}}}"
                elif roll < 0.43:
                    key = f"tr{len(notes['translator']) + 1}"
                    notes["translator"][key] = sentence(rng, 10) + " — Trans."
                    s += f"{{n:translator:{key}}}"
                parts.append(s)
            paragraphs.append(" ".join(parts))
        front = [f"id: {doc_id}", f"title: {persons[author]} to {persons[recipient]}", "kind: letter",
                 f"authors: [{author}]", f"recipients: [{recipient}]", f'date: "[1926-{month:02d}-{day:02d}]"',
                 f"place: {{from: pl{d % len(PLACES)}}}", "language: ru", "translation: {from: ru}",
                 f"source: {{key: w{d % 10}, locator: 'no. {d}'}}",
                 f'archives:\n  - cited: "RTsKhIDNI f. 558, op. 1, d. {2000 + d}, l. {1 + d % 50}"',
                 "headnote: |\n  " + sentence(rng, 40)]
        note_lines = ["notes:"]
        for series, items in notes.items():
            if items:
                note_lines.append(f"  {series}:")
                note_lines += [f'    "{k}": |\n      {v}' for k, v in items.items()]
        body = "@salute Dear comrade,\n\n" + "\n\n".join(paragraphs) + "\n\n@signed " + persons[author] + "\n"
        (root / "sources" / "letters" / f"{doc_id}.md").write_text(
            "---\n" + "\n".join(front + note_lines) + "\n---\n" + body, encoding="utf-8")
    (root / "edition.yaml").write_text(textwrap.dedent(f"""\
        title: "Synthetic Reader of {documents} Documents"
        year: "2026"
        bibliography: [bibliography/works.bib]
        parts:
          - id: letters
            title: "Letters"
        """))


def run_cli(root: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "edition", "--root", str(root), *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(root: Path, name: str) -> dict[str, object]:
    # The Python stage, in this process, stage by stage.
    t0 = time.perf_counter()
    corpus, diags = load(root)
    t_load = time.perf_counter() - t0
    cache_path(root).unlink(missing_ok=True)  # load keeps parsed documents: start cold again
    t0 = time.perf_counter()
    corpus, services, diags = prepare(root)  # load again + registers + checks
    t_check = time.perf_counter() - t0 - t_load
    t0 = time.perf_counter()
    render(corpus, services)
    t_render = time.perf_counter() - t0
    python_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The cold build as a user runs it: no build folder, the whole command.
    shutil.rmtree(root / "build", ignore_errors=True)
    cache_path(root).unlink(missing_ok=True)
    cold = run_cli(root, "build")
    tex_dir = root / "build" / "tex"
    passes = pass_times(tex_dir, "lualatex")
    noop = run_cli(root, "build")
    pages = page_count(root / "build" / "reader.pdf")
    # The floor: one LuaLaTeX pass over the final .tex, all auxiliary files in place.
    t0 = time.perf_counter()
    probe = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); " \
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    out = subprocess.run([sys.executable, "-c", probe, "lualatex", "-interaction=batchmode", "-no-shell-escape", "reader.tex"],
                         cwd=tex_dir, env=latex_environment(), capture_output=True, text=True, check=False)
    floor = time.perf_counter() - t0
    latex_peak = int(out.stdout.strip() or 0) / 1024  # one LuaLaTeX run, in a process of its own
    first = next(iter(sorted(d.id for d in corpus.documents)))
    draft = run_cli(root, "build", "--only", first)
    cache_path(root).unlink(missing_ok=True)  # the corpus is a temporary folder
    return {"corpus": name, "documents": len(corpus.documents), "pages": pages, "load": t_load, "check": t_check,
            "render": t_render, "passes": passes, "cold": cold,
            "floor": floor, "ratio": cold / floor, "python_share": (t_load + t_check + t_render) / cold,
            "python_mb": python_peak, "latex_mb": latex_peak, "noop": noop, "draft": draft}


def table(rows: list[dict[str, object]]) -> str:
    head = ("| corpus | docs | pages | load s | check s | render s | LuaLaTeX passes (s each) | cold build s "
            "| one pass (floor) s | floor ratio | Python share | Python peak MB | LaTeX peak MB | no-op s | one-doc draft s |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        passes = r["passes"]
        lines.append(
            f"| {r['corpus']} | {r['documents']} | {r['pages']} | {r['load']:.2f} | {r['check']:.2f} | {r['render']:.2f} "
            f"| {len(passes)} ({', '.join(f'{p:.1f}' for p in passes)}) | {r['cold']:.1f} "  # type: ignore[arg-type]
            f"| {r['floor']:.1f} | {r['ratio']:.2f} | {r['python_share']:.1%} | {r['python_mb']:.0f} | {r['latex_mb']:.0f} "
            f"| {r['noop']:.2f} | {r['draft']:.1f} |")
    return "\n".join(lines)


def slope(rows: list[dict[str, object]]) -> str:
    """How the Python stage grows with the corpus: a least-squares line over the synthetic corpora."""
    points = [(float(r["documents"]), float(r["load"]) + float(r["check"]) + float(r["render"]))  # type: ignore[arg-type]
              for r in rows if str(r["corpus"]).startswith("synthetic")]
    if len(points) < 2:
        return ""
    n = len(points)
    mx, my = sum(x for x, _ in points) / n, sum(y for _, y in points) / n
    b = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    worst = max(abs(y - (my + b * (x - mx))) for x, y in points)
    return (f"\nPython stage (load + check + render) over the synthetic corpora: {my - b * mx:.2f} s + "
            f"{b * 1000:.1f} ms per document (largest deviation from the line {worst:.2f} s).\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="synthetic corpus sizes (1000 takes about 20 minutes)")
    parser.add_argument("--seed-corpus", action="store_true", help="also build the shipped corpus of the repository")
    parser.add_argument("--out", default=str(REPO / "bench" / "results.md"))
    parser.add_argument("--measure", nargs=2, metavar=("DIR", "NAME"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), args.measure[1])))
        return 0
    rows = []
    corpora = (["seed"] if args.seed_corpus else []) + [s for s in args.sizes.split(",") if s]
    for corpus in corpora:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            if corpus == "seed":
                for name in ("edition.yaml", "sources", "bibliography", "docs"):
                    (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
            else:
                synthetic_corpus(root, int(corpus))
            name = "seed corpus" if corpus == "seed" else f"synthetic {corpus}"
            # Each corpus in a process of its own: its peak memory is its own.
            out = subprocess.run([sys.executable, __file__, "--measure", str(root), name], capture_output=True, text=True)
            if out.returncode != 0:
                raise SystemExit(out.stderr)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(table(rows[-1:]), flush=True)
    report = (f"# Benchmark results\n\nMachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
              f"{time.strftime('%Y-%m-%d')}. Command: `python bench/bench.py --sizes {args.sizes}"
              f"{' --seed-corpus' if args.seed_corpus else ''}`.\n\n{table(rows)}\n{slope(rows)}")
    Path(args.out).write_text(report, encoding="utf-8")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
