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

from icalendar import Calendar, Component, Event, vDDDTypes, vRecur, vText
from icalendar.parser import Contentline

from generator.agenda import Kind, Occasion, occasions
from generator.model import Roadmap, Schedule, slugify
from generator.schedule import DatedWeek, Plan
from generator.views.urls import week_url

PRODUCT = "-//Study Handbook//Roadmap calendar//EN"
UID_DOMAIN = "study-handbook"

_BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
_WEEKDAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _uid(slug: str, what: str) -> str:
    return f"{slug}-{what}@{UID_DOMAIN}"


def _date(day: dt.date) -> str:
    """An iCalendar DATE value (RFC 5545, 3.3.4): ``YYYYMMDD``."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _text(value: str) -> str:
    """A TEXT value escaped by icalendar (backslash, ``;``, ``,`` and line breaks)."""
    return vText(value).to_ical().decode("utf-8")


def _all_day(
    slug: str,
    what: str,
    summary: str,
    first: dt.date,
    last: dt.date,
    stamp: str,
    lines: list[str],
    url: str | None,
) -> list[str]:
    """An all-day event from ``first`` to ``last`` inclusive (DTEND is exclusive in iCalendar),
    as its unfolded content lines, with ``url`` (if any) as a link and as the description's
    last line.

    Nearly every event of a feed is one of these (a 1,000-week roadmap has 1,250), and
    building each as an icalendar ``Event`` and serializing it took four fifths of the
    feed's time (0.11 of 0.14 s at 1,000 weeks). So they are written here, in the order and with the
    escaping icalendar uses (its canonical property order, then by name; TEXT values through
    its ``vText``); ``tests/test_ics.py`` checks that icalendar reads every feed back into
    exactly the same bytes. The calendar itself, the sessions and their time zone are
    icalendar's own.
    """
    if url:
        lines = [*lines, url]
    event = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(summary)}",
        f"DTSTART;VALUE=DATE:{_date(first)}",
        f"DTEND;VALUE=DATE:{_date(last + dt.timedelta(days=1))}",
        f"DTSTAMP:{stamp}",
        f"UID:{_text(_uid(slug, what))}",
    ]
    if lines:
        description = "\n".join(lines)
        event.append(f"DESCRIPTION:{_text(description)}")
    event.append("TRANSP:TRANSPARENT")  # a study week or a milestone does not make you busy
    if url:
        event.append(f"URL:{url}")
    event.append("END:VEVENT")
    return event


def _week_event(plan: Plan, week: DatedWeek, site_url: str | None, stamp: str) -> list[str]:
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


def _occasion_event(plan: Plan, occasion: Occasion, site_url: str | None, stamp: str) -> list[str]:
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
    """The iCalendar text of one roadmap (CRLF line endings, as RFC 5545 requires).

    In the order icalendar gives a calendar built event by event: its properties,
    the time zone, the weeks, the milestones, deadlines and key dates, the sessions.
    """
    roadmap = plan.roadmap
    stamp = vDDDTypes(dt.datetime.combine(roadmap.start, dt.time(0), tzinfo=dt.UTC))
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", roadmap.title)
    if roadmap.schedule is not None:
        for event in _session_events(plan, roadmap.schedule, stamp):
            cal.add_component(event)
        # The VTIMEZONE only needs to cover the roadmap's own dates; icalendar's default
        # (1970-2038) scans 68 years of offsets for nothing and makes the file larger.
        cal.add_missing_timezones(
            first_date=plan.start - dt.timedelta(days=1), last_date=plan.end + dt.timedelta(days=1)
        )
    components, cal.subcomponents = cal.subcomponents, []
    head = _lines(cal)  # BEGIN:VCALENDAR, its properties, END:VCALENDAR
    zones = [line for c in components if c.name == "VTIMEZONE" for line in _lines(c)]
    sessions = [line for c in components if c.name != "VTIMEZONE" for line in _lines(c)]
    day_stamp = stamp.to_ical().decode("ascii")
    all_day = [line for week in plan.weeks for line in _week_event(plan, week, site_url, day_stamp)]
    for occasion in occasions(plan):
        all_day += _occasion_event(plan, occasion, site_url, day_stamp)
    return _to_text([*head[:-1], *zones, *all_day, *sessions, head[-1]])


def _lines(component: Component) -> list[str]:
    """The content lines icalendar writes for ``component``, unfolded."""
    return [str(line) for line in component.content_lines() if line]


_FOLD_AT = 75
"""RFC 5545 folds content lines longer than 75 octets."""
_KEEP_WITH_NEXT = "\\^"
"""A backslash (TEXT escape) or caret (RFC 6868 escape) is never left at the end of a fold."""


def _fold_ascii(line: str) -> str:
    """Fold an ASCII content line exactly as icalendar 7 does, a slice at a time.

    Each folded piece holds at most 74 characters; a piece that would end in an
    escape character leaves it to the next piece, so no client sees an escape
    split across lines.
    """
    pieces = []
    start = 0
    while len(line) - start > _FOLD_AT - 1:
        end = start + _FOLD_AT - 1
        if line[end - 1] in _KEEP_WITH_NEXT:
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return "\r\n ".join(pieces)


def _to_text(lines: list[str]) -> str:
    """Content lines as the text of a feed, folded without icalendar's per-character loop
    where it can.

    icalendar folds every content line in pure Python, one character at a
    time, which took about 40% of a 1,000-week render. ASCII lines are folded
    here with the same rule (tests compare the bytes with what icalendar writes);
    any other line goes through the library (``Contentline.to_ical``).
    """
    parts = []
    for line in lines:
        if line.isascii():
            parts.append(_fold_ascii(line))
        else:
            folded = Contentline(line).to_ical()  # type: ignore[no-untyped-call]
            parts.append(folded.decode("utf-8"))
    return "\r\n".join(parts) + "\r\n"
