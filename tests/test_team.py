"""The team board: member files read and checked like content, ``handbook team add``, the
board's page and its traces on other pages, and the board as readers meet it in Chromium.

Member files of the fixture handbook (``tests/fixtures/handbook/team/``) were written by
``handbook team add`` from the exports in ``tests/fixtures/team/exports/`` (fixture people:
ahead of the plan, on it, behind it, an old version-1 export with its own start date, and a
member of the other roadmap); ``tests/fixtures/team/hostile/`` holds one broken member file
per way a file can be refused.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser

from generator import cli, jsonsource, limits, pipeline, precache, render
from generator.errors import ContentError
from generator.loader import load_all
from generator.team import Member
from generator.views import urls
from generator.views.site import materials
from generator.views.team import standings, team_page
from tests.conftest import FIXTURES, HANDBOOK, SITE_URL, build_site, serving

TEAM_FIXTURES = FIXTURES / "team"
EXPORTS = TEAM_FIXTURES / "exports"
HOSTILE = TEAM_FIXTURES / "hostile"
TODAY = "2026-11-18T10:00:00+03:00"
"""Week 3 of the fixture team plan: the day the fixture members exported their progress."""
ID_HINT = "(ids look like '<roadmap>/w05/<item>' or '<roadmap>/video/<video id>')"
NOTES = (
    "notes: notes are private and never committed: this is a whole export; share it with "
    "`handbook team add EXPORT --as HANDLE`, which copies it without its notes"
)
GONE = (
    "renamed or removed since the export? Give the item its old `id:` in the roadmap to keep "
    "readers' ticks, or run `handbook team add EXPORT --as HANDLE` on this file to drop ids "
    "the roadmap no longer has"
)


def content_without_team(target: Path) -> Path:
    """A copy of the fixture handbook's roadmaps and lock, with no member files."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(HANDBOOK / "roadmaps", target / "roadmaps")
    shutil.copy2(HANDBOOK / "videos.lock.json", target / "videos.lock.json")
    return target


