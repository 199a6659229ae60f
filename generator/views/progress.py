"""A roadmap's progress page: overall bar, export, import, reset and personal start date.

What is ticked is only known in the browser (``overrides/assets/handbook.js``);
the page carries the controls and the roadmap's own facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.schedule import Plan
from generator.views import urls
from generator.views.dates import Dates, format_day
from generator.views.progress_ids import week_ids


@dataclass(frozen=True)
class ProgressPage:
    template: ClassVar[str] = "progress.md.j2"

    path: str
    roadmap: str
    title: str
    dates: Dates
    start: str
    total: int
    items: int


def progress_page(plan: Plan) -> ProgressPage:
    """The view of one roadmap's progress page."""
    slug = plan.roadmap.slug
    return ProgressPage(
        path=urls.progress(slug),
        roadmap=slug,
        title=plan.roadmap.title,
        dates=Dates.span(slug, plan.start, plan.end),
        start=format_day(plan.start),
        total=len(plan.weeks),
        items=len({item for week in plan.weeks for item in week_ids(slug, week)}),
    )
