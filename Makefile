# Study Handbook. A fresh clone needs only Python >= 3.11 and make:
# every target creates .venv itself and installs into it only when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEPS   := $(VENV)/.deps-runtime
TDEPS  := $(VENV)/.deps-test

.DEFAULT_GOAL := build
.PHONY: build render serve check test lint typecheck bench clean offline

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(DEPS): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(TDEPS): pyproject.toml $(DEPS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

## build: render the Markdown and build the site into site/
build: $(DEPS)
	$(BIN)/handbook build

## offline: build the site, then the offline copy site/downloads/handbook-offline.zip
offline: build
	$(BIN)/python -m generator.offline

## render: write the generated Markdown into build/docs only
render: $(DEPS)
	$(BIN)/handbook render

## serve: live preview on http://127.0.0.1:8000/, re-rendering on content edits
serve: $(DEPS)
	$(BIN)/handbook serve

## check: validate the content files only
check: $(DEPS)
	$(BIN)/handbook check

## test: lint, type-check and run the whole test suite
test: lint typecheck
	$(BIN)/python -m pytest

lint: $(TDEPS)
	$(BIN)/ruff check generator tests $(wildcard bench)
	$(BIN)/ruff format --check generator tests $(wildcard bench)

typecheck: $(TDEPS)
	$(BIN)/mypy

## bench: measure render speed, build overhead, rewrites, quota and page weight
bench: $(TDEPS)
	$(BIN)/python -m bench.run

clean:
	rm -rf build site
