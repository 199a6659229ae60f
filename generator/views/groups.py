"""A plan's weeks grouped by phase, then month: the shape of the overview and the navigation."""

from __future__ import annotations

from generator.model import Month, Phase
from generator.weekdates import DatedWeek, Plan

Groups = list[tuple[Phase | None, list[tuple[Month, list[DatedWeek]]]]]


def groups(plan: Plan) -> Groups:
    """The dated weeks grouped by phase, then month, in order."""
    result: Groups = []
    for week in plan.weeks:
        if not result or result[-1][0] is not week.phase:
            result.append((week.phase, []))
        months = result[-1][1]
        if not months or months[-1][0] is not week.month:
            months.append((week.month, []))
        months[-1][1].append(week)
    return result
