"""Dated roadmaps → page view models: everything a template shows, already decided.

Templates stay free of logic (no date formatting, no counting, no
conditions beyond "is this present"), so all choices about what a page
shows are made here, in plain Python that tests can call directly. The
views hold raw text; escaping happens once, in the template environment.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote_plus

from generator import escape
from generator.loader import Loaded
from generator.model import Item, KeyDate, Month, Phase, Roadmap, ScheduleDay
from generator.schedule import DatedWeek, Plan, week_of

YOUTUBE_SEARCH = "https://www.youtube.com/results?search_query="
WEB_SEARCH = "https://www.google.com/search?q="

_DAY_NAMES = {
    "mon": "Mon",
    "tue": "Tue",
    "wed": "Wed",
    "thu": "Thu",
    "fri": "Fri",
    "sat": "Sat",
    "sun": "Sun",
}
_DAY_ORDER = list(_DAY_NAMES)


def format_day(day: dt.date, *, year: bool = True) -> str:
    """``Mon 19 Jan 2026`` (or ``Mon 19 Jan`` without the year)."""
    text = f"{day:%a} {day.day} {day:%b}"
    return f"{text} {day.year}" if year else text


def format_range(start: dt.date, end: dt.date) -> str:
    """``Mon 19 Jan – Sun 25 Jan 2026``; both years when the range crosses New Year."""
    if start.year == end.year:
        return f"{format_day(start, year=False)} – {format_day(end)}"
    return f"{format_day(start)} – {format_day(end)}"


def format_short_range(start: dt.date, end: dt.date) -> str:
    """``19 Jan – 25 Jan`` for table cells, where the year is in the heading."""
    return f"{start.day} {start:%b} – {end.day} {end:%b}"


def week_path(slug: str, number: int) -> str:
    """Source path of a week page; MkDocs serves it at ``/<slug>/week-NN/``."""
    return f"{slug}/week-{number:02d}.md"


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Check:
    """A tickable item: its stable id (for saved progress) and text."""

    id: str
    text: str


@dataclass(frozen=True)
class DateRange:
    start: str
    end: str
    text: str

    @classmethod
    def of(cls, start: dt.date, end: dt.date) -> DateRange:
        return cls(start.isoformat(), end.isoformat(), format_range(start, end))


@dataclass(frozen=True)
class Video:
    """A resolved video as a week page shows it."""

    id: str
    title: str
    channel: str
    published: str
    duration: str
    seconds: int
    url: str
    thumbnail: str


@dataclass(frozen=True)
class Query:
    """One YouTube query of a week: its resolved videos, or a search link."""

    text: str
    search_url: str
    videos: Sequence[Video] = ()
    verified: str | None = None


@dataclass(frozen=True)
class Resolution:
    """What the video stage knows about one query (empty until it has been resolved)."""

    videos: Sequence[Video] = ()
    verified: dt.date | None = None


VideoLookup = Callable[[Roadmap, str], Resolution]


def no_videos(roadmap: Roadmap, query: str) -> Resolution:
    """The lookup used without a lock file: nothing resolved, pages show search links."""
    return Resolution()


@dataclass(frozen=True)
class KeyDateView:
    date: str
    label: str
    emoji: str | None
    week: Link | None
    start: str = ""
    end: str | None = None
    format: str = "day"


@dataclass(frozen=True)
class WeekPage:
    """Everything one week page shows."""

    path: str
    roadmap_slug: str
    roadmap_title: str
    number: int
    total: int
    title: str
    dates: DateRange
    phase: str | None
    month: str | None
    part: int
    parts: int
    block: str | None
    optional: bool
    summary: str | None
    topics: list[Check]
    build: Check | None
    deliverable: Check | None
    beginner_task: Check | None
    enterprise_task: Check | None
    done: Check | None
    milestone: str | None
    milestone_date: str | None
    deadline: str | None
    deadline_date: str | None
    key_dates: list[KeyDateView]
    queries: list[Query]
    video_time: str | None
    guidance: list[Link]
    notes: list[str]
    previous: Link | None
    next: Link | None
    milestone_iso: str | None = None
    deadline_iso: str | None = None


@dataclass(frozen=True)
class Row:
    """One week in an overview table."""

    number: int
    href: str
    dates: str
    start: str
    end: str
    title: str
    part: str | None
    milestone: str | None
    optional: bool


@dataclass(frozen=True)
class MonthView:
    heading: str
    dates: str
    length: str | None
    summary: str | None
    deadline: str | None
    deadline_date: str | None
    rows: list[Row]
    start: str = ""
    end: str = ""
    deadline_iso: str | None = None


@dataclass(frozen=True)
class PhaseView:
    heading: str
    dates: str
    weeks: str
    summary: str | None
    months: list[MonthView]
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class SessionView:
    title: str
    time: str
    required: bool
    agenda: list[str]


@dataclass(frozen=True)
class DayView:
    name: str
    days: str
    sessions: list[SessionView]
    notes: list[tuple[str | None, str]]


@dataclass(frozen=True)
class OverviewPage:
    path: str
    slug: str
    title: str
    goal: str | None
    summary: str | None
    dates: DateRange
    total: int
    stated_end: str | None
    first_week: Link
    key_dates: list[KeyDateView]
    phases: list[PhaseView]
    schedule_zone: str | None
    schedule: list[DayView]
    commitment_intro: str | None
    pledges: list[tuple[str, str]]
    commitment_closing: str | None
    notes: list[str]
    stated_end_iso: str | None = None


@dataclass(frozen=True)
class RoadmapCard:
    title: str
    href: str
    slug: str
    dates: DateRange
    total: int
    goal: str | None


@dataclass(frozen=True)
class HomePage:
    path: str
    roadmaps: list[RoadmapCard]


NavEntry = str | dict[str, list["NavEntry"]]


@dataclass(frozen=True)
class Site:
    """Every page of the handbook, ready to render, and the navigation between them."""

    home: HomePage
    overviews: list[OverviewPage]
    weeks: list[WeekPage] = field(default_factory=list)
    nav: list[NavEntry] = field(default_factory=list)


def check_id(slug: str, week: int, item: Item) -> str:
    """Stable progress id of an item: roadmap slug, first week of its entry, item key."""
    return f"{slug}/w{week:02d}/{item.key}"


WEEK_DONE = Item(text="I have worked through this week", id="week-done")
"""The one item of a week whose content lists no checklist (many project weeks), so that
every week can be ticked off and counts toward progress."""


def week_items(week: DatedWeek) -> list[tuple[int, Item]]:
    """Every tickable item of a week page, with the week number its progress id counts from.

    Content items belong to their entry, so both pages of a two-week block share
    them; the fallback ``WEEK_DONE`` belongs to each week on its own.
    """
    items = week.entry.items()
    if not items:
        return [(week.number, WEEK_DONE)]
    return [(week.entry.number, item) for _, item in items]


def _check(slug: str, week: int, item: Item | None) -> Check | None:
    if item is None:
        return None
    return Check(id=check_id(slug, week, item), text=item.text)


def _week_title(week: DatedWeek) -> str:
    return f"Week {week.number} · {escape.plain(week.entry.title)}"


def _key_date(plan: Plan, key_date: KeyDate, *, link: bool) -> KeyDateView:
    roadmap = plan.roadmap
    text = format_day(key_date.date)
    if key_date.until is not None:
        text = format_range(key_date.date, key_date.until)
    number = week_of(roadmap.start, key_date.date)
    week = None
    if link and 1 <= number <= len(plan.weeks):
        week = Link(f"Week {number}", f"week-{number:02d}.md")
    until = key_date.until.isoformat() if key_date.until else None
    return KeyDateView(
        text,
        key_date.label,
        key_date.emoji,
        week,
        start=key_date.date.isoformat(),
        end=until,
        format="range" if until else "day",
    )


def format_duration(seconds: int) -> str:
    """``1:23:45`` or ``12:05``, as YouTube shows durations."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _total_time(videos: Sequence[Video]) -> str | None:
    seconds = sum(video.seconds for video in videos)
    if not seconds:
        return None
    hours, rest = divmod(seconds, 3600)
    return f"{hours} h {rest // 60:02d} min" if hours else f"{max(1, rest // 60)} min"


