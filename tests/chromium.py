"""Debian's Chromium for every test that needs a browser (a pytest plugin, loaded by
``tests/conftest.py``).

Playwright's own browser downloads need the internet, which CI does not have, so tests
launch the system ``/usr/bin/chromium`` (``.ci/run`` installs it with apt). A test asks for
the ``browser`` fixture; only such tests depend on Chromium. Where it is missing:

- with ``CI=true`` the test fails: CI must never pass without testing what it claims to;
- otherwise it is skipped, never quietly: the end of the run says in capitals how many
  tests went untested and why.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from generator.preview import ARGS as PREVIEW_ARGS
from generator.preview import CHROMIUM as CHROMIUM

# One Chromium and one set of flags for the tests and `handbook preview`'s screenshots.
ARGS = list(PREVIEW_ARGS)
MISSING = (
    f"{CHROMIUM} is missing, so progress, dates, search, offline, accessibility and "
    "layout were NOT tested. Install it with `apt-get install chromium` (.ci/run does this)."
)
_SKIPPED = pytest.StashKey[int]()


def require_chromium(config: pytest.Config) -> None:
    """Fail under CI, skip (counted, reported at the end) elsewhere, when Chromium is absent."""
    if CHROMIUM.is_file():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: {MISSING}")
    config.stash[_SKIPPED] = config.stash.get(_SKIPPED, 0) + 1
    pytest.skip(f"BROWSER TEST SKIPPED: {MISSING}")


@pytest.fixture(scope="session")
def playwright(pytestconfig: pytest.Config) -> Iterator[Playwright]:
    require_chromium(pytestconfig)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Headless system Chromium, one per session (contexts isolate the tests)."""
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
    yield chromium
    chromium.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Repeat the skip at the very end of the run, where nobody can miss it."""
    skipped = terminalreporter.config.stash.get(_SKIPPED, 0)
    if skipped:
        terminalreporter.section("browser tests", sep="!", red=True, bold=True)
        terminalreporter.write_line(
            f"{skipped} BROWSER TESTS SKIPPED: {MISSING}", red=True, bold=True
        )
