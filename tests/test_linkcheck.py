"""The link checker: passes on the real built site, fails on each kind of broken link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import cli, linkcheck
from generator.errors import HandbookError


def _site(root: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    return root


GOOD = {
    "index.html": (
        '<a href="week-01/">one</a> <a href="week-01/#topics">topics</a>'
        '<a href="#top" id="top">top</a> <a href="/assets/site.css">css</a>'
        '<a href="https://example.com/missing">external</a> <a href="mailto:a@b.c">mail</a>'
        '<a href="javascript:void(0)">js</a> <img src="img/logo.png">'
    ),
    "week-01/index.html": (
        '<h2 id="topics">Topics</h2> <a name="old-anchor"></a>'
        '<a href="../">home</a> <a href="../index.html#top">back</a>'
    ),
    "assets/site.css": "",
    "img/logo.png": "",
}


def test_links_to_files_folders_anchors_and_assets_resolve(tmp_path: Path) -> None:
    assert linkcheck.check_site(_site(tmp_path, GOOD)) == []


def test_a_broken_internal_link_is_reported(tmp_path: Path) -> None:
    pages = {**GOOD, "index.html": '<a href="week-02/">two</a> <a href="week-01/">one</a>'}
    pages["week-01/index.html"] = '<h2 id="topics">Topics</h2>'
    broken = linkcheck.check_site(_site(tmp_path, pages))
    assert [str(b) for b in broken] == ["index.html: week-02/: no such file in the site"]


def test_a_broken_anchor_is_reported(tmp_path: Path) -> None:
    pages = {
        "index.html": '<a href="week-01/#topics">ok</a> <a href="week-01/#nope">bad</a>',
        "week-01/index.html": '<h2 id="topics">Topics</h2> <a href="#missing">self</a>',
    }
    broken = linkcheck.check_site(_site(tmp_path, pages))
    assert [str(b) for b in broken] == [
        "index.html: week-01/#nope: no element with id 'nope' in week-01/index.html",
        "week-01/index.html: #missing: no element with id 'missing' in week-01/index.html",
    ]


def test_links_leaving_the_site_and_missing_assets_are_reported(tmp_path: Path) -> None:
    pages = {
        "index.html": '<a href="../elsewhere/">out</a> <script src="/js/app.js"></script>',
    }
    broken = linkcheck.check_site(_site(tmp_path, pages))
    assert [str(b) for b in broken] == [
        "index.html: ../elsewhere/: points outside the site",
        "index.html: /js/app.js: no such file in the site",
    ]


def test_site_absolute_links_resolve_under_the_base_path(tmp_path: Path) -> None:
    pages = {
        "index.html": '<a href="/handbook/week-01/">one</a> <a href="/handbook">home</a>',
        "week-01/index.html": "",
    }
    site = _site(tmp_path, pages)
    assert linkcheck.check_site(site, base_path="/handbook/") == []
    assert [b.reason for b in linkcheck.check_site(site, base_path="/")] == [
        "no such file in the site",
        "no such file in the site",
    ]
    assert [b.reason for b in linkcheck.check_site(site, base_path="/other")] == [
        "points outside the site",
        "points outside the site",
    ]


def test_a_folder_that_is_not_a_site_is_refused(tmp_path: Path) -> None:
    with pytest.raises(HandbookError, match="not a built site"):
        linkcheck.check_site(tmp_path)


def test_the_built_site_has_no_broken_links(built_site: Path) -> None:
    assert linkcheck.check_site(built_site) == []
    # The check is not vacuous: the site links weeks to each other by anchor and path.
    week = (built_site / "fixture-team" / "week-02" / "index.html").read_text(encoding="utf-8")
    assert 'href="../week-03/"' in week


def test_the_site_fails_once_a_week_page_is_missing(
    built_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "fixture-team" / "week-03")
    assert cli.main(["linkcheck", str(site)]) == 1
    err = capsys.readouterr().err
    assert "fixture-team/week-02/index.html: ../week-03/: no such file in the site" in err
    assert "broken internal link(s) found." in err


def test_the_command_reports_success(built_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["linkcheck", str(built_site)]) == 0
    assert capsys.readouterr().out.startswith("OK: every internal link and anchor resolves (")


def test_the_real_site_has_no_broken_links(real_site: Path) -> None:
    assert linkcheck.check_site(real_site) == []
