"""The week page: one dated week of a roadmap, everything it shows decided here.

A multi-week block yields one page per week; the pages share the block's
content, checklist and videos (ticked once, on either page), and each says
which part of the block it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator import escape, progress_export
from generator.agenda import Occasion
from generator.model import Month
from generator.views import urls
from generator.views.dates import Dates
from generator.views.glance import (
    DueItem,
    Glance,
    due,
    sessions,
    suggested_start,
    time_budget,
    zone_label,
)
from generator.views.progress_ids import week_key
from generator.views.study import SearchGroup, Section, Study, video_summary
from generator.views.values import Link, titled
from generator.weekdates import DatedWeek, Plan


@dataclass(frozen=True)
class Block:
    """Where a page sits in a multi-week block."""

    part: int
    parts: int
    weeks: str
    other_parts: tuple[Link, ...]


@dataclass(frozen=True)
class Project:
    """The project a week belongs to: what is built, what is delivered, by when."""

    heading: str
    brief: str | None
    deliverables: tuple[str, ...]
    weeks: str
    deadline: DueItem | None


@dataclass(frozen=True)
class NoteBox:
    """The reader's "My notes" box: the key the browser keeps the note under, and its limit
    (the export format's, so that whatever a reader types also exports and imports)."""

    key: str
    limit: int


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
    glance: Glance
    project: Project | None
    block: Block | None
    summary: str | None
    sections: tuple[Section, ...]
    videos: tuple[SearchGroup, ...]
    guidance: tuple[SearchGroup, ...]
    notes: tuple[str, ...]
    my_notes: NoteBox
    previous: Link | None
    next: Link | None
    team: Link | None = None
    """How many team members finished this week, linked to the team board (if it has one)."""


def week_title(week: DatedWeek) -> str:
    """``Week 3 · Object-Oriented Programming``: how links to a week name it."""
    return f"Week {week.number} · {escape.plain(week.entry.title)}"


def _where(week: DatedWeek) -> str:
    """``Phase 1: Foundation · Month 1: Python Fundamentals``, each name once."""
    names = [week.phase.heading] if week.phase else []
    if week.month.heading not in names:
        names.append(week.month.heading)
    return " · ".join(names)


def _block(plan: Plan, week: DatedWeek) -> Block | None:
    if week.parts == 1:
        return None
    entry = week.entry
    others = tuple(
        Link(f"Week {number}", urls.week_link(number))
        for number in range(entry.number, entry.last + 1)
        if number != week.number
    )
    return Block(week.part, week.parts, f"Weeks {entry.number}–{entry.last}", others)


def _project(plan: Plan, week: DatedWeek, glance_due: tuple[DueItem, ...]) -> Project | None:
    month: Month = week.month
    if month.kind != "project":
        return None
    first = month.weeks[0].number
    last = month.weeks[-1].last
    deadline = None
    if month.deadline is not None and not any(item.label == "Deadline" for item in glance_due):
        # on the deadline's own week the glance already lists it; elsewhere it is counted down here
        deadline = DueItem(
            "Deadline",
            titled(month.deadline.emoji, month.deadline.label),  # the box names the project
            Dates.day(plan.roadmap.slug, month.deadline.date),
            countdown=True,
        )
    return Project(
        heading=titled(month.emoji, month.heading),
        brief=month.brief,
        deliverables=tuple(month.deliverables),
        weeks=f"Weeks {first}–{last}",
        deadline=deadline,
    )


def week_page(
    plan: Plan,
    week: DatedWeek,
    material: Study,
    occasions: list[Occasion],
    *,
    team: Link | None = None,
) -> WeekPage:
    """The view of one dated week; ``material`` is its entry's study material,
    ``occasions`` the milestones, deadlines and key dates it announces, and ``team`` the
    line saying how many team members finished it."""
    roadmap = plan.roadmap
    entry = week.entry
    slug = roadmap.slug
    total = len(plan.weeks)
    previous = plan.week(week.number - 1) if week.number > 1 else None
    following = plan.week(week.number + 1) if week.number < total else None
    glance = Glance(
        time_budget=time_budget(roadmap),
        sessions=sessions(roadmap, week),
        zone_label=zone_label(roadmap),
        videos=video_summary(material),
        due=due(plan, week, occasions),
        suggested_start=suggested_start(plan),
    )
    return WeekPage(
        path=urls.week(slug, week.number),
        roadmap=slug,
        number=week.number,
        total=total,
        title=entry.title,
        dates=Dates.span(slug, week.start, week.end),
        where=_where(week),
        optional=entry.optional,
        glance=glance,
        project=_project(plan, week, glance.due),
        block=_block(plan, week),
        summary=entry.summary,
        sections=material.sections,
        videos=material.videos,
        guidance=material.guidance,
        notes=tuple(entry.notes),
        my_notes=NoteBox(week_key(slug, week.number), progress_export.NOTE_LIMIT),
        previous=Link(week_title(previous), urls.week_link(previous.number)) if previous else None,
        next=Link(week_title(following), urls.week_link(following.number)) if following else None,
        team=team,
    )
