"""Editorial prose kept as Markdown (the note on the texts) turned into the
reader's LaTeX: headings, paragraphs, bullet and numbered lists, and the inline
forms **bold**, *italic* and `code`. A deliberately small subset: the file is
written by the editors for this purpose and read on GitHub too.
"""

from __future__ import annotations

import re

from edition.latex.escape import Latex, escape_text

_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`|\\(\*)")


def inline(text: str) -> Latex:
    out: list[str] = []
    pos = 0
    for m in _INLINE.finditer(text):
        out.append(escape_text(text[pos : m.start()], out[-1][-1:] if out else " "))
        bold, italic, code, star = m.groups()
        if bold is not None:
            out.append(r"\textbf{" + inline(bold) + "}")
        elif italic is not None:
            out.append(r"\emph{" + inline(italic) + "}")
        elif code is not None:
            out.append(r"\texttt{" + escape_text(code) + "}")
        else:
            out.append(escape_text(star or ""))
        pos = m.end()
    out.append(escape_text(text[pos:], out[-1][-1:] if out else " "))
    return Latex("".join(out))


def markdown(text: str) -> tuple[str, Latex]:
    """(title from the first '# ' heading, the rest as LaTeX)."""
    title = ""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.strip().split("\n")
        if lines[0].startswith("# "):
            title = lines[0][2:].strip()
            lines = lines[1:]
            if not lines:
                continue
        if lines[0].startswith("## "):
            out.append(r"\edProseSection{" + inline(lines[0][3:].strip()) + "}")
            lines = lines[1:]
            if not lines:
                continue
        if re.match(r"^(- |\d+\. )", lines[0]):
            env = "itemize" if lines[0].startswith("- ") else "enumerate"
            items: list[str] = []
            for line in lines:
                if re.match(r"^(- |\d+\. )", line):
                    items.append(re.sub(r"^(- |\d+\. )", "", line))
                else:
                    items[-1] += " " + line.strip()
            out.append(rf"\begin{{{env}}}" + "".join(r"\item " + inline(i) for i in items) + rf"\end{{{env}}}")
        else:
            out.append(inline(" ".join(line.strip() for line in lines)))
    return title, Latex("\n\n".join(out))
