"""Writing the docs folder: only what differs, and nothing at all when nothing changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline, writer
from tests.conftest import FIXTURES, ROOT

MINI = FIXTURES / "mini"
CONFIG = ROOT / "mkdocs.yml"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "content")
    return tmp_path / "content"


def render(content: Path, docs: Path) -> pipeline.Rendered:
    return pipeline.render_handbook(content, docs, CONFIG)


def test_unchanged_inputs_skip_loading_and_rendering(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    first = render(content, docs)
    assert not first.cached

    def must_not_render(*args: object) -> dict[str, str]:
        raise AssertionError("rendered although nothing changed")

    monkeypatch.setattr(pipeline, "generate", must_not_render)
    again = render(content, docs)
    assert again.cached
    assert again.files == first.files
    assert again.report.written == [] and len(again.report.unchanged) == first.files


@pytest.mark.parametrize("change", ["content", "hand-edited page", "deleted page", "site url"])
def test_any_change_renders_again(
    change: str, content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    render(content, docs)
    page = docs / "mini" / "week-02.md"
    original = page.read_text(encoding="utf-8")
    if change == "content":
        roadmap = content / "roadmaps" / "mini.yaml"
        text = roadmap.read_text(encoding="utf-8").replace("title: New Year", "title: Next Year")
        roadmap.write_text(text, encoding="utf-8")
    elif change == "hand-edited page":
        page.write_text(original + "edited by hand\n", encoding="utf-8")
    elif change == "deleted page":
        page.unlink()
    else:
        monkeypatch.setenv("SITE_URL", "https://example.org/handbook/")

    result = render(content, docs)
    assert not result.cached
    if change == "site url":
        assert "https://example.org/handbook/mini/week-02/" in (
            docs / "mini" / "calendar.ics"
        ).read_text(encoding="utf-8")
    elif change == "content":
        assert "Next Year" in page.read_text(encoding="utf-8")
    else:
        assert page.read_text(encoding="utf-8") == original
        assert "mini/week-02.md" in result.report.written


def test_stray_files_in_the_docs_folder_are_removed(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    render(content, docs)
    stray = docs / "mini" / "old-week.md"
    stray.write_text("# gone\n", encoding="utf-8")
    result = render(content, docs)
    assert not result.cached
    assert result.report.removed == ["mini/old-week.md"]
    assert (docs / writer.STAMP).is_file()
