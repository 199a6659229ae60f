"""A roadmap as an iCalendar feed: ``/<slug>/calendar.ics``.

Readers subscribe to the feed in their calendar app, so three properties
matter more than anything else:

- **Stable UIDs.** Every event's UID is derived from the roadmap slug and
  what the event is (``week-44``, ``week-44-deadline``, ``session-...``), never
  from its position in a list, so re-subscribing or a content edit updates
  events instead of duplicating them.
- **Deterministic bytes.** ``DTSTAMP`` is required by RFC 5545; it is derived
  from the content (the roadmap's start) rather than the clock, so an
  unchanged roadmap yields an unchanged file and the render stage rewrites
  nothing.
- **Right times.** Weeks, milestones, deadlines and key dates are all-day
  events (they have no time of day). The team's recurring sessions are
  timed events in the schedule's IANA zone, with its ``VTIMEZONE``, repeating
  weekly on their weekdays and bounded by the roadmap's first and last day.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator

from icalendar import Calendar, Event, vRecur

from generator.model import Roadmap, Schedule, slugify
from generator.schedule import DatedWeek, Plan
from generator.views.urls import week_url

PRODUCT = "-//Study Handbook//Roadmap calendar//EN"
UID_DOMAIN = "study-handbook"

_BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
_WEEKDAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _uid(slug: str, what: str) -> str:
    return f"{slug}-{what}@{UID_DOMAIN}"


def _all_day(
    slug: str, what: str, summary: str, first: dt.date, last: dt.date, stamp: dt.datetime
) -> Event:
    """An all-day event from ``first`` to ``last`` inclusive (DTEND is exclusive in iCalendar)."""
    event = Event()
    event.add("uid", _uid(slug, what))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", first)
    event.add("dtend", last + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a study week or a milestone does not make you busy
    return event


def _week_event(plan: Plan, week: DatedWeek, site_url: str | None, stamp: dt.datetime) -> Event:
    roadmap = plan.roadmap
    entry = week.entry
    part = f" (part {week.part} of {week.parts})" if week.parts > 1 else ""
    event = _all_day(
        roadmap.slug,
        f"week-{week.number:02d}",
        f"Week {week.number}: {entry.title}{part}",
        week.start,
        week.end,
        stamp,
    )
    lines = [f"{roadmap.title}, week {week.number} of {len(plan.weeks)}."]
    lines += [f"- {item.text}" for _, item in entry.items()]
    url = week_url(site_url, roadmap.slug, week.number)
    if url:
        event.add("url", url)
        lines.append(url)
    event.add("description", "\n".join(lines))
    return event


def _dated_events(plan: Plan, site_url: str | None, stamp: dt.datetime) -> Iterator[Event]:
    """Milestones and deadlines (on the week that carries them), then the key dates."""
    slug = plan.roadmap.slug
    for week in plan.weeks:
        entry = week.entry
        if entry.milestone is not None and week.part == week.parts:
            day = entry.milestone.date or week.end
            event = _all_day(
                slug,
                f"week-{week.number:02d}-milestone",
                f"🏁 Milestone: {entry.milestone.text}",
                day,
                day,
                stamp,
            )
            _link(event, week_url(site_url, slug, week.number))
            yield event
        deadline = week.month.deadline
        if deadline is not None and week.number == week.month.weeks[-1].last:
            event = _all_day(
                slug,
                f"week-{week.number:02d}-deadline",
                f"⏰ {deadline.label}",
                deadline.date,
                deadline.date,
                stamp,
            )
            _link(event, week_url(site_url, slug, week.number))
            yield event
    for key in plan.roadmap.key_dates:
        what = f"key-{key.date.isoformat()}-{slugify(key.label)}"
        label = f"{key.emoji} {key.label}" if key.emoji else key.label
        yield _all_day(slug, what, label, key.date, key.until or key.date, stamp)


def _link(event: Event, url: str | None) -> None:
    if url:
        event.add("url", url)
        event.add("description", url)


def _first_on_or_after(day: dt.date, weekdays: set[int]) -> dt.date:
    while day.weekday() not in weekdays:
        day += dt.timedelta(days=1)
    return day


def _session_events(plan: Plan, schedule: Schedule, stamp: dt.datetime) -> Iterator[Event]:
    """Each session of the weekly schedule as one recurring event, inside the roadmap's dates."""
    roadmap: Roadmap = plan.roadmap
    zone = zoneinfo.ZoneInfo(schedule.timezone)
    # RFC 5545: with a zoned DTSTART, UNTIL must be in UTC; the last instant of the last day.
    until = dt.datetime.combine(plan.end, dt.time(23, 59, 59), tzinfo=zone).astimezone(dt.UTC)
    for day in schedule.days:
        weekdays = {_WEEKDAY[name] for name in day.days}
        first = _first_on_or_after(plan.start, weekdays)
        for session in day.sessions:
            start = dt.time.fromisoformat(session.start)
            end = dt.time.fromisoformat(session.end)
            event = Event()
            event.add(
                "uid", _uid(roadmap.slug, f"session-{slugify(day.name)}-{slugify(session.title)}")
            )
            event.add("dtstamp", stamp)
            event.add("summary", session.title)
            event.add("dtstart", dt.datetime.combine(first, start, tzinfo=zone))
            event.add("dtend", dt.datetime.combine(first, end, tzinfo=zone))
            rule = vRecur(
                freq="WEEKLY",
                byday=[_BYDAY[name] for name in sorted(day.days, key=_WEEKDAY.__getitem__)],
                until=until,
            )
            event.add("rrule", rule)
            lines = [f"{day.name}{' (mandatory)' if session.required else ''}"]
            lines += [f"- {point}" for point in session.agenda]
            event.add("description", "\n".join(lines))
            yield event


def calendar(plan: Plan, site_url: str | None) -> str:
    """The iCalendar text of one roadmap (CRLF line endings, as RFC 5545 requires)."""
    roadmap = plan.roadmap
    stamp = dt.datetime.combine(roadmap.start, dt.time(0), tzinfo=dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", roadmap.title)
    for week in plan.weeks:
        cal.add_component(_week_event(plan, week, site_url, stamp))
    for event in _dated_events(plan, site_url, stamp):
        cal.add_component(event)
    if roadmap.schedule is not None:
        for event in _session_events(plan, roadmap.schedule, stamp):
            cal.add_component(event)
        # The VTIMEZONE only needs to cover the roadmap's own dates; icalendar's default
        # (1970-2038) scans 68 years of offsets for nothing and makes the file larger.
        cal.add_missing_timezones(
            first_date=plan.start - dt.timedelta(days=1), last_date=plan.end + dt.timedelta(days=1)
        )
    return bytes(cal.to_ical()).decode("utf-8")
