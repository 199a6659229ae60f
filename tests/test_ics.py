"""The calendar feed: parses with icalendar, holds the expected events, stays stable."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pytest
from icalendar import Calendar

from generator import ics, loader, weekdates
from generator.weekdates import Plan
from tests.conftest import HANDBOOK

SITE = "https://handbook.example/"


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    return {item.plan.roadmap.slug: item.plan for item in loader.load_all(HANDBOOK)}


@pytest.fixture(scope="module")
def team(plans: dict[str, Plan]) -> Plan:
    return plans["fixture-team"]


def _events(text: str) -> dict[str, Any]:
    """UID → event; typed loosely, as icalendar's property values are a union of ~30 types."""
    calendar = Calendar.from_ical(text)
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == len(calendar.walk("VEVENT")), "UIDs must be unique"
    return events


def test_one_all_day_event_per_week_with_its_page(team: Plan) -> None:
    events = _events(ics.calendar(team, SITE))
    weeks = [
        uid for uid in events if uid.split("@")[0].removeprefix("fixture-team-week-").isdigit()
    ]
    assert len(weeks) == 7
    week = events["fixture-team-week-05@study-handbook"]
    assert week.decoded("DTSTART") == dt.date(2026, 11, 30)
    assert week.decoded("DTEND") == dt.date(2026, 12, 7)  # exclusive: through Sun 6 Dec
    assert str(week["SUMMARY"]) == "Week 5: Build & Deploy (part 2 of 2)"
    assert str(week["URL"]) == f"{SITE}fixture-team/week-05/"
    assert "week 5 of 7: Project 1: Tiny App." in str(week["DESCRIPTION"])
    first = events["fixture-team-week-01@study-handbook"]
    assert "- Run `ls -la` & read the output" in str(first["DESCRIPTION"])
    assert "- Install Git with a package manager" in str(first["DESCRIPTION"])


def test_a_deadline_names_its_project_and_absorbs_the_key_date_of_its_day(team: Plan) -> None:
    events = _events(ics.calendar(team, SITE))
    deadline = events["fixture-team-week-05-deadline@study-handbook"]
    assert deadline.decoded("DTSTART") == dt.date(2026, 12, 6)
    assert str(deadline["SUMMARY"]) == "🎉 Project 1: Tiny App — deploy deadline"
    assert "Key date: Tiny App Demo Day." in str(deadline["DESCRIPTION"])
    assert str(deadline["URL"]) == f"{SITE}fixture-team/week-05/"
    on_that_day = [e for e in events.values() if e.decoded("DTSTART") == dt.date(2026, 12, 6)]
    assert on_that_day == [deadline]  # one date, one event


def test_milestones_and_key_dates(team: Plan) -> None:
    events = _events(ics.calendar(team, SITE))
    milestone = events["fixture-team-week-01-milestone@study-handbook"]
    assert str(milestone["SUMMARY"]) == "🏁 Milestone: Shell basics done!"
    assert milestone.decoded("DTSTART") == dt.date(2026, 11, 8)
    fortnight = events["fixture-team-key-2026-12-07-wrap-up-fortnight@study-handbook"]
    assert fortnight.decoded("DTEND") == dt.date(2026, 12, 21)
    kickoff = events["fixture-team-key-2026-10-29-kickoff-call@study-handbook"]
    assert "URL" not in kickoff  # before week 1: no week page to link to


def test_sessions_recur_in_their_zone_within_the_roadmap(team: Plan) -> None:
    text = ics.calendar(team, SITE)
    calendar = Calendar.from_ical(text)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Africa/Nairobi"]
    events = _events(text)
    nairobi = zoneinfo.ZoneInfo("Africa/Nairobi")
    sync = events["fixture-team-session-weekdays-mon-fri-team-sync@study-handbook"]
    start = sync.decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=3)
    assert start.replace(tzinfo=None) == dt.datetime(2026, 11, 2, 21, 0)
    rule = sync["RRULE"]
    assert rule["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
    assert rule["UNTIL"][0] == dt.datetime(2026, 12, 20, 23, 59, 59, tzinfo=nairobi).astimezone(
        dt.UTC
    )
    pairing = events["fixture-team-session-saturday-pairing@study-handbook"]
    assert pairing.decoded("DTSTART").replace(tzinfo=None) == dt.datetime(2026, 11, 7, 10, 0)
    assert "DTSTART;TZID=Africa/Nairobi:20261107T100000" in text


def test_output_is_deterministic_and_stamped_from_content(team: Plan) -> None:
    assert ics.calendar(team, SITE) == ics.calendar(team, SITE)
    for event in _events(ics.calendar(team, None)).values():
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    assert ics.calendar(team, None).endswith("END:VCALENDAR\r\n")


def test_without_site_url_events_carry_no_links(team: Plan) -> None:
    assert all("URL" not in event for event in _events(ics.calendar(team, None)).values())


def test_roadmap_without_schedule_has_no_timezone_or_recurrence(
    plans: dict[str, Plan], team: Plan
) -> None:
    bare = weekdates.plan(team.roadmap.model_copy(update={"schedule": None}))
    text = ics.calendar(bare, None)
    assert "VTIMEZONE" not in text and "RRULE" not in text
    # 7 weeks; a milestone; a deadline (with its key date); the kickoff and the fortnight
    assert len(_events(text)) == 7 + 1 + 1 + 2
    assert "RRULE" not in ics.calendar(plans["fixture-solo"], None)