def week_page(plan: Plan, week: DatedWeek, lookup: VideoLookup) -> WeekPage:
    """The view of one dated week."""
    roadmap = plan.roadmap
    entry = week.entry
    slug = roadmap.slug
    total = len(plan.weeks)

    queries = []
    for text in entry.youtube:
        found = lookup(roadmap, text)
        queries.append(
            Query(
                text=text,
                search_url=YOUTUBE_SEARCH + quote_plus(text),
                videos=found.videos,
                verified=format_day(found.verified) if found.verified else None,
            )
        )
    deadline = week.month.deadline if week.number == week.month.weeks[-1].last else None
    milestone = entry.milestone if week.part == week.parts else None
    previous = plan.week(week.number - 1) if week.number > 1 else None
    following = plan.week(week.number + 1) if week.number < total else None
    return WeekPage(
        path=week_path(slug, week.number),
        roadmap_slug=slug,
        roadmap_title=roadmap.title,
        number=week.number,
        total=total,
        title=entry.title,
        dates=DateRange.of(week.start, week.end),
        phase=week.phase.heading if week.phase else None,
        month=week.month.heading,
        part=week.part,
        parts=week.parts,
        block=f"Weeks {entry.number}–{entry.last}" if week.parts > 1 else None,
        optional=entry.optional,
        summary=entry.summary,
        topics=[c for c in (_check(slug, entry.number, t) for t in entry.topics) if c],
        build=_check(slug, entry.number, entry.build),
        deliverable=_check(slug, entry.number, entry.deliverable),
        beginner_task=_check(slug, entry.number, entry.beginner_task),
        enterprise_task=_check(slug, entry.number, entry.enterprise_task),
        done=None if entry.items() else _check(slug, week.number, WEEK_DONE),
        milestone=milestone.text if milestone else None,
        milestone_date=format_day(milestone.date) if milestone and milestone.date else None,
        deadline=deadline.label if deadline else None,
        deadline_date=format_day(deadline.date) if deadline else None,
        key_dates=[
            _key_date(plan, k, link=False)
            for k in roadmap.key_dates
            if week.start <= k.date <= week.end
        ],
        queries=queries,
        video_time=_total_time([v for q in queries for v in q.videos]),
        guidance=[Link(text, WEB_SEARCH + quote_plus(text)) for text in entry.guidance],
        notes=list(entry.notes),
        previous=Link(_week_title(previous), f"week-{previous.number:02d}.md")
        if previous
        else None,
        next=Link(_week_title(following), f"week-{following.number:02d}.md") if following else None,
        milestone_iso=milestone.date.isoformat() if milestone and milestone.date else None,
        deadline_iso=deadline.date.isoformat() if deadline else None,
    )


