"""Browser fixtures: the built fixture handbook served on 127.0.0.1, and pages of it.

Chromium itself comes from ``tests/chromium.py`` (the ``browser`` fixture), which fails
these tests under ``CI=true`` when Chromium is missing and skips them loudly elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.conftest import serving

TIMEZONE = "Africa/Nairobi"


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site, served."""
    with serving(built_site) as url:
        yield url


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
