"""The rules a candidate video must pass, and the order kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from generator.youtube import ranking, responses
from generator.youtube.responses import VideoInfo
from tests.youtube.conftest import TODAY, video

RULES = ranking.Rules(today=TODAY, window_start=dt.date(2023, 11, 22), min_seconds=240, region="KE")


def info(**changes: Any) -> VideoInfo:
    blocked = changes.pop("blocked", ())
    clip = video("rule", **changes)
    clip.blocked = blocked
    [parsed] = responses.videos({"items": [clip.video_item()]}).found
    return parsed


def test_a_good_video_passes() -> None:
    assert ranking.refusal(info(), RULES) is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"privacy": "unlisted"}, "not public (unlisted)"),
        ({"live": "live"}, "a live broadcast"),
        ({"live": "upcoming"}, "an upcoming broadcast"),
        ({"seconds": 58}, "a short"),
        ({"seconds": 170, "title": "Quick tip #shorts"}, "a short"),
        ({"seconds": 200}, "only 200 s long"),
        ({"days_old": 3 * 365 + 5}, "before 2023-11-22"),
        ({"days_old": -3}, "in the future"),
        ({"age_restricted": True}, "age-restricted"),
        ({"privacy": "private"}, "not public (private)"),
        ({"blocked": ("KE",)}, "blocked in KE"),
    ],
)
def test_refusals_say_why(changes: dict[str, Any], reason: str) -> None:
    refused = ranking.refusal(info(**changes), RULES)
    assert refused is not None and reason in refused


def test_a_shorts_tag_on_a_long_video_is_only_a_tag() -> None:
    assert ranking.refusal(info(seconds=1200, description="see #shorts"), RULES) is None


def test_rank_keeps_search_order_and_explains_refusals() -> None:
    good = [info(), info()]
    found = {"aaaaaaaaaaa": good[0], "rulexxxxxxx": good[1]}
    kept, refused = ranking.rank(["gonexxxxxxx", "rulexxxxxxx", "rulexxxxxxx"], found, RULES)
    assert [video.id for video in kept] == ["rulexxxxxxx"]
    assert kept[0].verified == TODAY
    assert refused == {"gonexxxxxxx": "gone (deleted or private)"}
