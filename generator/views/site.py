"""Every page and file of the handbook as views, gathered before anything is rendered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from generator.agenda import occasions
from generator.views import urls
from generator.views.browser import BrowserData, browser_data
from generator.views.glance import by_week
from generator.views.home import home_page
from generator.views.nav import NavEntry, navigation
from generator.views.now import now_page
from generator.views.overview import overview_page
from generator.views.progress import progress_page
from generator.views.study import Study, study
from generator.views.team import finished_line, standings, team_page
from generator.views.week import week_page
from generator.weekdates import Plan
from generator.youtube.shown import Resolutions

if TYPE_CHECKING:
    from generator.team import Member


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
    plans: Sequence[Plan],
    videos: Resolutions,
    site_url: str | None,
    *,
    offline: bool = True,
    members: Mapping[str, Sequence[Member]] | None = None,
    repo_url: str | None = None,
) -> Site:
    """The view of every page and file of the handbook; ``offline``: the build makes the
    offline copy, which the home page then offers; ``members``: each roadmap's team members
    (slug → members by handle), whose roadmaps get a team board; ``repo_url``: the
    handbook's repository, where members propose their files."""
    pages: list[Page] = [home_page(plans, offline=offline)]
    studies = {plan.roadmap.slug: materials(plan, videos) for plan in plans}
    boards = {slug for slug, found in (members or {}).items() if found}
    for plan in plans:
        slug = plan.roadmap.slug
        dated = by_week(plan, occasions(plan))
        team = standings(plan, studies[slug], (members or {}).get(slug, ()))
        pages.append(overview_page(plan, board=slug in boards))
        pages += [
            week_page(
                plan,
                week,
                studies[slug][week.number - 1],
                dated.get(week.number, []),
                team=finished_line(team, week.number) if team else None,
            )
            for week in plan.weeks
        ]
        pages.append(progress_page(plan, studies[slug], board=bool(team), repo_url=repo_url))
        if team:
            pages.append(team_page(plan, studies[slug], team))
        pages.append(now_page(plan))
    return Site(
        pages=tuple(pages),
        nav=navigation(plans, boards),
        nav_path=urls.NAV,
        data=browser_data(plans, studies),
        calendars=tuple(
            Calendar(urls.calendar(plan.roadmap.slug), plan, site_url) for plan in plans
        ),
    )
