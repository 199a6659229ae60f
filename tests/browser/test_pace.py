"""Pace in a real browser: on track, ahead or behind the reader's own start date, and the
finish date their recent pace projects (or none, when no tick has a day).

The fixture team roadmap has 16 items: 6 in week 1, 4 in week 2, 1 in week 3, 2 in the
block of weeks 4-5 and 3 in the block of weeks 6-7. With week 1 starting on Mon 9 Nov and
today Wed 25 Nov, 17 days are behind the reader (today's included): 2 3/7 weeks, in which
the roadmap expects 10 + 3/7 of week 3's one item, about 10.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

TEAM = "fixture-team/"
KEY = "study-handbook:v1:fixture-team"
TODAY = "2026-11-25T10:00:00+03:00"
START = "2026-11-09"

FIRST_ITEMS = """weeks => {
  const seen = new Set(), out = [];
  for (const week of window.handbookData.roadmaps["fixture-team"].weeks.slice(0, weeks))
    for (const unit of week.units)
      if (!seen.has(unit.join(" "))) { seen.add(unit.join(" ")); out.push("fixture-team/" + unit[0]); }
  return out;
}"""
"""One id of each item of the first weeks: what ticking everything up to a week means."""


def _seed(
    page: Page, base_url: str, weeks: int, days: list[str], start: str | None = START
) -> None:
    """Saved progress: every item of weeks 1 to ``weeks`` done, the n-th ticked on ``days[n]``
    (none when ``days`` is empty), and the reader's start date."""
    page.clock.set_fixed_time(TODAY)
    page.goto(base_url + TEAM + "progress/")
    done: list[str] = page.evaluate(FIRST_ITEMS, weeks)
    dated = dict(zip(done, days, strict=False)) if days else {}
    saved = {KEY: {"done": done, "start": start}, KEY + ":record": {"days": dated, "notes": {}}}
    for key, value in saved.items():
        page.evaluate(
            "([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(value)]
        )
    page.reload()


def _pace(page: Page) -> list[str]:
    return page.locator("[data-hb-pace] p").all_inner_texts()


def test_behind_with_no_dated_tick_says_there_is_no_pace_yet(page: Page, base_url: str) -> None:
    _seed(page, base_url, 1, [])
    assert _pace(page) == [
        "Behind by 4 items (about 1 week). 6 of 16 items done; by today, the roadmap expects"
        " about 10 (from your start on Mon 9 Nov 2026).",
        "No pace yet: none of your ticks has a day, so there is no finish date to project. Each"
        " tick from now on remembers its day.",
    ]


def test_on_track_projects_from_the_days_since_the_first_tick(page: Page, base_url: str) -> None:
    # 10 items from Tue 10 Nov: 16 days, 10/16 of an item a day, 6 left: 10 days more
    days = ["2026-11-10"] * 4 + ["2026-11-15"] * 3 + ["2026-11-24"] * 3
    _seed(page, base_url, 2, days)
    assert _pace(page) == [
        "On track. 10 of 16 items done; by today, the roadmap expects about 10 (from your start"
        " on Mon 9 Nov 2026).",
        "At your pace since Tue 10 Nov 2026 (10 items, about 4.4 a week), you would finish"
        " around Sat 5 Dec 2026, about 3 weeks before your week 7 ends (Sun 27 Dec 2026).",
    ]


def test_ahead_projects_from_the_last_four_weeks_only(page: Page, base_url: str) -> None:
    # 3 items ticked in October fall outside the 28 days that end today: 10 in 28 days
    days = ["2026-10-20"] * 3 + ["2026-11-20"] * 10
    _seed(page, base_url, 4, days)  # weeks 1 to 5 done, the block's second week included
    assert _pace(page) == [
        "Ahead by 3 items (about 3 weeks). 13 of 16 items done; by today, the roadmap expects"
        " about 10 (from your start on Mon 9 Nov 2026).",
        "At your pace over the last four weeks (10 items, about 2.5 a week), you would finish"
        " around Fri 4 Dec 2026, about 3 weeks before your week 7 ends (Sun 27 Dec 2026).",
    ]


def test_no_recent_tick_projects_nothing(page: Page, base_url: str) -> None:
    _seed(page, base_url, 1, ["2026-10-01"] * 6)
    assert _pace(page)[1] == (
        "No ticks in the last four weeks, so there is no recent pace to project a finish date from."
    )


def test_the_roadmaps_own_start_when_the_reader_has_none(page: Page, base_url: str) -> None:
    # from Mon 2 Nov, 24 days: 3 3/7 weeks, 11 items and 3/7 of week 4's two
    _seed(page, base_url, 2, [], start=None)
    assert _pace(page)[0] == (
        "Behind by 2 items (about 1 week). 10 of 16 items done; by today, the roadmap expects"
        " about 12 (from the roadmap's start on Mon 2 Nov 2026)."
    )


@pytest.mark.parametrize(
    ("start", "words"),
    [
        ("2026-11-30", "Not started yet. Week 1 starts on Mon 30 Nov 2026: nothing is expected"),
        ("2026-11-16", "On track."),
        ("2026-10-26", "Behind by 7 items (about 3 weeks)."),  # 4 3/7 weeks: 13 expected
    ],
)
def test_changing_the_start_date_moves_the_pace_at_once(
    page: Page, base_url: str, start: str, words: str
) -> None:
    _seed(page, base_url, 1, [], start=None)
    page.fill("#hb-start", start)
    page.get_by_role("button", name="Save start date").click()
    expect(page.locator(".hb-pace-status")).to_contain_text(words)


def test_everything_done_is_said_once(page: Page, base_url: str) -> None:
    _seed(page, base_url, 7, ["2026-11-20"] * 16)
    assert _pace(page) == ["All done. Every one of the 16 items is ticked."]
