"""The asset benchmark runs and our own JS and CSS stay within a small budget."""

from __future__ import annotations

from bench import assets

BUDGET_GZIP = 12_000  # bytes; a framework alone would blow this, which is the point


def test_measure_reports_our_files_and_vendored_separately() -> None:
    result = assets.measure()
    files = result["files"]
    assert isinstance(files, dict)
    assert {"handbook.js", "handbook.css"} <= set(files)
    totals = result["totals"]
    assert isinstance(totals, dict)
    ours = totals["ours"]
    assert 0 < ours["gzip"] < ours["raw"]
    assert ours["gzip"] < BUDGET_GZIP
    assert totals["vendored"]["raw"] == files["vendor/iframe-worker-shim.js"]["raw"]