def _row(week: DatedWeek) -> Row:
    entry = week.entry
    milestone = entry.milestone.text if entry.milestone and week.part == week.parts else None
    return Row(
        number=week.number,
        href=f"week-{week.number:02d}.md",
        dates=format_short_range(week.start, week.end),
        start=week.start.isoformat(),
        end=week.end.isoformat(),
        title=entry.title,
        part=f"part {week.part} of {week.parts}" if week.parts > 1 else None,
        milestone=milestone,
        optional=entry.optional,
    )


def _month_view(month: Month, weeks: list[DatedWeek]) -> MonthView:
    return MonthView(
        heading=_titled(month.emoji, month.heading),
        dates=format_range(weeks[0].start, weeks[-1].end),
        length=month.length,
        summary=month.summary,
        deadline=month.deadline.label if month.deadline else None,
        deadline_date=format_day(month.deadline.date) if month.deadline else None,
        rows=[_row(week) for week in weeks],
        start=weeks[0].start.isoformat(),
        end=weeks[-1].end.isoformat(),
        deadline_iso=month.deadline.date.isoformat() if month.deadline else None,
    )


def _phase_view(phase: Phase | None, months: list[tuple[Month, list[DatedWeek]]]) -> PhaseView:
    first = months[0][1][0]
    last = months[-1][1][-1]
    return PhaseView(
        heading=_titled(phase.emoji, phase.heading) if phase else "Weekly plan",
        dates=format_range(first.start, last.end),
        weeks=f"Weeks {first.number}–{last.number}",
        summary=phase.summary if phase else None,
        months=[_month_view(month, weeks) for month, weeks in months],
        start=first.start.isoformat(),
        end=last.end.isoformat(),
    )


def _days_text(days: Sequence[str]) -> str:
    indexes = sorted(_DAY_ORDER.index(d) for d in days)
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{_DAY_NAMES[_DAY_ORDER[indexes[0]]]}–{_DAY_NAMES[_DAY_ORDER[indexes[-1]]]}"
    return ", ".join(_DAY_NAMES[_DAY_ORDER[i]] for i in indexes)


