"""The week page: one dated week of a roadmap, everything it shows decided here.

A two-week block yields two pages that share the block's content and its
checklist; each page says which part it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator import escape
from generator.agenda import deadline_title
from generator.model import ROLES, KeyDate
from generator.schedule import DatedWeek, Plan
from generator.views import urls
from generator.views.dates import Dates
from generator.views.keydates import KeyDateView, key_date
from generator.views.progress_ids import WEEK_DONE, check_id
from generator.views.values import Check, Link, VideoQuery, format_total, titled
from generator.views.videos import video_query
from generator.youtube.shown import Resolutions


@dataclass(frozen=True)
class Section:
    """A part of a week's checklist: the items of one role under its title."""

    title: str
    box: str | None
    """Admonition type that frames the section; None for a plain ``##`` section."""
    items: tuple[Check, ...]


@dataclass(frozen=True)
class Block:
    """Where a page sits in a multi-week block."""

    part: int
    parts: int
    weeks: str


@dataclass(frozen=True)
class Due:
    """A milestone or deadline the page announces, with its day when it has one."""

    text: str
    dates: Dates | None


@dataclass(frozen=True)
class WeekPage:
    """Everything one week page shows."""

    template: ClassVar[str] = "week.md.j2"

    path: str
    roadmap: str
    number: int
    total: int
    title: str
    dates: Dates
    where: str
    optional: bool
    block: Block | None
    summary: str | None
    key_dates: tuple[KeyDateView, ...]
    sections: tuple[Section, ...]
    milestone: Due | None
    deadline: Due | None
    queries: tuple[VideoQuery, ...]
    video_time: str | None
    guidance: tuple[Link, ...]
    notes: tuple[str, ...]
    previous: Link | None
    next: Link | None


def week_title(week: DatedWeek) -> str:
    """``Week 3 · Object-Oriented Programming``: how links to a week name it."""
    return f"Week {week.number} · {escape.plain(week.entry.title)}"


def _sections(slug: str, week: DatedWeek) -> tuple[Section, ...]:
    entry = week.entry
    sections = []
    for role in ROLES:
        items = entry.role_items(role)
        if items:
            checks = tuple(Check(check_id(slug, entry.number, item), item.text) for item in items)
            sections.append(Section(role.label, role.box, checks))
    if not sections:  # every week can be ticked off, even one whose content lists nothing
        done = Check(check_id(slug, week.number, WEEK_DONE), WEEK_DONE.text)
        sections.append(Section("Checklist", None, (done,)))
    return tuple(sections)


def _shown_here(week: DatedWeek, key: KeyDate) -> bool:
    return week.start <= key.date <= week.end


def week_page(plan: Plan, week: DatedWeek, videos: Resolutions) -> WeekPage:
    """The view of one dated week."""
    roadmap = plan.roadmap
    entry = week.entry
    slug = roadmap.slug
    total = len(plan.weeks)
    queries = tuple(video_query(videos, slug, text) for text in entry.youtube)
    deadline = week.month.deadline if week.number == week.month.weeks[-1].last else None
    milestone = entry.milestone if week.part == week.parts else None
    previous = plan.week(week.number - 1) if week.number > 1 else None
    following = plan.week(week.number + 1) if week.number < total else None
    where = [week.phase.heading] if week.phase else []
    return WeekPage(
        path=urls.week(slug, week.number),
        roadmap=slug,
        number=week.number,
        total=total,
        title=entry.title,
        dates=Dates.span(slug, week.start, week.end),
        where=" · ".join([*where, week.month.heading]),
        optional=entry.optional,
        block=Block(week.part, week.parts, f"Weeks {entry.number}–{entry.last}")
        if week.parts > 1
        else None,
        summary=entry.summary,
        key_dates=tuple(
            key_date(plan, key, link=False) for key in roadmap.key_dates if _shown_here(week, key)
        ),
        sections=_sections(slug, week),
        milestone=Due(milestone.text, Dates.day(slug, milestone.date) if milestone.date else None)
        if milestone
        else None,
        deadline=Due(
            titled(deadline.emoji, deadline_title(week.month)), Dates.day(slug, deadline.date)
        )
        if deadline
        else None,
        queries=queries,
        video_time=format_total(sum(v.seconds for q in queries for v in q.videos)),
        guidance=tuple(Link(text, urls.web_search(text)) for text in entry.guidance),
        notes=tuple(entry.notes),
        previous=Link(week_title(previous), urls.week_link(previous.number)) if previous else None,
        next=Link(week_title(following), urls.week_link(following.number)) if following else None,
    )
