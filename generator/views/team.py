"""A roadmap's team board: each member's shared progress, and who has finished which week.

Members share their progress by committing their own export (``generator.team``); the
board is built from those files, so it shows each member as of the day of their export,
which it says. It counts exactly what the overview's bars count (the week's progress
units, ``views/study.py``), so a member's "3 of 7 weeks" is what their own overview
showed them.

**The week a member is on** is the week of their latest tick: of the ids they ticked, the
one with the latest day (``days``, version 2 of the export); in a file without days
(version 1), the highest week with a tick. It is a fact of the file, true whenever the
page is read. The week "by the date" would need today's date, which only the browser
knows, and would say where the plan is, not where the member is; the board shows the
plan's current week once at the top instead (the overview's own "This week" line, filled
in by the browser).

Everything here comes from member files: handles are checked against a strict pattern
when the files are read, and the template still escapes every value like any content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from generator.agenda import deadline_title
from generator.views import urls
from generator.views.dates import Dates, format_day
from generator.views.study import Study
from generator.views.values import Link, titled
from generator.views.week import week_title
from generator.weekdates import Plan

if TYPE_CHECKING:
    from generator.team import Member


@dataclass(frozen=True)
class Standing:
    """How far one member is on one roadmap, counted like the overview's bars."""

    member: Member
    done: int
    """Progress units done (a unit is done when any of its ids is ticked)."""
    total: int
    weeks: tuple[tuple[int, int], ...]
    """Per week (index = number - 1): units done and units of that week."""

    def finished(self, number: int) -> bool:
        done, units = self.weeks[number - 1]
        return units > 0 and done == units


@dataclass(frozen=True)
class Cell:
    """One member's state on one week in the board's table."""

    state: str
    """``done``, ``partial`` or ``none``: a class for the stylesheet."""
    mark: str
    """What the cell shows: ``✓``, ``2/5``, ``–``."""
    spoken: str
    """What a screen reader says instead: ``finished``, ``2 of 5 done``, ``not started``."""


@dataclass(frozen=True)
class WeekLine:
    """One row of the board's table: a week and each member's cell, in the members' order."""

    week: Link
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class MemberView:
    """One member's card on the board."""

    handle: str
    anchor: str
    done: int
    total: int
    complete: bool
    weeks_finished: str
    latest: Link | None
    """The week of the member's latest tick, linked to its page."""
    latest_note: str | None
    """How ``latest`` was found when the file records no days."""
    last_day: str | None
    streak: str | None
    reached: tuple[str, ...]
    """Milestones and project deadlines of weeks the member has finished."""
    shared: str
    own_start: str | None


@dataclass(frozen=True)
class TeamPage:
    """Everything a roadmap's team board shows."""

    template: ClassVar[str] = "team.md.j2"

    path: str
    roadmap: str
    title: str
    dates: Dates
    members: tuple[MemberView, ...]
    handles: tuple[str, ...]
    weeks: tuple[WeekLine, ...]
    share: Link


def standings(
    plan: Plan, studies: Sequence[Study], members: Sequence[Member]
) -> tuple[Standing, ...]:
    """Each member's standing on ``plan`` (``studies``: each week's material, index = week
    number - 1), in the members' order."""
    units = {unit for material in studies for unit in material.units}
    found = []
    for member in members:
        done = member.done
        weeks = tuple(
            (sum(1 for unit in material.units if _done(unit, done)), len(material.units))
            for material in studies
        )
        count = sum(1 for unit in units if _done(unit, done))
        found.append(Standing(member, count, len(units), weeks))
    return tuple(found)


def _done(unit: tuple[str, ...], done: frozenset[str]) -> bool:
    return any(ident in done for ident in unit)


def finished_line(standing: Sequence[Standing], number: int) -> Link:
    """``2 of 4 team members finished this week``, linked to the board, for week ``number``."""
    count = sum(1 for item in standing if item.finished(number))
    noun = "team member" if len(standing) == 1 else "team members"
    return Link(f"{count} of {len(standing)} {noun} finished this week", urls.TEAM_LINK)