def check(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """``handbook check`` on ``content``: exit status and the lines it printed to stderr."""
    status = cli.main(["check", "--content", str(content)])
    return status, capsys.readouterr().err.splitlines()


# ---- member files are checked like content ---------------------------------------------


def test_the_fixture_members_load_with_their_roadmaps() -> None:
    loaded = {item.roadmap.slug: item.members for item in load_all(HANDBOOK)}
    assert [m.handle for m in loaded["fixture-team"]] == ["ada", "bo-chen", "cy", "dee42"]
    assert [m.handle for m in loaded["fixture-solo"]] == ["eve"]
    dee = loaded["fixture-team"][3]
    assert (dee.version, dee.start, dee.days) == (1, dt.date(2026, 11, 9), {})
    assert dee.file.endswith("tests/fixtures/handbook/team/fixture-team/dee42.json")


def test_check_counts_nothing_wrong_in_the_fixture_handbook(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["check", "--content", str(HANDBOOK)]) == 0


HOSTILE_EXPECTED = {
    "markup.json": [
        "2:13: format: input should be 'study-handbook-progress', got '<script>alert(1)</script>'",
        "3:14: version: input should be 1 or 2, got '<b>2</b>'",
        "4:14: roadmap: expected lowercase letters, digits and hyphens, got "
        "'\"><img src=x onerror=alert(2)>'",
        "5:15: exported: expected a day as YYYY-MM-DD, got '<i>2026-11-18</i>'",
        "6:12: start: expected a day as YYYY-MM-DD, got 'javascript:alert(3)'",
        f"7:12: done[0]: not a progress id, got 'fixture-team/w01/<script>' {ID_HINT}",
        f"8:12: days.<b>k</b>: not a progress id, got '<b>k</b>' {ID_HINT}",
        "8:24: days.<b>k</b>: expected a day as YYYY-MM-DD, got '<i>d</i>'",
        f"9:3: {NOTES}",
        "10:3: <svg onload=alert(5)>: unknown key '<svg onload=alert(5)>'; allowed keys: days, "
        "done, exported, format, roadmap, start, version",
    ],
    "not-json.json": ["5:31: not JSON: Expecting value"],
    "not-utf8.json": ["3:28: not UTF-8: byte 0xff"],
    "deep.json": [
        "1:54: nested more than 8 deep (arrays and objects); a progress file nests 3 deep"
    ],
    "duplicate.json": ["7:3: done: duplicate key 'done' (first defined on line 6)"],
    "notes.json": [f"9:3: {NOTES}"],
    "unknown-ids.json": [
        f"9:5: done[1]: roadmap 'fixture-team' has no item 'fixture-team/w01/no-such-item': {GONE}",
        "10:5: done[2]: 'fixture-solo/w01/install-the-tools' is not an id of roadmap "
        "'fixture-team'",
        f"14:5: days.fixture-team/w09/gone: roadmap 'fixture-team' has no item "
        f"'fixture-team/w09/gone': {GONE}",
    ],
    "other-roadmap.json": [
        "4:14: roadmap: is 'fixture-solo', but the file is in the team folder of 'fixture-team': "
        "a member file goes in the folder of its roadmap"
    ],
    "far-dates.json": [
        "5:15: exported: must fall between 1970-01-01 and 2199-12-31, got 9999-12-31",
        "6:12: start: must fall between 1970-01-01 and 2199-12-31, got 0001-01-01",
        "8:39: days.fixture-team/w01/run-ls: must fall between 1970-01-01 and 2199-12-31, "
        "got 0001-01-01",
    ],
    "Bad_Handle.json": [
        "1:1: the file name is the member's handle: a handle is lowercase letters, digits and "
        "single hyphens, got 'Bad_Handle'"
    ],
}


@pytest.mark.parametrize("name", sorted(HOSTILE_EXPECTED))
def test_a_hostile_member_file_is_refused_with_every_problem_located(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_without_team(tmp_path)
    (content / "team" / "fixture-team").mkdir(parents=True)
    shutil.copy2(HOSTILE / name, content / "team" / "fixture-team" / name)
    monkeypatch.chdir(content)
    status, lines = check(Path("."), capsys)
    where = f"team/fixture-team/{name}:"
    expected = [where + line for line in HOSTILE_EXPECTED[name]]
    assert (status, lines) == (2, [*expected, f"{len(expected)} problem(s) found."])


def test_a_huge_member_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_without_team(tmp_path)
    folder = content / "team" / "fixture-team"
    folder.mkdir(parents=True)
    (folder / "huge.json").write_text("[" * (limits.MAX_MEMBER_BYTES + 1), encoding="utf-8")
    (folder / "deep.json").write_text("[" * limits.MAX_MEMBER_BYTES, encoding="utf-8")
    monkeypatch.chdir(content)
    began = time.perf_counter()
    status, lines = check(Path("."), capsys)
    assert time.perf_counter() - began < 5  # a million brackets are counted, never parsed
    assert (status, lines) == (
        2,
        [
            "team/fixture-team/deep.json:1:9: nested more than 8 deep (arrays and objects); "
            "a progress file nests 3 deep",
            "team/fixture-team/huge.json:1:1: is 1,048,577 bytes; a progress file may be at "
            "most 1,048,576 bytes",
            "2 problem(s) found.",
        ],
    )


def test_misplaced_files_and_folders_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_without_team(tmp_path)
    team = content / "team"
    (team / "no-such-roadmap").mkdir(parents=True)
    shutil.copy2(HOSTILE / "other-roadmap.json", team / "no-such-roadmap" / "eve.json")
    (team / "fixture-team" / "nested").mkdir(parents=True)
    (team / "fixture-team" / "notes.txt").write_text("hello\n", encoding="utf-8")
    (team / "fixture-team" / ".gitkeep").write_text("", encoding="utf-8")
    (team / "ada.json").write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(content)
    status, lines = check(Path("."), capsys)
    assert (status, lines) == (
        2,
        [
            "team/ada.json:1:1: member files go in a roadmap's folder: team/<slug>/<handle>.json",
            "team/fixture-team/nested:1:1: is a folder; member files are JSON files",
            "team/fixture-team/notes.txt:1:1: is not a member file (<handle>.json)",
            "team/no-such-roadmap:1:1: no roadmap has the slug 'no-such-roadmap' (roadmaps: "
            "fixture-solo, fixture-team); a member file goes in the folder of its roadmap",
            "team/no-such-roadmap/eve.json:4:14: roadmap: is 'fixture-solo', but the file is in "
            "the team folder of 'no-such-roadmap': a member file goes in the folder of its roadmap",
            "5 problem(s) found.",
        ],
    )


def test_member_problems_are_listed_with_the_roadmaps_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_without_team(tmp_path)
    roadmap = content / "roadmaps" / "solo.yaml"
    roadmap.write_text(
        roadmap.read_text(encoding="utf-8").replace("title: Setup", "titel: Setup"),
        encoding="utf-8",
    )
    for slug in ("fixture-team", "fixture-solo"):
        (content / "team" / slug).mkdir(parents=True)
        shutil.copy2(HOSTILE / "notes.json", content / "team" / slug / "notes.json")
    monkeypatch.chdir(content)
    status, lines = check(Path("."), capsys)
    assert status == 2
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        "roadmaps/solo.yaml:14:9",
        "roadmaps/solo.yaml:15:9",
        "team/fixture-solo/notes.json:4:14",  # ids of a roadmap that failed are not checked
        "team/fixture-solo/notes.json:9:3",
        "team/fixture-team/notes.json:9:3",
    ]
    assert lines[-1] == "5 problem(s) found."


def test_a_roadmap_has_at_most_so_many_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_without_team(tmp_path)
    folder = content / "team" / "fixture-team"
    folder.mkdir(parents=True)
    for handle in ("a", "b", "c"):
        shutil.copy2(HANDBOOK / "team" / "fixture-team" / "ada.json", folder / f"{handle}.json")
    monkeypatch.setattr(limits, "MAX_MEMBERS", 2)
    monkeypatch.chdir(content)
    assert check(Path("."), capsys) == (
        2,
        [
            "team/fixture-team:1:1: holds 3 member files; a roadmap may have at most 2",
            "1 problem(s) found.",
        ],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": NaN}', "f.json:1:7: not JSON: NaN is not a number"),
        ('{"a": -Infinity}', "f.json:1:7: not JSON: -Infinity is not a number"),
        ('{"a": 1' + "2" * 30 + "}", "f.json:1:7: a number of 31 digits is too long"),
        ('{"a": 1,\n "b": [1, 2,]}', "f.json:2:13: not JSON: Expecting value"),
        ("", "f.json:1:1: not JSON: Expecting value"),
    ],
)
def test_json_that_python_reads_but_content_cannot_hold_is_refused(
    text: str, expected: str
) -> None:
    with pytest.raises(ContentError) as caught:
        jsonsource.parse(text.encode(), "f.json", max_depth=8)
    assert [str(problem) for problem in caught.value.problems] == [expected]


