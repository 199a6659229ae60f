"""Parsing Data API responses: durations, ids, escaped titles, malformed bodies."""

from __future__ import annotations

import pytest

from generator.youtube import responses
from generator.youtube.errors import ApiFailure
from tests.youtube.conftest import video


@pytest.mark.parametrize("text", ["", "P", "PT", "15:33"])
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
    [info] = responses.videos({"items": [escaped]}).found
    assert info.title == "Python's Tips & Tricks <3"
    assert info.channel == "Tom & Jerry's"


def test_videos_read_what_the_rules_need() -> None:
    clip = video("meta", "Live now #Shorts", seconds=4000, live="live", age_restricted=True)
    clip.blocked = ("DE",)
    [info] = responses.videos({"items": [clip.video_item()]}).found
    assert (info.seconds, info.live, info.shorts_tag, info.age_restricted) == (
        4000,
        "live",
        True,
        True,
    )
    assert info.region_blocked == {"DE"}
    assert info.region_allowed is None
    assert info.upload_status == "uploaded"


@pytest.mark.parametrize("body", [{"items": "nope"}, ["not", "a", "response"]])
def test_a_malformed_videos_response_is_an_api_failure(body: object) -> None:
    with pytest.raises(ApiFailure, match=r"unexpected videos\.list response"):
        responses.videos(body)  # type: ignore[arg-type]


def test_an_unreadable_item_is_skipped_and_reported_never_failing_its_batch() -> None:
    good = video("good").video_item()
    odd = {**video("odd").video_item(), "contentDetails": {"duration": "soon"}}
    bare = {"id": "barexxxxxxx"}
    answer = responses.videos({"items": [good, odd, bare, {"id": "bad id"}]})
    assert [info.id for info in answer.found] == ["goodxxxxxxx"]
    assert answer.unreadable == {
        "oddxxxxxxxx": "not an ISO 8601 duration: 'soon'",
        "barexxxxxxx": "snippet: Field required",
        "(no valid id)": "id: String should match pattern '^[A-Za-z0-9_-]{11}$'",
    }


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("PT1H2M3S", 3723),
        ("PT15M", 900),
        ("P0D", 0),
        ("PT0S", 0),
        ("P1DT2H", 93600),
        ("P1W2DT3H", 788400),  # weeks mixed with days: valid as YouTube writes it
        ("P3W", 1814400),
        ("PT1.75S", 1),
        ("PT1H30S", 3630),
        ("PT1.5M", 90),
        ("PT15M33S", 933),
    ],
)
def test_iso_8601_durations_are_parsed_completely(text: str, seconds: int) -> None:
    assert responses.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["P", "soon", "1H", "PT-1S", "-PT1S", "", "P1X"])
def test_what_is_not_a_duration_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        responses.parse_duration(text)
