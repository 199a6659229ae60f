"""Activity in a real browser: each tick counts on the reader's own calendar day (their time
zone, across midnight and daylight-saving changes), the calendar and its text alternative
show it, and streaks count runs of days."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

TEAM = "fixture-team/"
KEY = "study-handbook:v1:fixture-team"
WEEK1 = TEAM + "week-01/"
FIRST = "fixture-team/w02/five-small-python-programs"
SECOND = "fixture-team/w02/write-a-number-guessing-game"


def _tick_at(page: Page, url: str, moment: str, nth: int, path: str = TEAM + "week-02/") -> None:
    """Tick the ``nth`` box of a week page with the clock at ``moment``."""
    page.clock.set_fixed_time(moment)
    page.goto(url + path)
    page.locator("input[data-item]").nth(nth).check()


def _days(page: Page) -> dict[str, str]:
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}:record')"))
    days: dict[str, str] = saved["days"]
    return days


def _listed(page: Page, url: str) -> list[str]:
    """The calendar's text alternative: each day with ticks, as a screen reader reads it."""
    page.goto(url + TEAM + "progress/")
    return page.locator(".hb-calendar-box ul li").all_inner_texts()


@pytest.mark.parametrize(
    ("zone", "late", "early"),
    [
        # 23:30 and 01:30 in Tokyo: 14:30 and 16:30 of one UTC day (10 November)
        ("Asia/Tokyo", "2026-11-10T23:30:00+09:00", "2026-11-11T01:30:00+09:00"),
        # 23:30 and 00:30 in Los Angeles: 07:30 and 08:30 of one UTC day (11 November)
        ("America/Los_Angeles", "2026-11-10T23:30:00-08:00", "2026-11-11T00:30:00-08:00"),
    ],
)
def test_ticks_either_side_of_the_readers_midnight_are_two_days(
    browser: Browser, base_url: str, zone: str, late: str, early: str
) -> None:
    context = browser.new_context(timezone_id=zone, locale="en-GB")
    try:
        page = context.new_page()
        _tick_at(page, base_url, late, 0)
        _tick_at(page, base_url, early, 1)
        assert _days(page) == {FIRST: "2026-11-10", SECOND: "2026-11-11"}
        assert _listed(page, base_url) == ["Tue 10 Nov 2026: 1 tick", "Wed 11 Nov 2026: 1 tick"]
        expect(page.locator("[data-hb-streaks]")).to_contain_text("Current streak: 2 days")
    finally:
        context.close()


@pytest.mark.parametrize(
    "moments",
    [
        # summer time ends in Berlin on Sunday 25 October 2026 (a 25-hour day)
        ("2026-10-24T23:30:00+02:00", "2026-10-25T23:30:00+01:00", "2026-10-26T00:30:00+01:00"),
        # and starts on Sunday 29 March 2026 (a 23-hour day)
        ("2026-03-28T23:30:00+01:00", "2026-03-29T23:30:00+02:00", "2026-03-30T00:30:00+02:00"),
    ],
)
def test_a_daylight_saving_change_is_one_day_of_a_streak(
    browser: Browser, base_url: str, moments: tuple[str, str, str]
) -> None:
    context = browser.new_context(timezone_id="Europe/Berlin", locale="en-GB")
    try:
        page = context.new_page()
        for nth, moment in enumerate(moments):
            _tick_at(page, base_url, moment, nth)
        first = moments[0][:10]
        days = sorted(_days(page).values())
        assert days[0] == first and len(set(days)) == 3
        listed = _listed(page, base_url)  # days before the roadmap's start widen the calendar
        assert [line.split(": ")[1] for line in listed] == ["1 tick"] * 3
        expect(page.locator("[data-hb-streaks]")).to_have_text(
            "Current streak: 3 days · longest: 3 days · 3 ticks on 3 days"
        )
        sunday = page.locator(".hb-calendar .hb-cal-1")
        expect(sunday).to_have_count(3)
        expect(sunday.nth(1)).to_have_attribute("title", listed[1])
    finally:
        context.close()


