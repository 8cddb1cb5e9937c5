"""edition: annotated historical sources into a printable critical edition.

The pipeline: ``load`` (sources → model) → ``validate`` → ``render_latex``
(model → LaTeX files) → ``build`` (LuaLaTeX → PDF). ``cli`` drives it.
"""

__version__ = "0.1.0"
