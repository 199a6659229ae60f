"""Every page and file of the handbook as views, gathered before anything is rendered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from generator.agenda import occasions
from generator.schedule import Plan
from generator.views import urls
from generator.views.browser import BrowserData, browser_data
from generator.views.glance import by_week
from generator.views.home import home_page
from generator.views.nav import NavEntry, navigation
from generator.views.now import now_page
from generator.views.overview import overview_page
from generator.views.progress import progress_page
from generator.views.study import Study, study
from generator.views.week import week_page
from generator.youtube.shown import Resolutions


class Page(Protocol):
    """A page view: where its Markdown goes, and the template that renders it."""

    template: ClassVar[str]

    @property
    def path(self) -> str: ...


@dataclass(frozen=True)
class Calendar:
    """A roadmap's iCalendar feed; ``site_url`` makes its links to week pages absolute."""

    path: str
    plan: Plan
    site_url: str | None


@dataclass(frozen=True)
class Site:
    """The whole handbook: pages for the templates, and the files that are not pages."""

    pages: tuple[Page, ...]
    nav: list[NavEntry]
    nav_path: str
    data: BrowserData
    calendars: tuple[Calendar, ...]


def materials(plan: Plan, videos: Resolutions) -> list[Study]:
    """Each week's study material (index = week number - 1), built once per entry."""
    by_entry: dict[int, Study] = {}
    slug, years = plan.roadmap.slug, plan.roadmap.videos.max_age_years
    return [
        by_entry.setdefault(week.entry.number, study(slug, week, videos, years))
        for week in plan.weeks
    ]


def site(
    plans: Sequence[Plan], videos: Resolutions, site_url: str | None, *, offline: bool = True
) -> Site:
    """The view of every page and file of the handbook; ``offline``: the build makes the
    offline copy, which the home page then offers."""
    pages: list[Page] = [home_page(plans, offline=offline)]
    studies = {plan.roadmap.slug: materials(plan, videos) for plan in plans}
    for plan in plans:
        slug = plan.roadmap.slug
        dated = by_week(plan, occasions(plan))
        pages.append(overview_page(plan))
        pages += [
            week_page(plan, week, studies[slug][week.number - 1], dated.get(week.number, []))
            for week in plan.weeks
        ]
        pages += [progress_page(plan, studies[slug]), now_page(plan)]
    return Site(
        pages=tuple(pages),
        nav=navigation(plans),
        nav_path=urls.NAV,
        data=browser_data(plans, studies),
        calendars=tuple(
            Calendar(urls.calendar(plan.roadmap.slug), plan, site_url) for plan in plans
        ),
    )
