""" "This week at a glance": when the learner meets, how long to study, what is due.

It opens every week page, so that a learner reading on Monday morning knows
the week's shape without the overview: the time budget from the roadmap,
this week's sessions on their real dates (in the roadmap's time zone; the
browser adds the reader's own clock when it differs), the videos' total
length, and what is due with the days left (counted in the browser, which
knows today's date).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from generator.agenda import Kind, Occasion
from generator.model import ROLES, Hours, ItemChoice, Roadmap
from generator.views import urls
from generator.views.dates import WEEKDAY_KEYS, Dates, format_days, weekday_name
from generator.views.values import Link, format_hours, titled
from generator.weekdates import DatedWeek, Plan, week_of

_KIND_LABELS = {Kind.DEADLINE: "Deadline", Kind.MILESTONE: "Milestone", Kind.KEY_DATE: "Key date"}


@dataclass(frozen=True)
class SessionSlot:
    """A session on its days of this week, with the instants the browser converts."""

    title: str
    required: bool
    days: str
    time: str
    zone: str
    """IANA zone of the schedule, e.g. ``Africa/Nairobi``."""
    first_start: str
    """ISO instant (with offset) the first session of the run starts."""
    first_end: str
    last_day: str
    """ISO date of the run's last session."""


@dataclass(frozen=True)
class DueItem:
    """Something due on a day: a deliverable, a milestone, a deadline or a key date."""

    label: str
    text: str
    dates: Dates
    countdown: bool
    """Whether the browser adds the days left (not for days that span a range)."""
    weekday: str | None = None
    """``Sunday``, printed instead of the date when the day falls in the page's own week,
    whose dates the page header already gives: a page says each date once. A personal
    start date moves the week and the day together, so the weekday stays true."""


@dataclass(frozen=True)
class Glance:
    """What the box at the top of a week page shows; every part may be absent."""

    time_budget: str | None
    sessions: tuple[SessionSlot, ...]
    zone_label: str | None
    videos: str | None
    due: tuple[DueItem, ...]
    suggested_start: Link | None

    @property
    def empty(self) -> bool:
        """Nothing to say (a roadmap without schedule or budget, in a quiet week)."""
        return not (
            self.time_budget or self.sessions or self.videos or self.due or self.suggested_start
        )


def time_budget(roadmap: Roadmap) -> str | None:
    """``at least 20 hours a week · 2–3 hours a day``, from the roadmap's time budget."""
    budget = roadmap.time_budget
    if budget is None:
        return None
    parts = []
    for hours, per in ((budget.per_week, "a week"), (budget.per_day, "a day")):
        if hours is not None:
            parts.append(f"{_hours(hours)} {per}")
    return " · ".join(parts) or None


def _hours(hours: Hours) -> str:
    text = format_hours(hours.min, hours.max)
    return f"at least {text}" if hours.max is None else text


def zone_label(roadmap: Roadmap) -> str | None:
    """``EAT (Africa/Nairobi)``: the zone the schedule's times are in, as pages name it."""
    schedule = roadmap.schedule
    if schedule is None:
        return None
    short = schedule.zone_label or schedule.timezone
    return f"{short} ({schedule.timezone})" if short != schedule.timezone else short


def _runs(days: list[int]) -> list[tuple[int, int]]:
    """Consecutive weekday indexes as (first, last) runs: Mon–Fri stays one run."""
    runs: list[tuple[int, int]] = []
    for day in sorted(days):
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def sessions(roadmap: Roadmap, week: DatedWeek) -> tuple[SessionSlot, ...]:
    """The schedule's sessions on this week's real days, in the schedule's time zone."""
    schedule = roadmap.schedule
    if schedule is None:
        return ()
    zone = zoneinfo.ZoneInfo(schedule.timezone)
    slots = []
    for day in schedule.days:
        indexes = [WEEKDAY_KEYS.index(name) for name in day.days]
        for first, last in _runs(indexes):
            first_day = week.start + dt.timedelta(days=first)
            last_day = week.start + dt.timedelta(days=last)
            for session in day.sessions:
                start = dt.datetime.combine(first_day, dt.time.fromisoformat(session.start), zone)
                end = dt.datetime.combine(first_day, dt.time.fromisoformat(session.end), zone)
                slots.append(
                    SessionSlot(
                        title=session.title,
                        required=session.required,
                        days=format_days(first_day, last_day),
                        time=f"{session.start}–{session.end}",
                        zone=schedule.timezone,
                        first_start=start.isoformat(),
                        first_end=end.isoformat(),
                        last_day=last_day.isoformat(),
                    )
                )
    return tuple(sorted(slots, key=lambda slot: slot.first_start))


def by_week(plan: Plan, occasions: list[Occasion]) -> dict[int, list[Occasion]]:
    """The occasions each week page announces: a milestone or deadline on the page that
    carries it, a key date on every week it touches (index = week number)."""
    pages: dict[int, list[Occasion]] = {}
    start = plan.roadmap.start
    for occasion in occasions:
        if occasion.kind is Kind.KEY_DATE:
            first = max(1, week_of(start, occasion.start))
            last = min(len(plan.weeks), week_of(start, occasion.end))
            numbers = range(first, last + 1)
        else:
            numbers = range(occasion.week, occasion.week + 1)
        for number in numbers:
            pages.setdefault(number, []).append(occasion)
    return pages


def due(plan: Plan, week: DatedWeek, occasions: list[Occasion]) -> tuple[DueItem, ...]:
    """What is due this week: deliverables of the week (or block), then ``occasions``, the
    occasions this page announces (see :func:`by_week`)."""
    slug = plan.roadmap.slug
    entry = week.entry
    block_end = plan.week(entry.last).end
    items = []
    for role in ROLES:
        if not role.due:
            continue
        for item in entry.role_entries(role):
            text = (
                " or ".join(o.text for o in item.one_of)
                if isinstance(item, ItemChoice)
                else item.text
            )
            items.append(_due(role.label, text, Dates.day(slug, block_end), week))
    for occasion in occasions:
        if occasion.end != occasion.start:
            dates = Dates.span(slug, occasion.start, occasion.end)
        else:
            dates = Dates.day(slug, occasion.start)
        items.append(
            _due(_KIND_LABELS[occasion.kind], titled(occasion.emoji, occasion.title), dates, week)
        )
    return tuple(items)


def _due(label: str, text: str, dates: Dates, week: DatedWeek) -> DueItem:
    single = dates.end is None
    inside = single and week.start <= dates.start <= week.end
    return DueItem(
        label, text, dates, countdown=single, weekday=weekday_name(dates.start) if inside else None
    )


def suggested_start(plan: Plan) -> Link | None:
    """For a roadmap whose dates are the editors' suggestion: where to set one's own start."""
    if not plan.roadmap.start_suggested:
        return None
    return Link("set your own start date", f"{urls.PROGRESS_LINK}#{urls.START_ANCHOR}")
