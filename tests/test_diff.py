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
    out = _run(repo, capsys, "HEAD", "--format", "markdown")
    lines = out.splitlines()
    assert lines[0].startswith("### Handbook pages changed against `HEAD` (")
    assert "**Fixture Solo Plan** (`fixture-solo`): 3 weeks changed" in lines
    # Week 2 itself, and weeks 1 and 3 whose previous/next links show its title.
    weeks = [line for line in lines if line.startswith(("- ", "  - "))]
    assert weeks == [
        "- ✏️ changed: Week 1 · Setup",
        "  - link to the next week: “Week 2 · Data” → “Week 2 · Tables\\, rows \\& \\*joins\\*”",
        "- ✏️ changed: Week 2 · Tables\\, rows \\& \\*joins\\*",
        "  - title: “Data” → “Tables\\, rows \\& \\*joins\\*”",
        "- ✏️ changed: Week 3 · Extras",
        "  - link to the previous week: “Week 2 · Data” → “Week 2 · Tables\\, rows \\& \\*joins\\*”",
        "- 🗺️ overview page changed",
    ]
    assert "fixture-team" not in out  # the other roadmap renders the same


def test_the_terminal_summary_has_no_markdown_escapes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _rename_week_2(repo)
    out = _run(repo, capsys, "HEAD")  # text is the default
    assert "\\" not in out and "**" not in out and "`" not in out and "###" not in out
    lines = out.splitlines()
    assert lines[0].startswith("Handbook pages changed against HEAD (")
    assert "Fixture Solo Plan (fixture-solo): 3 weeks changed" in lines
    assert "  changed: Week 2 · Tables, rows & *joins*" in lines
    assert "    - title: “Data” → “Tables, rows & *joins*”" in lines
    assert "  overview page changed" in lines


def _append_week_4(repo: Path) -> None:
    path = repo / "content" / "roadmaps" / "solo.yaml"
    text = path.read_text(encoding="utf-8")
    text += "      - number: 4\n        title: Wrap-up_2 *now*\n        beginner_task: Look back\n"
    path.write_text(text, encoding="utf-8")


