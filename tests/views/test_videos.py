"""Week pages show the lock's videos: links, meta, thumbnails, totals, escaping."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator import loader, pipeline, site
from generator.model import VideoSettings
from generator.views import videos
from generator.youtube import lock, query, shown
from generator.youtube.lock import Entry, Lock, LockFileError, StoredVideo
from tests.conftest import ROOT
from tests.youtube.conftest import write_content

EVIL = "<script>alert('x')</script> *Learn* [SQL](javascript:alert(1)) & more"


def stored(ident: str, seconds: int, verified: str = "2026-11-20", title: str = "") -> StoredVideo:
    return StoredVideo(
        id=ident.ljust(11, "_"),
        title=title or f"Title {ident}",
        channel="Chan & Co",
        published=dt.date(2025, 3, 9),
        seconds=seconds,
        verified=dt.date.fromisoformat(verified),
    )


def sample_lock() -> Lock:
    sql = Entry(
        searched=dt.date(2026, 11, 1),
        videos=(
            stored("a1", 5025, title=EVIL),
            stored("a2", 600, verified="2026-11-02"),
            stored("a3", 59 * 60 + 59),
            stored("a4", 60),
        ),
        spares=(stored("sp", 999),),
    )
    return Lock(queries={query.key("SQL joins 2023", VideoSettings()): sql})


def test_a_stored_video_as_pages_show_it() -> None:
    view = videos.video(stored("abc", 5025))
    assert view.published == "Mar 2025"
    assert view.duration == "1:23:45"
    assert view.url == "https://www.youtube.com/watch?v=abc________"
    assert view.thumbnail == "https://i.ytimg.com/vi/abc________/mqdefault.jpg"


def test_lookup_shows_per_query_videos_and_the_oldest_verification(tmp_path: Path) -> None:
    content = write_content(tmp_path, [["sql JOINS  2023", "unknown"]], videos={"per_query": 2})
    roadmap = loader.load_all(content)[0].roadmap
    found = shown.resolutions(sample_lock(), [roadmap])
    resolved = found[("road", "sql JOINS  2023")]  # the lock key ignores case and spacing
    assert [v.id for v in resolved.videos] == ["a1_________", "a2_________"]
    assert resolved.verified == dt.date(2026, 11, 2)
    assert ("road", "unknown") not in found


@pytest.fixture
def rendered(tmp_path: Path) -> Path:
    content = write_content(tmp_path / "content", [["SQL joins 2023", "Unresolved topic"]])
    lock.save(lock.path_in(content), sample_lock())
    pipeline.render_handbook(content, tmp_path / "docs", None)
    return tmp_path / "docs"


def test_week_pages_show_videos_and_search_links(rendered: Path) -> None:
    page = (rendered / "road" / "week-01.md").read_text(encoding="utf-8")
    assert "Total video time this week: 2 h 33 min" in page  # the three shown videos
    assert "last verified Mon 2 Nov 2026" in page
    assert page.count('class="hb-video"') == 3
    assert '<a href="https://www.youtube.com/watch?v=a2_________">' in page
    assert (
        '<img src="https://i.ytimg.com/vi/a2_________/mqdefault.jpg" alt="" width="160" '
        'height="90" loading="lazy" decoding="async">'
    ) in page
    assert "Chan \\& Co · Mar 2025 · 1\\:23\\:45" in page
    assert "a4_________" not in page and "sp_________" not in page
    assert "<iframe" not in page
    assert (
        "No videos resolved yet. YouTube search: [Unresolved topic]"
        "(https://www.youtube.com/results?search_query=Unresolved+topic)"
    ) in page


def test_video_titles_are_escaped(rendered: Path) -> None:
    page = (rendered / "road" / "week-01.md").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert (
        "[\\<script\\>alert\\(\\'x\\'\\)\\<\\/script\\> \\*Learn\\* \\[SQL\\]\\(javascript\\:alert"
        "\\(1\\)\\) \\& more](https://www.youtube.com/watch?v=a1_________)"
    ) in page


def test_a_missing_lock_renders_search_links(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", [["SQL joins 2023"]])
    pipeline.render_handbook(content, tmp_path / "docs", None)
    page = (tmp_path / "docs" / "road" / "week-01.md").read_text(encoding="utf-8")
    assert "No videos resolved yet. YouTube search: [SQL joins 2023]" in page


def test_a_malformed_lock_is_a_clear_error(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", [["SQL joins 2023"]])
    lock.path_in(content).write_text('{"queries": [], "version": 1}\n', encoding="utf-8")
    with pytest.raises(LockFileError, match=r"videos.lock.json:1:1: queries: input should be"):
        pipeline.render_handbook(content, tmp_path / "docs", None)


def test_the_built_site_shows_videos_under_strict_mkdocs(tmp_path: Path, rendered: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("overrides", "generator"):  # mkdocs.yml names hooks in generator/
        shutil.copytree(
            ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copytree(rendered, project / "build" / "docs")
    site.build(project / "mkdocs.yml", project / "site")
    html = (project / "site" / "road" / "week-01" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.youtube.com/watch?v=a1_________"' in html
    assert 'loading="lazy"' in html and 'width="160"' in html
    assert (
        '<span class="hb-video-text"><a href="https://www.youtube.com/watch?v=a1_________">'
        "&lt;script&gt;alert('x')&lt;/script&gt; *Learn* [SQL](javascript:alert(1)) &amp; more"
        '</a><br><span class="hb-video-meta">Chan &amp; Co · Mar 2025 · 1:23:45</span></span>'
    ) in html
    assert "<script>alert" not in html
    assert 'href="javascript:alert' not in html
