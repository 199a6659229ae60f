"""Small value objects that several page views share: links, tickable items, videos.

Views hold raw text; escaping happens once, in the template environment,
so nothing here is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


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
    options: ClassVar[tuple[Check, ...]] = ()
    """A single item offers no choice (templates ask every checklist entry)."""


@dataclass(frozen=True)
class Choice:
    """Items of which the learner does one: each can be ticked, the choice counts once."""

    options: tuple[Check, ...]


Entry = Check | Choice
"""One line of a checklist."""


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


def format_hours(low: float, high: float | None) -> str:
    """``20 hours``, ``2–3 hours``, ``1.5 hours``: how a time budget reads."""
    text = f"{low:g}" if high is None or high == low else f"{low:g}–{high:g}"
    return f"{text} hour" if text == "1" else f"{text} hours"


def plural(count: int, noun: str) -> str:
    """``1 video``, ``3 videos``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
