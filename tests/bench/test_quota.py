"""The quota benchmark's scenarios, on a small content folder so the test stays fast."""

from __future__ import annotations

from pathlib import Path

from bench import quota
from tests.youtube.conftest import write_content


def test_measure_reports_every_scenario(tmp_path: Path) -> None:
    content = write_content(tmp_path, [["Redis 2022+", "SQL"], ["redis"], ["Kafka"]])
    figures = quota.measure(content)

    assert (figures["queries"], figures["query_uses"]) == (3, 4)
    assert figures["first_full"]["units"] == 3 * 101
    assert figures["first_full_by_day"] == [303]
    assert figures["next_day"]["units"] == 0
    assert figures["reverify_day"]["units"] == 1  # 18 stored ids, one videos.list call
    dead = figures["ten_percent_dead"]
    assert dead["killed"] == 2  # a tenth of 18 stored videos
    assert (dead["dead"], dead["search_calls"], dead["units"]) == (2, 0, 1)  # spares suffice
    assert figures["naive_per_build"] == 400
    assert "first full refresh" in quota.table(figures)
