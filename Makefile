# One-word commands. Each target does its own set-up: it creates .venv, installs the
# package (only when pyproject.toml changed) and installs the NLTK data it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# Extra options for the report command, e.g. make report REPORT_ARGS="--only 04_sources --out my-report"
REPORT_ARGS ?=

.PHONY: setup report test lint docs lab notebooks clean help
help:
	@echo "make report     regenerate every report (reports/) and figure (figures/)"
	@echo "make test       run the whole test suite (unit, notebooks, batch)"
	@echo "make lint       check the code with ruff (configured in pyproject.toml)"
	@echo "make docs       regenerate the docs made from the word lists (docs/framing_rules.md, docs/sources.md)"
	@echo "make lab        open JupyterLab on notebooks/ with the project's kernel"
	@echo "make notebooks  re-execute notebooks/ in place (stored outputs for nbval)"
	@echo "make setup      create .venv, install, fetch NLTK data"

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)
	@$(PY) -m analysis setup --quiet-kernels

report: setup
	$(PY) -m analysis report $(REPORT_ARGS)

test: setup
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .

docs: $(STAMP)
	$(PY) -m analysis docs

notebooks: setup
	$(PY) -m analysis report --in-place

lab: setup
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG)

clean:
	rm -rf reports .pytest_cache .cache
