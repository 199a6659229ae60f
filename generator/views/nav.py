"""The MkDocs navigation: home, then each roadmap's overview and weeks by phase and month.

MkDocs cannot infer the phase and month grouping from file names, and it
changes whenever content changes, so it is generated (``urls.NAV``) rather
than written into ``mkdocs.yml``.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence

from generator import escape
from generator.views import urls
from generator.views.groups import groups
from generator.views.values import titled
from generator.weekdates import Plan

NavEntry = str | dict[str, list["NavEntry"]]


def _nav_title(text: str) -> str:
    # MkDocs themes print navigation titles unescaped, so content text is HTML-escaped here.
    return html.escape(text)


def navigation(plans: Sequence[Plan], boards: Collection[str] = ()) -> list[NavEntry]:
    """MkDocs ``nav``. Pages are listed by path only, so their titles come from their headings.
    A roadmap whose slug is in ``boards`` has a team board, listed after its progress page."""
    nav: list[NavEntry] = [urls.HOME]
    for plan in plans:
        slug = plan.roadmap.slug
        # the now page stays out of the navigation: it only redirects
        section: list[NavEntry] = [urls.overview(slug), urls.progress(slug)]
        if slug in boards:
            section.append(urls.team(slug))
        for phase, months in groups(plan):
            month_entries: list[NavEntry] = [
                {
                    _nav_title(titled(month.emoji, month.heading)): [
                        urls.week(slug, week.number) for week in weeks
                    ]
                }
                for month, weeks in months
            ]
            if phase is None:
                section += month_entries
            else:
                section.append({_nav_title(titled(phase.emoji, phase.heading)): month_entries})
        nav.append({_nav_title(escape.plain(plan.roadmap.title)): section})
    return nav
