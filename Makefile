# Study Handbook. A fresh clone needs only Python >= 3.11 and make:
# every target creates .venv itself and installs into it only when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEPS   := $(VENV)/.deps-runtime
TDEPS  := $(VENV)/.deps-test

.DEFAULT_GOAL := build
.PHONY: build render serve check test lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(DEPS): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(TDEPS): pyproject.toml $(DEPS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

## build: refresh videos (only with YOUTUBE_API_KEY set), render, and build the site into site/
# Exit 3 from refresh means "stopped early, progress saved": the build goes on with the lock
# as it is; any other failure stops the build.
build: $(DEPS)
	@if [ -n "$$YOUTUBE_API_KEY" ]; then \
	  $(BIN)/handbook refresh; status=$$?; \
	  if [ $$status -eq 3 ]; then echo "handbook refresh stopped early (progress saved); building with the videos resolved so far."; \
	  elif [ $$status -ne 0 ]; then exit $$status; fi; \
	else \
	  echo "YOUTUBE_API_KEY is not set: skipping the video refresh, building from content/videos.lock.json as it is."; \
	fi
	$(BIN)/handbook build

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
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

typecheck: $(TDEPS)
	$(BIN)/mypy

clean:
	rm -rf build site