def _week_of_ids(plan: Plan, studies: Sequence[Study]) -> dict[str, int]:
    """Each progress id shown on the roadmap → the first week that shows it."""
    found: dict[str, int] = {}
    for week, material in zip(plan.weeks, studies, strict=True):
        for unit in material.units:
            for ident in unit:
                found.setdefault(ident, week.number)
    return found


def _streak(days: set[dt.date], last: dt.date) -> int:
    """Consecutive days with progress, counted back from ``last``."""
    count = 0
    day = last
    while day in days:
        count += 1
        day -= dt.timedelta(days=1)
    return count


def _reached(plan: Plan, standing: Standing) -> tuple[str, ...]:
    """Milestones (of an entry whose every week is finished) and project deadlines (of a
    project whose every week is finished), in the order of the plan."""
    found = []
    for week in plan.weeks:
        entry, month = week.entry, week.month
        last_of_entry = week.number == entry.last
        if last_of_entry and entry.milestone and _all_finished(standing, entry.number, entry.last):
            found.append(titled("🏁", entry.milestone.text))
        last_of_month = week.number == month.weeks[-1].last
        if (
            last_of_month
            and month.deadline
            and _all_finished(standing, month.weeks[0].number, week.number)
        ):
            found.append(titled(month.deadline.emoji, deadline_title(month)))
    return tuple(found)


def _all_finished(standing: Standing, first: int, last: int) -> bool:
    return all(standing.finished(number) for number in range(first, last + 1))


def _member_view(plan: Plan, standing: Standing, week_of: dict[str, int]) -> MemberView:
    member = standing.member
    ticked = [ident for ident in member.done if ident in week_of]
    dated = {ident: member.days[ident] for ident in ticked if ident in member.days}
    latest: Link | None = None
    latest_note: str | None = None
    if dated:
        number = week_of[max(dated, key=lambda ident: (dated[ident], week_of[ident]))]
    elif ticked:
        number = max(week_of[ident] for ident in ticked)
        latest_note = "the furthest week ticked: this file records no days"
    if ticked:
        latest = Link(week_title(plan.week(number)), urls.week_link(number))
    last_day = max(dated.values()) if dated else None
    streak = _streak(set(dated.values()), last_day) if last_day else 0
    finished = sum(1 for n in range(1, len(plan.weeks) + 1) if standing.finished(n))
    return MemberView(
        handle=member.handle,
        anchor=f"member-{member.handle}",
        done=standing.done,
        total=standing.total,
        complete=standing.total > 0 and standing.done == standing.total,
        weeks_finished=f"{finished} of {len(plan.weeks)}",
        latest=latest,
        latest_note=latest_note,
        last_day=format_day(last_day) if last_day else None,
        streak=f"{streak} days in a row" if streak > 1 else None,
        reached=_reached(plan, standing),
        shared=format_day(member.exported),
        own_start=format_day(member.start) if member.start and member.start != plan.start else None,
    )


def _cell(done: int, units: int) -> Cell:
    if units and done == units:
        return Cell("done", "✓", "finished")
    if done:
        return Cell("partial", f"{done}/{units}", f"{done} of {units} done")
    return Cell("none", "–", "not started")


def team_page(plan: Plan, studies: Sequence[Study], standing: Sequence[Standing]) -> TeamPage:
    """The view of a roadmap's team board; ``standing`` holds each member's, by handle."""
    slug = plan.roadmap.slug
    week_of = _week_of_ids(plan, studies)
    return TeamPage(
        path=urls.team(slug),
        roadmap=slug,
        title=plan.roadmap.title,
        dates=Dates.span(slug, plan.start, plan.end),
        members=tuple(_member_view(plan, item, week_of) for item in standing),
        handles=tuple(item.member.handle for item in standing),
        weeks=tuple(
            WeekLine(
                Link(f"Week {week.number}", urls.week_link(week.number)),
                tuple(_cell(*item.weeks[week.number - 1]) for item in standing),
            )
            for week in plan.weeks
        ),
        share=Link("How to share yours", f"{urls.PROGRESS_LINK}#{urls.SHARE_ANCHOR}"),
    )
