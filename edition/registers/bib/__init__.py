"""The works cited: .bib files read (``load``), their LaTeX decoded (``decode``), the model
with crossref, xdata and set resolution (``model``), dates (``dates``) and sorting (``collate``)."""
