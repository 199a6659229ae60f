"""Content queries → lock keys, and what each key needs from a refresh.

Authors write queries the way they would type them into YouTube, often with
a year ("Redis crash course 2022+", "Python crash course 2023 freeCodeCamp").
The year is a recency hint, not a search word: searching for it would favour
videos that merely mention the year. So the year is taken out of the search
text and becomes a lower bound on the publish date instead.

What is left, case-folded with runs of whitespace collapsed, is the lock
key. Identical keys across weeks and roadmaps are searched once. A roadmap
whose video settings differ from the defaults in a way that changes which
videos qualify (language, region, safe search, minimum length, maximum age)
gets the differences appended to the key, e.g. ``redis crash course
[lang=de]``, because the same words must then resolve to different videos.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from generator.loader import Loaded
from generator.model import VideoSettings

_YEAR = re.compile(r"(?<!\S)((?:19|20)\d\d)\+?(?!\S)")
_DEFAULTS = VideoSettings()


@dataclass(frozen=True)
class Parsed:
    """A query as written, split into search words and an optional year hint."""

    words: str
    since_year: int | None


def split_year(text: str) -> tuple[str, int | None]:
    """``text`` without its year hints, as written, and the latest hint: what a reader searches.

    >>> split_year("asyncio tutorial 2022+")
    ('asyncio tutorial', 2022)
    """
    years = [int(match.group(1)) for match in _YEAR.finditer(text)]
    words = " ".join(_YEAR.sub(" ", text).split())
    if not words:  # a query that is only a year is a search for that year
        return " ".join(text.split()), None
    return words, max(years) if years else None


def parse(text: str) -> Parsed:
    """Split ``text`` into normalised search words and its latest year hint.

    >>> parse("Python crash course 2023 freeCodeCamp")
    Parsed(words='python crash course freecodecamp', since_year=2023)
    """
    words, since_year = split_year(text)
    return Parsed(words.casefold(), since_year)


def _profile(settings: VideoSettings) -> str:
    tags = []
    if settings.language != _DEFAULTS.language:
        tags.append(f"lang={settings.language}")
    if settings.region != _DEFAULTS.region:
        tags.append(f"region={settings.region}")
    if settings.safe_search != _DEFAULTS.safe_search:
        tags.append(f"safe={settings.safe_search}")
    if settings.min_minutes != _DEFAULTS.min_minutes:
        tags.append(f"min={settings.min_minutes}")
    if settings.max_age_years != _DEFAULTS.max_age_years:
        tags.append(f"age={settings.max_age_years}")
    return f" [{' '.join(tags)}]" if tags else ""


def key(text: str, settings: VideoSettings) -> str:
    """The lock key of query ``text`` in a roadmap with ``settings``."""
    return parse(text).words + _profile(settings)


def window_start(today: dt.date, years: int, since_year: int | None = None) -> dt.date:
    """First publish date a video may have: ``years`` before today, or a later year hint."""
    try:
        start = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - years, day=28)
    if since_year is not None:
        start = max(start, dt.date(since_year, 1, 1))
    return start


@dataclass(frozen=True)
class Want:
    """Everything a refresh needs to know about one lock key, merged over its uses."""

    key: str
    words: str
    settings: VideoSettings
    since_year: int | None
    shown: int
    spares: int
    uses: int
    weeks: tuple[tuple[dt.date, dt.date], ...]

    def window_start(self, today: dt.date) -> dt.date:
        return window_start(today, self.settings.max_age_years, self.since_year)

    def urgency(self, today: dt.date) -> tuple[int, int]:
        """Sort key: queries of the current and coming weeks first, soonest first.

        Queries only used by weeks that are over come last, most recent first,
        so that a refresh stopped by the budget leaves the least needed ones.
        """
        coming = [start for start, end in self.weeks if end >= today]
        if coming:
            return (0, min(coming).toordinal())
        return (1, -max(end for _, end in self.weeks).toordinal())


@dataclass
class _Uses:
    words: str
    settings: VideoSettings
    since_year: int | None = None
    shown: int = 0
    spares: int = 0
    uses: int = 0
    weeks: set[tuple[dt.date, dt.date]] = field(default_factory=set)


def wanted(loaded: Sequence[Loaded]) -> dict[str, Want]:
    """Every lock key the content needs, with its merged settings and uses.

    Keys are shared only by roadmaps whose qualifying settings agree (they
    are part of the key); how many videos to show and keep is the largest
    any use asks for, and the year hint is the latest one written.
    """
    merged: dict[str, _Uses] = {}
    for item in loaded:
        settings = item.roadmap.videos
        for queries, weeks in _entries(item):
            for text in queries:
                parsed = parse(text)
                uses = merged.setdefault(
                    parsed.words + _profile(settings), _Uses(parsed.words, settings)
                )
                if parsed.since_year is not None:
                    uses.since_year = max(uses.since_year or 0, parsed.since_year)
                uses.shown = max(uses.shown, settings.per_query)
                uses.spares = max(uses.spares, settings.spares)
                uses.uses += 1
                uses.weeks.update(weeks)
    return {
        name: Want(
            key=name,
            words=uses.words,
            settings=uses.settings,
            since_year=uses.since_year,
            shown=uses.shown,
            spares=uses.spares,
            uses=uses.uses,
            weeks=tuple(sorted(uses.weeks)),
        )
        for name, uses in sorted(merged.items())
    }


def _entries(item: Loaded) -> Iterable[tuple[list[str], set[tuple[dt.date, dt.date]]]]:
    """Each week entry's queries with the dates of every page it becomes."""
    pages: dict[int, set[tuple[dt.date, dt.date]]] = {}
    entries = {}
    for week in item.plan.weeks:
        pages.setdefault(id(week.entry), set()).add((week.start, week.end))
        entries[id(week.entry)] = week.entry
    for ident, entry in entries.items():
        yield entry.youtube_queries(), pages[ident]
