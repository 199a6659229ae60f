"""The calendar feed: parses with icalendar, holds the expected events, stays stable."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from icalendar import Calendar, Event

from generator import ics, loader, schedule
from generator.schedule import Plan
from tests.conftest import CONTENT, FIXTURES

SITE = "https://handbook.example/"


@pytest.fixture(scope="module")
def team() -> Plan:
    plans = {item.plan.roadmap.slug: item.plan for item in loader.load_all(CONTENT)}
    return plans["backend-2026"]


@pytest.fixture(scope="module")
def mini() -> Plan:
    return loader.load_all(FIXTURES / "mini")[0].plan


def _events(text: str) -> dict[str, Event]:
    calendar = Calendar.from_ical(text)
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == len(calendar.walk("VEVENT")), "UIDs must be unique"
    return events


def test_one_all_day_event_per_week_with_its_page(team: Plan) -> None:
    events = _events(ics.calendar(team, SITE))
    weeks = [uid for uid in events if "-week-" in uid and uid.split("@")[0].count("-") == 3]
    assert len(weeks) == 54
    week = events["backend-2026-week-44@study-handbook"]
    assert week.decoded("DTSTART") == dt.date(2026, 11, 16)
    assert week.decoded("DTEND") == dt.date(2026, 11, 23)  # exclusive: through Sun 22 Nov
    assert str(week["SUMMARY"]) == "Week 44: Polish & Deploy (part 2 of 2)"
    assert str(week["URL"]) == f"{SITE}backend-2026/week-44/"
    first = events["backend-2026-week-01@study-handbook"]
    assert first.decoded("DTSTART") == dt.date(2026, 1, 19)
    assert "- Functions" in str(first["DESCRIPTION"])


def test_milestones_deadlines_and_key_dates(team: Plan) -> None:
    events = _events(ics.calendar(team, SITE))
    deadline = events["backend-2026-week-44-deadline@study-handbook"]
    assert deadline.decoded("DTSTART") == dt.date(2026, 11, 22)
    assert str(deadline["SUMMARY"]) == "🎉 Project 2: Multi-Tenant Invoice API — deploy deadline"
    # the key date "Project 2 Deployment" names the same day: one event, not two
    assert "Key date: Project 2 Deployment." in str(deadline["DESCRIPTION"])
    same_day = [e for e in events.values() if e.decoded("DTSTART") == dt.date(2026, 11, 22)]
    assert len(same_day) == 1
    milestone = events["backend-2026-week-12-milestone@study-handbook"]
    assert "Database expert" in str(milestone["SUMMARY"])
    assert milestone.decoded("DTSTART") == dt.date(2026, 4, 12)  # the week's Sunday
    sprint = events["backend-2026-key-2027-01-18-job-hunt-sprint@study-handbook"]
    assert sprint.decoded("DTSTART") == dt.date(2027, 1, 18)
    assert sprint.decoded("DTEND") == dt.date(2027, 2, 1)


def test_team_schedule_recurs_in_nairobi_time_within_the_roadmap(team: Plan) -> None:
    text = ics.calendar(team, SITE)
    calendar = Calendar.from_ical(text)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Africa/Nairobi"]
    events = _events(text)
    nairobi = zoneinfo.ZoneInfo("Africa/Nairobi")
    sync = events["backend-2026-session-weekdays-mon-fri-team-sync@study-handbook"]
    start = sync.decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=3)
    assert start.replace(tzinfo=None) == dt.datetime(2026, 1, 19, 21, 0)
    assert sync.decoded("DTEND").replace(tzinfo=None) == dt.datetime(2026, 1, 19, 22, 0)
    rule = sync["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
    last_day_end = dt.datetime(2027, 1, 31, 23, 59, 59, tzinfo=nairobi)
    assert rule["UNTIL"][0] == last_day_end.astimezone(dt.UTC)
    saturday = events["backend-2026-session-saturday-team-day-team-coding-session@study-handbook"]
    assert saturday.decoded("DTSTART").replace(tzinfo=None) == dt.datetime(2026, 1, 24, 10, 0)
    assert saturday["RRULE"]["BYDAY"] == ["SA"]
    assert "DTSTART;TZID=Africa/Nairobi:20260124T100000" in text


def test_output_is_deterministic_and_stamped_from_content(team: Plan, mini: Plan) -> None:
    assert ics.calendar(team, SITE) == ics.calendar(team, SITE)
    for event in _events(ics.calendar(mini, None)).values():
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 12, 21, tzinfo=dt.UTC)
    assert "\r\n" in ics.calendar(mini, None)


def test_without_site_url_events_carry_no_links(mini: Plan) -> None:
    events = _events(ics.calendar(mini, None))
    assert all("URL" not in event for event in events.values())
    assert "mini-week-01@study-handbook" in events
    assert "mini-week-04@study-handbook" in events


def test_mini_schedule_is_bounded_by_its_last_sunday(mini: Plan) -> None:
    text = ics.calendar(mini, None)
    # Last day Sun 17 Jan 2027 23:59:59 EAT is 20:59:59 UTC.
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270117T205959Z;BYDAY=MO,TU,WE,TH,FR" in text


def test_roadmap_without_schedule_has_no_timezone_or_recurrence(mini: Plan) -> None:
    bare = schedule.plan(mini.roadmap.model_copy(update={"schedule": None}))
    text = ics.calendar(bare, None)
    assert "VTIMEZONE" not in text
    assert "RRULE" not in text
    assert len(_events(text)) == 4 + 1 + 1 + 1  # weeks, a milestone, a deadline, a key date
