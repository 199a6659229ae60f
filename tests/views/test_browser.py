"""The browser's data: ids agree with week pages, pages and formats come from the build."""

from __future__ import annotations

import json

import pytest

from generator import assets, loader, pipeline
from generator.schedule import Plan
from generator.views import browser, urls
from generator.views.dates import DateFormat, Dates, browser_formats
from generator.views.site import site
from generator.views.week import WeekPage
from tests.conftest import CONTENT, FIXTURES


@pytest.fixture(scope="module")
def plans() -> list[Plan]:
    return [item.plan for item in loader.load_all(CONTENT)]


def _payload(script: str) -> dict[str, object]:
    prefix = "window.handbookData="
    line = next(line for line in script.splitlines() if line.startswith(prefix))
    data: dict[str, object] = json.loads(line.removeprefix(prefix).removesuffix(";"))
    return data


def test_data_lists_exactly_the_checkbox_ids_of_every_week_page(plans: list[Plan]) -> None:
    built = site(plans, {}, None)
    data = browser.browser_data(plans)
    weeks = [page for page in built.pages if isinstance(page, WeekPage)]
    assert len(weeks) == sum(len(plan.weeks) for plan in plans)
    for week in weeks:
        boxes = [check.id for section in week.sections for check in section.items]
        entry = data.roadmaps[week.roadmap].weeks[week.number - 1]
        assert [f"{week.roadmap}/{item}" for item in entry.items] == boxes
        assert f"{entry.page}.md" == week.path


def test_data_script_is_deterministic_plain_javascript(plans: list[Plan]) -> None:
    data = browser.browser_data(plans)
    script = assets.data_script(data)
    assert script == assets.data_script(browser.browser_data(plans))
    assert script.isascii()
    payload = _payload(script)
    assert payload["formats"] == browser_formats()
    roadmaps = payload["roadmaps"]
    assert isinstance(roadmaps, dict)
    for plan in plans:
        entry = roadmaps[plan.roadmap.slug]
        assert entry["start"] == plan.start.isoformat()
        assert [week["page"] for week in entry["weeks"]] == [
            urls.week_page(plan.roadmap.slug, week.number) for week in plan.weeks
        ]


def test_dates_print_with_the_patterns_the_browser_receives() -> None:
    import datetime as dt

    day = Dates.day("r", dt.date(2026, 1, 19))
    assert day.text == "Mon 19 Jan 2026" and day.format is DateFormat.DAY
    same_year = Dates.span("r", dt.date(2026, 1, 19), dt.date(2026, 1, 25))
    assert same_year.text == "Mon 19 Jan – Sun 25 Jan 2026"
    new_year = Dates.span("r", dt.date(2026, 12, 28), dt.date(2027, 1, 3))
    assert new_year.text == "Mon 28 Dec 2026 – Sun 3 Jan 2027"
    assert Dates.short("r", dt.date(2026, 12, 28), dt.date(2027, 1, 3)).text == "28 Dec – 3 Jan"


def test_mini_titles_are_escaped_in_reader_pages() -> None:
    files = pipeline.generate(FIXTURES / "mini", None)
    assert "<script>" not in files["mini/progress.md"]
    assert r"\<script\>" in files["mini/progress.md"]
    assert "<script>" in json.dumps(_payload(files[urls.DATA]))  # JSON text, not HTML


def test_every_roadmap_gets_progress_now_and_calendar_files(plans: list[Plan]) -> None:
    files = pipeline.generate(CONTENT, "https://handbook.example/")
    for plan in plans:
        slug = plan.roadmap.slug
        assert 'data-hb-action="export"' in files[urls.progress(slug)]
        assert f'data-roadmap="{slug}"' in files[urls.now(slug)]
        assert files[urls.calendar(slug)].startswith("BEGIN:VCALENDAR\r\n")
