"""edition: annotated historical sources into a printable critical edition.

The stages, one subpackage each, bottom to top: ``model`` (plain data) ←
``sources`` (reading the project) ← ``registers`` ← ``checks`` ← ``passes`` ←
``latex`` / ``interchange`` (the outputs) ← ``build`` (LuaLaTeX) ←
``pipeline`` (the stages wired together) ← ``cli`` (the command).
"""

__version__ = "0.1.0"