def test_unticking_forgets_the_day(page: Page, base_url: str) -> None:
    _tick_at(page, base_url, "2026-11-10T10:00:00+03:00", 0)
    assert _days(page) == {FIRST: "2026-11-10"}
    page.locator("input[data-item]").first.uncheck()
    assert _days(page) == {}
    assert _listed(page, base_url) == []
    expect(page.locator(".hb-calendar-box")).to_contain_text(
        "No day between Mon 2 Nov 2026 and Sun 20 Dec 2026 has a tick yet."
    )
    _tick_at(page, base_url, "2026-11-12T10:00:00+03:00", 0)  # ticked again: the new day
    assert _days(page) == {FIRST: "2026-11-12"}


def test_streaks_count_runs_of_days_and_the_current_one_may_end_yesterday(
    page: Page, base_url: str
) -> None:
    days = ["2026-11-10", "2026-11-11", "2026-11-12", "2026-11-20", "2026-11-21"]
    for nth, day in enumerate(days):
        _tick_at(page, base_url, f"{day}T20:00:00+03:00", nth, WEEK1)
    streaks = page.locator("[data-hb-streaks]")
    page.clock.set_fixed_time("2026-11-22T09:00:00+03:00")  # nothing ticked yet today
    page.goto(base_url + TEAM + "progress/")
    expect(streaks).to_have_text("Current streak: 2 days · longest: 3 days · 5 ticks on 5 days")
    _tick_at(page, base_url, "2026-11-22T21:00:00+03:00", 5, WEEK1)
    page.goto(base_url + TEAM + "progress/")
    expect(streaks).to_have_text("Current streak: 3 days · longest: 3 days · 6 ticks on 6 days")
    page.clock.set_fixed_time("2026-11-24T09:00:00+03:00")  # a day missed
    page.reload()
    expect(streaks).to_have_text("Current streak: 0 days · longest: 3 days · 6 ticks on 6 days")


def test_the_calendar_spans_the_roadmap_and_marks_today(page: Page, base_url: str) -> None:
    _tick_at(page, base_url, "2026-11-10T09:00:00+03:00", 0)
    _tick_at(page, base_url, "2026-11-10T10:00:00+03:00", 1)
    page.goto(base_url + TEAM + "progress/")
    grid = page.locator(".hb-calendar")
    expect(grid).to_have_attribute("aria-hidden", "true")
    # 7 weeks of 7 days, Mon 2 Nov to Sun 20 Dec; the reader sees the count on each cell
    expect(grid.locator(".hb-cal-day:not(.hb-cal-out)")).to_have_count(49)
    expect(grid.locator(".hb-cal-2")).to_have_attribute("title", "Tue 10 Nov 2026: 2 ticks")
    expect(grid.locator(".hb-cal-today")).to_have_attribute("title", "Tue 10 Nov 2026: 2 ticks")
    expect(page.locator(".hb-calendar-box")).to_contain_text(
        "Days with ticks between Mon 2 Nov 2026 and Sun 20 Dec 2026, the other days have none:"
    )
    box = page.get_by_role("region", name="Activity calendar: ticks each day")
    expect(box).to_be_visible()


def test_older_ticks_without_a_day_are_counted_apart(page: Page, base_url: str) -> None:
    """Progress saved before ticks had days still shows, and says why it is not on the calendar."""
    page.goto(base_url + TEAM + "progress/")
    page.evaluate(
        f"localStorage.setItem('{KEY}', JSON.stringify({{done: ['{FIRST}'], start: null}}))"
    )
    page.reload()
    expect(page.locator(".hb-tools .hb-progress")).to_contain_text("1 of 16 done")
    expect(page.locator("[data-hb-streaks]")).to_have_text(
        "No tick with a day yet: the calendar fills in as you tick items."
        " · 1 tick without a day (made before days were kept)"
    )
