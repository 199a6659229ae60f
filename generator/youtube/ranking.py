"""Which candidate videos are worth a learner's time, and in what order.

YouTube's relevance order is the ranking: it already weighs the words,
engagement and freshness better than anything the handbook could compute
from what it may store. The handbook's job is to refuse what relevance does
not: videos that are gone or not public, live or upcoming broadcasts,
shorts, anything outside the recency window, videos too short to teach,
age-restricted ones (they need a signed-in viewer) and ones blocked in the
roadmap's region. Every refusal has a reason, so reports can say why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from generator.youtube.lock import StoredVideo
from generator.youtube.responses import VideoInfo

SHORTS_SECONDS = 60
"""Anything this short is a short, whatever its tags; longer ones only with a #shorts tag."""

SHORTS_TAGGED_SECONDS = 180
"""Shorts may last up to three minutes; a #shorts tag on a longer video is just a tag."""


@dataclass(frozen=True)
class Rules:
    """What a video must satisfy to be shown for one lock key on one day."""

    today: dt.date
    window_start: dt.date
    min_seconds: int
    region: str | None = None


def refusal(video: VideoInfo, rules: Rules) -> str | None:
    """Why ``video`` may not be shown under ``rules``, or None when it may."""
    published = video.published.date()
    if video.privacy != "public":
        return f"not public ({video.privacy})"
    if video.live == "live":
        return "a live broadcast"
    if video.live == "upcoming":
        return "an upcoming broadcast"
    if video.upload_status != "processed":
        return f"not playable ({video.upload_status})"
    if video.seconds <= SHORTS_SECONDS or (
        video.shorts_tag and video.seconds <= SHORTS_TAGGED_SECONDS
    ):
        return "a short"
    if published < rules.window_start:
        return f"published {published.isoformat()}, before {rules.window_start.isoformat()}"
    if published > rules.today:
        return f"published {published.isoformat()}, in the future"
    if video.seconds < rules.min_seconds:
        return f"only {video.seconds} s long"
    if video.age_restricted:
        return "age-restricted"
    if rules.region and (
        rules.region in video.region_blocked
        or (video.region_allowed is not None and rules.region not in video.region_allowed)
    ):
        return f"blocked in {rules.region}"
    return None


def stored(video: VideoInfo, today: dt.date) -> StoredVideo:
    """The lock's record of a video that passed the rules, verified ``today``."""
    return StoredVideo(
        id=video.id,
        title=video.title,
        channel=video.channel,
        published=video.published.date(),
        seconds=video.seconds,
        verified=today,
    )


def rank(
    order: Iterable[str], found: dict[str, VideoInfo], rules: Rules
) -> tuple[list[StoredVideo], dict[str, str]]:
    """Candidates in ``order`` that pass the rules, and why each other one was refused.

    ``found`` is what videos.list returned; an id missing from it is gone
    (deleted, private or never existed).
    """
    kept: list[StoredVideo] = []
    refused: dict[str, str] = {}
    for ident in order:
        if ident in refused or any(video.id == ident for video in kept):
            continue
        video = found.get(ident)
        reason = "gone (deleted or private)" if video is None else refusal(video, rules)
        if reason is None and video is not None:
            kept.append(stored(video, rules.today))
        else:
            refused[ident] = reason or "refused"
    return kept, refused
