# vnhealth: one command per job. `make` (or `make help`) lists the targets.
# Every target sets up what it needs, so each works on a fresh clone with only python3.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Touched after a successful install; older than pyproject.toml means "install again".
STAMP := $(VENV)/.installed
WAREHOUSE := data/warehouse.duckdb

# What the warehouse is built from: rebuilt when any of these (or the install) changes.
WAREHOUSE_INPUTS := $(shell find data/raw data/catalog data/reference sql lib \
	-type f -not -path '*/__pycache__/*' -not -path '*.egg-info/*' 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help setup warehouse reports test lab bench clean distclean

help: ## List the targets
	@echo "Usage: make TARGET   (python for the venv: PY=$(PY))"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-zA-Z_-]*:.*## / {printf "  %-10s %s\n", $$1, $$2}' \
		$(MAKEFILE_LIST)

setup: $(STAMP) ## Create .venv and install the package with its dev tools

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[dev]'
	touch $@

warehouse: $(WAREHOUSE) ## Build data/warehouse.duckdb from data/raw and data/catalog

$(WAREHOUSE): $(STAMP) $(WAREHOUSE_INPUTS)
	$(BIN)/vnhealth build

reports: setup warehouse ## Build the warehouse, then render the reports
# render step added by the reports issue
	@echo "reports: warehouse is up to date; no reports to render yet"

test: setup ## Lint (ruff) and run the test suite (pytest)
	$(BIN)/ruff check lib tests benchmarks
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
