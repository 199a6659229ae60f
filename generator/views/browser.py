"""What the reader's browser needs to know beyond the page it shows (``urls.DATA``).

Progress, "this week", personal dates, notes, activity and pace are computed
in the browser, because they depend on today's date and on what this reader
ticked and wrote, none of which is known at build time. The script that does it
(``generator/web/``) derives nothing itself: every week's title, page, progress
units and note key, the pattern of valid progress ids, the export format's name,
version and limits, and the date patterns it reprints dates with, come from here. It is a script (``window.handbookData = {...}``)
rather than a JSON file fetched at run time because browsers refuse
``fetch`` on ``file://``, and the offline copy must work opened from disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator import escape, progress_export
from generator.views import urls
from generator.views.dates import browser_formats
from generator.views.progress_ids import ID_PATTERN, week_key
from generator.views.study import Study
from generator.weekdates import Plan


@dataclass(frozen=True)
class WeekData:
    """One week: its title, its page (site path without suffix), its progress units and the
    key of the reader's note on it."""

    title: str
    page: str
    units: tuple[tuple[str, ...], ...]
    note: str


@dataclass(frozen=True)
class RoadmapData:
    title: str
    start: str
    weeks: tuple[WeekData, ...]


@dataclass(frozen=True)
class BrowserData:
    """The whole payload; ``units`` and ``note`` keys drop the ``<slug>/`` prefix every id
    of a roadmap shares."""

    path: str
    roadmaps: Mapping[str, RoadmapData]
    formats: Mapping[str, object]
    id_pattern: str
    export: Mapping[str, object]
    """The progress export's name, version and limits (``progress_export``), which the
    browser writes and checks imported files against."""

    def payload(self) -> dict[str, object]:
        """The data as plain JSON values."""
        return {
            "export": dict(self.export),
            "formats": dict(self.formats),
            "idPattern": self.id_pattern,
            "roadmaps": {
                slug: {
                    "start": roadmap.start,
                    "title": roadmap.title,
                    "weeks": [
                        {
                            "note": week.note,
                            "page": week.page,
                            "title": week.title,
                            "units": [list(unit) for unit in week.units],
                        }
                        for week in roadmap.weeks
                    ],
                }
                for slug, roadmap in self.roadmaps.items()
            },
        }


def _roadmap(plan: Plan, studies: Sequence[Study]) -> RoadmapData:
    slug = plan.roadmap.slug
    prefix = f"{slug}/"
    return RoadmapData(
        title=escape.plain(plan.roadmap.title),
        start=plan.start.isoformat(),
        weeks=tuple(
            WeekData(
                title=escape.plain(week.entry.title),
                page=urls.week_page(slug, week.number),
                units=tuple(
                    tuple(ident.removeprefix(prefix) for ident in unit) for unit in material.units
                ),
                note=week_key(slug, week.number).removeprefix(prefix),
            )
            for week, material in zip(plan.weeks, studies, strict=True)
        ),
    )


def browser_data(plans: Sequence[Plan], studies: Mapping[str, Sequence[Study]]) -> BrowserData:
    """Everything the browser script needs to know about each roadmap."""
    return BrowserData(
        path=urls.DATA,
        roadmaps={plan.roadmap.slug: _roadmap(plan, studies[plan.roadmap.slug]) for plan in plans},
        formats=browser_formats(),
        id_pattern=ID_PATTERN,
        export=export_rules(),
    )


def export_rules() -> dict[str, object]:
    """What the browser needs of the export format: the name and version it writes, and the
    limits it checks an imported file against (the model's own, so they cannot disagree)."""
    return {
        "format": progress_export.FORMAT,
        "version": progress_export.VERSION,
        "weekPattern": progress_export.WEEK_PATTERN,
        "noteLimit": progress_export.NOTE_LIMIT,
        "itemLimit": progress_export.ITEM_LIMIT,
    }
