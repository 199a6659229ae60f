"""Small value objects that several page views share: links, tickable items, videos.

Views hold raw text; escaping happens once, in the template environment,
so nothing here is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A link: its text and a source path (``week-02.md``) or an absolute URL."""

    text: str
    href: str


@dataclass(frozen=True)
class Check:
    """A tickable item: its stable progress id and its text."""

    id: str
    text: str


@dataclass(frozen=True)
class Video:
    """A resolved video as a week page shows it."""

    id: str
    title: str
    channel: str
    published: str
    duration: str
    seconds: int
    url: str
    thumbnail: str


@dataclass(frozen=True)
class VideoQuery:
    """One YouTube query of a week: its resolved videos, or a search link when it has none."""

    text: str
    search_url: str
    videos: tuple[Video, ...] = ()
    verified: str | None = None


def titled(emoji: str | None, heading: str) -> str:
    """A heading with its emoji in front, when it has one."""
    return f"{emoji} {heading}" if emoji else heading


def format_duration(seconds: int) -> str:
    """``1:23:45`` or ``12:05``, as YouTube shows durations."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_total(seconds: int) -> str | None:
    """``2 h 05 min`` or ``45 min`` for a sum of durations; None when there is nothing."""
    if not seconds:
        return None
    hours, rest = divmod(seconds, 3600)
    return f"{hours} h {rest // 60:02d} min" if hours else f"{max(1, rest // 60)} min"
