"""The asset benchmark runs and our own JS and CSS stay within a small budget."""

from __future__ import annotations

from bench import assets

BUDGET = 15_000
"""Bytes of our JS and CSS together, minified as published: what every page loads on top of
Material (a framework alone would blow this, which is the point)."""


def test_measure_reports_our_files_and_vendored_separately() -> None:
    result = assets.measure()
    files = result["files"]
    assert isinstance(files, dict)
    assert {"handbook.js", "handbook.css"} <= set(files)
    totals = result["totals"]
    assert isinstance(totals, dict)
    ours = totals["ours"]
    assert 0 < ours["gzip"] < ours["minified"] < ours["raw"]
    assert ours["minified"] <= BUDGET
    assert totals["vendored"]["raw"] == files["vendor/iframe-worker-shim.js"]["raw"]