def test_json_keys_and_values_are_located_on_demand() -> None:
    source = jsonsource.parse(b'{"a": [1,\n  {"b": "x"}], "c": true}', "f.json", max_depth=8)
    assert source.locate(("a", 1, "b")) == (2, 9)
    assert source.locate(("a", 1, "b"), key=True) == (2, 4)
    assert source.locate(("c",)) == (2, 21)
    assert source.locate(("a", 1, "missing")) == (2, 3)  # the object that lacks it


def test_a_member_file_must_be_an_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_without_team(tmp_path)
    folder = content / "team" / "fixture-team"
    folder.mkdir(parents=True)
    (folder / "list.json").write_text('\n  ["fixture-team/w01/run-ls"]\n', encoding="utf-8")
    monkeypatch.chdir(content)
    assert check(Path("."), capsys) == (
        2,
        [
            "team/fixture-team/list.json:2:3: a progress file is a JSON object, as the progress "
            "page exports it",
            "1 problem(s) found.",
        ],
    )


# ---- handbook team add ------------------------------------------------------------------


@pytest.mark.parametrize("handle", ["ada", "bo-chen", "cy", "dee42", "eve"])
def test_team_add_writes_the_committed_fixture_files_exactly(
    handle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The fixture members are what ``team add`` writes from the fixture exports: sorted,
    pretty JSON, with neither notes nor days of ids that are not ticked."""
    content = content_without_team(tmp_path)
    export = EXPORTS / f"{handle}.json"
    assert cli.main(["team", "add", str(export), "--as", handle, "--content", str(content)]) == 0
    roadmap = json.loads(export.read_text(encoding="utf-8"))["roadmap"]
    written = content / "team" / roadmap / f"{handle}.json"
    committed = HANDBOOK / "team" / roadmap / f"{handle}.json"
    assert written.read_bytes() == committed.read_bytes()
    data = json.loads(written.read_text(encoding="utf-8"))
    assert "notes" not in data and set(data.get("days", {})) <= set(data["done"])


def test_team_add_leaves_notes_out_and_says_what_it_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_without_team(tmp_path)
    export = tmp_path / "download.json"
    data = json.loads((EXPORTS / "ada.json").read_text(encoding="utf-8"))
    data["done"].append("fixture-team/w01/reworded-since")
    export.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["team", "add", str(export), "--as", "ada", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    target = content / "team" / "fixture-team" / "ada.json"
    assert f"Wrote {target}: 12 ticked ids of fixture-team, exported 2026-11-18" in out
    assert "Left out 2 note(s): notes are private and stay in your browser" in out
    assert "Dropped 1 id(s) the roadmap does not have: fixture-team/w01/reworded-since" in out
    text = target.read_text(encoding="utf-8")
    assert "notes" not in text and "Private" not in text and "reworded" not in text
    assert cli.main(["check", "--content", str(content)]) == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--as", "Ada Lovelace"],
            "--as: a handle is lowercase letters, digits and single hyphens, got 'Ada Lovelace'",
        ),
        (["--as", "a" * 40], "--as: a handle may be at most 39 characters, got 40"),
    ],
)
def test_team_add_refuses_a_bad_handle(
    arguments: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_without_team(tmp_path)
    export = str(EXPORTS / "ada.json")
    assert cli.main(["team", "add", export, *arguments, "--content", str(content)]) == 2
    assert capsys.readouterr().err.strip() == message
    assert not (content / "team").exists()


def test_team_add_refuses_an_invalid_export_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_without_team(tmp_path)
    export = HOSTILE / "far-dates.json"
    assert cli.main(["team", "add", str(export), "--as", "x", "--content", str(content)]) == 2
    err = capsys.readouterr().err
    assert "far-dates.json:5:15: exported: must fall between 1970-01-01 and 2199-12-31" in err
    assert not (content / "team").exists()


def test_team_add_replaces_a_file_it_can_no_longer_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A member file made stale by a content change blocks ``handbook check``; adding it again
    is the fix, so ``team add`` does not load the other member files first."""
    content = content_without_team(tmp_path)
    folder = content / "team" / "fixture-team"
    folder.mkdir(parents=True)
    shutil.copy2(HOSTILE / "unknown-ids.json", folder / "kim.json")
    assert cli.main(["check", "--content", str(content)]) == 2
    stale = str(folder / "kim.json")
    assert cli.main(["team", "add", stale, "--as", "kim", "--content", str(content)]) == 0
    assert cli.main(["check", "--content", str(content)]) == 0
    kept = json.loads((folder / "kim.json").read_text(encoding="utf-8"))["done"]
    assert kept == ["fixture-team/video/notInLock01", "fixture-team/w01/run-ls"]


# ---- the board and its traces on other pages --------------------------------------------


def test_the_board_page_says_where_each_member_is() -> None:
    files = pipeline.generate(HANDBOOK, SITE_URL)
    board = files["fixture-team/team.md"]
    assert board.startswith("---\nsearch:\n  exclude: true\n---\n# Team board\n")
    cards = board.split('<section class="hb-member"')[1:]
    assert [card.split('id="')[1].split('"')[0] for card in cards] == [
        "member-ada",
        "member-bo-chen",
        "member-cy",
        "member-dee42",
    ]
    ada, bo, cy, dee = cards
    assert '<progress max="16" value="12" aria-label="Items done by ada">' in ada
    assert "**Weeks finished:** 3 of 7" in ada
    assert "**Latest work:** [Week 4 · Build \\& Deploy](week-04.md)</li>" in ada
    assert "**Last progress:** Wed 18 Nov 2026 (4 days in a row)" in ada
    assert "**Reached:** 🏁 Shell basics done\\!" in ada
    assert "**Latest work:** [Week 2 · Python](week-02.md)</li>" in bo
    assert "**Weeks finished:** 0 of 7" in cy and "Reached" not in cy
    assert "**Last progress:** Thu 5 Nov 2026 (2 days in a row)" in cy
    assert "(the furthest week ticked\\: this file records no days)" in dee
    assert "**Own start date:** Mon 9 Nov 2026" in dee and "Last progress" not in dee
    assert "**Shared:** Mon 16 Nov 2026" in dee
    week_one = board.split("[Week 1](week-01.md)</th>")[1].split("</tr>")[0]
    assert (
        week_one.count("hb-cell-done") == 3
        and '3\\/6</span><span class="hb-sr">3 of 6 done' in week_one
    )


def test_finishing_a_project_reaches_its_deadline_and_fills_the_bar() -> None:
    loaded = {item.roadmap.slug: item for item in load_all(HANDBOOK)}
    plan = loaded["fixture-team"].plan
    studies = materials(plan, {})
    everything = frozenset(ident for study in studies for unit in study.units for ident in unit)
    member = Member("zoe", "fixture-team", "zoe.json", 2, dt.date(2026, 12, 20), None, everything)
    page = team_page(plan, studies, standings(plan, studies, [member]))
    (card,) = page.members
    assert card.complete and card.weeks_finished == "7 of 7"
    assert card.reached == ("🏁 Shell basics done!", "🎉 Project 1: Tiny App — deploy deadline")
    assert card.latest is not None and card.latest.href == "week-06.md"
    assert card.last_day is None  # no days: no streak either
    text = render.render_page(page)
    assert '<span class="hb-progress hb-complete"><progress max="' in text


def test_a_handle_that_escaped_the_checks_is_still_refused_in_an_attribute() -> None:
    """Handles are checked when files are read; the template checks again where one reaches
    an attribute, and escapes it where it is text."""
    plan = load_all(HANDBOOK)[1].plan
    studies = materials(plan, {})
    member = Member(
        'x" onmouseover="y', "fixture-team", "x.json", 2, dt.date(2026, 11, 18), None, frozenset()
    )
    page = team_page(plan, studies, standings(plan, studies, [member]))
    with pytest.raises(ValueError, match="not a safe token"):
        render.render_page(page)


def test_week_pages_overview_and_navigation_show_the_board_only_with_members(
    tmp_path: Path,
) -> None:
    files = pipeline.generate(HANDBOOK, SITE_URL)
    assert (
        '<p class="hb-team-line" markdown="span">[3 of 4 team members finished this week](team.md)</p>'
        in files["fixture-team/week-01.md"]
    )
    assert "[0 of 4 team members finished this week](team.md)" in files["fixture-team/week-06.md"]
    assert "· [Team board](team.md) ·" in files["fixture-team/index.md"]
    nav = json.loads(files[urls.NAV])
    team_section = nav[2]["🧪 Fixture Team Plan &amp; Co"]
    assert team_section[:3] == [
        "fixture-team/index.md",
        "fixture-team/progress.md",
        "fixture-team/team.md",
    ]
    assert "The [team board](team.md) shows" in files["fixture-team/progress.md"]

    alone = pipeline.generate(content_without_team(tmp_path / "alone"), SITE_URL)
    assert not any(path.endswith("team.md") for path in alone)
    assert "hb-team-line" not in alone["fixture-team/week-01.md"]
    assert "Team board" not in alone["fixture-team/index.md"]
    assert "fixture-team/team.md" not in alone[urls.NAV]
    assert "starts with the first shared file" in alone["fixture-team/progress.md"]


def test_the_progress_page_explains_sharing_and_links_to_github_when_it_can() -> None:
    loaded = load_all(HANDBOOK)
    github = pipeline.files_for(loaded, HANDBOOK, SITE_URL, repo_url="https://github.com/acme/hb")
    page = github["fixture-team/progress.md"]
    section = page.split(
        "## Share your progress with the team { #share-your-progress-with-the-team }"
    )[1]
    assert (
        "`handbook team add study-handbook-fixture-team-progress.json --as your-handle`" in section
    )
    assert "`content/team/fixture-team/`" in section
    assert "(https://github.com/acme/hb/new/main/content/team/fixture-team)" in section
    assert '**after deleting its `"notes"` part**' in section
    elsewhere = pipeline.files_for(loaded, HANDBOOK, SITE_URL, repo_url="https://gitlab.com/a/b")
    assert "Propose the file" not in elsewhere["fixture-team/progress.md"]


@pytest.mark.parametrize(
    ("repo_url", "expected"),
    [
        (
            "https://github.com/acme/handbook",
            "https://github.com/acme/handbook/new/main/content/team/s",
        ),
        (
            "https://github.com/acme/handbook/",
            "https://github.com/acme/handbook/new/main/content/team/s",
        ),
        ("https://github.com/acme", None),
        ("http://github.com/acme/handbook", None),
        ("https://github.com/acme/hand book", None),
        ("https://gitlab.com/acme/handbook", None),
    ],
)
def test_the_github_link_is_made_only_for_a_github_repository(
    repo_url: str, expected: str | None
) -> None:
    assert urls.propose_file(repo_url, "s") == expected


# ---- the built board: both engines, search, offline, Chromium -----------------------------


def test_the_built_board_is_saved_offline_with_its_roadmap_but_not_searched(
    built_site: Path,
) -> None:
    board = built_site / "fixture-team" / "team" / "index.html"
    assert "bo-chen" in board.read_text(encoding="utf-8")
    index = built_site / "search" / "search_index.json"
    if not index.is_file():
        index = built_site / "search.json"  # Zensical's
    searched = index.read_text(encoding="utf-8")
    assert "fixture-team/team/" not in searched and "bo-chen" not in searched
    groups = precache.collect(built_site).groups
    assert "fixture-team/team/" in groups["fixture-team"]


SCROLLS = """() => {
  const box = document.querySelector(".hb-team-table");
  return {page: document.scrollingElement.scrollWidth, width: document.documentElement.clientWidth,
          box: box.scrollWidth, shown: box.clientWidth, focusable: box.tabIndex === 0,
          overflow: getComputedStyle(box).overflowX};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_board_in_chromium_axe_and_a_phone(
    built_site: Path, browser: Browser, scheme: str
) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 800},
        color_scheme=scheme,  # type: ignore[arg-type]
        timezone_id="Africa/Nairobi",
    )
    try:
        page = context.new_page()
        page.clock.set_fixed_time(TODAY)
        with serving(built_site) as url:
            page.goto(url + "fixture-team/team/", wait_until="load")
            assert page.locator(".hb-now").inner_text() == "This week: Week 3 · Review"
            layout = page.evaluate(SCROLLS)
            assert layout["page"] <= layout["width"], layout
            assert layout["focusable"] and layout["overflow"] == "auto"
            table = page.get_by_role("table", name="Who has finished which week")
            assert table.get_by_role("columnheader").all_inner_texts() == [
                "Week",
                "ada",
                "bo-chen",
                "cy",
                "dee42",
            ]
            assert page.get_by_role("region", name="Who has finished which week").count() == 1
            found = [
                f"{v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes']][:3]}"
                for v in Axe().run(page).response["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            assert found == []
    finally:
        context.close()


def test_a_board_of_many_members_scrolls_inside_its_own_box(
    tmp_path: Path, browser: Browser
) -> None:
    """Twelve members do not fit a 360 px phone: the table scrolls, the page does not."""
    content = content_without_team(tmp_path / "content")
    folder = content / "team" / "fixture-team"
    folder.mkdir(parents=True)
    for number in range(12):
        shutil.copy2(
            HANDBOOK / "team" / "fixture-team" / "ada.json", folder / f"member-{number:02d}.json"
        )
    site = build_site(content, tmp_path / "work")
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        with serving(site) as url:
            page.goto(url + "fixture-team/team/", wait_until="load")
            layout = page.evaluate(SCROLLS)
        assert layout["page"] <= layout["width"], layout
        assert layout["box"] > layout["shown"], layout
    finally:
        context.close()


def test_member_errors_never_show_a_traceback(tmp_path: Path) -> None:
    """Every hostile fixture together, through the console script, exits 2 in one run."""
    content = content_without_team(tmp_path)
    folder = content / "team" / "fixture-team"
    folder.mkdir(parents=True)
    for file in HOSTILE.iterdir():
        shutil.copy2(file, folder / file.name)
    with pytest.raises(ContentError) as caught:
        load_all(content)
    files = {problem.file.rsplit("/", 1)[-1] for problem in caught.value.problems}
    assert files == set(HOSTILE_EXPECTED)
