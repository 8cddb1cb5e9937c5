"""The LaTeX renderer: the corpus and the passes' decisions into the files LuaLaTeX compiles; the one TeX escaping."""
