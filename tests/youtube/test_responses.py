"""Parsing Data API responses: durations, ids, escaped titles, malformed bodies."""

from __future__ import annotations

import pytest

from generator.youtube import responses
from generator.youtube.errors import ApiFailure
from tests.youtube.conftest import video


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("PT15M33S", 933), ("PT1H", 3600), ("PT1H2M3S", 3723), ("P1DT2H", 93600), ("P0D", 0)],
)
def test_parse_duration(text: str, seconds: int) -> None:
    assert responses.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "P", "PT", "15:33", "PT1.5M"])
def test_parse_duration_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        responses.parse_duration(text)


def test_search_ids_keep_rank_order_and_skip_channels_and_duplicates() -> None:
    first, second = video("aaa"), video("bbb")
    body = {
        "items": [
            first.search_item(),
            {"id": {"kind": "youtube#channel", "channelId": "UCxyz"}},
            second.search_item(),
            first.search_item(),
        ]
    }
    assert responses.search_ids(body) == [first.id, second.id]


def test_search_titles_arrive_escaped_and_videos_are_stored_unescaped() -> None:
    clip = video("esc", "Python's Tips & Tricks <3", channel="Tom & Jerry's")
    assert clip.search_item()["snippet"]["title"] == "Python&#39;s Tips &amp; Tricks &lt;3"
    escaped = clip.video_item()
    escaped["snippet"]["title"] = clip.search_item()["snippet"]["title"]  # as search sends it
    [info] = responses.videos({"items": [escaped]})
    assert info.title == "Python's Tips & Tricks <3"
    assert info.channel == "Tom & Jerry's"


def test_videos_read_what_the_rules_need() -> None:
    clip = video("meta", "Live now #Shorts", seconds=4000, live="live", age_restricted=True)
    clip.blocked = ("DE",)
    [info] = responses.videos({"items": [clip.video_item()]})
    assert (info.seconds, info.live, info.shorts_tag, info.age_restricted) == (
        4000,
        "live",
        True,
        True,
    )
    assert info.region_blocked == {"DE"}
    assert info.region_allowed is None
    assert info.upload_status == "uploaded"


@pytest.mark.parametrize(
    "body",
    [
        {"items": [{"id": "short"}]},
        {"items": "nope"},
        {"items": [{**video("bad").video_item(), "contentDetails": {"duration": "soon"}}]},
    ],
)
def test_malformed_video_responses_are_api_failures(body: object) -> None:
    with pytest.raises(ApiFailure, match=r"unexpected videos\.list response"):
        responses.videos(body)  # type: ignore[arg-type]
