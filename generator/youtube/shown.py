"""The lock → what each roadmap's queries show: a plain mapping handed to the page views.

Rendering never calls the API and never looks at the clock: pages show the
lock as it is, so the same content and lock always render the same bytes.
Whether a video is still current is the refresh's business. This module
knows nothing of pages; the views turn a :class:`Resolution` into links and
thumbnails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.model import Roadmap
from generator.youtube import query
from generator.youtube.lock import Lock, StoredVideo


@dataclass(frozen=True)
class Resolution:
    """The videos one query of one roadmap shows, and when the oldest of them was verified."""

    videos: tuple[StoredVideo, ...]
    verified: dt.date


Resolutions = Mapping[tuple[str, str], Resolution]
"""(roadmap slug, query as written) → its videos; a query without videos is absent."""


def resolutions(lock: Lock, roadmaps: Iterable[Roadmap]) -> dict[tuple[str, str], Resolution]:
    """What each query of ``roadmaps`` shows from ``lock``: each roadmap's number of videos."""
    shown: dict[tuple[str, str], Resolution] = {}
    for roadmap in roadmaps:
        for week in roadmap.week_entries():
            for text in week.youtube_queries():
                entry = lock.queries.get(query.key(text, roadmap.videos))
                if entry is None or not entry.videos:
                    continue
                videos = entry.videos[: roadmap.videos.per_query]
                shown[(roadmap.slug, text)] = Resolution(
                    videos, min(video.verified for video in videos)
                )
    return shown
