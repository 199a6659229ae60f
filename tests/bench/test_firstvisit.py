"""The first-visit benchmark measures what it says, on the fixture handbook."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser

from bench import firstvisit, pages


def test_the_server_answers_like_github_pages(built_site: Path) -> None:
    with pages.serving(built_site) as (root, server):
        request = urllib.request.Request(
            root + "fixture-team/", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request) as response:
            body = response.read()
            tag = response.headers["ETag"]
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Cache-Control"] == "max-age=600"
        page = (built_site / "fixture-team" / "index.html").read_bytes()
        assert gzip.decompress(body) == page
        assert server.sent > len(body)  # headers and body counted
        again = urllib.request.Request(root + "fixture-team/", headers={"If-None-Match": tag})
        try:
            urllib.request.urlopen(again)
            raise AssertionError("expected 304 Not Modified")
        except urllib.error.HTTPError as error:
            assert error.code == 304


def test_the_worker_adds_the_roadmaps_pages_to_the_first_visit(
    built_site: Path, browser: Browser
) -> None:
    figures = firstvisit.measure(built_site, ["fixture-team"], browser)
    row = figures["fixture-team"]
    assert 0 < row["without_worker_bytes"] < row["with_worker_bytes"]
    # At least the roadmap's other pages, gzipped, come on top (the overview is already there).
    pages = [p for p in (built_site / "fixture-team").rglob("index.html")]
    others = sum(len(gzip.compress(p.read_bytes(), 6)) for p in pages) - len(
        gzip.compress((built_site / "fixture-team" / "index.html").read_bytes(), 6)
    )
    assert row["added_bytes"] >= others
