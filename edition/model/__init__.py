"""The model: plain data (corpus, documents, blocks, rich-text spans, dates, diagnostics), no I/O, no output format."""
