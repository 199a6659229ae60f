"""``handbook preview``: builds of two commits of a scratch project, compared and photographed.

The end-to-end tests build the fixture handbook in a temporary git repository (its own copy of
``mkdocs.yml``, ``overrides/`` and ``generator/``, as ``tests/conftest.py`` builds fixture
sites) and drive Chromium: like every browser test they fail under ``CI=true`` when Chromium
is missing and are skipped, loudly, elsewhere. The rest runs without a browser.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import cli, diff, preview
from generator.errors import UsageError
from tests import chromium
from tests.conftest import HANDBOOK, ROOT, scratch_project

_GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}
TODAY = "2026-12-02"  # the Wednesday of the fixture-solo plan's week 2
PNG = b"\x89PNG\r\n\x1a\n"


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, **_GIT_ENV}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git repository with the fixture handbook and the site's configuration, committed."""
    repo = scratch_project(tmp_path / "project")
    shutil.copytree(HANDBOOK, repo / "content")
    _git(repo, "init", "--quiet", "--initial-branch=main")
    _git(repo, "add", ".")
    _git(repo, "commit", "--quiet", "--message", "base")
    return repo


@pytest.fixture
def browser_present(pytestconfig: pytest.Config) -> None:
    """Chromium is there (fails under CI=true, skips loudly elsewhere: tests/chromium.py)."""
    chromium.require_chromium(pytestconfig)


