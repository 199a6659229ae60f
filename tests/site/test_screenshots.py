"""Screenshots of each page kind, at a phone's and a desktop's width, light and dark.

They are written to ``build/screenshots/<site>/`` (CI keeps the folder as an artifact),
so a reviewer can look at the pages instead of reading about them. Thumbnails come from
YouTube, which tests never reach: the browser is given a neutral placeholder instead.
"""

from __future__ import annotations

import base64

import pytest
from playwright.sync_api import Browser, Route

from tests.conftest import ROOT
from tests.site.conftest import CheckedSite

OUT = ROOT / "build" / "screenshots"
KINDS = {
    "fixture": {
        "home": "",
        "overview": "fixture-team/",
        "week-with-videos": "fixture-team/week-01/",
        "project-week": "fixture-team/week-04/",
        "week-suggested-dates": "fixture-solo/week-02/",
        "progress": "fixture-team/progress/",
        "team-board": "fixture-team/team/",
        "now-before-start": "fixture-solo/now/",
    },
    "real": {
        "home": "",
        "overview": "backend-2026/",
        "week": "backend-2026/week-12/",
        "project-week": "backend-2026/week-44/",
        "six-month-week": "backend-6-month/week-06/",
        "progress": "backend-6-month/progress/",
    },
}
PLACEHOLDER = base64.b64decode(  # a 1x1 grey GIF
    "R0lGODlhAQABAIAAAMzMzAAAACH5BAAAAAAALAAAAAABAAEAAAICRAEAOw=="
)


def _thumbnail(route: Route) -> None:
    route.fulfill(status=200, content_type="image/gif", body=PLACEHOLDER)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_each_page_kind(
    site: CheckedSite, browser: Browser, width: int, scheme: str
) -> None:
    folder = OUT / site.name
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        color_scheme=scheme,  # type: ignore[arg-type]
        timezone_id="Africa/Nairobi",
    )
    try:
        context.route("https://i.ytimg.com/**", _thumbnail)
        page = context.new_page()
        page.clock.set_fixed_time("2026-11-18T10:00:00+03:00")
        for kind, path in KINDS[site.name].items():
            page.goto(site.url + path, wait_until="load")
            shot = folder / f"{kind}-{width}-{scheme}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        context.close()