def test_a_week_added_at_the_end_is_reported_once_as_the_new_length(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _append_week_4(repo)
    out = _run(repo, capsys, "HEAD")
    lines = out.splitlines()
    # Weeks 1 and 2 differ only in "Week N of 4": not listed. Week 3 gains a "next" link.
    assert (
        "Fixture Solo Plan (fixture-solo): 1 week changed, 1 week added;"
        " the roadmap now has 4 weeks (was 3)"
    ) in lines
    assert [line for line in lines if line.startswith("  ")] == [
        "  changed: Week 3 · Extras",
        "    - link to the next week: none → “Week 4 · Wrap-up_2 *now*”",
        "  added: Week 4 · Wrap-up_2 *now*",
        "  overview page changed",
    ]
    markdown = _run(repo, capsys, "HEAD", "--format", "markdown")
    assert "- ➕ added: Week 4 · Wrap\\-up\\_2 \\*now\\*" in markdown.splitlines()


def test_a_week_removed_at_the_end_is_listed_with_the_new_length(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _append_week_4(repo)
    _git(repo, "commit", "--quiet", "--all", "--message", "week 4")
    _git(repo, "revert", "--no-edit", "HEAD")
    out = _run(repo, capsys)  # HEAD~1: the four-week plan
    lines = out.splitlines()
    assert (
        "Fixture Solo Plan (fixture-solo): 1 week changed, 1 week removed;"
        " the roadmap now has 3 weeks (was 4)"
    ) in lines
    assert "  removed: Week 4 · Wrap-up_2 *now*" in lines
    assert "  changed: Week 2 · Data" not in lines


def test_a_week_whose_own_text_also_changed_is_still_listed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _append_week_4(repo)
    path = repo / "content" / "roadmaps" / "solo.yaml"
    text = path.read_text(encoding="utf-8")
    # reworded under its old id, which a team member's file has ticked
    reworded = "beginner_task: {text: Install the tools twice, id: install-the-tools}"
    path.write_text(text.replace("beginner_task: Install the tools", reworded), "utf-8")
    lines = _run(repo, capsys, "HEAD").splitlines()
    assert "  changed: Week 1 · Setup" in lines
    assert "    - items added: “Beginner task: Install the tools twice”" in lines
    assert "    - items removed: “Beginner task: Install the tools”" in lines
    assert "  changed: Week 2 · Data" not in lines


def test_moved_dates_videos_and_deadlines_are_named(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repo / "content" / "roadmaps" / "solo.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("start: 2026-11-23", "start: 2026-11-30"), "utf-8")
    lock = repo / "content" / "videos.lock.json"
    replaced = lock.read_text("utf-8").replace("fixCrash001", "fixCrashNew")
    replaced = replaced.replace("Fixture video: Python crash course", "A newer crash course")
    lock.write_text(replaced, "utf-8")
    team = repo / "content" / "roadmaps" / "team.yaml"
    text = team.read_text(encoding="utf-8")
    assert "            milestone:\n              text: Shell basics done!" in text
    team.write_text(text.replace("text: Shell basics done!", "text: Shell done!"), "utf-8")
    lines = _run(repo, capsys, "HEAD").splitlines()
    week_1 = lines[lines.index("  changed: Week 1 · Setup") :]
    assert week_1[1:4] == [
        "    - dates: “Mon 23 Nov – Sun 29 Nov 2026” → “Mon 30 Nov – Sun 6 Dec 2026”",
        "    - videos added: “A newer crash course”",
        "    - videos removed: “Fixture video: Python crash course”",
    ]
    assert "  changed: Week 3 · Extras" in lines
    assert "    - due added: “Milestone: 🏁 Shell done! (Sun 8 Nov 2026)”" in lines
    assert "    - due removed: “Milestone: 🏁 Shell basics done! (Sun 8 Nov 2026)”" in lines


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
    assert "against origin/main (" in out
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
    assert "(fixture-team) — roadmap added: 7 weeks added" in out
    assert "(fixture-solo) — roadmap added: 3 weeks added" in out
    assert "  added: Week 7 · Wrap Up" in out.splitlines()  # every week, by number and title
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
        weeks={f"{slug}/week-{n:02d}.md": diff.Week(slug, n, title) for n, title in weeks.items()},
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
    text = diff.report(changes, "X", fmt="markdown")
    assert "**Road** (`r`): 1 week changed, 1 week added, 1 week removed" in text
    assert "- ➖ removed: Week 3 · Three" in text


def test_weeks_added_or_removed_are_all_listed_and_only_changed_weeks_are_cut() -> None:
    changes = diff.compare(diff.EMPTY, _snapshot({n: f"Week {n}" for n in range(1, 55)}))
    text = diff.report(changes, "X")
    assert "54 weeks added" in text
    assert [line for line in text.splitlines() if line.startswith("  added: ")] == [
        f"  added: Week {n} · Week {n}" for n in range(1, 55)
    ]
    assert "more" not in text
    removed = diff.compare(_snapshot({n: f"W{n}" for n in range(1, 41)}), diff.EMPTY)
    assert diff.report(removed, "X").count("  removed: Week ") == 40

    old = _snapshot({n: f"W{n}" for n in range(1, 31)})
    new = _snapshot({n: f"W{n}!" for n in range(1, 31)})
    text = diff.report(diff.compare(old, new), "X", fmt="markdown")
    assert "30 weeks changed" in text
    assert text.count("- ✏️ changed: Week ") == 25
    assert "- … and 5 more changed weeks" in text  # the count stays exact


def test_week_details_name_what_a_reader_sees_change() -> None:
    old = diff.Week(
        "r",
        2,
        "Data",
        dates="Mon 30 Nov – Sun 6 Dec 2026",
        items=("Topics: Joins", "Topics: Indexes"),
        due=("Deadline: App (Fri 4 Dec 2026)",),
        videos=(("u1", "Old video"), ("u2", "Kept video")),
        searches=("Search YouTube for “SQL”",),
    )
    new = diff.Week(
        "r",
        2,
        "Data",
        dates="Mon 30 Nov – Sun 6 Dec 2026",
        items=("Topics: Indexes", "Topics: Joins"),
        due=(),
        videos=(("u2", "Kept video"), ("u3", "New video")),
        searches=("Search YouTube for “SQL”",),
    )
    lines = [diff.detail_line(d, "text") for d in diff.week_details(old, new)]
    assert lines == [
        "items reordered",
        "due removed: “Deadline: App (Fri 4 Dec 2026)”",
        "videos added: “New video”",
        "videos removed: “Old video”",
    ]
    same = diff.week_details(old, old)
    assert [d.what for d in same] == ["other text (notes, summary, headings or layout)"]
