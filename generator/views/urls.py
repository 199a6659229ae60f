"""Where every generated file lives and how pages link to each other: the one home of URLs.

MkDocs maps a source path such as ``backend-2026/week-03.md`` to the URL
``/backend-2026/week-03/`` (or ``week-03.html`` in the offline copy, which
has no directory URLs). Pages therefore link to *source* paths and let
MkDocs translate; the calendar, read outside the site, needs the absolute
URL; the browser script receives each week's page name in the generated
data and appends the suffix of the build it runs in. Nothing else in the
code base spells ``week-NN``.
"""

from __future__ import annotations

import re
from urllib.parse import quote_plus, urlsplit

HOME = "index.md"
DATA = "assets/handbook-data.js"
"""The generated script with what the browser needs to know; ``overrides/main.html`` loads it."""
NAV = ".nav.json"
"""The generated navigation; the build hands it to the engine in the generated configuration
(``engine.py``). A dot file: no engine publishes it."""
OFFLINE_ZIP = "downloads/handbook-offline.zip"
"""Site-relative path of the offline copy; the home page links to it."""
OFFLINE_FOLDER = "study-handbook"
"""The offline copy's top folder inside the zip: unpacking never spills files into the
reader's folder, and the home page tells the reader to open ``study-handbook/index.html``."""

YOUTUBE_WATCH = "https://www.youtube.com/watch?v="
YOUTUBE_SEARCH = "https://www.youtube.com/results?search_query="
YOUTUBE_THUMBNAIL = "https://i.ytimg.com/vi/{id}/mqdefault.jpg"
"""320×180 (16:9) thumbnail; pages show it at 160×90, lazily loaded."""
WEB_SEARCH = "https://www.google.com/search?q="


def week_name(number: int) -> str:
    """A week page's file name without suffix: ``week-03``. Sorts in order up to week 99."""
    return f"week-{number:02d}"


def week_page(slug: str, number: int) -> str:
    """A week page's name inside the site, without suffix: ``backend-2026/week-03``."""
    return f"{slug}/{week_name(number)}"


def week(slug: str, number: int) -> str:
    """Source path of a week page; MkDocs serves it at ``/<slug>/week-NN/``."""
    return f"{week_page(slug, number)}.md"


def week_link(number: int) -> str:
    """Link to a week page from another page of the same roadmap."""
    return f"{week_name(number)}.md"


def week_url(site_url: str | None, slug: str, number: int) -> str | None:
    """Absolute URL of a week page on the published site (directory URLs), if known."""
    return f"{site_url}{week_page(slug, number)}/" if site_url else None


def overview(slug: str) -> str:
    """Source path of a roadmap's overview page, served at ``/<slug>/``."""
    return f"{slug}/index.md"


OVERVIEW_LINK = "index.md"
"""Link to the overview from any other page of its roadmap."""


def progress(slug: str) -> str:
    """Source path of a roadmap's progress page, served at ``/<slug>/progress/``."""
    return f"{slug}/progress.md"


PROGRESS_LINK = "progress.md"
START_ANCHOR = "your-start-date"
"""The progress page's section where a reader sets a personal start date."""
SHARE_ANCHOR = "share-your-progress-with-the-team"
"""The progress page's section on sharing progress on the team board."""


def team(slug: str) -> str:
    """Source path of a roadmap's team board, served at ``/<slug>/team/``."""
    return f"{slug}/team.md"


TEAM_LINK = "team.md"


def team_folder(slug: str) -> str:
    """Where a roadmap's member files are committed, relative to the repository's root."""
    return f"content/team/{slug}"


def propose_file(repo_url: str, slug: str) -> str | None:
    """GitHub's page for proposing a new file in a roadmap's team folder (it opens a pull
    request from the browser), or None when ``repo_url`` is not a GitHub repository."""
    parts = urlsplit(repo_url.rstrip("/"))
    if parts.scheme != "https" or parts.netloc != "github.com" or not _REPOSITORY.match(parts.path):
        return None
    return f"https://github.com{parts.path}/new/main/{team_folder(slug)}"


_REPOSITORY = re.compile(r"^/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
"""A GitHub repository's path: ``/owner/name``."""


def now(slug: str) -> str:
    """Source path of a roadmap's "this week" page, served at ``/<slug>/now/``."""
    return f"{slug}/now.md"


NOW_LINK = "now.md"


def calendar(slug: str) -> str:
    """Path of a roadmap's iCalendar feed; MkDocs copies it as a static file."""
    return f"{slug}/calendar.ics"


CALENDAR_LINK = "calendar.ics"


YOUTUBE_NEWEST_FIRST = "&sp=CAI%253D"
"""YouTube's own "sort by upload date" filter, as its results page writes it into the URL."""


def youtube_search(words: str, *, newest_first: bool = False) -> str:
    """A YouTube results page for ``words``; newest first when recent videos are wanted
    (YouTube offers no "since year" filter, so the page says which years to pick from)."""
    return YOUTUBE_SEARCH + quote_plus(words) + (YOUTUBE_NEWEST_FIRST if newest_first else "")


def web_search(words: str, since_year: int | None = None) -> str:
    """A web search for ``words``; with ``since_year``, only pages from that year on
    (Google's custom date range, ``tbs=cdr``)."""
    window = f"&tbs=cdr:1,cd_min:1/1/{since_year}" if since_year else ""
    return WEB_SEARCH + quote_plus(words) + window


def watch(video_id: str) -> str:
    return YOUTUBE_WATCH + video_id


def thumbnail(video_id: str) -> str:
    return YOUTUBE_THUMBNAIL.format(id=video_id)
