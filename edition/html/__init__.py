"""The HTML edition (and its EPUB): static pages rendered from the model and the passes."""
