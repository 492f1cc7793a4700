# vnhealth: one command per job. `make` (or `make help`) lists the targets.
# Every target sets up what it needs, so each works on a fresh clone with only python3.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Touched after a successful install; older than the lock means "install again".
STAMP := $(VENV)/.installed
# Every package, direct and transitive, pinned with its hashes (`make lock` refreshes it).
LOCK := requirements.lock
# uv resolves the lock (`make lock`, `make test-latest`); it lives in its own venv, pinned here.
UV_VERSION := 0.13.9
UV := .venv-tools/bin/uv
WAREHOUSE := data/warehouse.duckdb
# Reports rendered in parallel: one per core unless JOBS=N is given.
JOBS ?= $(shell nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 2)

# What the warehouse is built from: rebuilt when any of these (or the install) changes.
# The layers below report (inputs, extract, harmonize, build): editing report or render code
# does not rebuild the warehouse (the build hash covers the same code, vnhealth.build.sources).
WAREHOUSE_INPUTS := $(shell find data/raw data/catalog data/reference sql \
	lib/vnhealth/__init__.py lib/vnhealth/inputs lib/vnhealth/extract lib/vnhealth/harmonize \
	lib/vnhealth/build \
	-type f -not -path '*/__pycache__/*' -not -path '*.egg-info/*' 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help setup lock test-latest warehouse check reports browser-deps test test-fast lab bench clean \
	distclean

help: ## List the targets
	@echo "Usage: make TARGET   (python for the venv: PY=$(PY))"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-zA-Z_-]*:.*## / {printf "  %-13s %s\n", $$1, $$2}' \
		$(MAKEFILE_LIST)

setup: $(STAMP) ## Create .venv and install exactly the lock (requirements.lock), then the package

$(BIN)/python:
	$(PY) -m venv $(VENV)

# pip checks every hash; --no-deps and --no-build-isolation mean nothing outside the lock is
# fetched (setuptools, the build backend, is in the lock). A package no longer in the lock is
# left installed but unused; `make distclean setup` starts from nothing.
$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
# An editable install leaves the library uncompiled, and with PYTHONDONTWRITEBYTECODE set every
# command (and report kernel) would compile it again; `vnhealth render` refreshes it too.
	$(BIN)/python -m compileall -q lib
	touch $@

$(UV):
	$(PY) -m venv .venv-tools
	.venv-tools/bin/python -m pip install --quiet uv==$(UV_VERSION)

# The resolution itself: pyproject.toml's ranges plus requirements/lock.in, for Python 3.11 on
# every platform, every file's hash. `make lock` rewrites the lock with the newest releases;
# `make setup` then installs them. See the README, "Upgrading dependencies".
LOCK_RESOLVE = $(UV) pip compile pyproject.toml requirements/lock.in --extra dev --universal \
	--python-version 3.11 --generate-hashes --no-header --annotation-style line --quiet

# LOCK_UPGRADE= (empty) keeps every pin that still fits: for adding a dependency alone.
LOCK_UPGRADE ?= --upgrade
lock: $(UV) ## Resolve the newest releases allowed into requirements.lock (then: make setup test)
	$(LOCK_RESOLVE) $(LOCK_UPGRADE) -o $(LOCK)

# The drift check (weekly in CI): the tests in a throwaway venv of the newest releases that
# pyproject.toml allows, ignoring the lock and requirements/lock.in's caps.
LATEST_VENV := .venv-latest
test-latest: $(UV) browser-deps ## Run the tests against the newest releases (not the lock)
	rm -rf $(LATEST_VENV)
	$(PY) -m venv $(LATEST_VENV)
	$(LATEST_VENV)/bin/python -m pip install --quiet -e '.[dev]' duckdb-cli
	$(LATEST_VENV)/bin/python -m pip list --format=freeze > $(LATEST_VENV)/versions.txt
	$(LATEST_VENV)/bin/ruff check lib tests benchmarks notebooks
	PATH=$(abspath $(LATEST_VENV))/bin:$$PATH $(LATEST_VENV)/bin/pytest -q

warehouse: $(WAREHOUSE) ## Build data/warehouse.duckdb from data/raw and data/catalog

$(WAREHOUSE): $(STAMP) $(WAREHOUSE_INPUTS)
	$(BIN)/vnhealth build

check: warehouse ## Run the data checks (sql/checks/*.sql); non-zero exit on any offending row
	$(BIN)/vnhealth check

# Only what changed is rendered (--changed: notebook, parameters, data build, library, page
# format); with nothing changed the command answers from reports/.render-state.json without
# starting a kernel, a browser or even importing papermill. RENDER_FLAGS= renders everything.
RENDER_FLAGS ?= --changed
reports: setup warehouse browser-deps ## Build the warehouse, then render the reports that changed
	$(BIN)/vnhealth render --manifest reports/reports.yaml --jobs $(JOBS) $(RENDER_FLAGS)

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

test-fast: setup ## The inner loop: lint and the tests that are neither slow nor browser (seconds)
	$(BIN)/ruff check lib tests benchmarks notebooks
	$(BIN)/pytest -q -m "not slow and not browser"

# The kernel is registered inside .venv (--sys-prefix), for this clone only: another clone's
# `make lab` cannot repoint it. JupyterLab refuses to run as root unless told it may.
LAB_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)
lab: setup warehouse ## Build the warehouse, register this clone's kernel, open JupyterLab
	$(BIN)/python -m ipykernel install --sys-prefix --name vnhealth \
		--display-name "vnhealth (this clone)"
	$(BIN)/jupyter lab $(LAB_ROOT) notebooks/

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