def _day_view(day: ScheduleDay, zone: str) -> DayView:
    return DayView(
        name=_titled(day.emoji, day.name),
        days=_days_text(day.days),
        sessions=[
            SessionView(s.title, f"{s.start}–{s.end} {zone}", s.required, list(s.agenda))
            for s in day.sessions
        ],
        notes=[(note.label, note.text) for note in day.notes],
    )


Groups = list[tuple[Phase | None, list[tuple[Month, list[DatedWeek]]]]]


def _groups(plan: Plan) -> Groups:
    """The dated weeks grouped by phase, then month, in order."""
    groups: Groups = []
    for week in plan.weeks:
        if not groups or groups[-1][0] is not week.phase:
            groups.append((week.phase, []))
        months = groups[-1][1]
        if not months or months[-1][0] is not week.month:
            months.append((week.month, []))
        months[-1][1].append(week)
    return groups


def overview_page(plan: Plan) -> OverviewPage:
    """The view of a roadmap's overview page."""
    roadmap = plan.roadmap

    schedule = roadmap.schedule
    zone = (schedule.zone_label or schedule.timezone) if schedule else None
    commitment = roadmap.commitment
    return OverviewPage(
        path=f"{roadmap.slug}/index.md",
        slug=roadmap.slug,
        title=roadmap.title,
        goal=roadmap.goal,
        summary=roadmap.summary,
        dates=DateRange.of(plan.start, plan.end),
        total=len(plan.weeks),
        stated_end=format_day(roadmap.end) if roadmap.end else None,
        first_week=Link(_week_title(plan.weeks[0]), "week-01.md"),
        key_dates=[_key_date(plan, k, link=True) for k in roadmap.key_dates],
        phases=[_phase_view(phase, months) for phase, months in _groups(plan)],
        schedule_zone=f"{zone} ({schedule.timezone})" if schedule else None,
        schedule=[_day_view(d, zone or "") for d in schedule.days] if schedule else [],
        commitment_intro=commitment.intro if commitment else None,
        pledges=[(p.lead, p.text) for p in commitment.pledges] if commitment else [],
        commitment_closing=commitment.closing if commitment else None,
        notes=list(roadmap.notes),
        stated_end_iso=roadmap.end.isoformat() if roadmap.end else None,
    )


def _titled(emoji: str | None, heading: str) -> str:
    return f"{emoji} {heading}" if emoji else heading


def _nav_title(emoji: str | None, heading: str) -> str:
    # MkDocs themes print navigation titles unescaped, so content text is HTML-escaped here.
    return html.escape(_titled(emoji, heading))


def navigation(plans: Sequence[Plan]) -> list[NavEntry]:
    """MkDocs ``nav``: home, then each roadmap's overview and weeks grouped by phase and month.

    Pages are listed by path only, so their titles come from their own headings.
    """
    nav: list[NavEntry] = ["index.md"]
    for plan in plans:
        roadmap = plan.roadmap
        # The progress page is rendered by generator.reader; the now page stays out of the nav.
        section: list[NavEntry] = [f"{roadmap.slug}/index.md", f"{roadmap.slug}/progress.md"]
        for phase, months in _groups(plan):
            month_entries: list[NavEntry] = [
                {
                    _nav_title(month.emoji, month.heading): [
                        week_path(roadmap.slug, week.number) for week in weeks
                    ]
                }
                for month, weeks in months
            ]
            if phase is None:
                section += month_entries
            else:
                section.append({_nav_title(phase.emoji, phase.heading): month_entries})
        nav.append({html.escape(escape.plain(roadmap.title)): section})
    return nav


def site(loaded: Sequence[Loaded], lookup: VideoLookup = no_videos) -> Site:
    """Build the view of every page of the handbook."""
    plans = [item.plan for item in loaded]
    return Site(
        home=HomePage(
            path="index.md",
            roadmaps=[
                RoadmapCard(
                    title=plan.roadmap.title,
                    href=f"{plan.roadmap.slug}/index.md",
                    slug=plan.roadmap.slug,
                    dates=DateRange.of(plan.start, plan.end),
                    total=len(plan.weeks),
                    goal=plan.roadmap.goal or plan.roadmap.summary,
                )
                for plan in plans
            ],
        ),
        overviews=[overview_page(plan) for plan in plans],
        weeks=[week_page(plan, week, lookup) for plan in plans for week in plan.weeks],
        nav=navigation(plans),
    )
