"""Running LuaLaTeX (latexmk) safely: the build folder, locks, fingerprints, installing the PDF, booklets."""
