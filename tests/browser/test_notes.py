"""The reader's notes in a real browser: saved as typed, kept across reloads, listed on the
progress page, printed with the week, and plain text wherever they are shown."""

from __future__ import annotations

import json

from playwright.sync_api import Browser, Page, expect

TEAM = "fixture-team/"
NOON = "2026-11-18T12:00:00+03:00"
KEY = "study-handbook:v1:fixture-team"
RECORD = KEY + ":record"
"""Where the browser keeps days and notes, apart from the ticks (generator/web/store.js)."""
HOSTILE = (
    "Read <script>window.hbHit = 1</script> first\n"
    '<img src="x" onerror="window.hbHit = 2">\n'
    "\n"
    "**not bold** _not italic_ [not a link](https://example.com) &amp; `code`"
)
"""A note made of markup: every character of it must come back as typed, nothing run."""


def _saved(page: Page) -> dict[str, object]:
    saved: dict[str, object] = json.loads(page.evaluate(f"localStorage.getItem('{RECORD}')"))
    return saved


def test_a_note_is_saved_as_typed_without_a_button_and_survives_a_reload(
    page: Page, base_url: str
) -> None:
    page.clock.set_fixed_time(NOON)
    page.goto(base_url + TEAM + "week-02/")
    box = page.get_by_label("Notes for yourself on this week")
    expect(box).to_have_value("")
    box.press_sequentially("Guessing game: done.\nNext: pytest.", delay=5)
    # no button, no leaving the box: a pause in typing saves it
    expect(page.locator("[data-hb-note-status]")).to_have_text("Saved in this browser at 12:00.")
    assert _saved(page)["notes"] == {
        "fixture-team/w02": {"text": "Guessing game: done.\nNext: pytest.", "updated": NOON}
    }
    page.reload()
    expect(box).to_have_value("Guessing game: done.\nNext: pytest.")
    page.goto(base_url + TEAM + "week-03/")
    expect(page.get_by_label("Notes for yourself on this week")).to_have_value("")


def test_the_progress_page_lists_each_week_with_a_note(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(NOON)
    page.goto(base_url + TEAM + "progress/")
    expect(page.locator("[data-hb-notes]")).to_contain_text("No notes yet.")
    for week, text in (("week-05/", "Deploy: the second half."), ("week-01/", "Shell first.")):
        page.goto(base_url + TEAM + week)
        page.fill("#hb-note", text)
        page.locator("#hb-note").blur()  # leaving the box saves at once
    page.goto(base_url + TEAM + "week-03/")
    page.fill("#hb-note", "   ")  # blank: nothing to list
    page.locator("#hb-note").blur()
    page.goto(base_url + TEAM + "progress/")
    notes = page.locator(".hb-note-list > li")
    expect(notes).to_have_count(2)
    expect(notes.nth(0).locator(".hb-note-week")).to_have_text(
        "Week 1 · Shell & Git · changed Wed 18 Nov 2026"
    )
    expect(notes.nth(0).locator(".hb-note-text")).to_have_text("Shell first.")
    expect(notes.nth(1).locator("a")).to_have_text("Week 5 · Build & Deploy")
    notes.nth(1).locator("a").click()
    expect(page).to_have_url(base_url + TEAM + "week-05/#my-notes")
    expect(page.locator("#hb-note")).to_have_value("Deploy: the second half.")


def test_a_page_of_an_older_deploy_rewriting_the_ticks_keeps_the_notes(
    page: Page, base_url: str
) -> None:
    """A tab still open on the previous deploy runs the previous script, which saves ticks and
    start date as the whole entry it knows: the notes live elsewhere, so they stay."""
    page.goto(base_url + TEAM + "week-02/")
    page.fill("#hb-note", "Kept")
    page.locator("#hb-note").blur()
    older = json.dumps({"done": ["fixture-team/w02/five-small-python-programs"], "start": None})
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, older])
    page.reload()
    expect(page.locator("#hb-note")).to_have_value("Kept")
    expect(page.locator("input[data-item]").first).to_be_checked()


def test_the_two_weeks_of_a_block_have_a_note_each(page: Page, base_url: str) -> None:
    page.goto(base_url + TEAM + "week-04/")
    page.fill("#hb-note", "Part one.")
    page.locator("#hb-note").blur()
    page.goto(base_url + TEAM + "week-05/")
    expect(page.locator("#hb-note")).to_have_value("")


def test_markup_in_a_note_stays_text_on_every_page_that_shows_it(page: Page, base_url: str) -> None:
    page.clock.set_fixed_time(NOON)
    page.goto(base_url + TEAM + "week-02/")
    page.fill("#hb-note", HOSTILE)
    page.locator("#hb-note").blur()
    page.reload()
    notes = page.locator(".hb-notes")
    expect(page.locator("#hb-note")).to_have_value(HOSTILE)
    assert notes.locator("img, script, strong, em").count() == 0

    # printed: all of the note, as text, where the box was
    page.emulate_media(media="print")
    expect(page.locator("#hb-note")).to_be_hidden()
    printed = page.locator("[data-hb-note-print]")
    expect(printed).to_be_visible()
    assert printed.evaluate("node => node.textContent") == HOSTILE
    assert printed.evaluate("node => node.children.length") == 0
    assert page.pdf(format="A4")[:5] == b"%PDF-"
    page.emulate_media(media="screen")

    page.goto(base_url + TEAM + "progress/")
    listed = page.locator(".hb-note-text")
    expect(listed).to_have_count(1)
    assert listed.evaluate("node => node.textContent") == HOSTILE
    assert page.locator(".hb-note-list").locator("img, script, strong, em, code").count() == 0
    assert page.locator(".hb-note-list a").count() == 1  # the week's own link only
    assert page.evaluate("window.hbHit") is None


def test_a_week_without_a_note_prints_no_notes_heading(page: Page, base_url: str) -> None:
    page.goto(base_url + TEAM + "week-01/")
    page.emulate_media(media="print")
    expect(page.locator(".hb-notes")).to_be_hidden()


def test_without_javascript_the_box_says_it_needs_it(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + TEAM + "week-01/")
        expect(page.locator(".hb-notes .hb-nojs")).to_be_visible()
        expect(page.locator("#hb-note")).to_be_hidden()
    finally:
        context.close()
