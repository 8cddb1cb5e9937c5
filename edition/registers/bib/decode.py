"""BibTeX field values (LaTeX) as pybtex rich text of plain Unicode.

pylatexenc parses the value and turns accents, symbols and math into Unicode
(``{\\={P}}ot`` is "P̄ot", ``$O(n \\log n)$`` "O(n log n)"); this module keeps the
structure pybtex's styles need: ``\\emph`` an ``em`` tag, brace groups
``Protected`` so that case changes spare them. Macros that ``@preamble`` defines
(``\\newcommand{\\noopsort}[1]{}``) are expanded as BibTeX's output would be;
``sortable`` keeps the arguments of macros that print nothing, which is what
``\\noopsort`` is for. A macro nobody knows is a ``Problem`` at its offset in the
value, and its arguments are kept as text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pybtex.richtext import BaseText, Protected, Tag, Text
from pylatexenc import latexwalker as lw
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec
from pylatexenc.latex2text import get_default_latex_context_db as text_db
from pylatexenc.macrospec import MacroSpec


@dataclass(frozen=True)
class Macro:
    """A macro defined in ``@preamble``: its number of arguments and its body."""

    args: int
    body: str


@dataclass
class Problem:
    offset: int  # in the field value
    message: str


# Symbols pylatexenc does not know; \cprime and \cdprime are the soft and hard signs of transliteration.
_SYMBOLS = {"cprime": "ʹ", "cdprime": "ʺ", "textquotesingle": "'", "slash": "/", "nobreakspace": "\xa0",
            "TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX", "isdot": "", "protect": "", "midsentence": "",
            "xspace": "", "relax": "", "-": "", "textendash": "–", "textemdash": "—", "bibrangedash": "–",
            "textellipsis": "…", "mkbibellipsis": "…", "noopsort": "", "allowbreak": "", "linebreak": " ",
            "newline": " ", "\\": " ", "break": " ", "nopagebreak": "", "/": "", "@": "", "textasciicircum": "^",
            "textasciitilde": "~", "textbackslash": "\\", "textbar": "|",
            "textbraceleft": "{", "textbraceright": "}", "textless": "<", "textgreater": ">",
            "textunderscore": "_", "textquotedbl": '"', "textasciigrave": "`"}
# \cmd{text}: the text kept, as a tag or in quotation marks ("quote").
_TAGGED = {"emph": "em", "textit": "em", "mkbibemph": "em", "textsl": "em", "textbf": "strong", "mkbibbold": "strong",
           "mkbibquote": "quote", "enquote": "quote", "textquote": "quote", "textsuperscript": "sup",
           "mkbibsuperscript": "sup", "textsubscript": "sub"}
# \cmd{text}: the text kept as it is.
_PLAIN = {"textsc", "textup", "textrm", "textnormal", "textsf", "texttt", "textmd", "mbox", "hbox", "url", "nolinkurl",
          "ensuremath", "autocap", "hyphenation", "text", "textlatin", "textrussian", "textgreek", "uppercase",
          "lowercase", "MakeUppercase", "MakeLowercase", "mkbibacro", "textcyrillic", "NoCaseChange",
          "foreignlanguage", "href", "hyphenrules", "otherlanguage", "mkbibparens", "mkbibbrackets", "parencite",
          "arabic", "Roman", "RN", "Rn", "cite", "citet", "citep", "textcite", "autocite"}
_DROP_FIRST = {"foreignlanguage", "href", "hyphenrules", "otherlanguage"}  # \cmd{setting}{text}
_BRACKETS = {"mkbibparens": ("(", ")"), "mkbibbrackets": ("[", "]")}
_SWITCH = {"em": "em", "it": "em", "itshape": "em", "sl": "em", "slshape": "em", "bf": "strong", "bfseries": "strong",
           "sc": "", "scshape": "", "rm": "", "normalfont": "", "upshape": "", "sf": "", "tt": "", "ttfamily": "",
           "mdseries": "", "rmfamily": "", "sffamily": "", "small": "", "footnotesize": "", "large": ""}
_ARGS = {**{m: "{" for m in (*_TAGGED, *_PLAIN, "noopsort", "singleletter")},
         **{m: "{{" for m in _DROP_FIRST}, "printfirst": "{{", "switchargs": "{{", "t": "{"}
# Combining marks pylatexenc lacks: \t{ts} is "t͡s".
_TIE = "\u0361"


def _contexts() -> tuple[lw.LatexContextDb, LatexNodes2Text]:
    walker_db = lw.get_default_latex_context_db()
    walker_db.add_context_category("edition", prepend=True,
                                   macros=[MacroSpec(name, args) for name, args in _ARGS.items()])
    to_text = text_db()
    to_text.add_context_category("edition", prepend=True, macros=[
        MacroTextSpec(name, simplify_repl=value) for name, value in _SYMBOLS.items() if name.isalpha()])
    return walker_db, LatexNodes2Text(latex_context=to_text, math_mode="text", strict_latex_spaces="based-on-source")


_WALKER_DB, _TO_TEXT = _contexts()
_BARE_PERCENT = re.compile(r"(?<!\\)((?:\\\\)*)%")
_MAX_EXPANSION = 32
# What makes a value more than characters to the walk: a macro, a group, math, a comment, and pylatexenc's specials.
_LATEX = re.compile(r"[\\{}$%&~]|``|''|--|[!?]`")
_SPACES = re.compile(r"\s+")


@dataclass
class Decoder:
    """Decodes the values of one file set, with the macros its ``@preamble`` defines."""

    macros: Mapping[str, Macro] = field(default_factory=dict)
    # The last value walked and its nodes: a field is decoded, then made sortable, from one walk.
    _last: tuple[str, list[lw.LatexNode]] | None = field(default=None, init=False, repr=False, compare=False)

    def decode(self, latex: str) -> tuple[Text, list[Problem]]:
        """The value as rich text, and what could not be understood."""
        if not _LATEX.search(latex):  # most values: words and punctuation, which the walk would give back as they are
            return (Text(_SPACES.sub(" ", latex)) if latex else Text()), []
        problems: list[Problem] = []
        return Text(*self._nodes(self._walk(latex), problems, 0, sortable=False)), problems

    def sortable(self, latex: str) -> str:
        """Plain text for sorting: as printed, but macros that print nothing keep their arguments."""
        return str(Text(*self._nodes(self._walk(latex), [], 0, sortable=True)))

    def _walk(self, latex: str) -> list[lw.LatexNode]:
        if self._last is not None and self._last[0] == latex:
            return self._last[1]  # the nodes are only read, never changed
        # A bare % is a percent sign in a .bib value, not a comment that would drop the rest.
        walker = lw.LatexWalker(_BARE_PERCENT.sub(r"\1\\%", latex), latex_context=self._db(), tolerant_parsing=True)
        nodes, _, _ = walker.get_latex_nodes()
        self._last = (latex, list(nodes or []))
        return self._last[1]

    def _db(self) -> lw.LatexContextDb:
        if not self.macros:
            return _WALKER_DB
        db = lw.get_default_latex_context_db()
        db.add_context_category("edition", prepend=True, macros=[MacroSpec(name, args) for name, args in _ARGS.items()])
        db.add_context_category("preamble", prepend=True,
                                macros=[MacroSpec(name, "{" * m.args) for name, m in self.macros.items()])
        return db

    def _nodes(self, nodes: Sequence[lw.LatexNode], problems: list[Problem], depth: int,
               sortable: bool) -> list[BaseText | str]:
        out: list[BaseText | str] = []
        for n, node in enumerate(nodes):
            if isinstance(node, lw.LatexMacroNode) and node.macroname in _SWITCH:
                rest = Text(*self._nodes(nodes[n + 1:], problems, depth, sortable))
                out.append(Tag(_SWITCH[node.macroname], rest) if _SWITCH[node.macroname] else rest)
                break
            out += self._node(node, problems, depth, sortable)
        return out

    def _node(self, node: lw.LatexNode, problems: list[Problem], depth: int, sortable: bool) -> list[BaseText | str]:
        if isinstance(node, lw.LatexGroupNode):
            inner = self._nodes(node.nodelist, problems, depth, sortable)
            return [Protected(*inner)] if inner else []
        if isinstance(node, lw.LatexMacroNode):
            return self._macro(node, problems, depth, sortable)
        if isinstance(node, lw.LatexEnvironmentNode):
            return self._nodes(node.nodelist, problems, depth, sortable)
        return _leaf(node)

    def _args(self, node: lw.LatexMacroNode) -> list[lw.LatexNode]:
        return [a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None]

    def _arg(self, arg: lw.LatexNode, problems: list[Problem], depth: int, sortable: bool) -> list[BaseText | str]:
        nodes = arg.nodelist if isinstance(arg, lw.LatexGroupNode) else [arg]
        return self._nodes(nodes, problems, depth, sortable)

    def _macro(self, node: lw.LatexMacroNode, problems: list[Problem], depth: int,
               sortable: bool) -> list[BaseText | str]:
        name, args = node.macroname, self._args(node)

        def text_of(used: Sequence[lw.LatexNode]) -> list[BaseText | str]:
            return [p for a in used for p in self._arg(a, problems, depth, sortable)]

        if name in self.macros and depth < _MAX_EXPANSION:
            return self._expand(node, self.macros[name], problems, depth, sortable)
        if name in _SYMBOLS:  # \noopsort prints nothing; its argument sorts
            return [_SYMBOLS[name], *(text_of(args) if sortable else [])]
        if name in _TAGGED:
            inner, tag = Text(*text_of(args)), _TAGGED[name]
            return [Text("“", inner, "”")] if tag == "quote" else [Tag(tag, inner)]
        if name in _PLAIN or name in _CHOOSING:
            before, after = _BRACKETS.get(name, ("", ""))
            return [before, *text_of(_CHOOSING.get(name, _all)(args)), after]
        if name in _SWITCH:
            return []
        if name in ("^", "~", "'", "`", '"') and args and not args[0].latex_verbatim().strip("{} "):
            return [name]  # \^{} is a circumflex alone
        if name == "t":  # the tie over two letters: \t{ts} is "t͡s"
            text = str(Text(*text_of(args)))
            return [text[:1] + _TIE + text[1:]]
        if _TO_TEXT.latex_context.get_macro_spec(name) is None:
            problems.append(Problem(node.pos, f"LaTeX command \\{name} is not understood; its text is kept"))
            return text_of(args)
        return [_plain(_TO_TEXT.node_to_text(node))]

    def _expand(self, node: lw.LatexMacroNode, macro: Macro, problems: list[Problem], depth: int,
                sortable: bool) -> list[BaseText | str]:
        args = [a.latex_verbatim()[1:-1] if isinstance(a, lw.LatexGroupNode) else a.latex_verbatim()
                for a in self._args(node)]
        if not macro.body.strip():  # prints nothing: \noopsort; its argument sorts
            return [Text(*self._nodes(self._walk("".join(args)), problems, depth + 1, sortable))] if sortable else []
        body = re.sub(r"#([1-9])", lambda m: args[int(m[1]) - 1] if int(m[1]) <= len(args) else "", macro.body)
        return self._nodes(self._walk(body), [], depth + 1, sortable)


def _all(args: list[lw.LatexNode]) -> list[lw.LatexNode]:
    return args


# Macros that print some of their arguments: \printfirst{a}{b} is "a", \switchargs{a}{b} "ba".
_Choice = Callable[[list[lw.LatexNode]], list[lw.LatexNode]]
_CHOOSING: dict[str, _Choice] = {**{m: (lambda args: args[1:]) for m in _DROP_FIRST}, "printfirst": lambda args: args[:1],
             "switchargs": lambda args: args[::-1]}


def _leaf(node: lw.LatexNode) -> list[BaseText | str]:
    r"""Comments, math, characters and specials (``~``, ``--``, ``\`\```) as text."""
    if isinstance(node, lw.LatexCommentNode):
        return []
    if isinstance(node, lw.LatexMathNode):
        return [_plain(_TO_TEXT.nodelist_to_text(node.nodelist))]
    if isinstance(node, lw.LatexCharsNode):
        return [_SPACES.sub(" ", node.chars)]
    if isinstance(node, lw.LatexSpecialsNode) and node.specials_chars == "&":
        return ["&"]  # a bare & in a .bib value means "and", as BibTeX and biber pass it on
    return [_plain(_TO_TEXT.node_to_text(node))]


def _plain(text: str) -> str:
    """Decoded text: composed characters, a line break (``\\\\``) a space, no soft hyphens."""
    return unicodedata.normalize("NFC", text.replace("\n", " ").replace("\xad", ""))


_NEWCOMMAND = re.compile(r"\\(?:re)?newcommand\*?\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*(?:\[(\d)\])?\s*|"
                         r"\\providecommand\*?\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*(?:\[(\d)\])?\s*|"
                         r"\\def\s*\\([A-Za-z]+)((?:#\d)*)\s*")


def preamble_macros(preamble: str) -> dict[str, Macro]:
    """The macros ``@preamble`` defines with ``\\newcommand``, ``\\providecommand`` or ``\\def``."""
    macros: dict[str, Macro] = {}
    for m in _NEWCOMMAND.finditer(preamble):
        name = m[1] or m[3] or m[5]
        count = int(m[2] or m[4] or 0) if not m[5] else len(re.findall("#", m[6] or ""))
        body = _braced(preamble, m.end())
        if body is not None:
            macros[name] = Macro(count, body)
    return macros


def _braced(text: str, start: int) -> str | None:
    """The contents of the brace group at ``start``."""
    if start >= len(text) or text[start] != "{":
        return None
    level = 0
    for i in range(start, len(text)):
        level += {"{": 1, "}": -1}.get(text[i], 0)
        if level == 0:
            return text[start + 1: i]
    return None
