"""Reader files: item ids agree with week pages, data is deterministic, pages render."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import loader, pages, pipeline, reader, render
from generator.schedule import Plan
from tests.conftest import CONTENT, FIXTURES


@pytest.fixture(scope="module")
def plans() -> list[Plan]:
    return [item.plan for item in loader.load_all(CONTENT)]


def _payload(script: str) -> dict[str, object]:
    prefix = "window.handbookData="
    line = next(line for line in script.splitlines() if line.startswith(prefix))
    data: dict[str, object] = json.loads(line.removeprefix(prefix).removesuffix(";"))
    return data


def test_data_lists_exactly_the_checkbox_ids_of_every_week_page(plans: list[Plan]) -> None:
    site = pages.site(loader.load_all(CONTENT))
    data = reader.data(plans)["roadmaps"]
    assert isinstance(data, dict)
    for week in site.weeks:
        boxes = [c.id for c in week.topics]
        boxes += [
            c.id
            for c in (
                week.build,
                week.deliverable,
                week.beginner_task,
                week.enterprise_task,
                week.done,
            )
            if c
        ]
        entry = data[week.roadmap_slug]["weeks"][week.number - 1]
        assert [f"{week.roadmap_slug}/{item}" for item in entry["items"]] == boxes


def test_data_script_is_deterministic_plain_javascript(plans: list[Plan]) -> None:
    script = reader.data_script(plans)
    assert script == reader.data_script(plans)
    assert script.isascii()
    data = _payload(script)["roadmaps"]
    assert isinstance(data, dict)
    team = data["backend-2026"]
    assert team["start"] == "2026-01-19"
    assert len(team["weeks"]) == 54
    assert team["weeks"][11]["title"] == "PostgreSQL Advanced"
    assert team["weeks"][11]["items"][0] == "w12/transactions"
    # Both weeks of a block share the block's items, stored under its first week...
    assert team["weeks"][52]["items"] == team["weeks"][53]["items"]
    assert team["weeks"][53]["items"][0] == "w53/portfolio-website-finalized"
    # ...while a week without content items gets its own "worked through" item.
    assert team["weeks"][42]["items"] == ["w43/week-done"]
    assert team["weeks"][43]["items"] == ["w44/week-done"]


def test_render_files_adds_progress_now_data_and_calendars(plans: list[Plan]) -> None:
    files = reader.render_files(plans, "https://handbook.example/")
    for slug in ("backend-2026", "backend-6-month"):
        assert f"{slug}/progress.md" in files
        assert f"{slug}/now.md" in files
        assert files[f"{slug}/calendar.ics"].startswith("BEGIN:VCALENDAR\r\n")
    assert reader.DATA_PATH in files
    progress = files["backend-2026/progress.md"]
    assert 'data-roadmap="backend-2026"' in progress
    assert 'data-hb-action="export"' in progress
    now = files["backend-2026/now.md"]
    assert "Mon 19 Jan 2026 – Sun 31 Jan 2027" in now


def test_mini_titles_are_escaped_in_reader_pages() -> None:
    mini = [item.plan for item in loader.load_all(FIXTURES / "mini")]
    files = reader.render_files(mini, None)
    assert "<script>" not in files["mini/progress.md"]
    assert r"\<script\>" in files["mini/progress.md"]
    assert "<script>" in json.dumps(_payload(files[reader.DATA_PATH]))  # JSON text, not HTML


def test_merge_refuses_two_files_at_one_path() -> None:
    with pytest.raises(ValueError, match=r"two files would be written to a\.md"):
        render.merge({"a.md": "x"}, {"a.md": "y"})


def test_render_handbook_writes_reader_files_and_is_stable(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://handbook.example/docs\n", encoding="utf-8")
    docs = tmp_path / "docs"
    pipeline.render_handbook(FIXTURES / "mini", docs, config)
    ics = (docs / "mini" / "calendar.ics").read_bytes()
    assert b"URL:https://handbook.example/docs/mini/week-01/" in ics
    assert b"\r\n" in ics
    again = pipeline.render_handbook(FIXTURES / "mini", docs, config)
    assert again.report.written == []
