"""A week's study material as a page shows it: checklist sections, videos and searches.

Built once per week entry from the model, the resolved videos and the
progress-id rules; the week page prints it and the browser data counts its
``units``, so what a page shows and what progress counts cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import ROLES, ItemChoice, QueryChoice
from generator.views import progress_ids, urls
from generator.views.dates import format_day, format_month
from generator.views.values import (
    Check,
    Choice,
    Entry,
    Link,
    format_duration,
    format_total,
    plural,
)
from generator.weekdates import DatedWeek
from generator.youtube.lock import StoredVideo
from generator.youtube.query import split_year
from generator.youtube.shown import Resolutions


@dataclass(frozen=True)
class Section:
    """A part of a week's checklist: the entries of one role under its title."""

    title: str
    box: str | None
    """Admonition type that frames the section; None for a plain section."""
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Video:
    """A resolved video as a week page shows it, with its "watched" box."""

    title: str
    channel: str
    published: str
    duration: str
    seconds: int
    url: str
    thumbnail: str
    watched: Check


@dataclass(frozen=True)
class Search:
    """One search as the reader meets it: resolved videos, or a link that runs it.

    ``words`` is the query without its year marker; ``since`` is that marker as
    written ("2022 or later"). A video search also says which videos count:
    those of the roadmap's last ``recent_years`` years (``recent`` in words,
    "the last three years"), which a year marker (``since_year``) only narrows;
    the page cannot say "from 2024 on" without knowing the reader's day, so the
    browser gets both figures.
    """

    words: str
    since: str | None
    link: Link
    videos: tuple[Video, ...] = ()
    verified: str | None = None
    since_year: int | None = None
    recent_years: int | None = None

    @property
    def recent(self) -> str | None:
        """``the last three years`` (``None`` for a web search)."""
        years = self.recent_years
        if years is None:
            return None
        return "the last year" if years == 1 else f"the last {_WORDS.get(years, years)} years"


_WORDS = dict(
    enumerate(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], start=2)
)
"""Numbers of years as words (``videos.max_age_years`` is 1 to 10)."""


@dataclass(frozen=True)
class SearchGroup:
    """One search, or searches of which the reader follows one (``pick_one``)."""

    searches: tuple[Search, ...]
    pick_one: bool


@dataclass(frozen=True)
class Study:
    """Everything a week page lists for the learner to do, watch and look up."""

    sections: tuple[Section, ...]
    videos: tuple[SearchGroup, ...]
    guidance: tuple[SearchGroup, ...]
    units: tuple[tuple[str, ...], ...]
    """Progress units (see ``progress_ids``): a unit is done when any of its ids is."""
    video_count: int
    video_seconds: int


def _since(year: int | None) -> str | None:
    return f"{year} or later" if year else None


def _video(slug: str, stored: StoredVideo) -> Video:
    return Video(
        title=stored.title,
        channel=stored.channel,
        published=format_month(stored.published),
        duration=format_duration(stored.seconds),
        seconds=stored.seconds,
        url=urls.watch(stored.id),
        thumbnail=urls.thumbnail(stored.id),
        watched=Check(progress_ids.video_id(slug, stored.id), f"Watched: {stored.title}"),
    )


def video_search(videos: Resolutions, slug: str, text: str, recent_years: int) -> Search:
    """One YouTube query of roadmap ``slug`` with what the lock resolved it to; videos count
    from the last ``recent_years`` years (the roadmap's ``videos.max_age_years``)."""
    words, year = split_year(text)
    label = f"Search YouTube for “{words}”" + (", newest first" if year else "")
    link = Link(label, urls.youtube_search(words, newest_first=year is not None))
    found = videos.get((slug, text))
    resolved = () if found is None else tuple(_video(slug, item) for item in found.videos)
    verified = None if found is None else format_day(found.verified)
    return Search(words, _since(year), link, resolved, verified, year, recent_years)


def web_search(text: str) -> Search:
    """One guidance search: a web search, limited to pages from its year on."""
    words, year = split_year(text)
    label = f"Web search: “{words}”" + (f", pages from {year} on" if year else "")
    return Search(words, _since(year), Link(label, urls.web_search(words, year)))


def _options(entry: str | QueryChoice) -> tuple[str, ...]:
    return tuple(entry.one_of) if isinstance(entry, QueryChoice) else (entry,)


def study(slug: str, week: DatedWeek, videos: Resolutions, recent_years: int) -> Study:
    """The study material of ``week`` (shared by every page of its block); its videos count
    from the last ``recent_years`` years."""
    entry = week.entry
    sections = []
    units: list[tuple[str, ...]] = []
    for role in ROLES:
        lines: list[Entry] = []
        for item in entry.role_entries(role):
            if isinstance(item, ItemChoice):
                options = tuple(
                    Check(progress_ids.item_id(slug, entry.number, o), o.text) for o in item.one_of
                )
                lines.append(Choice(options))
                units.append(tuple(option.id for option in options))
            else:
                check = Check(progress_ids.item_id(slug, entry.number, item), item.text)
                lines.append(check)
                units.append((check.id,))
        if lines:
            sections.append(Section(role.label, role.box, tuple(lines)))
    if not sections:  # every week can be ticked off, even one whose content lists nothing
        span = "block" if week.parts > 1 else "week"
        done = Check(progress_ids.done_id(slug, entry.number), f"I have worked through this {span}")
        sections.append(Section("Checklist", None, (done,)))
        units.append((done.id,))

    groups = []
    for query in entry.youtube:
        searches = tuple(video_search(videos, slug, text, recent_years) for text in _options(query))
        groups.append(SearchGroup(searches, pick_one=len(searches) > 1))
        watched = tuple(v.watched.id for search in searches for v in search.videos)
        if watched:
            units.append(watched)
    shown = [video for group in groups for search in group.searches for video in search.videos]
    return Study(
        sections=tuple(sections),
        videos=tuple(groups),
        guidance=tuple(
            SearchGroup(
                tuple(web_search(text) for text in _options(query)), isinstance(query, QueryChoice)
            )
            for query in entry.guidance
        ),
        units=tuple(units),
        video_count=len(shown),
        video_seconds=sum(video.seconds for video in shown),
    )


def video_summary(material: Study) -> str | None:
    """``3 videos, 1 h 20 min in all``, or None when the week shows no video."""
    if not material.video_count:
        return None
    return f"{plural(material.video_count, 'video')}, {format_total(material.video_seconds)} in all"
