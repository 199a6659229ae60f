"""Query normalisation: year hints, lock keys, dedup across weeks and roadmaps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import loader
from generator.model import VideoSettings
from generator.youtube import query
from tests.youtube.conftest import write_content


@pytest.mark.parametrize(
    ("text", "words", "year"),
    [
        ("Redis crash course 2022+", "redis crash course", 2022),
        ("Python crash course 2023 freeCodeCamp", "python crash course freecodecamp", 2023),
        ("  OWASP   Top 10 2022+ ", "owasp top 10", 2022),
        ("Node.js async await", "node.js async await", None),
        ("ES2015 features", "es2015 features", None),
        ("from 2019 to 2021+", "from to", 2021),
        ("2024", "2024", None),
    ],
)
def test_parse_strips_year_hints(text: str, words: str, year: int | None) -> None:
    assert query.parse(text) == query.Parsed(words, year)


def test_key_is_casefolded_words_with_non_default_settings_appended() -> None:
    assert query.key("Redis Crash  Course 2022+", VideoSettings()) == "redis crash course"
    settings = VideoSettings(language="de", region="DE", min_minutes=10, per_query=5)
    assert query.key("Redis", settings) == "redis [lang=de region=DE min=10]"


def test_window_start_is_years_back_or_a_later_year_hint() -> None:
    today = dt.date(2026, 11, 22)
    assert query.window_start(today, 3) == dt.date(2023, 11, 22)
    assert query.window_start(today, 3, since_year=2022) == dt.date(2023, 11, 22)
    assert query.window_start(today, 3, since_year=2025) == dt.date(2025, 1, 1)
    assert query.window_start(dt.date(2028, 2, 29), 1) == dt.date(2027, 2, 28)


def test_wanted_merges_identical_queries_across_weeks_and_roadmaps(tmp_path: Path) -> None:
    content = write_content(tmp_path, [["Redis crash course"], ["redis  crash course 2022+"]])
    write_content(
        content,
        [["Redis Crash Course 2023"], ["Kafka 2022+"]],
        slug="other",
        start="2026-12-07",
        videos={"per_query": 5},
    )
    wants = query.wanted(loader.load_all(content))

    assert sorted(wants) == ["kafka", "redis crash course"]
    redis = wants["redis crash course"]
    assert redis.uses == 3
    assert redis.since_year == 2023  # the latest hint wins: every use's wish is met
    assert redis.shown == 5  # the largest number any roadmap shows
    assert redis.words == "redis crash course"
    assert [start.isoformat() for start, _ in redis.weeks] == [
        "2026-11-02",
        "2026-11-09",
        "2026-12-07",
    ]


def test_different_qualifying_settings_keep_queries_apart(tmp_path: Path) -> None:
    content = write_content(tmp_path, [["Redis"]])
    write_content(content, [["Redis"]], slug="german", videos={"language": "de"})
    assert sorted(query.wanted(loader.load_all(content))) == ["redis", "redis [lang=de]"]


def test_urgency_puts_current_and_coming_weeks_first(tmp_path: Path) -> None:
    content = write_content(tmp_path, [["past"], ["current"], ["coming"]], start="2026-11-09")
    wants = query.wanted(loader.load_all(content))
    today = dt.date(2026, 11, 18)  # a Wednesday of week 2
    order = sorted(wants, key=lambda key: wants[key].urgency(today))
    assert order == ["current", "coming", "past"]
