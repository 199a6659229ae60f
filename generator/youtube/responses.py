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

_EPOCH = dt.datetime(2000, 1, 1)
"""Where a duration in years or months is counted from (they have no fixed length)."""


def parse_duration(text: str) -> int:
    """An ISO 8601 duration (``PT1H2M3S``, ``P1DT2H``, ``P1W2DT3H``, ``PT1.5S``, ``P0D``) →
    whole seconds, parsed completely by ``isodate`` rather than by the few forms YouTube
    usually writes; anything else is a ``ValueError``."""
    import isodate  # type: ignore[import-untyped]

    try:
        if not any(char.isdigit() for char in text):  # "P" and "PT" name no amount at all
            raise ValueError(text)
        parsed = isodate.parse_duration(text)
    except (isodate.ISO8601Error, ValueError, TypeError, OverflowError):
        raise ValueError(f"not an ISO 8601 duration: {text!r}") from None
    if isinstance(parsed, isodate.Duration):  # years or months
        parsed = parsed.totimedelta(start=_EPOCH)
    seconds = int(parsed.total_seconds())
    if seconds < 0:
        raise ValueError(f"a negative duration: {text!r}")
    return seconds


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


@dataclass(frozen=True)
class Videos:
    """A ``videos.list`` answer: the videos read, and those that could not be (id → why).

    One item the handbook cannot read (a duration in an unexpected form, a field
    missing) is skipped and reported; it never costs the rest of its batch.
    """

    found: list[VideoInfo]
    unreadable: dict[str, str]


def videos(response: Mapping[str, Any]) -> Videos:
    """The videos of a ``videos.list`` response; ids it leaves out do not exist for us."""
    if not isinstance(response, Mapping) or not isinstance(response.get("items", []), list):
        raise ApiFailure("unexpected videos.list response: no list of items")
    found: list[VideoInfo] = []
    unreadable: dict[str, str] = {}
    for item in response.get("items", []):
        try:
            found.append(_info(_Video.model_validate(item)))
        except ValidationError as error:
            unreadable[_item_id(item)] = _first(error)
        except ValueError as error:  # a malformed duration
            unreadable[_item_id(item)] = str(error)
    return Videos(found, unreadable)


def _item_id(item: Any) -> str:
    ident = item.get("id") if isinstance(item, Mapping) else None
    return ident if isinstance(ident, str) and re.match(VIDEO_ID, ident) else "(no valid id)"


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
