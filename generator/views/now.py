"""A roadmap's "this week" page, ``/<slug>/now/``: the browser redirects to the current week,
or says why it cannot (not started yet, ended, or no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator.views import urls
from generator.views.dates import Dates
from generator.weekdates import Plan


@dataclass(frozen=True)
class NowPage:
    template: ClassVar[str] = "now.md.j2"

    path: str
    roadmap: str
    title: str
    dates: Dates


def now_page(plan: Plan) -> NowPage:
    """The view of one roadmap's now page."""
    slug = plan.roadmap.slug
    return NowPage(
        path=urls.now(slug),
        roadmap=slug,
        title=plan.roadmap.title,
        dates=Dates.span(slug, plan.start, plan.end),
    )
