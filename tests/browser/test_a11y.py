"""Accessibility: axe-core finds no serious or critical violation, in light and dark scheme.

axe-core comes bundled in the ``axe-playwright-python`` package (a test dependency from
PyPI), so the check runs offline, without npm.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

PAGES = {
    "home": "",
    "overview": "fixture-team/",
    "week": "fixture-team/week-01/",
    "progress": "fixture-team/progress/",
}
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(params=sorted(SCHEMES))
def scheme_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A page whose system preference selects Material's light or dark palette."""
    context = browser.new_context(color_scheme=request.param, timezone_id="Africa/Nairobi")
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-18T10:00:00+03:00")  # so "this week" is highlighted
    page.scheme = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_or_critical_violations(
    scheme_page: Page, base_url: str, axe: Axe, name: str
) -> None:
    page = scheme_page
    page.goto(base_url + PAGES[name])
    if name == "week":
        # Ticked, so bars and checked boxes are checked as readers see them.
        page.locator("input[data-item]").first.check()
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == SCHEMES[page.scheme]  # type: ignore[attr-defined]
    results = axe.run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, "\n".join(bad)
