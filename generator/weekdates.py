"""Dates: pure arithmetic from a roadmap's start Monday.

Week N runs from ``start + 7(N-1)`` days (a Monday) to the following Sunday.
Every date an author writes into content (week ranges, month and phase
ranges, milestones, deadlines, key dates) is checked against that arithmetic:
a disagreement is reported as a content error rather than silently
overridden, because a wrong date in a study plan is worse than no date.

The model keeps week numbers and written dates inside ``generator.limits``,
so this arithmetic cannot overflow; ``check`` also keeps every computed date
(each week's Sunday) inside them before anything else is dated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from generator.limits import MAX_DATE
from generator.model import Month, Phase, Roadmap, Week
from generator.yamlsource import Path

Problem = tuple[Path, str]
"""A key path inside a roadmap and what is wrong there."""


def week_start(start: dt.date, number: int) -> dt.date:
    """Monday of week ``number`` (1-based) of a roadmap starting on ``start``."""
    return start + dt.timedelta(weeks=number - 1)


def week_end(start: dt.date, number: int) -> dt.date:
    """Sunday of week ``number``."""
    return week_start(start, number) + dt.timedelta(days=6)


def week_of(start: dt.date, day: dt.date) -> int:
    """The week number ``day`` falls in (0 or negative before the start)."""
    return (day - start).days // 7 + 1


@dataclass(frozen=True)
class DatedWeek:
    """One week page: its number, dates, and the content entry it shows.

    A multi-week block yields one DatedWeek per week, sharing ``entry``;
    ``part`` and ``parts`` say which week of the block this is.
    """

    number: int
    start: dt.date
    end: dt.date
    entry: Week
    part: int
    parts: int
    phase: Phase | None
    month: Month


@dataclass(frozen=True)
class Plan:
    """A roadmap with every week dated."""

    roadmap: Roadmap
    weeks: tuple[DatedWeek, ...]

    @property
    def start(self) -> dt.date:
        return self.weeks[0].start

    @property
    def end(self) -> dt.date:
        return self.weeks[-1].end

    def week(self, number: int) -> DatedWeek:
        """The dated week ``number`` (1-based)."""
        return self.weeks[number - 1]


def _months(roadmap: Roadmap) -> Iterator[tuple[Path, Phase | None, Month]]:
    """Every month with its phase and key path, in file order."""
    for m_index, month in enumerate(roadmap.months):
        yield ("months", m_index), None, month
    for p_index, phase in enumerate(roadmap.phases):
        for m_index, month in enumerate(phase.months):
            yield ("phases", p_index, "months", m_index), phase, month


def _entries(roadmap: Roadmap) -> Iterator[tuple[Path, Phase | None, Month, Path, Week]]:
    """Every week entry with its month and their key paths, in file order."""
    for month_path, phase, month in _months(roadmap):
        for w_index, week in enumerate(month.weeks):
            yield month_path, phase, month, (*month_path, "weeks", w_index), week


def plan(roadmap: Roadmap) -> Plan:
    """Date every week of a roadmap that passed ``check``."""
    weeks: list[DatedWeek] = []
    for _, phase, month, _, entry in _entries(roadmap):
        parts = entry.last - entry.number + 1
        for part, number in enumerate(range(entry.number, entry.last + 1), start=1):
            weeks.append(
                DatedWeek(
                    number=number,
                    start=week_start(roadmap.start, number),
                    end=week_end(roadmap.start, number),
                    entry=entry,
                    part=part,
                    parts=parts,
                    phase=phase,
                    month=month,
                )
            )
    return Plan(roadmap=roadmap, weeks=tuple(weeks))


def _fmt(day: dt.date) -> str:
    return f"{day:%a} {day.isoformat()}"


def check(roadmap: Roadmap) -> list[Problem]:
    """Every numbering and date problem in ``roadmap``, as (key path, message) pairs."""
    problems: list[Problem] = []
    start = roadmap.start

    def expect(path: Path, stated: dt.date | None, computed: dt.date, what: str) -> None:
        if stated is not None and stated != computed:
            problems.append(
                (path, f"{what} is {_fmt(stated)}, but the calendar says {_fmt(computed)}")
            )

    expected = 1
    month_bounds: dict[Path, tuple[int, int]] = {}
    for month_path, _, _, path, week in _entries(roadmap):
        if week.number != expected:
            detail = "repeats an earlier week" if week.number < expected else "skips a week"
            problems.append(
                (
                    (*path, "number"),
                    f"week {week.number} {detail}: weeks are numbered from 1 in order, "
                    f"expected week {expected}",
                )
            )
        expected = max(expected, week.last + 1)
        first, last = month_bounds.get(month_path, (week.number, week.last))
        month_bounds[month_path] = (min(first, week.number), max(last, week.last))
    if problems:
        return problems  # dates are meaningless while the numbering is broken

    for _, _, _, path, week in _entries(roadmap):
        if week_end(start, week.last) > MAX_DATE:
            key = "through" if week.through else "number"
            return [
                (
                    (*path, key),
                    f"week {week.last} would end on {_fmt(week_end(start, week.last))}, after "
                    f"{MAX_DATE.isoformat()}, the last date a handbook can use",
                )
            ]

    for _, _, _, path, week in _entries(roadmap):
        expect(
            (*path, "start"),
            week.start,
            week_start(start, week.number),
            f"week {week.number} start",
        )
        expect((*path, "end"), week.end, week_end(start, week.last), f"week {week.last} end")
        if week.milestone is not None and week.milestone.date is not None:
            day = week.milestone.date
            if not week_start(start, week.number) <= day <= week_end(start, week.last):
                problems.append(
                    (
                        (*path, "milestone", "date"),
                        f"{_fmt(day)} is outside week {_label(week)} "
                        f"({_fmt(week_start(start, week.number))} to "
                        f"{_fmt(week_end(start, week.last))})",
                    )
                )

    last_week = expected - 1
    for month_path, _, month in _months(roadmap):
        first, last = month_bounds[month_path]
        expect((*month_path, "start"), month.start, week_start(start, first), "start")
        expect((*month_path, "end"), month.end, week_end(start, last), "end")
        if month.deadline is not None:
            expect(
                (*month_path, "deadline", "date"),
                month.deadline.date,
                week_end(start, last),
                f"deadline (the last Sunday of week {last})",
            )
    for p_index, phase in enumerate(roadmap.phases):
        first = phase.months[0].weeks[0].number
        last = phase.months[-1].weeks[-1].last
        expect(("phases", p_index, "start"), phase.start, week_start(start, first), "start")
        expect(("phases", p_index, "end"), phase.end, week_end(start, last), "end")

    if roadmap.end is not None:
        number = week_of(start, roadmap.end)
        if not 1 <= number <= last_week or roadmap.end != week_end(start, number):
            problems.append(
                (
                    ("end",),
                    f"{_fmt(roadmap.end)} is not the Sunday ending one of weeks 1-{last_week}",
                )
            )
    for k_index, key_date in enumerate(roadmap.key_dates):
        if key_date.week is None:
            continue
        path = ("key_dates", k_index)
        if key_date.week > last_week:
            problems.append(((*path, "week"), f"week {key_date.week} does not exist"))
        elif week_of(start, key_date.date) != key_date.week:
            problems.append(
                (
                    (*path, "date"),
                    f"{_fmt(key_date.date)} is outside week {key_date.week} "
                    f"({_fmt(week_start(start, key_date.week))} to "
                    f"{_fmt(week_end(start, key_date.week))})",
                )
            )
    return problems


def _label(week: Week) -> str:
    return f"{week.number}-{week.through}" if week.through else str(week.number)
