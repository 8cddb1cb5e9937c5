"""The Chicago Manual of Style's notes-bibliography system (17th/18th edition).

Every work can be written three ways, as format-neutral pybtex rich text: the
full note of its first citation, the short note of later ones, and its entry
in the list of works cited (and ``ibid``). The pieces of a work (names, title,
container, contributors, edition, volume, series, imprint, links) are made once
(``chicago_parts``) and put together differently by each form.
"""

from __future__ import annotations

from pybtex.richtext import Tag, Text

from edition.registers.bib.model import Work
from edition.registers.styles.base import EditionStyle, people
from edition.registers.styles.chicago_parts import Parts, after_colon, kind
from edition.registers.styles.rich import Item, Quoted, capfirst, drop_article, headline_case, join, quoted

_NO_PARENS = ("online", "patent")


class ChicagoStyle(EditionStyle):
    """Chicago notes and bibliography over an ``edition`` bibliography."""

    def parts(self, work: Work, form: str) -> Parts:
        return Parts(work, self.config, form)

    def full_note(self, key: str, locator: str = "") -> Text:
        """The note of a work's first citation in a document."""
        work = self.work(key)
        if work.type == "set":
            return self.members(work, self.full_note, locator)
        p, cfg = self.parts(work, "note"), self.config
        article = kind(work) == "article"
        items: list[Item | None] = [p.head(), None if work.type == "periodical" else p.title(), p.titleaddon()]
        if article:
            items += [*p.contributors(), p.issue_title(), p.journal()]
        else:
            items += [p.container("note"), *p.contributors(), p.edition(), p.volume(), p.part_label()]
            if cfg.series_in_notes or kind(work) in ("report", "thesis"):
                items.append(p.series())
            imprint = p.imprint()
            filled: list[Item | None] = [i for i in items if i is not None and str(i)]
            if imprint is not None and filled and kind(work) not in _NO_PARENS:
                filled[-1] = Text(quoted(filled[-1]), " (", imprint, ")")
                items = filled
            else:
                items = [*filled, imprint]
        note = p.notes()
        if article:
            body = join(items, ", ", american=cfg.american_punctuation)
            where = p.locator(after_colon(locator)) if locator else p.pages()
            body = Text(body, ": ", where) if where is not None else body
        else:  # the locator in the list, so that a comma after a quoted title goes inside
            body = join([*items, note, p.locator(locator) if locator else None], ", ", american=cfg.american_punctuation)
        return join([body, note if article else None, p.eprint(), *p.links("note")], ", ",
                    american=cfg.american_punctuation)

    def short_note(self, key: str, locator: str = "") -> Text:
        """The note of a later citation: surname(s), short title, locator."""
        work = self.work(key)
        if work.type == "set":
            return self.members(work, self.short_note, locator)
        cfg, p = self.config, self.parts(work, "short")
        if work.text("shorthand"):
            short: Item = Text(work.fields["shorthand"])
        else:
            title = work.fields.get("shorttitle")
            if title is None:  # Chicago: the main title without subtitle or initial article
                title = next((work.fields[f] for f in ("title", "maintitle", "journaltitle", "key", "note")
                              if work.text(f)), Text(work.key)).split(": ")[0]
                if p.language() in cfg.title_case_languages:
                    title = drop_article(title)
            title = headline_case(title) if p.title_cased() else title
            short = Tag("em", title) if p.italic() else Quoted(title, cfg.open_quote, cfg.close_quote)
        where: Item | None = p.locator(locator) if locator else None
        if locator and cfg.volume_in_short_note and work.text("volume") and where is not None:
            where = Text(work.text("volume"), ":", where)
        lead = p.lead()[0] if not work.text("shorthand") else []
        return join([p.names(lead, "short"), short, where], ", ", american=cfg.american_punctuation)

    def ibid(self, locator: str = "") -> Text:
        word = self.config.ibid_word
        return Text(word, ", ", self.parts(Work("", "misc"), "note").locator(locator)) if locator else Text(word)

    def bibliography_entry(self, key: str) -> Text:
        """The work's entry in the list of works cited."""
        work = self.work(key)
        if work.type == "set":
            return self.members(work, lambda k, _: self.bibliography_entry(k), "", " ")
        p, cfg = self.parts(work, "bib"), self.config
        own_title = None if work.type == "periodical" else p.title()  # a periodical's title is its journal
        sentences: list[Item | None] = [p.head(), own_title, p.titleaddon()]
        if kind(work) == "article":
            journal, pages = p.journal(), p.pages()
            sentences += [c.capfirst() for c in p.contributors()]
            sentences += [p.issue_title(), Text(journal, ": ", pages) if journal and pages else journal]
        else:
            contributors = p.contributors()
            container = p.container("bib")
            if container is not None:
                sentences.append(join([container, *contributors, p.pages() if kind(work) == "part" else None], ", "))
            else:
                sentences += [c.capfirst() for c in contributors]
            sentences += [capfirst(p.edition()), capfirst(p.volume()), capfirst(p.part_label()), capfirst(p.series()),
                          p.imprint()]
            if kind(work) != "part":
                sentences.append(capfirst(p.chapter()))
        sentences += [capfirst(p.notes()), p.original(), p.eprint(), *p.links("bib")]
        return join(sentences, ". ", end=".", american=cfg.american_punctuation)


HistorianStyle = ChicagoStyle  # the name the style had before GOST joined it


def heads(work: Work) -> bool:
    """Whether a work has anyone to head its entry."""
    return bool(people(work, "author", "editor"))
