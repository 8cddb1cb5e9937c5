"""TEI P5: the corpus written as TEI (``export``), and TEI letters read as sources (``read``).

The corpus as TEI P5: one file per document, and the registers beside them.

Each document becomes ``{id}.xml``: a header (title, responsibility, the
printed source and every archival source, the correspondence description or
the circumstances of creation, languages, status), the headnote in ``front``,
the text in ``body`` and the notes in ``back``. The registers become
``persons.xml``, ``places.xml`` and ``bibliography.xml``, which the documents
point into (``persons.xml#zinoviev``).

How the model maps, so that ``read`` can read it back:

* blocks: a letter's opening parts go into ``opener``, its closing parts into
  ``closer``; a block that cannot follow what came before in TEI's order (a
  paragraph after the signature, a heading within the text) opens a new
  ``div``. ``@closer`` is ``salute`` inside ``closer`` (``seg type="closer"``
  inside ``opener``); ``@lines`` is ``lg``/``l`` among paragraphs and
  ``address``/``addrLine`` inside ``opener`` and ``closer`` (a span that runs
  over a line break is cut in two there); letter parts inside a quotation or
  a note are a ``floatingText``;
* a note anchor is ``<anchor xml:id="a.SERIES.KEY"/>``; a lemma runs to
  ``<anchor xml:id="e.SERIES.KEY"/>``; the note is ``<note xml:id="n.SERIES.KEY"
  type="SERIES" target="#a..." targetEnd="#e..."/>`` in ``back``;
* of the two forms in a ``choice``, the first is the one the edition prints;
* a person or place mention without words of its own prints the register's
  name, and is marked ``type="register"``;
* the editorial status of the front matter is ``revisionDesc/@status``.

In ``persons.xml`` an alias is a ``variant`` when it spells the surname
(roughly), else a ``pseudonym``: a guess, since the register does not say.

Ids that are not XML names are encoded (see ``xml_id``).
"""
