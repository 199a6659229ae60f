"""The overview page of a roadmap: its dates, key dates, every week by phase and month,
the weekly schedule and the commitment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.agenda import deadline_title
from generator.model import Month, Phase, ScheduleDay
from generator.views import urls
from generator.views.dates import Dates, days_text
from generator.views.glance import DueItem, suggested_start, time_budget, zone_label
from generator.views.groups import groups
from generator.views.keydates import KeyDateView, key_date
from generator.views.values import Link, titled
from generator.views.week import week_title
from generator.weekdates import DatedWeek, Plan


@dataclass(frozen=True)
class Row:
    """One week in an overview list: the whole row links to the week's page."""

    number: int
    href: str
    dates: Dates
    title: str
    notes: str | None
    """``part 1 of 2``, ``optional``: what sets this week apart, if anything."""
    milestone: str | None


@dataclass(frozen=True)
class MonthView:
    heading: str
    dates: Dates
    length: str | None
    summary: str | None
    brief: str | None
    deliverables: tuple[str, ...]
    deadline: DueItem | None
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class PhaseView:
    heading: str
    dates: Dates
    weeks: str
    summary: str | None
    months: tuple[MonthView, ...]


@dataclass(frozen=True)
class SessionView:
    title: str
    time: str
    required: bool
    agenda: tuple[str, ...]


@dataclass(frozen=True)
class NoteView:
    label: str | None
    text: str


@dataclass(frozen=True)
class DayView:
    name: str
    days: str
    sessions: tuple[SessionView, ...]
    notes: tuple[NoteView, ...]


@dataclass(frozen=True)
class PledgeView:
    lead: str
    text: str


@dataclass(frozen=True)
class CommitmentView:
    intro: str
    pledges: tuple[PledgeView, ...]
    closing: str | None


@dataclass(frozen=True)
class OverviewPage:
    """Everything a roadmap's overview page shows."""

    template: ClassVar[str] = "overview.md.j2"

    path: str
    roadmap: str
    title: str
    goal: str | None
    summary: str | None
    dates: Dates
    total: int
    stated_end: Dates | None
    first_week: Link
    suggested_start: Link | None
    time_budget: str | None
    key_dates: tuple[KeyDateView, ...]
    phases: tuple[PhaseView, ...]
    schedule_zone: str | None
    schedule: tuple[DayView, ...]
    commitment: CommitmentView | None
    notes: tuple[str, ...]
    team: Link | None
    """The roadmap's team board, when members share their progress."""


def _row(slug: str, week: DatedWeek) -> Row:
    entry = week.entry
    milestone = entry.milestone.text if entry.milestone and week.part == week.parts else None
    notes = [f"part {week.part} of {week.parts}"] if week.parts > 1 else []
    notes += ["optional"] if entry.optional else []
    return Row(
        number=week.number,
        href=urls.week_link(week.number),
        dates=Dates.short(slug, week.start, week.end),
        title=entry.title,
        notes=", ".join(notes) or None,
        milestone=titled("🏁", milestone) if milestone else None,
    )


def _month_view(slug: str, month: Month, weeks: list[DatedWeek]) -> MonthView:
    deadline = month.deadline
    return MonthView(
        heading=titled(month.emoji, month.heading),
        dates=Dates.span(slug, weeks[0].start, weeks[-1].end),
        length=month.length,
        summary=month.summary,
        brief=month.brief,
        deliverables=tuple(month.deliverables),
        deadline=DueItem(
            "Deadline",
            titled(deadline.emoji, deadline_title(month)),
            Dates.day(slug, deadline.date),
            countdown=True,
        )
        if deadline
        else None,
        rows=tuple(_row(slug, week) for week in weeks),
    )


def _phase_view(
    slug: str, phase: Phase | None, months: list[tuple[Month, list[DatedWeek]]]
) -> PhaseView:
    first = months[0][1][0]
    last = months[-1][1][-1]
    return PhaseView(
        heading=titled(phase.emoji, phase.heading) if phase else "Weekly plan",
        dates=Dates.span(slug, first.start, last.end),
        weeks=f"Weeks {first.number}–{last.number}",
        summary=phase.summary if phase else None,
        months=tuple(_month_view(slug, month, weeks) for month, weeks in months),
    )


def _day_view(day: ScheduleDay, zone: str) -> DayView:
    return DayView(
        name=titled(day.emoji, day.name),
        days=days_text(day.days),
        sessions=tuple(
            SessionView(s.title, f"{s.start}–{s.end} {zone}", s.required, tuple(s.agenda))
            for s in day.sessions
        ),
        notes=tuple(NoteView(note.label, note.text) for note in day.notes),
    )


def overview_page(plan: Plan, *, board: bool = False) -> OverviewPage:
    """The view of a roadmap's overview page; ``board``: it has a team board to link to."""
    roadmap = plan.roadmap
    slug = roadmap.slug
    schedule = roadmap.schedule
    zone = (schedule.zone_label or schedule.timezone) if schedule else None
    commitment = roadmap.commitment
    return OverviewPage(
        path=urls.overview(slug),
        roadmap=slug,
        title=roadmap.title,
        goal=roadmap.goal,
        summary=roadmap.summary,
        dates=Dates.span(slug, plan.start, plan.end),
        total=len(plan.weeks),
        stated_end=Dates.day(slug, roadmap.end) if roadmap.end else None,
        first_week=Link(week_title(plan.weeks[0]), urls.week_link(1)),
        suggested_start=suggested_start(plan),
        time_budget=time_budget(roadmap),
        key_dates=tuple(key_date(plan, key, link=True) for key in roadmap.key_dates),
        phases=tuple(_phase_view(slug, phase, months) for phase, months in groups(plan)),
        schedule_zone=zone_label(roadmap),
        schedule=tuple(_day_view(d, zone or "") for d in schedule.days) if schedule else (),
        commitment=CommitmentView(
            commitment.intro,
            tuple(PledgeView(p.lead, p.text) for p in commitment.pledges),
            commitment.closing,
        )
        if commitment
        else None,
        notes=tuple(roadmap.notes),
        team=Link("Team board", urls.TEAM_LINK) if board else None,
    )