def _preview(repo: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> tuple[Path, str]:
    # In a process of its own, as a contributor runs it: the browser tests' Playwright may
    # already run an event loop in this one, and Playwright's sync API allows one per thread.
    command = [sys.executable, "-m", "generator.cli", "preview", "--today", TODAY, *options]
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    out = repo / "build" / "preview"
    return out, (out / "summary.md").read_text(encoding="utf-8")


def _pngs(out: Path) -> list[str]:
    found = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.png"))
    for name in found:
        assert (out / name).read_bytes()[:8] == PNG
    return found


def test_a_one_week_change_shows_that_week_before_and_after(
    project: Path, browser_present: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    solo = project / "content" / "roadmaps" / "solo.yaml"
    solo.write_text(
        solo.read_text("utf-8").replace("Model a table", "Model a table with keys"), "utf-8"
    )
    _git(project, "commit", "--quiet", "--all", "--message", "week 2")

    out, summary = _preview(project, monkeypatch)  # against HEAD~1: no origin/main here

    assert _pngs(out) == [
        "fixture-solo/week-02-after-1280.png",
        "fixture-solo/week-02-after-390.png",
        "fixture-solo/week-02-before-1280.png",
        "fixture-solo/week-02-before-390.png",
    ]
    lines = summary.splitlines()
    assert lines[0].startswith("### Rendered pages changed against `HEAD~1` (")
    assert "**1 of 20 pages changed**." in lines
    assert "#### `fixture-solo/week-02/` · Week 2 · Data (changed)" in lines
    assert "- items added: “Beginner task\\: Model a table with keys”" in lines
    assert "- items removed: “Beginner task\\: Model a table”" in lines
    assert any(line.startswith("The base was built by its own generator") for line in lines)
    assert "clock at 10:00 on Wed 2 Dec 2026" in summary


def test_a_change_to_every_page_is_summarised_with_a_sample_of_page_kinds(
    project: Path, browser_present: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A line in the theme override's footer: every page's HTML changes (the fixture has 20
    # pages, so the threshold is lowered to make this "more than the threshold").
    main = project / "overrides" / "main.html"
    footer = "{% block footer %}{{ super() }}<p>Preview banner</p>{% endblock %}\n"
    main.write_text(main.read_text("utf-8") + footer, "utf-8")
    _git(project, "commit", "--quiet", "--all", "--message", "banner")

    out, summary = _preview(project, monkeypatch, "--sample-above", "5")

    stems = ["fixture-solo", "fixture-solo/progress", "fixture-solo/week-01", "home"]
    assert _pngs(out) == sorted(
        f"{stem}-{side}-{width}.png"
        for stem in stems
        for side in ("before", "after")
        for width in (390, 1280)
    )
    assert "**20 of 20 pages changed**." in summary
    assert (
        "20 pages changed; sample of page kinds: home (`/`), overview (`fixture-solo/`), "
        "week (`fixture-solo/week-01/`), progress (`fixture-solo/progress/`)."
    ) in summary
    assert "- no content change shows here: the templates, styles or generator changed it" in (
        summary
    )
    assert "<details><summary>Every changed page</summary>" in summary


def test_a_base_whose_own_generator_cannot_build_is_built_by_this_one(project: Path) -> None:
    shutil.copytree(ROOT / "generator", project / "generator")
    _git(project, "add", ".")
    _git(project, "commit", "--quiet", "--message", "the generator, committed with the content")
    cli_module = project / "generator" / "cli.py"
    good = cli_module.read_text("utf-8")
    cli_module.write_text('raise SystemExit("this generator needs a newer Python")\n', "utf-8")
    _git(project, "commit", "--quiet", "--all", "--message", "a base that cannot build")
    cli_module.write_text(good, "utf-8")
    _git(project, "commit", "--quiet", "--all", "--message", "fixed")
    work = project / "build" / "preview-work"

    sides = preview.build_sides(
        project, project / "content", project / "mkdocs.yml", "HEAD~1", work
    )

    assert not sides.own_generator
    assert "exit status 1" in sides.note and "needs a newer Python" in sides.note
    assert (sides.site("before") / "index.html").is_file()
    changes = preview.compare_sites(sides.site("before"), sides.site("after"))
    assert changes.pages == []  # same content, same generator: nothing differs
    base = preview.Base("HEAD~1", "abc1234", sides.own_generator, sides.note)
    text = preview.summary(changes, [], base, None, preview.clock(HANDBOOK, dt.date(2026, 12, 2)))
    assert "The base's own generator could not build it" in text
    pages = len(list(sides.site("after").rglob("*.html")))
    assert f"**No page changed** ({pages} pages)." in text


# Without a browser: how pages are compared, named, chosen and summarised.


def _page(body: str, nav: str = "", version: str = "1") -> str:
    return (
        f'<html><head><link rel="next" href="../{nav}/">'
        f'<script src="a.js?v={version}0f"></script></head><body>'
        f'<nav class="md-nav md-nav--primary"><ul><li><a href="x">{nav}</a></li>'
        '<li><img src="i.png"><br></li></ul></nav>'
        f"<article>{body}</article></body></html>"
    )


def test_the_navigation_menu_and_asset_versions_are_left_out_of_a_page() -> None:
    body, nav = preview.digest(_page("Week 1"))
    assert preview.digest(_page("Week 1", nav="Week 9 · New", version="2"))[0] == body
    assert preview.digest(_page("Week 1", nav="Week 9 · New"))[1] != nav
    assert preview.digest(_page("Week 1 · renamed"))[0] != body


def _site(folder: Path, pages: dict[str, str]) -> Path:
    for path, text in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


def test_sites_compare_by_page_content_and_styles_count_for_every_page(tmp_path: Path) -> None:
    old = {
        "index.html": _page("Home"),
        "r/index.html": _page("Overview"),
        "r/week-01/index.html": _page("One"),
        "r/week-02/index.html": _page("Two"),
        "assets/handbook-data.js": "1",
        "assets/handbook.css": "a {}",
    }
    new = {
        **old,
        "r/week-01/index.html": _page("One", nav="Three"),  # the menu only
        "r/week-02/index.html": _page("Two, changed"),
        "r/week-03/index.html": _page("Three"),
        "assets/handbook-data.js": "2",  # data from content: no page changes for it
    }
    del new["index.html"]
    changes = preview.compare_sites(_site(tmp_path / "a", old), _site(tmp_path / "b", new))
    assert [(p.path, p.kind) for p in changes.pages] == [
        ("index.html", "removed"),
        ("r/week-02/index.html", "changed"),
        ("r/week-03/index.html", "added"),
    ]
    assert changes.navigation_only == 1 and changes.files == ["assets/handbook-data.js"]
    assert changes.assets == []

    new["assets/handbook.css"] = "a { color: red }"
    changes = preview.compare_sites(tmp_path / "a", _site(tmp_path / "c", new))
    assert changes.assets == ["assets/handbook.css"]
    assert [p.path for p in changes.pages if p.kind == "changed"] == [
        "r/index.html",
        "r/week-01/index.html",
        "r/week-02/index.html",
    ]


def test_week_pages_that_only_state_a_new_length_are_counted_not_shown(tmp_path: Path) -> None:
    def week(number: int, total: int, menu: str = "") -> str:
        return _page(f'<div data-total="{total}">Week {number} of {total}</div>', nav=menu)

    old = {"r/week-01/index.html": week(1, 2), "r/week-02/index.html": week(2, 2)}
    new = {
        "r/week-01/index.html": week(1, 3, menu="Week 3"),
        "r/week-02/index.html": week(2, 3, menu="Week 3") + "<p>Next: Week 3</p>",
        "r/week-03/index.html": week(3, 3, menu="Week 3"),
    }
    a, b = _site(tmp_path / "a", old), _site(tmp_path / "b", new)
    changes = preview.compare_sites(a, b, {"r": (2, 3)})
    assert [(p.path, p.kind) for p in changes.pages] == [
        ("r/week-02/index.html", "changed"),
        ("r/week-03/index.html", "added"),
    ]
    assert changes.length_only == 1
    assert len(preview.compare_sites(a, b).pages) == 3  # without the lengths: all three


def test_screenshots_are_named_after_the_page() -> None:
    week = preview.PageChange("backend-2026/week-05/index.html", "changed")
    assert (week.url, week.stem, week.page_kind) == (
        "backend-2026/week-05/",
        "backend-2026/week-05",
        "week",
    )
    assert preview.Shot(week).files() == [
        "backend-2026/week-05-before-390.png",
        "backend-2026/week-05-after-390.png",
        "backend-2026/week-05-before-1280.png",
        "backend-2026/week-05-after-1280.png",
    ]
    home, overview = (
        preview.PageChange("index.html", "added"),
        preview.PageChange("r/index.html", "removed"),
    )
    assert (home.stem, home.page_kind, overview.stem, overview.page_kind) == (
        "home",
        "home",
        "r",
        "overview",
    )
    assert preview.Shot(home).files() == ["home-after-390.png", "home-after-1280.png"]
    assert preview.Shot(overview).files() == ["r-before-390.png", "r-before-1280.png"]
    assert preview.page_kind("404.html") == "other"
    assert preview.page_kind("r/progress/index.html") == "progress"


def test_many_changed_pages_are_sampled_by_kind_with_the_pages_whose_content_changed() -> None:
    paths = ["index.html", "a/index.html", "a/progress/index.html", "a/now/index.html"]
    paths += [f"a/week-{n:02d}/index.html" for n in range(1, 30)]
    changes = preview.SiteChanges(pages=[preview.PageChange(p, "changed") for p in sorted(paths)])
    assert len(preview.shots(changes)) == 4
    assert [s.page.path for s in preview.shots(changes)] == [
        "index.html",
        "a/index.html",
        "a/week-01/index.html",
        "a/progress/index.html",
    ]
    content = {"a/week-07/index.html", "a/week-09/index.html"}
    assert [s.page.path for s in preview.shots(changes, content)] == [
        "index.html",
        "a/index.html",
        "a/week-07/index.html",  # the sample's week is one whose content changed
        "a/progress/index.html",
        "a/week-09/index.html",
    ]
    few = preview.SiteChanges(pages=changes.pages[:3])
    assert [s.page for s in preview.shots(few)] == changes.pages[:3]


def test_content_pages_come_from_the_diff_analysis() -> None:
    week = diff.WeekChange("changed", 5, "Five", path="r/week-05.md")
    roadmap = diff.RoadmapChanges("r", "R", "changed", weeks=[week], overview=True)
    changes = diff.Changes(roadmaps=[roadmap], home=True, other=["r/progress.md", "r/x.ics"])
    assert preview.content_pages(changes) == {
        "index.html",
        "r/index.html",
        "r/progress/index.html",
        "r/week-05/index.html",
    }
    assert preview.content_pages(None) == set()


def test_a_missing_chromium_is_one_line_before_anything_is_built(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _git(project, "commit", "--quiet", "--allow-empty", "--message", "nothing")
    monkeypatch.chdir(project)
    assert cli.main(["preview", "--chromium", str(project / "no-chromium")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no-chromium is missing; install Chromium" in err
    assert not (project / "build").exists()


def test_folders_not_made_by_preview_are_never_emptied(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(UsageError, match="not empty and was not made by handbook preview"):
        preview._fresh(folder)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep"
    made = preview._fresh(tmp_path / "made")
    (made / "old.png").write_bytes(b"x")
    assert list(preview._fresh(made).iterdir()) == [made / preview.MARKER]


def test_the_clock_is_ten_in_the_morning_in_the_handbooks_time_zone() -> None:
    now = preview.clock(HANDBOOK, dt.date(2026, 12, 2))
    assert now.isoformat() == "2026-12-02T10:00:00+03:00"
    assert str(now.tzinfo) == "Africa/Nairobi"


def test_pull_requests_get_the_preview_in_their_job_summary() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    assert "pull_request_target" not in workflow[True]  # YAML 1.1 reads the key `on` as True
    job = workflow["jobs"]["preview"]
    assert job["if"] == "github.event_name == 'pull_request'"
    assert job["permissions"] == {"contents": "read"}
    steps = job["steps"]
    assert steps[0]["with"] == {"fetch-depth": 0, "persist-credentials": False}
    assert any(step.get("run") == 'make preview REV="origin/$BASE_REF"' for step in steps)
    uploads = {
        step["with"]["name"]: step["with"]["path"]
        for step in steps
        if step.get("uses", "").startswith("actions/upload-artifact@")
    }
    assert uploads == {
        "preview": "build/preview/",
        "preview-site": "build/preview-work/after/site/",
    }
    summary = steps[-1]
    assert "cat build/preview/summary.md" in summary["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    assert summary["env"]["RUN_URL"] == (
        "${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}"
    )
