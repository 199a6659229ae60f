"""A week's study material: checklist sections, choices, videos, searches and progress units."""

from __future__ import annotations

from generator.views.site import Site, materials
from generator.views.study import Search, SearchGroup, Study
from generator.views.values import Check, Choice, Link
from generator.views.week import WeekPage
from generator.weekdates import Plan
from generator.youtube import lock, shown
from tests.conftest import HANDBOOK


def week(handbook: Site, slug: str, number: int) -> WeekPage:
    return next(
        page
        for page in handbook.pages
        if isinstance(page, WeekPage) and page.roadmap == slug and page.number == number
    )


def material(plans: dict[str, Plan], slug: str, number: int) -> Study:
    plan = plans[slug]
    videos = shown.resolutions(lock.read(lock.path_in(HANDBOOK)), [plan.roadmap])
    return materials(plan, videos)[number - 1]


def test_sections_follow_the_roles_and_choices_are_one_entry(plans: dict[str, Plan]) -> None:
    study = material(plans, "fixture-team", 1)
    assert [(s.title, s.box) for s in study.sections] == [("Topics", None), ("Build", "example")]
    topics = study.sections[0].entries
    assert topics[:2] == (
        Check("fixture-team/w01/navigate-the-file-system", "Navigate the file system"),
        Check("fixture-team/w01/run-ls", "Run `ls -la` & read the output"),
    )
    choice = topics[2]
    assert isinstance(choice, Choice)
    assert [o.id for o in choice.options] == [
        "fixture-team/w01/install-git-with-a-package-manager",
        "fixture-team/w01/install-git-from-the-official-installer",
    ]


def test_a_choice_and_a_searchs_videos_each_count_once(plans: dict[str, Plan]) -> None:
    study = material(plans, "fixture-team", 1)
    assert study.units == (
        ("fixture-team/w01/navigate-the-file-system",),
        ("fixture-team/w01/run-ls",),
        (
            "fixture-team/w01/install-git-with-a-package-manager",
            "fixture-team/w01/install-git-from-the-official-installer",
        ),
        ("fixture-team/w01/a-dotfiles-repository",),
        (  # the three videos of one search: watching one covers it
            "fixture-team/video/fixShell001",
            "fixture-team/video/fixShell002",
            "fixture-team/video/fixShell003",
        ),
        # a choice of two searches, of which only one resolved: one unit of its videos
        ("fixture-team/video/fixGit00001", "fixture-team/video/fixGit00002"),
    )


def test_videos_show_per_query_with_their_check_and_search_links_drop_the_year(
    plans: dict[str, Plan],
) -> None:
    study = material(plans, "fixture-team", 1)
    shell, git = study.videos
    assert not shell.pick_one and git.pick_one
    (search,) = shell.searches
    assert (search.words, search.since, search.verified) == (
        "Shell basics",
        "2023 or later",
        "Tue 20 Oct 2026",  # the oldest verification of the videos shown
    )
    first = search.videos[0]
    assert (first.published, first.duration) == ("Mar 2025", "12:34")
    assert first.url == "https://www.youtube.com/watch?v=fixShell001"
    assert first.thumbnail == "https://i.ytimg.com/vi/fixShell001/mqdefault.jpg"
    assert first.watched == Check(
        "fixture-team/video/fixShell001", "Watched: Fixture video: shell basics, part 1"
    )
    unresolved = git.searches[1]
    assert unresolved.videos == ()
    assert unresolved.link.text == "Search YouTube for “Mercurial tutorial”, newest first"
    assert unresolved.link.href == (
        "https://www.youtube.com/results?search_query=Mercurial+tutorial&sp=CAI%253D"
    )
    # the rule is the roadmap's window; the marker only narrows it, for the browser to say
    assert (unresolved.recent, unresolved.recent_years, unresolved.since_year) == (
        "the last three years",
        3,
        2022,
    )
    assert study.video_count == 5
    assert "spare" not in str(study.videos).lower()  # spares are never shown


def test_guidance_searches_keep_their_year_as_a_date_window(plans: dict[str, Plan]) -> None:
    study = material(plans, "fixture-team", 1)
    branching, cheat = study.guidance
    assert branching == SearchGroup(
        (
            Search(
                "learn git branching",
                "2022 or later",
                branching.searches[0].link,
            ),
        ),
        pick_one=False,
    )
    assert branching.searches[0].link.href == (
        "https://www.google.com/search?q=learn+git+branching&tbs=cdr:1,cd_min:1/1/2022"
    )
    assert cheat.pick_one and [s.words for s in cheat.searches] == [
        "git cheat sheet",
        "git reference manual",
    ]


def test_a_block_shares_one_material_and_one_done_item(plans: dict[str, Plan]) -> None:
    plan = plans["fixture-team"]
    weeks = materials(plan, shown.resolutions(lock.read(lock.path_in(HANDBOOK)), [plan.roadmap]))
    first, second = weeks[3], weeks[4]
    assert first is second  # built once for the block, shown on both pages
    assert first.units[0] == ("fixture-team/w04/week-done",)
    assert first.sections[0].entries == (
        Check("fixture-team/w04/week-done", "I have worked through this block"),
    )
    single = material(plans, "fixture-team", 3)
    assert single.sections[0].entries == (
        Check("fixture-team/w03/week-done", "I have worked through this week"),
    )


def test_week_pages_carry_their_material(handbook: Site, plans: dict[str, Plan]) -> None:
    page = week(handbook, "fixture-team", 1)
    assert page.sections == material(plans, "fixture-team", 1).sections


def test_the_window_of_recent_videos_is_said_in_words() -> None:
    link = Link("Search YouTube for “x”", "https://www.youtube.com/results?search_query=x")
    said = [Search("x", None, link, recent_years=years).recent for years in (1, 2, 10)]
    assert said == ["the last year", "the last two years", "the last ten years"]
    assert Search("x", None, link).recent is None  # a web search
