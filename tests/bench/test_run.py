"""The benchmark's helpers that need no timing: edits, rounds, and the side-by-side report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bench import lighthouse, preview, run, synthetic

REAL_SHAPE = """\
title: "A roadmap"
slug: plan
phases:
  - number: 1
    title: Foundation
    months:
      - number: 1
        title: Python Fundamentals
        weeks:
          - number: 1
            title: Python Basics
            topics:
              - Functions
              - Python Basics
            deliverable: Python Basics, again
"""


def _week(text: str) -> dict[str, Any]:
    week: dict[str, Any] = yaml.safe_load(text)["phases"][0]["months"][0]["weeks"][0]
    return week


def test_an_edit_changes_the_first_weeks_title_or_topic_only(tmp_path: Path) -> None:
    titled = preview.edit(REAL_SHAPE, "title", "Edited 1")
    assert _week(titled)["title"] == "Edited 1"
    assert titled.replace("Edited 1", "Python Basics", 1) == REAL_SHAPE  # nothing else
    topic = preview.edit(REAL_SHAPE, "topic", "Edited 2")
    assert _week(topic)["topics"] == ["Edited 2", "Python Basics"]
    (tmp_path / "plan.yaml").write_text(REAL_SHAPE, encoding="utf-8")
    assert preview.first_week(tmp_path / "plan.yaml") == ("plan", "Python Basics")


def test_an_edit_finds_the_first_week_of_the_synthetic_handbook() -> None:
    text = yaml.safe_dump(synthetic.roadmap(3), sort_keys=False, allow_unicode=True)
    for kind in preview.KINDS:
        week = _week(preview.edit(text, kind, "Edited"))
        assert "Edited" in (week["title"], week["topics"][0])
        assert week["number"] == 1


def test_rounds_run_one_of_each_in_turn_after_an_untimed_warm_up() -> None:
    calls: list[str] = []
    medians = run.in_rounds({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, 2)
    assert calls == ["a", "b"] * 3
    assert set(medians) == {"a", "b"}
    assert run.percent_over(1.5, 1.0) == 50.0


def _build(seconds: float) -> dict[str, Any]:
    return {
        "engine_alone_seconds": seconds,
        "handbook_build_cold_seconds": seconds + 0.5,
        "overhead_percent": 12.5,
        "full_build_cold_seconds": seconds * 2,
        "no_change_build_seconds": 0.4,
        "rounds": 3,
    }


def _weight() -> dict[str, Any]:
    return {
        "html_bytes": 31785,
        "generated_data_script_bytes": 19896,
        "requests_before_scroll": 14,
        "requests_to_other_hosts": 3,
        "thumbnails_on_page": 3,
        "thumbnails_loaded_before_scroll": 3,
    }


def _lighthouse() -> dict[str, Any]:
    page = {
        "scores": {c: 1.0 for c in lighthouse.CATEGORIES},
        "metrics": {m: 1.0 for m in lighthouse.METRICS},
        "below_0.9": ["unused-css-rules"],
    }
    return {"home": page, "week": {"error": ["Chrome crashed"]}}


def results() -> dict[str, Any]:
    """Results shaped as ``main`` writes them, with made-up figures."""
    sizes = {"raw": 100, "minified": 80, "gzip": 40}
    visit = {"plan": {"without_worker_bytes": 1000, "with_worker_bytes": 3000, "added_bytes": 2000}}
    return {
        "machine": {
            "date": "2026-12-06 10:00 UTC",
            "platform": "Linux",
            "processor": "x86_64",
            "cpus": 2,
            "python": "3.11.7",
            "versions": {"mkdocs": "1.6.1", "zensical": None},
            "load_average_start": [1.0, 2.0, 3.0],
            "load_average_end": [1.5, 2.0, 3.0],
        },
        "quick": False,
        "build": {"real": {"mkdocs": _build(1.25), "zensical": _build(0.75)}},
        "preview": {
            "real": {
                engine: {"title_edit_seconds": 2.5, "topic_edit_seconds": 0.5, "edits": 5}
                for engine in run.ENGINES
            }
        },
        "page_weight": {
            "page": run.WEEK_PAGE,
            "our_js_css_bytes": {"ours": sizes, "vendored": sizes},
            "mkdocs": _weight(),
            "zensical": _weight(),
        },
        "first_visit": {"mkdocs": visit, "zensical": visit},
        "lighthouse": {"mkdocs": _lighthouse(), "zensical": {"skipped": "no Chromium"}},
        "render": {"real": {"seconds": 0.05, "peak_rss_mb": 73.1}},
        "noop": {
            "files": 92,
            "written_when_unchanged": 0,
            "written_after_one_week_change": 1,
            "pages_rewritten_after_one_week_change": ["plan/week-01.md"],
        },
        "quota": {
            "queries": 1,
            "query_uses": 2,
            "naive_per_build": 200,
            **{
                key: {"search_calls": 1, "videos_calls": 1, "units": 101}
                for key in ("first_full", "next_day", "reverify_day", "ten_percent_dead")
            },
        },
    }


def test_the_report_puts_the_engines_side_by_side() -> None:
    report = run.markdown_report(results())
    assert "| handbook: figure | mkdocs | zensical |" in report
    assert "| real: engine alone (s) | 1.25 | 0.75 |" in report
    assert "| real: overhead of the handbook | 12.5% | 12.5% |" in report
    assert "| real: a week's topic edited (s) | 0.5 | 0.5 |" in report
    assert "| HTML (bytes) | 31,785 | 31,785 |" in report
    assert "| plan: added | 2,000 | 2,000 |" in report
    assert (
        "| home: performance / accessibility / best-practices / seo | 100 / 100 / 100 / 100 | – |"
        in report
    )
    assert "| week: lcp_ms / cls / tbt_ms | – | – |" in report
    assert "failed: Chrome crashed" in report
    assert "Not measured with zensical: no Chromium." in report
    assert "1.0, 2.0, 3.0" in report and "1.5, 2.0, 3.0" in report
    assert "render / mkdocs build" not in report and "at most 0.05" not in report
