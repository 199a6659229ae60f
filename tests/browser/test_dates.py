"""Dates in the browser: this week from a fixed clock, the now page, personal start dates."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

DURING = "2026-11-18T10:00:00+03:00"  # a Wednesday of backend-2026 week 44
BEFORE = "2025-12-01T10:00:00+03:00"
AFTER = "2027-03-01T10:00:00+03:00"


def test_overview_highlights_week_44(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(DURING)
    page.goto(base_url + "backend-2026/")
    current = page.locator("tr.hb-current")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("aria-current", "date")
    expect(current.locator("td").first).to_contain_text("44")
    expect(current.locator(".hb-badge")).to_have_text("This week")
    expect(page.locator(".hb-roadmap .hb-now")).to_have_text("This week: Week 44 · Polish & Deploy")


def test_home_links_each_roadmaps_current_week(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(DURING)
    page.goto(base_url)
    link = page.locator('.hb-now[data-roadmap="backend-2026"] a')
    expect(link).to_have_text("This week: Week 44 · Polish & Deploy")
    link.click()
    expect(page).to_have_url(base_url + "backend-2026/week-44/")
    expect(page.locator(".hb-when .hb-badge")).to_have_text("This week")
    page.goto(base_url)
    expect(page.locator('.hb-now[data-roadmap="backend-6-month"]')).to_have_text(
        "Starts Mon 23 Nov 2026"
    )


def test_now_lands_on_week_44(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(DURING)
    page.goto(base_url + "backend-2026/now/")
    expect(page).to_have_url(base_url + "backend-2026/week-44/")
    expect(page.locator("h1")).to_contain_text("Week 44 · Polish & Deploy")


def test_now_before_the_start_says_not_started(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(BEFORE)
    page.goto(base_url + "backend-2026/now/")
    status = page.locator(".hb-now-status")
    expect(status).to_contain_text("Not started yet.")
    expect(status).to_contain_text("starts on Mon 19 Jan 2026 (in 49 days)")
    expect(page).to_have_url(base_url + "backend-2026/now/")


def test_now_after_the_end_says_ended(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(AFTER)
    page.goto(base_url + "backend-2026/now/")
    expect(page.locator(".hb-now-status")).to_contain_text("ended on Sun 31 Jan 2027")


def test_personal_start_date_moves_dates_this_week_and_now(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(DURING)
    page.goto(base_url + "backend-2026/week-12/")
    header = page.locator(".hb-week .hb-dates")
    expect(header).to_have_text("Mon 6 Apr – Sun 12 Apr 2026")

    page.goto(base_url + "backend-2026/progress/")
    page.fill("#hb-start", "2026-02-02")  # two weeks after the content's start
    page.get_by_role("button", name="Save start date").click()
    expect(page.locator('[data-hb-message="start"]')).to_contain_text(
        "Week 1 now starts on Mon 2 Feb 2026"
    )
    page.goto(base_url + "backend-2026/week-12/")
    expect(header).to_have_text("Mon 20 Apr – Sun 26 Apr 2026")
    expect(header).to_have_class("hb-dates hb-shifted")
    page.goto(base_url + "backend-2026/week-44/")
    expect(page.locator(".admonition.danger .hb-dates")).to_have_text("Sun 6 Dec 2026")

    page.goto(base_url + "backend-2026/")
    expect(page.locator('tr:has(.hb-progress[data-week="12"]) .hb-dates')).to_have_text(
        "20 Apr – 26 Apr"
    )
    expect(page.locator("tr.hb-current td").first).to_contain_text("42")
    page.goto(base_url + "backend-2026/now/")
    expect(page).to_have_url(base_url + "backend-2026/week-42/")

    page.goto(base_url + "backend-2026/progress/")
    page.get_by_role("button", name="Use the roadmap's dates").click()
    expect(page.locator("#hb-start")).to_have_value("2026-01-19")
    page.goto(base_url + "backend-2026/week-12/")
    expect(header).to_have_text("Mon 6 Apr – Sun 12 Apr 2026")
    expect(header).to_have_class("hb-dates")


def test_without_javascript_pages_show_content_dates(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "backend-2026/week-12/")
        expect(page.locator(".hb-week .hb-dates")).to_have_text("Mon 6 Apr – Sun 12 Apr 2026")
        expect(page.locator(".hb-progress").first).to_be_empty()
        page.goto(base_url + "backend-2026/now/")
        expect(page.locator(".hb-now-status")).to_contain_text("needs JavaScript")
        page.goto(base_url + "backend-2026/progress/")
        expect(page.locator(".hb-nojs")).to_be_visible()
        expect(page.locator(".hb-js-only")).to_be_hidden()
    finally:
        context.close()
