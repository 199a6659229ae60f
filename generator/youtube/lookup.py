"""Lock entries → the videos a week page shows.

Rendering never calls the API and never looks at the clock: pages show the
lock as it is, so the same content and lock always render the same bytes.
Whether a video is still current is the refresh's business.
"""

from __future__ import annotations

from generator import pages
from generator.model import Roadmap
from generator.youtube import query
from generator.youtube.lock import Lock, StoredVideo

WATCH = "https://www.youtube.com/watch?v="
THUMBNAIL = "https://i.ytimg.com/vi/{id}/mqdefault.jpg"
"""320×180 (16:9) thumbnail; pages show it at 160×90, lazily loaded."""


def video(stored: StoredVideo) -> pages.Video:
    """A stored video as a page shows it: link, channel, 'Mon YYYY', '1:23:45', thumbnail."""
    return pages.Video(
        id=stored.id,
        title=stored.title,
        channel=stored.channel,
        published=f"{stored.published:%b %Y}",
        duration=pages.format_duration(stored.seconds),
        seconds=stored.seconds,
        url=WATCH + stored.id,
        thumbnail=THUMBNAIL.format(id=stored.id),
    )


def from_lock(lock: Lock) -> pages.VideoLookup:
    """A lookup that shows each roadmap's number of videos from ``lock``."""

    def find(roadmap: Roadmap, text: str) -> pages.Resolution:
        entry = lock.queries.get(query.key(text, roadmap.videos))
        if entry is None or not entry.videos:
            return pages.Resolution()
        shown = entry.videos[: roadmap.videos.per_query]
        return pages.Resolution(
            videos=tuple(video(item) for item in shown),
            verified=min(item.verified for item in shown),
        )

    return find
