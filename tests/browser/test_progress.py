"""Progress in a real browser: ticks persist, bars follow, export/import/reset work."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Browser, FilePayload, Locator, Page, expect

from tests.browser.conftest import TIMEZONE

WEEK = "fixture-team/week-02/"  # a deliverable, two tasks and a video
FIRST = "fixture-team/w02/five-small-python-programs"


def _box(page: Page, item: str = FIRST) -> Locator:
    return page.locator(f'input[type=checkbox][data-item="{item}"]')


def test_tick_survives_a_reload(page: Page, base_url: str) -> None:
    page.goto(base_url + WEEK)
    expect(_box(page)).not_to_be_checked()
    _box(page).check()
    page.reload()
    expect(_box(page)).to_be_checked()
    _box(page).uncheck()
    page.reload()
    expect(_box(page)).not_to_be_checked()


def test_bars_follow_ticks_on_week_overview_and_home(page: Page, base_url: str) -> None:
    page.goto(base_url + WEEK)
    week_bar = page.locator('.hb-week .hb-progress[data-week="2"]')
    roadmap_bar = page.locator(".hb-week .hb-progress:not([data-week])")
    expect(week_bar).to_contain_text("This week: 0 of 4 done")
    expect(roadmap_bar).to_contain_text("Whole roadmap: 0 of 16 done")
    _box(page).check()
    page.locator("input[data-item]").nth(1).check()
    expect(week_bar).to_contain_text("This week: 2 of 4 done")
    expect(week_bar.locator("progress")).to_have_js_property("value", 2)
    expect(roadmap_bar).to_contain_text("Whole roadmap: 2 of 16 done")

    page.goto(base_url + "fixture-team/")
    row_bar = page.locator('li.hb-row .hb-progress[data-week="2"]')
    expect(row_bar).to_contain_text("2 of 4 done")
    expect(row_bar.locator("progress")).to_have_attribute("aria-label", "Week 2")
    expect(page.locator('li.hb-row .hb-progress[data-week="1"]')).to_contain_text("0 of 6 done")
    expect(page.locator(".hb-roadmap .hb-progress")).to_contain_text("2 of 16 done")

    page.goto(base_url)
    card_bar = page.locator('.hb-home .hb-progress[data-roadmap="fixture-team"]')
    expect(card_bar).to_contain_text("Your progress: 2 of 16 done")
    other = page.locator('.hb-home .hb-progress[data-roadmap="fixture-solo"]')
    expect(other).to_contain_text("0 of 6 done")


def test_export_then_import_into_a_fresh_browser(
    page: Page, base_url: str, browser: Browser, tmp_path: Path
) -> None:
    page.goto(base_url + WEEK)
    _box(page).check()
    page.goto(base_url + "fixture-team/week-01/")
    page.locator("input[data-item]").first.check()
    page.goto(base_url + "fixture-team/progress/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress to a file").click()
    download = info.value
    assert download.suggested_filename == "study-handbook-fixture-team-progress.json"
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "study-handbook-progress"
    assert data["roadmap"] == "fixture-team"
    assert data["done"] == ["fixture-team/w01/navigate-the-file-system", FIRST]

    fresh = browser.new_context(timezone_id=TIMEZONE)
    try:
        other = fresh.new_page()
        other.goto(base_url + WEEK)
        other.locator("input[data-item]").nth(2).check()  # already ticked here: merged, not lost
        other.goto(base_url + "fixture-team/progress/")
        other.set_input_files("#hb-import", exported)
        expect(other.locator('[data-hb-message="progress"]')).to_have_text(
            "Imported 2 ticked items (2 new)."
        )
        expect(other.locator(".hb-tools .hb-progress")).to_contain_text("3 of 16 done")
        other.goto(base_url + WEEK)
        expect(other.locator("input[data-item]:checked")).to_have_count(2)
        expect(_box(other)).to_be_checked()
    finally:
        fresh.close()


def test_malformed_import_is_refused_with_a_message(page: Page, base_url: str) -> None:
    page.goto(base_url + WEEK)
    _box(page).check()
    page.goto(base_url + "fixture-team/progress/")
    message = page.locator('[data-hb-message="progress"]')
    cases = {
        b"{not json": "not valid JSON",
        b'{"hello": 1}': "not a Study Handbook progress export",
        b'{"format": "study-handbook-progress", "roadmap": "fixture-solo", "done": []}': (
            'holds progress for "fixture-solo"'
        ),
        b'{"format": "study-handbook-progress", "roadmap": "fixture-team", "done": [1]}': (
            "damaged"
        ),
        b'{"format": "study-handbook-progress", "roadmap": "fixture-team", '
        b'"done": ["fixture-team/w01/<img>"]}': "damaged",
    }
    for body, words in cases.items():
        upload: FilePayload = {"name": "x.json", "mimeType": "application/json", "buffer": body}
        page.set_input_files("#hb-import", files=[upload])
        expect(message).to_contain_text(words)
        expect(message).to_contain_text("nothing was imported")
        expect(message).to_have_attribute("role", "alert")
    expect(page.locator(".hb-tools .hb-progress")).to_contain_text("1 of 16 done")


def test_reset_asks_first(page: Page, base_url: str) -> None:
    page.goto(base_url + WEEK)
    _box(page).check()
    page.goto(base_url + "fixture-team/progress/")
    bar = page.locator(".hb-tools .hb-progress")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name=re.compile("Reset all progress")).click()
    expect(page.locator('[data-hb-message="progress"]')).to_have_text("Nothing was reset.")
    expect(bar).to_contain_text("1 of 16 done")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=re.compile("Reset all progress")).click()
    expect(bar).to_contain_text("0 of 16 done")
    page.goto(base_url + WEEK)
    expect(_box(page)).not_to_be_checked()
