"""A roadmap's progress page: overall bar, the reader's pace, activity and notes, export,
import, reset and personal start date.

What is ticked, when, and what the reader wrote are only known in the browser
(``generator/web/``, whose parts ``pace.js``, ``activity.js`` and ``notes.js`` fill the
page's sections); the page carries the headings, the room they fill, the controls and the
roadmap's own facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from generator.schedule import Plan
from generator.views import urls
from generator.views.dates import Dates, format_day
from generator.views.study import Study


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
    """Progress units over the whole roadmap (a two-week block's checklist counts once)."""
    start_anchor: str


def progress_page(plan: Plan, studies: Sequence[Study]) -> ProgressPage:
    """The view of one roadmap's progress page; ``studies`` holds each week's material."""
    slug = plan.roadmap.slug
    return ProgressPage(
        path=urls.progress(slug),
        roadmap=slug,
        title=plan.roadmap.title,
        dates=Dates.span(slug, plan.start, plan.end),
        start=format_day(plan.start),
        total=len(plan.weeks),
        start_anchor=urls.START_ANCHOR,
        items=len({unit for material in studies for unit in material.units}),
    )
