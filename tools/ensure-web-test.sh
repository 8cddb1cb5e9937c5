#!/usr/bin/env bash
# Install what the tests need beyond the PDF build: biber (the bibliography exports read
# as biblatex data), and for the HTML edition Debian's chromium (driven by
# playwright-core), a Java runtime (the Nu HTML validator), epubcheck, Node and
# npm, then the npm packages pinned in package-lock.json (axe-core,
# playwright-core, vnu-jar) into node_modules/. Does nothing when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v epubcheck >/dev/null || missing+=(epubcheck)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
fc-list 2>/dev/null | grep "DejaVu Sans" >/dev/null || missing+=(fonts-dejavu-core)
command -v biber >/dev/null || missing+=(biber)  # reads the bibliography exports as biblatex data (tests/test_bib_exports.py)

if [ ${#missing[@]} -gt 0 ]; then
  echo "edition: installing system packages for the web tests: ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "edition: cannot install them here (needs root and apt-get); please install: ${missing[*]} (Debian package names)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

stamp=node_modules/.installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  # --ignore-scripts: vnu-jar's install script would fetch a Java runtime; Debian's is used.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
