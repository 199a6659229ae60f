"""Progress in a real browser: ticks persist, bars follow, export/import/reset work, and the
export is the committed format (``generator/progress_export.py``), version 2, while files of
version 1 still import."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Browser, FilePayload, Locator, Page, expect

from generator.progress_export import ProgressExport
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
    page.clock.set_fixed_time("2026-11-10T09:00:00+03:00")
    page.goto(base_url + WEEK)
    _box(page).check()
    page.fill("#hb-note", "Python: <b>done</b>")
    page.locator("#hb-note").blur()
    page.clock.set_fixed_time("2026-11-11T22:30:00+03:00")
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
    assert data["version"] == 2
    assert data["exported"] == "2026-11-11"
    assert data["days"] == {
        "fixture-team/w01/navigate-the-file-system": "2026-11-11",
        FIRST: "2026-11-10",
    }
    assert data["notes"] == {
        "fixture-team/w02": {"text": "Python: <b>done</b>", "updated": "2026-11-10T09:00:00+03:00"}
    }
    ProgressExport.model_validate(data)  # the committed format, exactly
    expect(page.locator('[data-hb-message="progress"]')).to_have_text(
        "Exported 2 ticked items and 1 note to study-handbook-fixture-team-progress.json."
    )

    fresh = browser.new_context(timezone_id=TIMEZONE)
    try:
        other = fresh.new_page()
        other.clock.set_fixed_time("2026-11-10T12:00:00+03:00")
        other.goto(base_url + WEEK)
        other.locator("input[data-item]").nth(2).check()  # already ticked here: merged, not lost
        other.goto(base_url + "fixture-team/progress/")
        other.set_input_files("#hb-import", exported)
        expect(other.locator('[data-hb-message="progress"]')).to_have_text(
            "Imported 2 ticked items (2 new). Notes: 1 new from the file."
        )
        expect(other.locator(".hb-tools .hb-progress")).to_contain_text("3 of 16 done")
        other.goto(base_url + WEEK)
        expect(other.locator("input[data-item]:checked")).to_have_count(2)
        expect(_box(other)).to_be_checked()
        expect(other.locator("#hb-note")).to_have_value("Python: <b>done</b>")
        other.goto(base_url + "fixture-team/progress/")
        expect(other.locator(".hb-calendar-box li")).to_have_text(
            ["Tue 10 Nov 2026: 2 ticks", "Wed 11 Nov 2026: 1 tick"]  # the one ticked here: today
        )
    finally:
        fresh.close()


def _upload(page: Page, data: dict[str, object]) -> None:
    body = json.dumps(data).encode("utf-8")
    upload: FilePayload = {"name": "x.json", "mimeType": "application/json", "buffer": body}
    page.set_input_files("#hb-import", files=[upload])


def _export(**fields: object) -> dict[str, object]:
    """A version 2 export of the fixture team roadmap, with ``fields`` replaced."""
    base: dict[str, object] = {
        "format": "study-handbook-progress",
        "version": 2,
        "roadmap": "fixture-team",
        "exported": "2026-11-20",
        "start": None,
        "done": [],
        "days": {},
        "notes": {},
    }
    return {**base, **fields}


def test_notes_merge_the_newer_of_two_and_say_which_side_was_kept(
    page: Page, base_url: str
) -> None:
    for week, moment in (
        ("week-01/", "2026-11-10T09:00:00+03:00"),
        ("week-02/", "2026-11-19T09:00:00+03:00"),
    ):
        page.clock.set_fixed_time(moment)
        page.goto(base_url + "fixture-team/" + week)
        page.fill("#hb-note", "Here, " + week)
        page.locator("#hb-note").blur()
    page.goto(base_url + "fixture-team/week-03/")
    page.fill("#hb-note", "Same on both sides")
    page.locator("#hb-note").blur()
    notes = {
        # newer than this browser's (written 10 Nov, 09:00 in Nairobi): replaces it
        "fixture-team/w01": {"text": "File, week 1", "updated": "2026-11-10T08:00:00+00:00"},
        # older than this browser's (19 Nov): this browser's stays
        "fixture-team/w02": {"text": "File, week 2", "updated": "2026-11-12T09:00:00+03:00"},
        "fixture-team/w03": {"text": "Same on both sides", "updated": "2026-11-01T09:00:00Z"},
        "fixture-team/w05": {"text": "File, week 5", "updated": "2026-11-12T09:00:00+03:00"},
    }
    page.goto(base_url + "fixture-team/progress/")
    _upload(page, _export(done=[FIRST], days={FIRST: "2026-11-09"}, notes=notes))
    expect(page.locator('[data-hb-message="progress"]')).to_have_text(
        "Imported 1 ticked item (1 new). Notes: 1 new from the file; 1 taken from the file,"
        " newer than this browser's (week 1); 1 kept from this browser, newer than the file's"
        " (week 2)."
    )
    expect(page.locator(".hb-note-text")).to_have_text(
        ["File, week 1", "Here, week-02/", "Same on both sides", "File, week 5"]
    )
    expect(page.locator(".hb-calendar-box li")).to_have_text(["Mon 9 Nov 2026: 1 tick"])


def test_an_item_keeps_the_earliest_day_it_was_ticked(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time("2026-11-12T09:00:00+03:00")
    page.goto(base_url + WEEK)
    _box(page).check()
    page.goto(base_url + "fixture-team/progress/")
    _upload(page, _export(done=[FIRST], days={FIRST: "2026-11-10"}))
    expect(page.locator(".hb-calendar-box li")).to_have_text(["Tue 10 Nov 2026: 1 tick"])
    _upload(page, _export(done=[FIRST], days={FIRST: "2026-11-11"}))
    expect(page.locator(".hb-calendar-box li")).to_have_text(["Tue 10 Nov 2026: 1 tick"])


def test_a_version_1_export_still_imports(page: Page, base_url: str) -> None:
    """What the progress page exported until December 2026: ticks and a start date only."""
    version_1 = {
        "format": "study-handbook-progress",
        "version": 1,
        "roadmap": "fixture-team",
        "exported": "2026-11-20",
        "start": "2026-11-09",
        "done": ["fixture-team/w01/navigate-the-file-system", FIRST],
    }
    ProgressExport.model_validate(version_1)
    page.clock.set_fixed_time("2026-11-25T10:00:00+03:00")
    page.goto(base_url + "fixture-team/progress/")
    _upload(page, version_1)
    expect(page.locator('[data-hb-message="progress"]')).to_have_text(
        "Imported 2 ticked items (2 new). Your start date Mon 9 Nov 2026 was imported too."
    )
    expect(page.locator(".hb-tools .hb-progress")).to_contain_text("2 of 16 done")
    expect(page.locator("[data-hb-streaks]")).to_contain_text("2 ticks without a day")
    expect(page.locator(".hb-pace-outlook")).to_contain_text("No pace yet")
    expect(page.locator("[data-hb-notes]")).to_contain_text("No notes yet.")


def test_markup_in_an_imported_file_stays_text(page: Page, base_url: str) -> None:
    hostile = '<img src="x" onerror="window.hbHit = 1"><script>window.hbHit = 2</script>'
    page.goto(base_url + "fixture-team/progress/")
    _upload(page, _export(roadmap=hostile))  # named in the refusal: as text
    message = page.locator('[data-hb-message="progress"]')
    expect(message).to_contain_text(f'holds progress for "{hostile}"')
    note = {"text": hostile + "\n**x**", "updated": "2026-11-20T10:00:00+03:00"}
    _upload(page, _export(notes={"fixture-team/w02": note}))
    expect(message).to_contain_text("Notes: 1 new from the file.")
    expect(page.locator(".hb-note-text")).to_have_text(hostile + "\n**x**")
    page.goto(base_url + WEEK)
    expect(page.locator("#hb-note")).to_have_value(hostile + "\n**x**")
    for where in (base_url + WEEK, base_url + "fixture-team/progress/"):
        page.goto(where)
        made = ".md-content img:not(.hb-video img), .md-content script, .hb-notes strong"
        assert page.locator(made + ", .hb-note-list strong").count() == 0
    assert page.evaluate("window.hbHit") is None


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
        json.dumps(_export(version=3)).encode(): "newer version of the handbook",
        json.dumps(_export(version="2")).encode(): "version is damaged",
        json.dumps(_export(days={FIRST: "10 Nov"})).encode(): "days of ticks are damaged",
        json.dumps(_export(days=[FIRST])).encode(): "days of ticks are damaged",
        json.dumps(
            _export(notes={"fixture-solo/w01": {"text": "x", "updated": "2026-11-20T10:00:00Z"}})
        ).encode(): "notes are damaged",
        json.dumps(
            _export(notes={"fixture-team/w01": {"text": 1, "updated": "2026-11-20T10:00:00Z"}})
        ).encode(): "notes are damaged",
        json.dumps(
            _export(notes={"fixture-team/w01": {"text": "x", "updated": "yesterday"}})
        ).encode(): "notes are damaged",
        json.dumps(
            _export(
                notes={
                    "fixture-team/w01": {"text": "x" * 20_001, "updated": "2026-11-20T10:00:00Z"}
                }
            )
        ).encode(): "notes are damaged",
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
