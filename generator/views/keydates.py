"""Key dates of a roadmap, as the overview lists them and a week page repeats its own."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import KeyDate
from generator.views import urls
from generator.views.dates import Dates
from generator.views.values import Link, titled
from generator.weekdates import Plan, week_of


@dataclass(frozen=True)
class KeyDateView:
    """One key date: its day (or days), its label and, on the overview, its week."""

    dates: Dates
    label: str
    week: Link | None


def key_date(plan: Plan, key: KeyDate, *, link: bool) -> KeyDateView:
    """The view of ``key``; ``link`` adds a link to the week it falls in, if it has one."""
    slug = plan.roadmap.slug
    if key.until is None:
        dates = Dates.day(slug, key.date)
    else:
        dates = Dates.span(slug, key.date, key.until)
    number = week_of(plan.roadmap.start, key.date)
    week = None
    if link and 1 <= number <= len(plan.weeks):
        week = Link(f"Week {number}", urls.week_link(number))
    return KeyDateView(dates, titled(key.emoji, key.label), week)
