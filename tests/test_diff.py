"""``handbook diff``: a real content change in a temporary git repository, and the grouping."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import cli, diff
from generator.errors import UsageError
from tests.conftest import HANDBOOK

_GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, **_GIT_ENV}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of the fixture handbook, committed once."""
    shutil.copytree(HANDBOOK, tmp_path / "content")
    _git(tmp_path, "init", "--quiet", "--initial-branch=main")
    _git(tmp_path, "add", "content")
    _git(tmp_path, "commit", "--quiet", "--message", "content")
    return tmp_path


def _rename_week_2(repo: Path) -> None:
    path = repo / "content" / "roadmaps" / "solo.yaml"
    text = path.read_text(encoding="utf-8")
    assert "title: Data\n" in text
    path.write_text(
        text.replace("title: Data\n", "title: Tables, rows & *joins*\n"), encoding="utf-8"
    )


def _run(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert cli.main(["diff", *args, "--content", str(repo / "content")]) == 0
    return capsys.readouterr().out


def test_a_renamed_week_shows_that_week_its_neighbours_and_the_overview(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _rename_week_2(repo)
    out = _run(repo, capsys, "HEAD")
    lines = out.splitlines()
    assert lines[0].startswith("### Handbook pages changed against `HEAD` (")
    assert "**Fixture Solo Plan** (`fixture-solo`): 3 weeks changed" in lines
    # Week 2 itself, and weeks 1 and 3 whose previous/next links show its title.
    weeks = [line for line in lines if line.startswith("- ")]
    assert weeks == [
        "- ✏️ changed: Week 1 · Setup",
        "- ✏️ changed: Week 2 · Tables\\, rows \\& \\*joins\\*",
        "- ✏️ changed: Week 3 · Extras",
        "- 🗺️ overview page changed",
    ]
    assert "fixture-team" not in out  # the other roadmap renders the same


def test_unchanged_content_says_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(repo, capsys, "HEAD")
    assert out.splitlines()[2] == "No rendered page changes."


def test_the_default_revision_is_origin_main_else_the_previous_commit(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _rename_week_2(repo)
    _git(repo, "commit", "--quiet", "--all", "--message", "rename week 3")
    assert diff.default_revision(repo) == "HEAD~1"
    assert "3 weeks changed" in _run(repo, capsys)

    _git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    assert diff.default_revision(repo) == "origin/main"
    out = _run(repo, capsys)
    assert "against `origin/main`" in out
    assert "No rendered page changes." in out


def test_a_revision_without_content_counts_every_page_as_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README").write_text("first\n", encoding="utf-8")
    _git(tmp_path, "init", "--quiet")
    _git(tmp_path, "add", "README")
    _git(tmp_path, "commit", "--quiet", "--message", "empty")
    shutil.copytree(HANDBOOK, tmp_path / "content")
    out = _run(tmp_path, capsys, "HEAD")
    assert "(`fixture-team`) — roadmap added: 7 weeks added" in out
    assert "(`fixture-solo`) — roadmap added: 3 weeks added" in out
    assert "Home page changed. Navigation changed." in out


def test_an_unknown_revision_is_a_usage_error(repo: Path) -> None:
    with pytest.raises(UsageError, match="unknown git revision: nope"):
        diff.command(repo / "content", "nope")


def _snapshot(weeks: dict[int, str], *, overview: str = "o", slug: str = "r") -> diff.Snapshot:
    files = {f"{slug}/week-{n:02d}.md": f"{title}\n" for n, title in weeks.items()}
    files |= {f"{slug}/index.md": overview, "index.md": "home", ".nav.json": "[]"}
    return diff.Snapshot(
        files=files,
        roadmaps={slug: "Road"},
        weeks={f"{slug}/week-{n:02d}.md": (slug, n, title) for n, title in weeks.items()},
    )


def test_weeks_added_removed_and_changed_are_grouped_in_order() -> None:
    old = _snapshot({1: "One", 2: "Two", 3: "Three"})
    new = _snapshot({1: "One", 2: "Two, again", 4: "Four"}, overview="changed")
    changes = diff.compare(old, new)
    [roadmap] = changes.roadmaps
    assert [(w.kind, w.number, w.title) for w in roadmap.weeks] == [
        ("changed", 2, "Two, again"),
        ("removed", 3, "Three"),
        ("added", 4, "Four"),
    ]
    assert roadmap.overview and not changes.home and not changes.navigation
    text = diff.markdown(changes, "`X`")
    assert "**Road** (`r`): 1 week changed, 1 week added, 1 week removed" in text
    assert "- ➖ removed: Week 3 · Three" in text


def test_a_long_list_of_weeks_is_cut_but_counted() -> None:
    changes = diff.compare(diff.EMPTY, _snapshot({n: f"Week {n}" for n in range(1, 55)}))
    text = diff.markdown(changes, "`X`")
    assert "54 weeks added" in text
    assert "- … and 29 more" in text  # 25 listed; the count stays exact
