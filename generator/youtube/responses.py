"""The parts of Data API responses the handbook reads, validated on arrival.

Responses are parsed into small frozen types instead of being walked as
nested dicts, so a malformed or surprising response fails in one place with
a clear message rather than as a ``KeyError`` deep inside the refresh.
Unknown fields are ignored: the API adds fields over time.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.youtube.errors import ApiFailure

VIDEO_ID = r"^[A-Za-z0-9_-]{11}$"
"""YouTube video ids: 11 URL-safe characters; checked so ids are safe in URLs and HTML."""

_DURATION = re.compile(
    r"^P(?:(?P<days>\d+)D)?(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)


def parse_duration(text: str) -> int:
    """ISO 8601 duration as YouTube writes it (``PT1H2M3S``, ``P1DT2H``, ``P0D``) → seconds."""
    match = _DURATION.match(text)
    if not match or text in ("P", "PT"):
        raise ValueError(f"not an ISO 8601 duration: {text!r}")
    parts = {name: int(value or 0) for name, value in match.groupdict().items()}
    return ((parts["days"] * 24 + parts["hours"]) * 60 + parts["minutes"]) * 60 + parts["seconds"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _SearchId(_Model):
    kind: str
    videoId: str | None = None


class _SearchItem(_Model):
    id: _SearchId


class _SearchList(_Model):
    items: list[_SearchItem] = Field(default_factory=list)


class _Snippet(_Model):
    publishedAt: dt.datetime
    title: str
    channelTitle: str = ""
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    liveBroadcastContent: str = "none"


class _RegionRestriction(_Model):
    allowed: list[str] | None = None
    blocked: list[str] = Field(default_factory=list)


class _ContentRating(_Model):
    ytRating: str | None = None


class _ContentDetails(_Model):
    duration: str
    regionRestriction: _RegionRestriction | None = None
    contentRating: _ContentRating = Field(default_factory=_ContentRating)


class _Status(_Model):
    privacyStatus: str
    uploadStatus: str = "processed"


class _Video(_Model):
    id: str = Field(pattern=VIDEO_ID)
    snippet: _Snippet
    contentDetails: _ContentDetails
    status: _Status


class _VideoList(_Model):
    items: list[_Video] = Field(default_factory=list)


@dataclass(frozen=True)
class VideoInfo:
    """What ``videos.list`` says about one video, as the ranking rules need it."""

    id: str
    title: str
    channel: str
    published: dt.datetime
    seconds: int
    privacy: str
    upload_status: str
    live: str
    shorts_tag: bool
    age_restricted: bool
    region_allowed: frozenset[str] | None
    region_blocked: frozenset[str]


def search_ids(response: Mapping[str, Any]) -> list[str]:
    """Video ids of a ``search.list`` response in rank order, without duplicates."""
    try:
        parsed = _SearchList.model_validate(response)
    except ValidationError as error:
        raise ApiFailure(f"unexpected search.list response: {_first(error)}") from None
    ids: list[str] = []
    for item in parsed.items:
        video = item.id.videoId
        if item.id.kind == "youtube#video" and video and re.match(VIDEO_ID, video):
            ids.append(video)
    return list(dict.fromkeys(ids))


def videos(response: Mapping[str, Any]) -> list[VideoInfo]:
    """The videos of a ``videos.list`` response; ids it leaves out do not exist for us."""
    try:
        parsed = _VideoList.model_validate(response)
        return [_info(video) for video in parsed.items]
    except ValidationError as error:
        raise ApiFailure(f"unexpected videos.list response: {_first(error)}") from None
    except ValueError as error:  # a malformed duration
        raise ApiFailure(f"unexpected videos.list response: {error}") from None


def _info(video: _Video) -> VideoInfo:
    snippet = video.snippet
    details = video.contentDetails
    restriction = details.regionRestriction
    tags = " ".join([snippet.title, snippet.description, *snippet.tags]).casefold()
    return VideoInfo(
        id=video.id,
        # search.list HTML-escapes titles (&#39; &amp;); unescaping here stores the real
        # text whichever call the title came from. Pages escape it again for Markdown.
        title=html.unescape(snippet.title).strip(),
        channel=html.unescape(snippet.channelTitle).strip(),
        published=snippet.publishedAt,
        seconds=parse_duration(details.duration),
        privacy=video.status.privacyStatus,
        upload_status=video.status.uploadStatus,
        live=snippet.liveBroadcastContent,
        shorts_tag="#shorts" in tags,
        age_restricted=details.contentRating.ytRating == "ytAgeRestricted",
        region_allowed=frozenset(restriction.allowed)
        if restriction and restriction.allowed is not None
        else None,
        region_blocked=frozenset(restriction.blocked) if restriction else frozenset(),
    )


def _first(error: ValidationError) -> str:
    detail = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in detail["loc"])
    return f"{where}: {detail['msg']}" if where else str(detail["msg"])
