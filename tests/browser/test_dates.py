"""Dates in the browser: this week from a fixed clock, the now page, personal start dates."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

DURING = "2026-11-18T10:00:00+03:00"  # a Wednesday of fixture-team week 3
BEFORE = "2026-10-01T10:00:00+03:00"
AFTER = "2027-03-01T10:00:00+03:00"
TEAM = "fixture-team/"


def test_overview_highlights_this_week(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(DURING)
    page.goto(base_url + TEAM)
    current = page.locator("li.hb-row.hb-current")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("data-week", "3")
    expect(current.locator(".hb-row-link")).to_have_attribute("aria-current", "date")
    expect(current.locator(".hb-badge")).to_have_text("This week")
    expect(page.locator(".hb-roadmap .hb-now")).to_have_text("This week: Week 3 · Review")


def test_home_links_each_roadmaps_current_week(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(DURING)
    page.goto(base_url)
    link = page.locator('.hb-now[data-roadmap="fixture-team"] a')
    expect(link).to_have_text("This week: Week 3 · Review")
    link.click()
    expect(page).to_have_url(base_url + TEAM + "week-03/")
    expect(page.locator(".hb-when .hb-badge")).to_have_text("This week")
    page.goto(base_url)
    expect(page.locator('.hb-now[data-roadmap="fixture-solo"]')).to_have_text(
        "Starts Mon 23 Nov 2026"
    )


def test_now_lands_on_this_week(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(DURING)
    page.goto(base_url + TEAM + "now/")
    expect(page).to_have_url(base_url + TEAM + "week-03/")
    expect(page.locator("h1")).to_contain_text("Week 3 · Review")


def test_now_before_the_start_says_not_started(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(BEFORE)
    page.goto(base_url + TEAM + "now/")
    status = page.locator(".hb-now-status")
    expect(status).to_contain_text("Not started yet.")
    expect(status).to_contain_text("starts on Mon 2 Nov 2026 (in 32 days)")
    expect(page).to_have_url(base_url + TEAM + "now/")


def test_now_after_the_end_says_ended(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(AFTER)
    page.goto(base_url + TEAM + "now/")
    expect(page.locator(".hb-now-status")).to_contain_text("ended on Sun 20 Dec 2026")


def test_due_dates_count_down_from_today(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time("2026-11-04T10:00:00+03:00")  # Wednesday of week 1
    page.goto(base_url + TEAM + "week-01/")
    due = page.locator(".hb-glance li", has_text="Milestone:")
    expect(due).to_contain_text("Shell basics done! · Sunday · in 4 days")
    page.goto(base_url + TEAM + "week-04/")
    expect(page.locator(".hb-project")).to_contain_text(
        "Deploy deadline · Sun 6 Dec 2026 · in 32 days"
    )


def test_personal_start_date_moves_dates_this_week_and_now(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(DURING)
    page.goto(base_url + TEAM + "week-02/")
    header = page.locator(".hb-week .hb-dates")
    expect(header).to_have_text("Mon 9 Nov – Sun 15 Nov 2026")

    page.goto(base_url + TEAM + "progress/")
    page.fill("#hb-start", "2026-11-09")  # a week after the content's start
    page.get_by_role("button", name="Save start date").click()
    expect(page.locator('[data-hb-message="start"]')).to_contain_text(
        "Week 1 now starts on Mon 9 Nov 2026"
    )
    page.goto(base_url + TEAM + "week-02/")
    expect(header).to_have_text("Mon 16 Nov – Sun 22 Nov 2026")
    expect(header).to_have_class("hb-dates hb-shifted")
    expect(page.locator(".hb-glance li", has_text="Deliverable:")).to_contain_text(
        "Five small Python programs · Sunday · in 4 days"
    )
    page.goto(base_url + TEAM)
    expect(page.locator('li.hb-row[data-week="2"] .hb-dates')).to_have_text("16 Nov – 22 Nov")
    expect(page.locator("li.hb-row.hb-current")).to_have_attribute("data-week", "2")
    page.goto(base_url + TEAM + "now/")
    expect(page).to_have_url(base_url + TEAM + "week-02/")

    page.goto(base_url + TEAM + "progress/")
    page.get_by_role("button", name="Use the roadmap's dates").click()
    expect(page.locator("#hb-start")).to_have_value("2026-11-02")
    page.goto(base_url + TEAM + "week-02/")
    expect(header).to_have_text("Mon 9 Nov – Sun 15 Nov 2026")
    expect(header).to_have_class("hb-dates")


def test_without_javascript_pages_show_content_dates(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + TEAM + "week-01/")
        expect(page.locator(".hb-week .hb-dates")).to_have_text("Mon 2 Nov – Sun 8 Nov 2026")
        expect(page.locator(".hb-progress").first).to_be_empty()
        sessions = page.locator(".hb-session")
        expect(sessions.first).to_have_text("Mon 2 Nov – Fri 6 Nov, 21:00–22:00")
        expect(page.locator(".hb-local")).to_have_count(0)
        page.goto(base_url + TEAM + "now/")
        expect(page.locator(".hb-now-status")).to_contain_text("needs JavaScript")
        page.goto(base_url + TEAM + "progress/")
        expect(page.locator(".hb-nojs")).to_be_visible()
        expect(page.locator(".hb-js-only")).to_be_hidden()
    finally:
        context.close()
