"""Rendering: golden output, determinism, minimal writes, stale pages, escaping."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from pathlib import Path

import pytest

from generator import pipeline, render, webassets, writer
from generator.loader import load_all
from generator.views.site import site
from tests.conftest import FIXTURES, HANDBOOK, ROOT, SITE_URL, site_markdown

MINI = FIXTURES / "mini"
"""A roadmap whose text is made of Markdown and HTML look-alikes."""
GOLDEN = ROOT / "tests" / "golden" / "handbook"


def rendered(content: Path = HANDBOOK) -> dict[str, str]:
    return pipeline.generate(content, SITE_URL)


def test_golden_output() -> None:
    """The whole generated tree of the fixture handbook, byte for byte, except our minified
    script and stylesheet (copies of ``generator/web``, not made from content: a golden copy
    would change with every edit of the reader's script).

    After an intended change to templates or views, regenerate with
    ``UPDATE_GOLDEN=1 pytest tests/test_render.py`` and review the diff.
    """
    files = {path: text for path, text in rendered().items() if path not in webassets.files()}
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        writer.write_tree(files, GOLDEN)
        (GOLDEN / writer.STAMP).unlink()  # the folder's claim, not part of the output
    golden = {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes().decode("utf-8")
        for p in GOLDEN.rglob("*")
        if p.is_file()
    }
    assert sorted(files) == sorted(golden)
    for path, text in files.items():
        assert text == golden[path], f"{path} differs from the golden copy"


def test_second_render_writes_nothing(tmp_path: Path) -> None:
    first = pipeline.render_handbook(HANDBOOK, tmp_path, None)
    assert len(first.report.written) == first.files
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    (tmp_path / writer.STAMP).unlink()  # render again, not from the stamp (still our folder)
    second = pipeline.render_handbook(HANDBOOK, tmp_path, None)
    assert not second.cached
    assert second.report.written == []
    assert len(second.report.unchanged) == first.files
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    assert {p: t for p, t in after.items() if p.name != writer.STAMP} == {
        p: t for p, t in before.items() if p.name != writer.STAMP
    }


def test_pages_of_removed_weeks_disappear(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(HANDBOOK, content)
    docs = tmp_path / "docs"
    pipeline.render_handbook(content, docs, None)
    assert (docs / "fixture-team" / "week-07.md").is_file()

    roadmap = content / "roadmaps" / "team.yaml"
    text = roadmap.read_text(encoding="utf-8")
    text = text.replace("            through: 7\n", "").replace(
        "end: 2026-12-20", "end: 2026-12-13"
    )
    text = text.replace("until: 2026-12-20", "until: 2026-12-13")
    roadmap.write_text(text, encoding="utf-8")
    result = pipeline.render_handbook(content, docs, None)
    assert not (docs / "fixture-team" / "week-07.md").exists()
    assert result.report.removed == ["fixture-team/week-07.md"]


def test_one_week_change_rewrites_only_pages_that_show_it(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(HANDBOOK, content)
    docs = tmp_path / "docs"
    pipeline.render_handbook(content, docs, None)

    roadmap = content / "roadmaps" / "team.yaml"
    text = roadmap.read_text(encoding="utf-8").replace("title: Python\n", "title: Python!\n")
    roadmap.write_text(text, encoding="utf-8")
    result = pipeline.render_handbook(content, docs, None)
    # the week itself, its neighbours' previous/next links, the overview and the navigation's
    # titles come from headings, so nothing else; the data and calendar carry titles too, and
    # the team board names the week a member (bo-chen) last worked on
    assert result.report.written == [
        "assets/handbook-data.js",
        "fixture-team/calendar.ics",
        "fixture-team/index.md",
        "fixture-team/team.md",
        "fixture-team/week-01.md",
        "fixture-team/week-02.md",
        "fixture-team/week-03.md",
    ]
    assert result.report.removed == []


def test_refuses_to_write_two_files_at_one_path() -> None:
    built = site([item.plan for item in load_all(HANDBOOK)], {}, None)
    week = next(page for page in built.pages if page.path == "fixture-team/week-01.md")
    doubled = dataclasses.replace(built, pages=(*built.pages, week))
    with pytest.raises(ValueError, match=r"two files would be written to fixture-team/week-01\.md"):
        render.render(doubled)


def test_hostile_content_renders_literally() -> None:
    page = rendered(MINI)["mini/week-01.md"]
    html = site_markdown(page)
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "*stars* stay stars" in html and "<em>" not in html
    assert re.search(r"<h1[^>]*>Week 1 · # Not a heading<a class=\"headerlink\"", html)
    assert "Run <code>ls -la</code> here" in html


@pytest.mark.parametrize("value", ['x" onload="alert(1)', "a b", "<x>"])
def test_token_filter_refuses_unsafe_values(value: str) -> None:
    with pytest.raises(ValueError, match="not a safe token"):
        render.environment().from_string("{{ v|token }}").render(v=value)


@pytest.mark.parametrize("value", ["javascript:alert(1)", "https://x.y/a b", "https://x.y/(a)"])
def test_url_filter_refuses_unsafe_values(value: str) -> None:
    with pytest.raises(ValueError, match="not a safe URL"):
        render.environment().from_string("{{ v|url }}").render(v=value)
