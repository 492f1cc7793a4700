# vnhealth: one command per job. `make` (or `make help`) lists the targets.
# Every target sets up what it needs, so each works on a fresh clone with only python3.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Touched after a successful install; older than pyproject.toml means "install again".
STAMP := $(VENV)/.installed
WAREHOUSE := data/warehouse.duckdb
# Reports rendered in parallel: one per core unless JOBS=N is given.
JOBS ?= $(shell nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 2)

# What the warehouse is built from: rebuilt when any of these (or the install) changes.
WAREHOUSE_INPUTS := $(shell find data/raw data/catalog data/reference sql lib \
	-type f -not -path '*/__pycache__/*' -not -path '*.egg-info/*' 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help setup warehouse check reports browser-deps test lab bench clean distclean

help: ## List the targets
	@echo "Usage: make TARGET   (python for the venv: PY=$(PY))"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-zA-Z_-]*:.*## / {printf "  %-13s %s\n", $$1, $$2}' \
		$(MAKEFILE_LIST)

setup: $(STAMP) ## Create .venv and install the package with its dev tools

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[dev]'
# An editable install leaves the library uncompiled, and with PYTHONDONTWRITEBYTECODE set every
# command (and report kernel) would compile it again; `vnhealth render` refreshes it too.
	$(BIN)/python -m compileall -q lib
	touch $@

warehouse: $(WAREHOUSE) ## Build data/warehouse.duckdb from data/raw and data/catalog

$(WAREHOUSE): $(STAMP) $(WAREHOUSE_INPUTS)
	$(BIN)/vnhealth build

check: warehouse ## Run the data checks (sql/checks/*.sql); non-zero exit on any offending row
	$(BIN)/vnhealth check

reports: setup warehouse browser-deps ## Build the warehouse, then render the reports
	$(BIN)/vnhealth render --manifest reports/reports.yaml --jobs $(JOBS)

# Headless Chromium prints the PDF briefs and drives the browser tests; DejaVu has the
# Vietnamese glyphs. Skipped when both are present. It never fails the build: without apt, or
# without root or password-less sudo, it says what to install, `vnhealth render` still writes
# the HTML (noting that PDFs were skipped) and the browser tests skip (they fail on CI).
browser-deps: ## Install headless Chromium and a font with Vietnamese glyphs (apt)
	@if { command -v chromium || command -v chromium-browser || command -v google-chrome; } \
			>/dev/null 2>&1 && fc-list ':lang=vi' family 2>/dev/null | grep -q .; then \
		echo "browser-deps: chromium and a Vietnamese font are installed"; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
		echo "browser-deps: no apt-get here; install Chromium and a font covering Vietnamese" \
			"(PDF briefs and the browser tests need them)"; \
	else \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo "sudo -n" ); \
		{ $$SUDO apt-get update -qq && \
		  apt-cache policy chromium | grep -q 'Candidate: [0-9]' && \
		  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
			chromium fonts-dejavu-core fontconfig; } || \
		echo "browser-deps: could not install chromium with apt (no package, or sudo wants a" \
			"password); run: sudo apt-get install chromium fonts-dejavu-core"; \
	fi

test: setup browser-deps ## Lint (ruff) and run the test suite (pytest)
	$(BIN)/ruff check lib tests benchmarks notebooks
	$(BIN)/pytest -q

lab: setup ## Register the "vnhealth (.venv)" Jupyter kernel and open JupyterLab on notebooks/
	$(BIN)/python -m ipykernel install --user --name vnhealth --display-name "vnhealth (.venv)"
	$(BIN)/jupyter lab notebooks/

bench: setup ## Time the build: five real documents and a 500-document synthetic corpus
	$(BIN)/python benchmarks/bench_build.py

clean: ## Remove the warehouse, build artefacts and caches (keeps .venv)
	rm -f $(WAREHOUSE) $(WAREHOUSE).wal data/.*.tmp-*
	rm -rf build dist lib/*.egg-info benchmarks/out tests/artifacts
	rm -rf .pytest_cache .ruff_cache .hypothesis
	find . -path ./$(VENV) -prune -o \
		\( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -print0 \
		| xargs -0 -r rm -rf

distclean: clean ## Also remove .venv
	rm -rf $(VENV)
