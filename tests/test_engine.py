"""The engine stage: one generated configuration, read by MkDocs and by Zensical alike.

Every reader-facing check (whole-site validators, axe, overflow, browser tests) runs on the
site of each engine through the ``built_site`` and ``real_site`` fixtures. Here: what the
handover itself promises, seen in what each engine built.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator import cli, engine
from tests.conftest import HANDBOOK, scratch_project

SECTIONS = re.compile(
    r'<label class="md-nav__link" for="__nav_[^"]*"[^>]*>\s*(?:<span[^>]*>)?\s*([^<]+?)\s*<', re.S
)


def _sidebar_labels(page: Path) -> list[str]:
    """The sidebar's section labels (phases and months) on a page."""
    return [label.strip() for label in SECTIONS.findall(page.read_text(encoding="utf-8"))]


def test_the_sidebar_groups_weeks_by_phase_and_month(built_site: Path) -> None:
    """The generated ``nav`` reaches the engine: a team week sits in its phase and month."""
    labels = _sidebar_labels(built_site / "fixture-team" / "week-02" / "index.html")
    assert any("Phase 1" in label for label in labels), labels
    assert any("Month 1" in label for label in labels), labels


def test_pages_load_our_assets_by_version_and_the_web_app(built_site: Path) -> None:
    page = (built_site / "fixture-team" / "week-01" / "index.html").read_text(encoding="utf-8")
    for asset in ("handbook.js", "handbook.css", "handbook-data.js"):
        assert re.search(rf"assets/{re.escape(asset)}\?v=[0-9a-f]{{10}}\"", page), asset
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'rel="manifest" href="(\./)?manifest\.webmanifest"', home)
    assert "serviceWorker" in home
    assert (built_site / "manifest.webmanifest").is_file()
    assert '"__HB_BUILD__"' not in (built_site / "sw.js").read_text(encoding="utf-8")


def test_the_published_script_is_minified(built_site: Path) -> None:
    script = (built_site / "assets" / "handbook.js").read_text(encoding="utf-8")
    assert script.count("\n") < 5 and "/*" not in script


def test_no_generated_or_dot_file_is_published(built_site: Path) -> None:
    published = {p.name for p in built_site.rglob("*") if p.is_file()}
    assert ".nav.json" not in published and ".render-stamp.json" not in published
    assert not list(built_site.rglob("*.md"))


def test_the_generated_configuration_inherits_mkdocs_yml(tmp_path: Path) -> None:
    project = scratch_project(tmp_path / "project")
    docs, site = project / "build" / "docs", project / "site"
    args = ["build", "--no-offline", "--content", str(HANDBOOK), "--config"]
    assert cli.main([*args, str(project / "mkdocs.yml"), "--docs", str(docs)]) == 0
    generated = yaml.safe_load((project / engine.GENERATED).read_text(encoding="utf-8"))
    assert generated["INHERIT"] == "mkdocs.yml"
    assert (generated["docs_dir"], generated["site_dir"]) == ("build/docs", "site")
    assert generated["nav"][0] == "index.md"
    assert set(generated["extra"]["hb_versions"]) == {
        "assets/handbook.js",
        "assets/handbook.css",
        "assets/handbook-data.js",
    }
    assert (site / "index.html").is_file()


@pytest.mark.parametrize("builder", engine.ENGINES)
def test_a_second_build_with_nothing_changed_reuses_the_site(
    tmp_path: Path, builder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    project = scratch_project(tmp_path / "project")
    args = ["build", "--builder", builder, "--content", str(HANDBOOK)]
    args += ["--config", str(project / "mkdocs.yml")]
    assert cli.main(args) == 0
    zip_file = project / "site" / "downloads" / "handbook-offline.zip"
    before = zip_file.stat().st_mtime_ns
    capsys.readouterr()
    assert cli.main(args) == 0
    assert "Up to date: " + str(project / "site") in capsys.readouterr().out
    assert zip_file.stat().st_mtime_ns == before
    (project / "site" / "index.html").write_text("tampered", encoding="utf-8")
    assert cli.main(args) == 0  # a touched site is built again, never reused
    assert "tampered" not in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_no_offline_builds_a_site_that_offers_no_zip(tmp_path: Path) -> None:
    project = scratch_project(tmp_path / "project")
    args = ["build", "--no-offline", "--content", str(HANDBOOK)]
    assert cli.main([*args, "--config", str(project / "mkdocs.yml")]) == 0
    assert not (project / "site" / "downloads").exists()
    assert "handbook-offline.zip" not in (project / "site" / "index.html").read_text("utf-8")
    assert cli.main(["linkcheck", str(project / "site")]) == 0
