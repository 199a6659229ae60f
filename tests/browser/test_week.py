"""The week page in a real browser: sessions in the reader's own clock, blocks, choices, videos."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import TIMEZONE

TEAM = "fixture-team/"


def test_sessions_show_the_readers_own_clock_when_it_differs(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(timezone_id="America/New_York", locale="en-US")
    try:
        page = context.new_page()
        page.goto(base_url + TEAM + "week-01/")
        sync, pairing = page.locator(".hb-glance li li").all()
        expect(sync).to_contain_text("Team Sync (mandatory): Mon 2 Nov – Fri 6 Nov, 21:00–22:00")
        # 21:00 in Nairobi (UTC+3) is 13:00 in New York (UTC-5 after 1 November)
        expect(sync.locator(".hb-local")).to_have_text(
            " (your time, America/New York: Mon 2 Nov – Fri 6 Nov, 13:00–14:00)"
        )
        expect(pairing.locator(".hb-local")).to_have_text(
            " (your time, America/New York: Sat 7 Nov, 02:00–05:00)"
        )
    finally:
        context.close()
    tokyo = browser.new_context(timezone_id="Asia/Tokyo")
    try:
        page = tokyo.new_page()
        page.goto(base_url + TEAM + "week-01/")
        # 21:00 in Nairobi is 03:00 the next day in Tokyo: the days move with the clock
        expect(page.locator(".hb-local").first).to_have_text(
            " (your time, Asia/Tokyo: Tue 3 Nov – Sat 7 Nov, 03:00–04:00)"
        )
    finally:
        tokyo.close()


def test_in_the_roadmaps_own_zone_nothing_is_added(page: Page, base_url: str) -> None:
    page.goto(base_url + TEAM + "week-01/")
    expect(page.locator(".hb-session")).to_have_count(2)
    expect(page.locator(".hb-local")).to_have_count(0)


def test_a_block_is_ticked_once_from_either_part(page: Page, base_url: str) -> None:
    done = 'input[data-item="fixture-team/w04/week-done"]'
    page.goto(base_url + TEAM + "week-05/")
    expect(page.locator(".hb-block")).to_contain_text("Part 2 of 2: Weeks 4–5")
    page.locator(done).check()
    expect(page.locator('.hb-week .hb-progress[data-week="5"]')).to_contain_text("1 of 2 done")
    page.goto(base_url + TEAM + "week-04/")
    expect(page.locator(done)).to_be_checked()
    expect(page.locator('.hb-week .hb-progress[data-week="4"]')).to_contain_text("1 of 2 done")
    page.goto(base_url + TEAM)
    for number in ("4", "5"):
        expect(page.locator(f'li.hb-row[data-week="{number}"] .hb-progress')).to_contain_text(
            "1 of 2 done"
        )
    expect(page.locator(".hb-roadmap .hb-progress")).to_contain_text("1 of 16 done")


def test_a_choice_counts_once_whichever_option_is_ticked(page: Page, base_url: str) -> None:
    page.goto(base_url + TEAM + "week-01/")
    bar = page.locator('.hb-week .hb-progress[data-week="1"]')
    expect(bar).to_contain_text("This week: 0 of 6 done")
    options = page.locator(".hb-choice input[data-item]")
    expect(options).to_have_count(2)
    options.first.check()
    expect(bar).to_contain_text("This week: 1 of 6 done")
    options.last.check()
    expect(bar).to_contain_text("This week: 1 of 6 done")
    options.first.uncheck()
    expect(bar).to_contain_text("This week: 1 of 6 done")
    options.last.uncheck()
    expect(bar).to_contain_text("This week: 0 of 6 done")


def test_a_watched_video_counts_and_survives_export_and_import(
    page: Page, base_url: str, browser: Browser, tmp_path: Path
) -> None:
    page.goto(base_url + TEAM + "week-01/")
    watched = page.get_by_label("Watched: Fixture video: shell basics, part 1")
    watched.check()
    bar = page.locator('.hb-week .hb-progress[data-week="1"]')
    expect(bar).to_contain_text("This week: 1 of 6 done")
    page.get_by_label("Watched: Fixture video: shell basics, part 3").check()
    expect(bar).to_contain_text("This week: 1 of 6 done")  # one search: one unit
    page.reload()
    expect(watched).to_be_checked()

    page.goto(base_url + TEAM + "progress/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress to a file").click()
    exported = tmp_path / "progress.json"
    info.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["done"] == [
        "fixture-team/video/fixShell001",
        "fixture-team/video/fixShell003",
    ]
    fresh = browser.new_context(timezone_id=TIMEZONE)
    try:
        other = fresh.new_page()
        other.goto(base_url + TEAM + "progress/")
        other.set_input_files("#hb-import", exported)
        expect(other.locator('[data-hb-message="progress"]')).to_have_text(
            "Imported 2 ticked items (2 new)."
        )
        other.goto(base_url + TEAM + "week-01/")
        expect(other.get_by_label("Watched: Fixture video: shell basics, part 1")).to_be_checked()
        expect(other.locator('.hb-week .hb-progress[data-week="1"]')).to_contain_text("1 of 6 done")
    finally:
        fresh.close()


def test_each_thumbnail_and_title_is_one_named_link(page: Page, base_url: str) -> None:
    page.goto(base_url + TEAM + "week-01/")
    link = page.get_by_role("link", name="Fixture video: shell basics, part 1")
    expect(link).to_have_count(1)
    expect(link.locator("img")).to_have_attribute("loading", "lazy")
    hostile = page.locator(".hb-video-title").nth(1)
    expect(hostile).to_have_text('Fixture video: <img src=x onerror=alert(1)> & "quotes" *stars*')
    expect(page.locator(".hb-video-title img")).to_have_count(0)
