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

from generator.views import urls
from generator.views.dates import Dates, format_day
from generator.views.study import Study
from generator.views.values import Link
from generator.weekdates import Plan


@dataclass(frozen=True)
class Share:
    """How a member shares their progress on the team board (``generator.team``)."""

    anchor: str
    board: Link | None
    """The roadmap's team board, once it has one."""
    command: str
    """The command that adds an export to the team folder, as a code span."""
    folder: str
    """Where member files are committed, as a code span."""
    propose: str | None
    """GitHub's page for proposing a file in that folder (when the repository is on GitHub)."""


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
    share: Share


def progress_page(
    plan: Plan, studies: Sequence[Study], *, board: bool = False, repo_url: str | None = None
) -> ProgressPage:
    """The view of one roadmap's progress page; ``studies`` holds each week's material,
    ``board`` says the roadmap has a team board, and ``repo_url`` is the handbook's
    repository (``mkdocs.yml``), if it names one."""
    slug = plan.roadmap.slug
    export = f"study-handbook-{slug}-progress.json"  # the name the browser saves it under
    return ProgressPage(
        path=urls.progress(slug),
        roadmap=slug,
        title=plan.roadmap.title,
        dates=Dates.span(slug, plan.start, plan.end),
        start=format_day(plan.start),
        total=len(plan.weeks),
        start_anchor=urls.START_ANCHOR,
        items=len({unit for material in studies for unit in material.units}),
        share=Share(
            anchor=urls.SHARE_ANCHOR,
            board=Link("team board", urls.TEAM_LINK) if board else None,
            command=f"`handbook team add {export} --as your-handle`",
            folder=f"`{urls.team_folder(slug)}/`",
            propose=urls.propose_file(repo_url, slug) if repo_url else None,
        ),
    )
