"""TeX, Lua and Jinja written into every field that reaches the page: printed as written,
never run. Each field carries a marker word (``Zfield``) and a payload; the generated LaTeX
must hold the marker and never the payload's commands unescaped, and the templates must
never evaluate the payload's Jinja."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from harness import BODY, CONFIG, LETTER, NOTES, Case, Expect, Run, letter

# Run as TeX, the first would make build/tex/PWNED; evaluated as a template, the second prints JINJA.
PAYLOAD = r'\directlua{io.open("PWN".."ED","w"):close()}\input{/etc/hostname} <%= "JIN" ~ "JA" %> {{ "JIN" ~ "JA" }} % # $ & ~ ^ _ [ ] \\ ]] --'
# Markup arguments end at ':', '|', '{' and '}': the payload without them.
ARG_PAYLOAD = r'\csname directlua\endcsname \def\edPwned#1 \input /etc/hostname <%= "JIN" ~ "JA" %> % # $ & ~ ^ _ [ ] \x'
RAW = (r'\directlua{io.open("PWN', r"\input{/etc/hostname}", r"\csname directlua", r"\def\edPwned", r"\input /etc/hostname")
PERSONS = 'kamenev:\n  name: "Kamenev, L. B."\n  aliases: [Rozenfeld]\nstalin:\n  name: "Stalin, I. V."\n  aliases: [Koba]\n'
PLACES = 'krakow:\n  name: "Cracow"\n'
ARCHIVES = ("rgaspi:\n  city: Moscow\n  names:\n    - abbr: RGASPI\n      expansion: Russian State Archive of Socio-Political History\n"
            "      from: 1999\n")


def q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


@dataclass
class Spec:
    """The pieces of the mini project that fields are written into."""

    front: dict[str, str] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    note_editor: list[str] = field(default_factory=list)
    person: dict[str, str] = field(default_factory=dict)
    place: dict[str, str] = field(default_factory=dict)
    bib: dict[str, str] = field(default_factory=dict)
    config: list[str] = field(default_factory=list)
    part: list[str] = field(default_factory=list)
    archives: list[str] = field(default_factory=list)
    note_on_texts: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)

    def render(self) -> dict[str, str]:
        notes = NOTES.replace("A note citing {cite:lenin-cw-35|p. 232}.", " ".join(["A note citing {cite:lenin-cw-35|p. 232}.", *self.note_editor]))
        body = BODY + "".join(f"\n{b}\n" for b in self.body)
        files = {LETTER: letter(body=body, notes=notes, extra="".join(self.extra), **self.front)}
        person = {"name": '"Kamenev, L. B."', "aliases": "[Rozenfeld]", **self.person}
        files["sources/persons.yaml"] = "kamenev:\n" + "".join(f"  {k}: {v}\n" for k, v in person.items()) + PERSONS[PERSONS.index("stalin"):]
        files["sources/places.yaml"] = "krakow:\n" + "".join(f"  {k}: {v}\n" for k, v in {"name": '"Cracow"', **self.place}.items())
        fields = {"author": "{Lenin, V. I.}", "title": "{Collected Works}", "publisher": "{Progress Publishers}",
                  "address": "{Moscow}", "year": "{1976}", **self.bib}
        files["bibliography/works.bib"] = "@book{lenin-cw-35,\n" + "".join(f"  {k} = {v},\n" for k, v in fields.items()) + "}\n"
        part = "".join(self.part)
        files["edition.yaml"] = CONFIG + part + "".join(self.config) + ("note_on_texts: docs/note.md\n" if self.note_on_texts else "")
        if self.note_on_texts:
            files["docs/note.md"] = "\n\n".join(self.note_on_texts) + "\n"
        if self.archives:
            files["sources/archives.yaml"] = ARCHIVES[: ARCHIVES.index("    - abbr")] + "".join(self.archives)
        files.update(self.files)
        return files


def _body(text: str):  # noqa: ANN202
    return lambda s: s.body.append(text)


def _front(key: str, value: str):  # noqa: ANN202
    return lambda s: s.front.__setitem__(key, value)


def _extra(line: str):  # noqa: ANN202
    return lambda s: s.extra.append(line)


def _config(line: str):  # noqa: ANN202
    return lambda s: s.config.append(line)


def _bib(key: str, value: str):  # noqa: ANN202
    return lambda s: s.bib.__setitem__(key, value)


def _person(key: str, value: str):  # noqa: ANN202
    return lambda s: s.person.__setitem__(key, value)


def _place(key: str, value: str):  # noqa: ANN202
    return lambda s: s.place.__setitem__(key, value)


def P(marker: str) -> str:  # noqa: N802
    return f"{marker} {PAYLOAD}"


def A(marker: str) -> str:  # noqa: N802
    return f"{marker} {ARG_PAYLOAD}"


# (field, marker, how to write it, printed in the PDF)
FIELDS = [
    ("body", "Zbody", _body(P("Zbody")), True),
    ("editor-note", "Znote", lambda s: s.note_editor.append(P("Znote")), True),
    ("textual-lemma", "Zlemma", _body("{n:textual:b|" + P("Zlemma").replace("{", "\\{").replace("}", "\\}") + "}"), True),
    ("title", "Ztitle", _front("title", q(P("Ztitle"))), True),
    ("headnote", "Zhead", _extra(f"headnote: {q(P('Zhead'))}\n"), True),
    ("translation-by", "Ztrans", _extra(f"translation: {{from: ru, by: {q(P('Ztrans'))}}}\n"), True),
    ("source-locator", "Zsrcloc", _extra(f"source: {{key: lenin-cw-35, locator: {q(P('Zsrcloc'))}}}\n"), True),
    ("archive-fond", "Zfond", _extra(f"archives:\n  - {{repository: rgaspi, fond: {q(P('Zfond'))}, opis: '1'}}\n"), True),
    ("language", "Zlanguage", _front("language", q(P("Zlanguage"))), False),
    ("person-name", "Zname", _person("name", q("Kamenev, L. " + P("Zname"))), True),
    ("person-identification", "Zident", _person("identification", q(P("Zident"))), True),
    ("person-born", "Zborn", _person("born", q(P("Zborn"))), False),
    ("person-alias", "Zalias", _person("aliases", "[Rozenfeld, " + q(P("Zalias")) + "]"), False),
    ("person-index-specials", "Zindex", _person("name", q('Kamenev, "@!| Zindex \\index{x}')), True),
    ("place-name", "Zplace", _place("name", q(P("Zplace"))), True),
    ("place-modern", "Zmodern", _place("modern", q(P("Zmodern"))), False),
    ("archive-expansion", "Zexpansion", lambda s: (s.archives.append(f"    - abbr: RGASPI\n      expansion: {q(P('Zexpansion'))}\n      from: 1999\n"),
                                                  s.extra.append("archives:\n  - {repository: rgaspi, fond: '558', opis: '1', delo: '5'}\n")),
     True),
    ("bib-title", "Zbibtitle", _bib("title", "{" + P("Zbibtitle") + "}"), True),
    ("bib-author", "Zauthor", _bib("author", "{Lenin, " + P("Zauthor") + "}"), True),
    ("bib-publisher", "Zpublisher", _bib("publisher", "{" + P("Zpublisher") + "}"), True),
    ("bib-address", "Zaddress", _bib("address", "{" + P("Zaddress") + "}"), True),
    ("bib-note", "Zbibnote", _bib("note", "{" + P("Zbibnote") + "}"), True),
    ("bib-series", "Zbibseries", _bib("series", "{" + P("Zbibseries") + "}"), True),
    ("bib-url", "Zurl", _bib("url", "{http://example.org/Zurl/" + PAYLOAD.replace(" ", "") + "}"), False),  # URLs reach TeX in hex
    ("bib-doi", "Zdoi", _bib("doi", "{10.1000/Zdoi" + PAYLOAD.replace(" ", "") + "}"), False),
    ("cite-locator", "Zlocator", lambda s: s.note_editor.append("{cite:lenin-cw-35|" + P("Zlocator").replace("{", "\\{").replace("}", "\\}") + "}"),
     True),
    ("config-title", "Zctitle", lambda s: s.files.__setitem__("edition.yaml", ""), True),  # replaced below
    ("config-subtitle", "Zsubtitle", _config(f"subtitle: {q(P('Zsubtitle'))}\n"), True),
    ("config-editor", "Zeditor", _config(f"editor: {q(P('Zeditor'))}\n"), True),
    ("config-institution", "Zinstitution", _config(f"institution: {q(P('Zinstitution'))}\n"), False),
    ("config-course", "Zcourse", _config(f"course: {q(P('Zcourse'))}\n"), True),
    ("config-year", "Zyear", _config(f"year: {q(P('Zyear'))}\n"), True),
    ("config-licence", "Zlicence", _config(f"licence: {q(P('Zlicence'))}\n"), True),
    ("config-keywords", "Zkeywords", _config(f"keywords: [{q(P('Zkeywords'))}]\n"), False),
    ("part-title", "Zpart", lambda s: s.part.append(f"  - id: two\n    title: {q(P('Zpart'))}\n    documents: [second]\n"), True),
    ("part-headnote", "Zphead", lambda s: s.part.append(f"  - id: three\n    title: Three\n    headnote: {q(P('Zphead'))}\n    documents: [third]\n"),
     True),
    ("series-name", "Zseries", _config("series:\n  - {id: editor, name: " + q(P("Zseries")) + "}\n  - {id: textual, numbering: line}\n"), False),
    ("works-cited-group", "Zgroup", _config("works_cited_groups:\n  - {title: " + q(P("Zgroup")) + "}\n"), True),
    ("note-on-texts-title", "Znotetitle", lambda s: s.note_on_texts.extend(["# " + P("Znotetitle"), "The note."]), True),
    ("note-on-texts-text", "Znotebody", lambda s: s.note_on_texts.append(P("Znotebody") + " **Zbold " + PAYLOAD + "** `Zcode " + PAYLOAD + "`"),
     True),
    ("foreign-language", "Zforeign", _body("{foreign:" + A("Zforeign") + "|Wort}"), False),
    ("add-place", "Zaddplace", _body("{add:" + A("Zaddplace") + "|word}"), True),
    ("sic-correct", "Zsic", _body("{sic:" + A("Zsic") + "|word}"), False),
    ("gap-extent", "Zgap", _body("{gap:" + A("Zgap") + "}"), True),
    ("corr-original", "Zcorr", _body("{corr:" + A("Zcorr") + "|word}"), True),
    ("reg-original", "Zreg", _body("{reg:" + A("Zreg") + "|word}"), True),
    ("unclear-cert", "Zcert", _body("{unclear:" + A("Zcert") + "|word}"), False),
    ("nx-reason", "Znx", _body("{nx:" + A("Znx") + "|Name}"), False),
    ("label-key", "Zlabel", _body("{lbl:" + A("Zlabel") + "}Labelled line, see {ref:letter:line:" + A("Zlabel") + "}."), False),
    ("note-key", "Znotekey", lambda s: (s.body.append("Keyed{n:editor:" + A("Znotekey") + "}."),
                                        s.note_editor.append("")), False),
    ("folder-name", "Zfolder", lambda s: s.files.__setitem__("sources/Zfolder $#&[]%~^_/extra.md",
                                                            "---\nid: extra\ntitle: Extra Zfolder\nkind: note\nauthors: [stalin]\n---\nExtra.\n"),
     False),
    ("file-name", "Zfile", lambda s: s.files.__setitem__("sources/letters/Zfile $#&[]%~^_{x}.md",
                                                        "---\nid: extra2\ntitle: Extra Zfile\nkind: note\nauthors: [stalin]\n---\nExtra.\n"),
     False),
]

EXTRA_DOCS = {
    "sources/letters/second.md": "---\nid: second\ntitle: Second\nkind: note\nauthors: [stalin]\n---\nThe second.\n",
    "sources/letters/third.md": "---\nid: third\ntitle: Third\nkind: note\nauthors: [stalin]\n---\nThe third.\n",
}


def spec_of(names: list[str]) -> dict[str, str]:
    spec = Spec()
    for name, _marker, write, _printed in FIELDS:
        if name in names and name != "config-title":
            write(spec)
    files = spec.render()
    if "config-title" in names:
        files["edition.yaml"] = files["edition.yaml"].replace('"Mini Reader"', q(P("Zctitle")))
    if "note-key" in names:
        files[LETTER] = files[LETTER].replace('  textual:\n', f"    {q(A('Znotekey'))}: A keyed note.\n  textual:\n", 1)
    if "textual-lemma" in names:
        files[LETTER] = files[LETTER].replace("      So in the copy.\n", "      So in the copy.\n    b: Lemma note.\n", 1)
    files.update(EXTRA_DOCS)
    # The documents no part lists are left out on purpose (a document in no part is an error).
    listed = set(re.findall(r"documents: \[(\w+)\]", files["edition.yaml"]))
    extra = sorted({"second", "third", "extra", "extra2"} - listed)
    files["edition.yaml"] += f"exclude: [{', '.join(extra)}]\n"
    return files


def generated_tex(root: Path) -> str:
    tex = root / "build" / "tex"
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(tex.rglob("*.tex")))


def escaped_check(marker: str, printed: bool):  # noqa: ANN201
    def check(root: Path, run: Run) -> str:
        tex = generated_tex(root)
        if not tex:
            return f"nothing was rendered:\n{run.err[-800:]}"
        if "JINJA" in tex:
            return "code ran: a template evaluated Jinja from a source"
        for raw in RAW:
            if raw in tex:
                line = next(x for x in tex.splitlines() if raw in x)
                return f"code ran: unescaped {raw!r} in the generated LaTeX: {line[:200]}"
        # A URL reaches TeX as hexadecimal UTF-8 (\edURL{target}{shown}, latex/edition-url.lua): read it back.
        tex = re.sub(r"\\ed(?:URL|Href)\{([0-9a-f]*)\}(?:\{([0-9a-f]*)\})?",
                     lambda m: bytes.fromhex(m[2] or m[1]).decode("utf-8", "replace"), tex)
        if printed and marker not in tex and marker not in re.sub(r"\\[a-zA-Z]+\{\}|[{}]", "", tex):
            return f"{marker} is not in the generated LaTeX"
        return ""

    return check


# The place of an addition is one of a few words (docs/source-format.md), a language a code (checks/languages.py):
# anything else is refused where it is written, and so never reaches an output.
REFUSED = {"add-place": (f"{LETTER}:23:1", "is not a place of an addition"),
           "language": (f"{LETTER}:9:11", "is not a language code"),
           "foreign-language": (f"{LETTER}:23:1", "is not a language code")}
CASES = [Case(f"inject-{name}", "injection", spec_of([name]), Expect(0, check=escaped_check(marker, printed)), command=("render",))
         for name, marker, _write, printed in FIELDS if name not in REFUSED]
CASES += [Case(f"inject-{name}", "injection", spec_of([name]), Expect(1, where, says), command=("render",))
          for name, (where, says) in REFUSED.items()]
