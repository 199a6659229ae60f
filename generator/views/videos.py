"""Resolved videos → what a week page shows: a list with thumbnails, or a search link."""

from __future__ import annotations

from generator.views import urls
from generator.views.dates import format_day, format_month
from generator.views.values import Video, VideoQuery, format_duration
from generator.youtube.lock import StoredVideo
from generator.youtube.shown import Resolutions


def video(stored: StoredVideo) -> Video:
    """A stored video as a page shows it: link, channel, 'Mon YYYY', '1:23:45', thumbnail."""
    return Video(
        id=stored.id,
        title=stored.title,
        channel=stored.channel,
        published=format_month(stored.published),
        duration=format_duration(stored.seconds),
        seconds=stored.seconds,
        url=urls.watch(stored.id),
        thumbnail=urls.thumbnail(stored.id),
    )


def video_query(videos: Resolutions, slug: str, text: str) -> VideoQuery:
    """One query of roadmap ``slug`` with what the lock resolved it to."""
    found = videos.get((slug, text))
    return VideoQuery(
        text=text,
        search_url=urls.youtube_search(text),
        videos=tuple(video(item) for item in found.videos) if found else (),
        verified=format_day(found.verified) if found else None,
    )
