# make pdf   build build/reader.pdf (installs what it needs on first use)
# make test  run the whole test suite (one process per core: pytest-xdist; an idle process takes tests from a busy one)
# make html  build the HTML edition into build/html/ (with its search index and EPUB)
# make test-fast  the tests that run no LuaLaTeX, no browser and install nothing (under 40 s)
# make check check the sources and report every problem
# make clean remove build/
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SYSTEM := $(VENV)/.system-ok

.PHONY: pdf html test test-fast check clean golden lint system web-test-tools bench import-score

pdf: $(STAMP) system
	$(VENV)/bin/edition build

html: $(STAMP)
	$(VENV)/bin/edition build --html

test: $(STAMP) system web-test-tools
	$(PY) -m pytest -q -n auto --dist worksteal

test-fast: $(STAMP)
	$(PY) -m pytest -q -n auto --dist worksteal -m "not latex and not browser and not install"

check: $(STAMP)
	$(VENV)/bin/edition check

lint: $(STAMP)
	$(VENV)/bin/ruff check edition tests bench
	$(VENV)/bin/mypy edition

# How well 'edition import' reads the real raw copies of tests/fixtures/import/real/ (a table per page and in total).
import-score: $(STAMP)
	$(PY) tests/import_score.py

# Regenerate the expected LaTeX of tests/golden/ (documents and a whole small reader) after a deliberate change.
golden: $(STAMP)
	$(PY) tests/golden_update.py

system:
	@tools/ensure-system.sh

# Chromium, Java, epubcheck and the npm packages of package-lock.json, for the web tests.
web-test-tools:
	@tools/ensure-web-test.sh

# setuptools tells every editable install of a package that sits at the top of its checkout that a
# folder of the package's name in the working directory takes precedence: here that folder is the
# package itself, so the advice is filtered out (tests/test_install.py uses the same filter).
EDITABLE_QUIET := PYTHONWARNINGS="ignore:Editable installation"

$(STAMP): pyproject.toml
	@tools/ensure-system.sh
	@echo "edition: installing, once: a Python environment in $(VENV)/ with edition and its libraries (PyYAML, Jinja2, pybtex, lxml...) and the test tools; a minute or two" >&2
	@python3 -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(EDITABLE_QUIET) $(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)
	@echo "edition: installed; from now on 'make pdf' only builds" >&2

clean:
	rm -rf build

# Benchmark: synthetic corpora and the shipped one; writes bench/results.md.
# The 1,000-document corpus takes about 20 minutes; 'make bench SIZES=10,100' skips it.
SIZES ?= 10,100,1000
bench: $(STAMP) system
	$(PY) bench/bench.py --seed-corpus --sizes $(SIZES)
	$(PY) bench/import_bench.py
