"""Checks of the persons register against the texts: probable untagged
mentions, and aliases that two persons share."""

from __future__ import annotations

import re
from collections import defaultdict

from edition.checks.offsets import positions
from edition.model.corpus import Block, Corpus, Inline, Span, Text, walk_spans
from edition.model.diagnostics import Diagnostic, Pos, error, warning
from edition.registers.names import NameIndex, is_cyrillic, name_cases, spelling_key, transliterate
from edition.sources.markup import plain_text

# Spans whose words are not candidates: already tagged, or deliberately untagged.
_SKIP = {"p", "nx", "cite", "arch", "ref", "corr", "reg"}


def name_forms(corpus: Corpus) -> dict[str, set[str]]:
    """Every surname and alias of the register, with the person ids it may stand for."""
    forms: dict[str, set[str]] = defaultdict(set)
    for person in corpus.persons.values():
        surname = person.surname
        for form in (surname, *person.aliases):
            form = form.strip()
            if len(form) >= 3 and form[0].isupper():
                forms[form].add(person.id)
    return forms


def alias_conflicts(corpus: Corpus) -> list[Diagnostic]:
    """An alias given to two persons cannot tell them apart: it must be qualified."""
    owners: dict[str, list[str]] = defaultdict(list)
    for person in corpus.persons.values():
        for alias in set(person.aliases):
            owners[alias].append(person.id)
    diags = []
    for alias, ids in owners.items():
        if len(ids) > 1:
            where = corpus.persons[ids[1]].pos
            diags.append(error(where, f"the alias '{alias}' is given to {', '.join(sorted(ids))}",
                               "qualify it (e.g. 'Malinovskii, R. V.') so that each alias names one person"))
    return diags


def untagged_mentions(corpus: Corpus, only: set[str] | None = None) -> list[Diagnostic]:
    """Warnings for register names standing in texts and notes without a person tag
    (in the documents ``only`` names, if given), inflected Russian forms included
    ("Кагановичу", "Сталина": found by the analyser of Russian)."""
    forms = name_forms(corpus)
    if not forms:
        return []
    pattern = re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    index: NameIndex | None = None
    diags: list[Diagnostic] = []
    parts = [b for part in corpus.config.parts for b in part.headnote] if only is None else []
    for text in _untagged_texts(parts) + [t for doc in corpus.selected(only) for t in _untagged_texts(doc.all_blocks())]:
        found = [(m.start(), m.group(1), sorted(forms[m.group(1)])) for m in pattern.finditer(text.text)]
        if is_cyrillic(text.text):
            index = index or NameIndex.of_persons(corpus.persons, corpus.config.transliteration)
            found += _inflected(text.text, index, {start for start, _, _ in found})
        pos_at = positions(text)
        for start, word, ids in sorted(found):
            who = ids[0] if len(ids) == 1 else " or ".join(ids)
            diags.append(warning(pos_at(start), f"'{word}' may name {who} but is not tagged",
                                 f"write {{p:{ids[0]}|{word}}}, or {{nx|{word}}} if it is not that person"))
    return diags


_CYRILLIC_WORD = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?(?![\w-])")


def _inflected(text: str, index: NameIndex, taken: set[int]) -> list[tuple[int, str, list[str]]]:
    """Capitalized Russian words that an inflection of a register name may be; a word opening a sentence
    only if the analyser takes it for a surname or a name."""
    out = []
    for m in _CYRILLIC_WORD.finditer(text):
        if m.start() in taken:
            continue
        opening = _opens_sentence(text, m.start())
        if opening and not name_cases(m.group()):
            continue
        ids = index.lookup(m.group())
        if ids:
            out.append((m.start(), m.group(), sorted(ids)))
    return out


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the text, a line or a sentence (a stop and a space before it).
    Only the white space just before it is looked at, so that many words cost no more than one text."""
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return start == 0 or "\n" in text[j:start] or (0 < j < start and text[j - 1] in ".!?…")


def _untagged_texts(blocks: list[Block]) -> list[Text]:
    out: list[Text] = []

    def visit(nodes: list[Inline]) -> None:
        for node in nodes:
            if isinstance(node, Text):
                out.append(node)
            elif isinstance(node, Span) and node.kind not in _SKIP:
                visit(node.children)

    for block in blocks:
        visit(block.content)
        out.extend(_untagged_texts(block.blocks))
    return out


def two_spellings(corpus: Corpus, only: set[str] | None = None) -> list[Diagnostic]:
    """Warnings for a person whose name the editor's own text (headnotes, the editor's notes) spells in two
    transliterations ("Zinoviev" here, "Zinov'ev" there); the hint gives the reader's scheme's spelling."""
    seen: dict[str, dict[str, Pos]] = defaultdict(dict)  # person -> spelling -> first place
    for doc in corpus.selected(only):
        editorial = [*doc.headnote, *(b for sid, notes in doc.notes.items() if sid in ("editor", "textual")
                                      for n in notes.values() for b in n.content)]
        for span in walk_spans(editorial):
            if span.kind == "p" and span.args and span.children:
                words = plain_text(span.children).split()
                if words and not is_cyrillic(words[-1]):
                    seen[span.args[0]].setdefault(words[-1].strip(".,;:"), span.pos)
    diags = []
    scheme = corpus.config.transliteration
    for pid, spellings in seen.items():
        by_key: dict[str, list[str]] = defaultdict(list)
        for spelling in spellings:
            by_key[spelling_key(spelling, scheme)].append(spelling)
        for group in by_key.values():
            if len(group) > 1 and pid in corpus.persons:
                person = corpus.persons[pid]
                cyrillic = next((a for a in person.aliases if is_cyrillic(a)), "")
                reader = transliterate(cyrillic.split(",")[0].split()[-1], scheme) if cyrillic else person.name.split(",")[0]
                diags.append(warning(spellings[group[1]], f"{pid} is spelt '{group[0]}' and '{group[1]}' in the editor's text",
                                     f"spell it one way; the reader's transliteration ({scheme}) gives '{reader}'"))
    return diags
