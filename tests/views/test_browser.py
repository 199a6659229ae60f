"""The browser's data: units agree with week pages; pages, formats and id rules come from here."""

from __future__ import annotations

import datetime as dt
import json
import re

from generator import datafiles, pipeline, progress_export
from generator.views import urls
from generator.views.dates import DateFormat, Dates, browser_formats
from generator.views.progress_ids import ID_PATTERN, week_key
from generator.views.site import Site
from generator.views.values import Choice
from generator.views.week import WeekPage
from generator.weekdates import Plan
from tests.conftest import FIXTURES, HANDBOOK, SITE_URL


def _payload(script: str) -> dict[str, object]:
    prefix = "window.handbookData="
    line = next(line for line in script.splitlines() if line.startswith(prefix))
    data: dict[str, object] = json.loads(line.removeprefix(prefix).removesuffix(";"))
    return data


def test_every_box_on_a_week_page_is_in_the_data_of_its_week(handbook: Site) -> None:
    weeks = [page for page in handbook.pages if isinstance(page, WeekPage)]
    assert len(weeks) == 10
    for page in weeks:
        entry = handbook.data.roadmaps[page.roadmap].weeks[page.number - 1]
        assert f"{entry.page}.md" == page.path
        boxes = set()
        for section in page.sections:
            for line in section.entries:
                boxes |= {o.id for o in line.options} if isinstance(line, Choice) else {line.id}
        for group in page.videos:
            boxes |= {v.watched.id for s in group.searches for v in s.videos}
        in_data = {f"{page.roadmap}/{ident}" for unit in entry.units for ident in unit}
        assert in_data == boxes, page.path


def test_every_progress_id_matches_the_pattern_the_browser_checks(handbook: Site) -> None:
    pattern = re.compile(ID_PATTERN)
    for slug, roadmap in handbook.data.roadmaps.items():
        for week in roadmap.weeks:
            for unit in week.units:
                assert all(pattern.match(f"{slug}/{ident}") for ident in unit)


def test_data_script_is_deterministic_plain_javascript(
    handbook: Site, plans: dict[str, Plan]
) -> None:
    script = datafiles.data_script(handbook.data)
    assert script == datafiles.data_script(handbook.data)
    assert script.isascii()
    payload = _payload(script)
    assert payload["formats"] == browser_formats()
    assert payload["idPattern"] == ID_PATTERN
    roadmaps = payload["roadmaps"]
    assert isinstance(roadmaps, dict)
    team = roadmaps["fixture-team"]
    assert team["start"] == "2026-11-02"
    assert team["title"] == "🧪 Fixture Team Plan & Co"
    assert [week["page"] for week in team["weeks"]] == [
        urls.week_page("fixture-team", number) for number in range(1, 8)
    ]
    assert team["weeks"][3]["units"] == team["weeks"][4]["units"]  # a block: one checklist


def test_dates_print_with_the_patterns_the_browser_receives() -> None:
    day = Dates.day("r", dt.date(2026, 1, 19))
    assert day.text == "Mon 19 Jan 2026" and day.format is DateFormat.DAY
    same_year = Dates.span("r", dt.date(2026, 1, 19), dt.date(2026, 1, 25))
    assert same_year.text == "Mon 19 Jan – Sun 25 Jan 2026"
    new_year = Dates.span("r", dt.date(2026, 12, 28), dt.date(2027, 1, 3))
    assert new_year.text == "Mon 28 Dec 2026 – Sun 3 Jan 2027"
    assert Dates.short("r", dt.date(2026, 12, 28), dt.date(2027, 1, 3)).text == "28 Dec – 3 Jan"
    formats = browser_formats()
    assert formats["weekdays"] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def test_titles_are_json_text_in_the_data_and_escaped_on_pages() -> None:
    files = pipeline.generate(FIXTURES / "mini", None)
    assert "<script>" not in files["mini/progress.md"]
    assert r"\<script\>" in files["mini/progress.md"]
    assert "<script>" in json.dumps(_payload(files[urls.DATA]))  # JSON text, not HTML


def test_every_roadmap_gets_progress_now_and_calendar_files(plans: dict[str, Plan]) -> None:
    files = pipeline.generate(HANDBOOK, SITE_URL)
    for slug in plans:
        assert 'data-hb-action="export"' in files[urls.progress(slug)]
        assert f'data-roadmap="{slug}"' in files[urls.now(slug)]
        assert files[urls.calendar(slug)].startswith("BEGIN:VCALENDAR\r\n")


def test_each_week_carries_the_key_its_note_is_exported_under(handbook: Site) -> None:
    pattern = re.compile(progress_export.WEEK_PATTERN)
    weeks = [page for page in handbook.pages if isinstance(page, WeekPage)]
    for page in weeks:
        entry = handbook.data.roadmaps[page.roadmap].weeks[page.number - 1]
        assert (
            f"{page.roadmap}/{entry.note}"
            == page.my_notes.key
            == week_key(page.roadmap, page.number)
        )
        assert pattern.match(page.my_notes.key)
        assert page.my_notes.limit == progress_export.NOTE_LIMIT
    # the two pages of a block share their ticks, not their notes
    team = {page.number: page.my_notes.key for page in weeks if page.roadmap == "fixture-team"}
    assert team[4] == "fixture-team/w04" and team[5] == "fixture-team/w05"


def test_the_export_rules_the_browser_checks_are_the_models(handbook: Site) -> None:
    payload = _payload(datafiles.data_script(handbook.data))
    assert payload["export"] == {
        "format": progress_export.FORMAT,
        "version": progress_export.VERSION,
        "weekPattern": progress_export.WEEK_PATTERN,
        "noteLimit": progress_export.NOTE_LIMIT,
        "itemLimit": progress_export.ITEM_LIMIT,
    }
