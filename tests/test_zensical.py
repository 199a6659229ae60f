"""The Zensical build: the same generated pages, every week page, and search data.

Material for MkDocs announces its end of life for 5 May 2027; Zensical, its
successor, reads our mkdocs.yml. This test keeps that door open: it builds
the real content with ``handbook build --builder zensical`` in a copy of the
project (Zensical writes to the configuration's ``site_dir`` only).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from generator import cli, linkcheck
from tests.conftest import CONTENT, ROOT

WEEKS = {"backend-2026": 54, "backend-6-month": 25}


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("zensical")
    shutil.copy2(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    shutil.copytree(ROOT / "generator", work / "generator")  # mkdocs.yml names its hook file
    started = time.perf_counter()
    status = cli.main(
        [
            "build",
            "--builder",
            "zensical",
            "--content",
            str(CONTENT),
            "--docs",
            str(work / "build" / "docs"),
            "--config",
            str(work / "mkdocs.yml"),
        ]
    )
    print(f"zensical render + build: {time.perf_counter() - started:.1f} s")
    assert status == 0
    return work / "site"


def test_every_week_page_is_built(zensical_site: Path) -> None:
    for slug, count in WEEKS.items():
        weeks = sorted(p.parent.name for p in (zensical_site / slug).glob("week-*/index.html"))
        assert weeks == [f"week-{n:02d}" for n in range(1, count + 1)]
        assert (zensical_site / slug / "index.html").is_file()
    assert (zensical_site / "index.html").is_file()


def test_search_data_is_written_for_every_page(zensical_site: Path) -> None:
    search = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))
    locations = {item["location"].split("#")[0] for item in search["items"]}
    for slug, count in WEEKS.items():
        for number in range(1, count + 1):
            assert f"{slug}/week-{number:02d}/" in locations
    week = (zensical_site / "backend-6-month" / "week-03" / "index.html").read_text("utf-8")
    assert "Concurrency &amp; async model" in week
    assert "assets/handbook.css" in week  # extra_css from overrides/ is carried over


def test_the_zensical_site_has_no_broken_internal_links(zensical_site: Path) -> None:
    assert linkcheck.check_site(zensical_site) == []


def test_zensical_cannot_be_sent_to_another_site_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["build", "--builder", "zensical", "--content", str(CONTENT)]
    args += ["--docs", str(tmp_path / "docs"), "--site-dir", str(tmp_path / "site")]
    assert cli.main(args) == 2
    assert "zensical writes to the site_dir of its configuration only" in capsys.readouterr().err


def test_zensical_pages_have_the_logo_but_no_web_app(zensical_site: Path) -> None:
    """Zensical runs no hooks, so nothing enables the web app: no manifest and no worker
    registration in pages; the worker's source is published unfilled and retires itself
    (tests/browser/test_webapp.py)."""
    for page in (zensical_site / "index.html", zensical_site / "backend-2026" / "index.html"):
        text = page.read_text(encoding="utf-8")
        assert "serviceWorker" not in text and 'rel="manifest"' not in text
        assert "assets/logo.svg" in text
    assert '"__HB_BUILD__"' in (zensical_site / "sw.js").read_text(encoding="utf-8")
