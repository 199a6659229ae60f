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

from icalendar import Calendar, Event, vDDDTypes, vRecur

from generator.agenda import Kind, Occasion, occasions
from generator.model import Roadmap, Schedule, slugify
from generator.views.urls import week_url
from generator.weekdates import DatedWeek, Plan

PRODUCT = "-//Study Handbook//Roadmap calendar//EN"
UID_DOMAIN = "study-handbook"

_BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
_WEEKDAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _uid(slug: str, what: str) -> str:
    return f"{slug}-{what}@{UID_DOMAIN}"


def _all_day(
    slug: str,
    what: str,
    summary: str,
    first: dt.date,
    last: dt.date,
    stamp: vDDDTypes,
    lines: list[str],
    url: str | None,
) -> Event:
    """An all-day event from ``first`` to ``last`` inclusive (DTEND is exclusive in iCalendar),
    with ``url`` (if any) as a link and as the description's last line."""
    event = Event()
    event.add("uid", _uid(slug, what))
    event["dtstamp"] = stamp
    event.add("summary", summary)
    event.add("dtstart", first)
    event.add("dtend", last + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a study week or a milestone does not make you busy
    if url:
        event.add("url", url)
        lines = [*lines, url]
    if lines:
        event.add("description", "\n".join(lines))
    return event


def _week_event(plan: Plan, week: DatedWeek, site_url: str | None, stamp: vDDDTypes) -> Event:
    roadmap = plan.roadmap
    entry = week.entry
    part = f" (part {week.part} of {week.parts})" if week.parts > 1 else ""
    lines = [f"{roadmap.title}, week {week.number} of {len(plan.weeks)}: {week.month.heading}."]
    lines += [f"- {item.text}" for _, item in entry.items()]
    return _all_day(
        roadmap.slug,
        f"week-{week.number:02d}",  # a calendar identity, kept even if page URLs change
        f"Week {week.number}: {entry.title}{part}",
        week.start,
        week.end,
        stamp,
        lines,
        week_url(site_url, roadmap.slug, week.number),
    )


def _occasion_event(
    plan: Plan, occasion: Occasion, site_url: str | None, stamp: vDDDTypes
) -> Event:
    """A milestone, deadline or key date: one event per occasion, named as week pages name it."""
    slug = plan.roadmap.slug
    title = f"{occasion.emoji} {occasion.title}" if occasion.emoji else occasion.title
    if occasion.kind is Kind.MILESTONE:
        title = f"{occasion.emoji} Milestone: {occasion.title}"
    lines = [f"Key date: {label}." for label in occasion.also]
    linked = 1 <= occasion.week <= len(plan.weeks)
    url = week_url(site_url, slug, occasion.week) if linked else None
    return _all_day(slug, occasion.ident, title, occasion.start, occasion.end, stamp, lines, url)


def _first_on_or_after(day: dt.date, weekdays: set[int]) -> dt.date:
    while day.weekday() not in weekdays:
        day += dt.timedelta(days=1)
    return day


def _session_events(plan: Plan, schedule: Schedule, stamp: vDDDTypes) -> Iterator[Event]:
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
            event["dtstamp"] = stamp
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
    stamp = vDDDTypes(dt.datetime.combine(roadmap.start, dt.time(0), tzinfo=dt.UTC))
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", roadmap.title)
    for week in plan.weeks:
        cal.add_component(_week_event(plan, week, site_url, stamp))
    for occasion in occasions(plan):
        cal.add_component(_occasion_event(plan, occasion, site_url, stamp))
    if roadmap.schedule is not None:
        for event in _session_events(plan, roadmap.schedule, stamp):
            cal.add_component(event)
        # The VTIMEZONE only needs to cover the roadmap's own dates; icalendar's default
        # (1970-2038) scans 68 years of offsets for nothing and makes the file larger.
        cal.add_missing_timezones(
            first_date=plan.start - dt.timedelta(days=1), last_date=plan.end + dt.timedelta(days=1)
        )
    written: bytes = cal.to_ical()  # icalendar leaves to_ical unannotated
    return written.decode("utf-8")
