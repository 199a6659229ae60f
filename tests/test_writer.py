"""Writing the docs folder: only what differs, and nothing at all when nothing changed."""

from __future__ import annotations

import importlib.metadata
import shutil
from pathlib import Path

import pytest

from generator import loader, pipeline, render, writer
from tests.conftest import HANDBOOK, SITE_URL


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(HANDBOOK, tmp_path / "content")
    return tmp_path / "content"


def render_to(content: Path, docs: Path, site_url: str = SITE_URL) -> pipeline.Rendered:
    return pipeline.render_handbook(content, docs, site_url)


def test_unchanged_inputs_skip_loading_and_rendering(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    first = render_to(content, docs)
    assert not first.cached

    def must_not_run(*args: object) -> dict[str, str]:
        raise AssertionError("loaded or rendered although nothing changed")

    # the two expensive stages a cached render must skip; render_handbook calls both otherwise
    monkeypatch.setattr(loader, "load_all", must_not_run)
    monkeypatch.setattr(render, "render", must_not_run)
    again = render_to(content, docs)
    assert again.cached
    assert again.files == first.files
    assert again.report.written == [] and len(again.report.unchanged) == first.files


@pytest.mark.parametrize(
    "change", ["content", "hand-edited page", "deleted page", "site url", "library version"]
)
def test_any_change_renders_again(
    change: str, content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    render_to(content, docs)
    page = docs / "fixture-team" / "week-02.md"
    original = page.read_text(encoding="utf-8")
    if change == "content":
        roadmap = content / "roadmaps" / "team.yaml"
        text = roadmap.read_text(encoding="utf-8").replace("title: Python\n", "title: Next Year\n")
        roadmap.write_text(text, encoding="utf-8")
    elif change == "hand-edited page":
        page.write_text(original + "edited by hand\n", encoding="utf-8")
    elif change == "deleted page":
        page.unlink()
    elif change == "library version":
        real = importlib.metadata.version
        monkeypatch.setattr(
            importlib.metadata,
            "version",
            lambda name: "99.0" if name == "icalendar" else real(name),
        )

    site_url = "https://example.org/handbook/" if change == "site url" else SITE_URL
    result = render_to(content, docs, site_url)
    assert not result.cached
    if change == "site url":
        assert "https://example.org/handbook/fixture-team/week-02/" in (
            docs / "fixture-team" / "calendar.ics"
        ).read_text(encoding="utf-8")
    elif change == "content":
        assert "Next Year" in page.read_text(encoding="utf-8")
    elif change == "library version":
        assert result.report.written == []  # rendered again, and the same bytes came out
    else:
        assert page.read_text(encoding="utf-8") == original
        assert "fixture-team/week-02.md" in result.report.written


def test_stray_files_in_the_docs_folder_are_removed(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    render_to(content, docs)
    stray = docs / "fixture-team" / "old-week.md"
    stray.write_text("# gone\n", encoding="utf-8")
    result = render_to(content, docs)
    assert not result.cached
    assert result.report.removed == ["fixture-team/old-week.md"]
    assert (docs / writer.STAMP).is_file()
