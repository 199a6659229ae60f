"""Every page as readers meet it in Chromium: axe-core finds nothing serious in light or dark,
nothing scrolls sideways on a phone or a desktop, every link and button has a name.

axe-core comes bundled in ``axe-playwright-python`` (a test dependency), so the check
runs offline. One browser context per scheme or width visits every page of a site.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, BrowserContext, Page

from tests.site.conftest import CheckedSite

SCHEMES = {"light": "default", "dark": "slate"}
TODAY = "2026-11-18T10:00:00+03:00"
"""A fixed clock inside both sites' roadmaps, so "this week" marks show as readers see them."""

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const page = document.scrollingElement.scrollWidth;
  const out = [];
  for (const node of document.querySelectorAll("body *")) {
    const rect = node.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= width + 1) continue;
    // inside something that scrolls or clips on its own (code blocks, Material's drawers)
    let clipped = false;
    for (let up = node.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX !== "visible" || style.position === "fixed") { clipped = true; break; }
    }
    if (!clipped && getComputedStyle(node).position !== "fixed") {
      out.push(node.tagName.toLowerCase() + "." + [...node.classList].join(".") + " right=" + Math.round(rect.right));
    }
  }
  return {width, page, out: out.slice(0, 5)};
}"""

SETTLED = """async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations().map((animation) => animation.finished));
}"""
"""Waits for the transitions a scroll starts (Material's header swaps the site name for the
page title) to end: axe measures a fading title's contrast mid-way and reports it."""

NAMELESS = """() => [...document.querySelectorAll("a[href], button, [role=button]")]
  .filter(node => node.getClientRects().length > 0)
  .filter(node => !(node.getAttribute("aria-label") || node.getAttribute("title")
                   || node.textContent.trim() || [...node.querySelectorAll("img[alt]")]
                   .some(img => img.alt.trim())))
  .map(node => node.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _context(browser: Browser, **options: object) -> BrowserContext:
    context = browser.new_context(timezone_id="Africa/Nairobi", **options)  # type: ignore[arg-type]
    return context


def _visit(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")


@pytest.fixture
def clocked(browser: Browser) -> Iterator[BrowserContext]:
    context = _context(browser)
    yield context
    context.close()


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_axe_finds_nothing_serious_on_any_page(
    site: CheckedSite, browser: Browser, axe: Axe, scheme: str
) -> None:
    context = _context(browser, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.clock.set_fixed_time(TODAY)
        found, ticked = [], False
        for path in site.pages:
            _visit(page, site.url + path)
            boxes = page.locator("input[data-item]")
            if not ticked and boxes.count():  # bars and boxes then show progress, as in use
                boxes.first.check()  # scrolls the box into view
                page.evaluate(SETTLED)
                ticked = True
            shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert shown == SCHEMES[scheme], path
            for violation in axe.run(page).response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    found.append(f"/{path}: {violation['id']} ({violation['impact']}) at {targets}")
        assert found == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_nothing_scrolls_sideways_and_every_control_has_a_name(
    site: CheckedSite, browser: Browser, width: int
) -> None:
    context = _context(browser, viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.clock.set_fixed_time(TODAY)
        wide, nameless = [], []
        for path in site.pages:
            _visit(page, site.url + path)
            layout = page.evaluate(OVERFLOW)
            if layout["page"] > layout["width"] or layout["out"]:
                wide.append(f"/{path}: {layout}")
            nameless += [f"/{path}: {html}" for html in page.evaluate(NAMELESS)]
        assert wide == []
        assert nameless == []
    finally:
        context.close()


def test_the_home_page_has_one_card_per_roadmap(site: CheckedSite, clocked: BrowserContext) -> None:
    page = clocked.new_page()
    _visit(page, site.url)
    roadmaps = page.evaluate("Object.keys(window.handbookData.roadmaps).length")
    cards = page.locator(".hb-home > .hb-card")
    assert roadmaps >= 2
    assert cards.count() == roadmaps
    for index in range(roadmaps):  # each card names one roadmap, as a heading with a link
        assert cards.nth(index).locator("h2 a:not(.headerlink)").count() == 1
