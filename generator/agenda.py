"""What falls on a roadmap's calendar besides its weeks: milestones, deadlines, key dates.

The seeds often name one occasion twice: "Project 1 Deployment: Sep 27" among
the key dates and "🎉 DEPLOY DEADLINE: Sunday, Sep 27" under the project. A
reader must see it once, on a week page and in a calendar app alike, so the
occasions are gathered here, from the dated plan, and a single-day key date
that falls on the day of a deadline or milestone joins that occasion (its
label is kept in ``also``). Week pages and the calendar feed both read this
list; neither merges anything itself.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from generator.model import KeyDate, Month, slugify
from generator.weekdates import Plan, week_of


class Kind(enum.StrEnum):
    """What an occasion is; the order is the order of importance when two share a day."""

    DEADLINE = "deadline"
    MILESTONE = "milestone"
    KEY_DATE = "key-date"


@dataclass(frozen=True)
class Occasion:
    """One dated occasion: a day (or days, for a key date with ``until``) and its name."""

    kind: Kind
    start: dt.date
    end: dt.date
    title: str
    emoji: str | None
    week: int
    """The week page that announces it (0 or less: a day before the roadmap starts)."""
    ident: str
    """A stable name for it, such as ``week-36-deadline``: calendar UIDs are made from it."""
    also: tuple[str, ...] = ()
    """Labels of key dates on the same day, which name this same occasion."""


def deadline_title(month: Month) -> str:
    """``Project 1: Mobile Money Gateway — deploy deadline``: a deadline names its block.

    The label reads as a phrase after the dash, so its first letter is lowered
    unless the first word is an acronym (``API freeze`` stays as it is).
    """
    assert month.deadline is not None
    label = month.deadline.label
    first = label.split(" ", 1)[0]
    if not first.isupper():
        label = label[:1].lower() + label[1:]
    return f"{month.heading} — {label}"


def occasions(plan: Plan) -> list[Occasion]:
    """Every occasion of ``plan`` in calendar order, one per day and kind."""
    start = plan.roadmap.start
    found: list[Occasion] = []
    for week in plan.weeks:
        entry = week.entry
        if entry.milestone is not None and week.part == week.parts:
            day = entry.milestone.date or week.end
            found.append(
                Occasion(
                    Kind.MILESTONE,
                    day,
                    day,
                    entry.milestone.text,
                    "🏁",
                    week.number,
                    f"week-{week.number:02d}-milestone",
                )
            )
        deadline = week.month.deadline
        if deadline is not None and week.number == week.month.weeks[-1].last:
            title = deadline_title(week.month)
            found.append(
                Occasion(
                    Kind.DEADLINE,
                    deadline.date,
                    deadline.date,
                    title,
                    deadline.emoji,
                    week.number,
                    f"week-{week.number:02d}-deadline",
                )
            )
    for key in plan.roadmap.key_dates:
        host = _same_day(found, key)
        if host is not None:
            found[found.index(host)] = _joined(host, key)
        else:
            end = key.until or key.date
            found.append(
                Occasion(
                    Kind.KEY_DATE,
                    key.date,
                    end,
                    key.label,
                    key.emoji,
                    week_of(start, key.date),
                    f"key-{key.date.isoformat()}-{slugify(key.label)}",
                )
            )
    return sorted(found, key=lambda o: (o.start, list(Kind).index(o.kind), o.title))


def _same_day(found: list[Occasion], key: KeyDate) -> Occasion | None:
    if key.until is not None and key.until != key.date:
        return None
    matches = [o for o in found if o.start == key.date and o.kind is not Kind.KEY_DATE]
    return min(matches, key=lambda o: list(Kind).index(o.kind)) if matches else None


def _joined(host: Occasion, key: KeyDate) -> Occasion:
    return Occasion(
        host.kind,
        host.start,
        host.end,
        host.title,
        host.emoji,
        host.week,
        host.ident,
        (*host.also, key.label),
    )
