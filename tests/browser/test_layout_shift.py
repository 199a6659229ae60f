"""Nothing moves when our script fills the page.

The script runs after the browser's first paint (it loads at the end of the body), and it fills
progress bars and the "This week" lines. Unless their room is kept from the start
(``html.hb-js`` is set in ``<head>``, and handbook.css reserves the lines), the text below them
jumps down as the reader starts reading: Lighthouse counts it as layout shift, and a reader
loses their place. The reader here is in the roadmap's own time zone, so the local-time notes
of the week page (which cannot be known at build time) are not added.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import TIMEZONE

PAGES = ("", "fixture-team/", "fixture-team/week-01/", "fixture-solo/", "fixture-team/progress/")
"""Home (a "This week" line and a bar per card), an overview, a week page (its notes box), the
progress page (pace, streaks, activity calendar and notes list, all filled by the script)."""

RECORD_SHIFTS = """
window.hbShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const names = entry.sources.map(s => s.node ? s.node.nodeName + "." + s.node.className : "?");
    window.hbShifts.push([entry.value, names.join(", ")]);
  }
}).observe({type: "layout-shift", buffered: true});
"""

LIMIT = 0.01
"""Summed layout shift per page; before the room was kept, these pages scored 0.04 to 0.05."""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_filling_the_page_moves_nothing(
    browser: Browser, base_url: str, path: str, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, timezone_id=TIMEZONE, locale="en-GB"
    )
    try:
        tab = context.new_page()
        tab.add_init_script(RECORD_SHIFTS)
        tab.goto(base_url + path, wait_until="load")
        # the script has run: every bar is drawn and every "This week" line filled
        tab.wait_for_function(
            "[...document.querySelectorAll('.hb-progress:not([hidden])')]"
            ".every(box => box.querySelector('progress'))"
            " && [...document.querySelectorAll('.hb-now')].every(line => line.textContent)"
            " && [...document.querySelectorAll('[data-hb-pace]')].every(box => box.textContent)"
        )
        assert tab.locator(".hb-progress progress").count() > 0
        # one more frame, so shifts from the last change are reported
        tab.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")
        shifts: list[list[object]] = tab.evaluate("window.hbShifts")
    finally:
        context.close()
    total = sum(float(str(value)) for value, _ in shifts)
    assert total < LIMIT, f"layout shifts on /{path} at {width} px: {shifts}"
