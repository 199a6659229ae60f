"""The home page: one card per roadmap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from generator.views import urls
from generator.views.dates import Dates
from generator.weekdates import Plan


@dataclass(frozen=True)
class RoadmapCard:
    roadmap: str
    title: str
    href: str
    dates: Dates
    total: int
    goal: str | None
    suggested: bool
    """Whether the dates are the editors' suggestion (the source plan has none)."""


@dataclass(frozen=True)
class HomePage:
    template: ClassVar[str] = "home.md.j2"

    path: str
    roadmaps: tuple[RoadmapCard, ...]
    offline_zip: str | None
    """The offline copy's address, or None when this build makes none (``--no-offline``)."""
    offline_start: str
    """The file to open in the unpacked zip."""


def home_page(plans: Sequence[Plan], *, offline: bool = True) -> HomePage:
    """The view of the home page; ``offline`` offers the offline copy."""
    return HomePage(
        path=urls.HOME,
        roadmaps=tuple(
            RoadmapCard(
                roadmap=plan.roadmap.slug,
                title=plan.roadmap.title,
                href=urls.overview(plan.roadmap.slug),
                dates=Dates.span(plan.roadmap.slug, plan.start, plan.end),
                total=len(plan.weeks),
                goal=plan.roadmap.goal or plan.roadmap.summary,
                suggested=plan.roadmap.start_suggested,
            )
            for plan in plans
        ),
        offline_zip=urls.OFFLINE_ZIP if offline else None,
        offline_start=f"{urls.OFFLINE_FOLDER}/index.html",
    )
