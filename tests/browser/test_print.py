"""Print: week and overview pages print their content only, ticks and video lists kept."""

from __future__ import annotations

from playwright.sync_api import Page, expect

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".hb-pager"]


def test_week_page_prints_without_chrome(page: Page, base_url: str) -> None:
    page.goto(base_url + "fixture-team/week-01/")
    page.locator("input[data-item]").first.check()
    page.emulate_media(media="print")
    for selector in CHROME:
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("input[data-item]")).to_have_count(10)  # 5 checklist boxes, 5 videos
    expect(page.locator("input[data-item]").first).to_be_visible()
    expect(page.locator("input[data-item]").first).to_be_checked()
    expect(page.locator(".hb-video").first).to_be_visible()  # the week's video list
    assert page.pdf(format="A4")[:5] == b"%PDF-"


def test_overview_prints_the_week_list(page: Page, base_url: str) -> None:
    page.goto(base_url + "fixture-team/")
    page.emulate_media(media="print")
    for selector in CHROME:
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator(".hb-links")).to_be_hidden()
    expect(page.locator("li.hb-row")).to_have_count(7)
    expect(page.locator('li.hb-row[data-week="7"]')).to_be_visible()
