"""Browser fixtures: the built site served on 127.0.0.1, driven through Debian's Chromium.

Playwright's own browser downloads need the internet, which CI does not have, so the
tests launch the system ``/usr/bin/chromium`` (``.ci/run`` installs it with apt). Where
it is missing the browser tests are skipped, but never quietly: a warning is raised and
the end-of-run summary says in capitals that the reader's features went untested.
"""

from __future__ import annotations

import functools
import http.server
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEZONE = "Africa/Nairobi"
MISSING = (
    f"BROWSER TESTS SKIPPED: {CHROMIUM} is missing, so progress, dates, search, offline "
    "and accessibility were NOT tested. Install it with `apt-get install chromium` "
    "(.ci/run does this)."
)
_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip this folder's tests only when Chromium is absent, and warn loudly when so."""
    if CHROMIUM.is_file():
        return
    ours = [item for item in items if _HERE in Path(str(item.path)).resolve().parents]
    if not ours:
        return
    warnings.warn(pytest.PytestWarning(MISSING), stacklevel=1)
    for item in ours:
        item.add_marker(pytest.mark.skip(reason=MISSING))
    config.stash[_SKIPPED] = len(ours)


_SKIPPED = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Repeat the skip at the very end of the run, where nobody can miss it."""
    skipped = terminalreporter.config.stash.get(_SKIPPED, 0)
    if skipped:
        terminalreporter.section("browser tests", sep="!", red=True, bold=True)
        terminalreporter.write_line(f"{skipped} {MISSING}", red=True, bold=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request into the test output."""

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served by a stdlib HTTP server on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Headless system Chromium, one per session (contexts isolate the tests)."""
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh profile (empty localStorage) in the team's time zone."""
    ctx = browser.new_context(timezone_id=TIMEZONE, locale="en-GB", accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A page of that profile; the test fails if the site raises any script error."""
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    assert not errors, f"script errors on the page: {errors}"
