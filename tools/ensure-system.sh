#!/usr/bin/env bash
# Install what edition needs from the system: Python's venv module, TeX Live
# (LuaLaTeX, latexmk, reledmac, Cyrillic support), the Libertine, DejaVu and Junicode fonts and
# poppler-utils (pdftotext, for the tests). Does nothing when all is present.
set -euo pipefail

missing=()
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
command -v lualatex >/dev/null || missing+=(texlive-luatex)
command -v latexmk >/dev/null || missing+=(latexmk)
kpsewhich reledmac.sty >/dev/null 2>&1 || missing+=(texlive-humanities)
kpsewhich needspace.sty >/dev/null 2>&1 || missing+=(texlive-latex-extra)
kpsewhich scrbook.cls >/dev/null 2>&1 || missing+=(texlive-latex-recommended)
kpsewhich russianb.ldf >/dev/null 2>&1 || missing+=(texlive-lang-cyrillic)
kpsewhich xampl.bib >/dev/null 2>&1 || missing+=(texlive-base)   # BibTeX and its test database xampl.bib (tests)
fc-list 2>/dev/null | grep "Linux Libertine O" >/dev/null || missing+=(fonts-linuxlibertine)  # no -q: it would break the pipe
fc-list 2>/dev/null | grep "DejaVu Serif" >/dev/null || missing+=(fonts-dejavu-core)  # fallback for Georgian and more
fc-list 2>/dev/null | grep "Junicode" >/dev/null || missing+=(fonts-junicode)  # the marks of an addition, ⸌ ⸍, and medievalists' signs
command -v pdftotext >/dev/null || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "edition: installing system packages: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "edition: cannot install them here (needs root and apt-get); please install: ${missing[*]} (Debian package names)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}" texlive-fonts-recommended lmodern fontconfig
