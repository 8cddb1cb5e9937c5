"""Reading the project: positioned YAML, the declared schema of each file, the inline markup, the parse cache."""
