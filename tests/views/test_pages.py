"""Page views of the fixture handbook: what each page says, decided before any template."""

from __future__ import annotations

import datetime as dt

from generator.views.dates import Dates
from generator.views.glance import DueItem, SessionSlot
from generator.views.home import HomePage
from generator.views.overview import OverviewPage
from generator.views.progress import ProgressPage
from generator.views.site import Site
from generator.views.values import Link
from generator.views.week import WeekPage


def week(handbook: Site, slug: str, number: int) -> WeekPage:
    return next(
        page
        for page in handbook.pages
        if isinstance(page, WeekPage) and page.roadmap == slug and page.number == number
    )


def team_day(day: str) -> Dates:
    return Dates.day("fixture-team", dt.date.fromisoformat(day))


def test_the_glance_gives_time_sessions_videos_and_what_is_due(handbook: Site) -> None:
    glance = week(handbook, "fixture-team", 1).glance
    assert glance.time_budget == "at least 10 hours a week · 1–2 hours a day"
    assert glance.zone_label == "EAT (Africa/Nairobi)"
    assert glance.sessions == (
        SessionSlot(
            title="Team Sync",
            required=True,
            days="Mon 2 Nov – Fri 6 Nov",
            time="21:00–22:00",
            zone="Africa/Nairobi",
            first_start="2026-11-02T21:00:00+03:00",
            first_end="2026-11-02T22:00:00+03:00",
            last_day="2026-11-06",
        ),
        SessionSlot(
            title="Pairing",
            required=False,
            days="Sat 7 Nov",
            time="10:00–13:00",
            zone="Africa/Nairobi",
            first_start="2026-11-07T10:00:00+03:00",
            first_end="2026-11-07T13:00:00+03:00",
            last_day="2026-11-07",
        ),
    )
    assert glance.videos == "5 videos, 2 h 34 min in all"
    # both due on the week's Sunday: the page header has the dates, the glance the weekday
    assert glance.due == (
        DueItem("Build", "A dotfiles repository", team_day("2026-11-08"), True, weekday="Sunday"),
        DueItem(
            "Milestone", "🏁 Shell basics done!", team_day("2026-11-08"), True, weekday="Sunday"
        ),
    )
    assert glance.suggested_start is None


def test_a_deadline_and_a_key_date_on_one_day_are_one_due_item(handbook: Site) -> None:
    part2 = week(handbook, "fixture-team", 5)
    assert part2.glance.due == (
        DueItem(
            "Deadline",
            "🎉 Project 1: Tiny App — deploy deadline",
            team_day("2026-12-06"),
            countdown=True,
            weekday="Sunday",
        ),
    )
    assert part2.project is not None and part2.project.deadline is None  # said once, above


def test_project_weeks_carry_the_brief_and_count_down_to_the_deadline(handbook: Site) -> None:
    project = week(handbook, "fixture-team", 4).project
    assert project is not None
    assert project.heading == "📱 Project 1: Tiny App"
    assert project.brief == "A to-do list web app that stores its items in a database."
    assert project.deliverables == (
        "An API to add, list and finish to-dos",
        "The app deployed with a public URL",
    )
    assert project.weeks == "Weeks 4–5"
    assert project.deadline == DueItem(
        "Deadline", "🎉 Deploy deadline", team_day("2026-12-06"), countdown=True
    )
    assert week(handbook, "fixture-team", 1).project is None


def test_a_block_page_names_its_part_and_links_the_other(handbook: Site) -> None:
    block = week(handbook, "fixture-team", 4).block
    assert block is not None
    assert (block.part, block.parts, block.weeks) == (1, 2, "Weeks 4–5")
    assert block.other_parts == (Link("Week 5", "week-05.md"),)
    assert week(handbook, "fixture-team", 3).block is None


def test_a_heading_is_said_once_where_phase_and_month_share_it(handbook: Site) -> None:
    assert week(handbook, "fixture-team", 6).where == "Wrap Up"
    assert week(handbook, "fixture-team", 1).where == "Phase 1: Basics · Month 1: Getting Started"


def test_a_range_key_date_shows_on_every_week_it_spans(handbook: Site) -> None:
    for number in (6, 7):
        _, item = week(handbook, "fixture-team", number).glance.due
        assert item.label == "Key date" and item.text == "🎯 Wrap-up fortnight"
        assert item.dates.end == dt.date(2026, 12, 20) and not item.countdown


def test_suggested_dates_point_to_the_personal_start(handbook: Site) -> None:
    solo = week(handbook, "fixture-solo", 1)
    assert solo.glance.suggested_start == Link(
        "set your own start date", "progress.md#your-start-date"
    )
    assert solo.glance.sessions == () and solo.glance.time_budget is None
    overview = next(
        p for p in handbook.pages if isinstance(p, OverviewPage) and p.roadmap == "fixture-solo"
    )
    assert overview.suggested_start == solo.glance.suggested_start


def test_a_quiet_week_of_a_plain_roadmap_has_no_glance(handbook: Site) -> None:
    assert not week(handbook, "fixture-solo", 3).glance.empty  # suggested dates are said
    assert week(handbook, "fixture-team", 2).glance.due[0].label == "Deliverable"


def test_overview_rows_link_whole_and_name_what_sets_a_week_apart(handbook: Site) -> None:
    overview = next(
        p for p in handbook.pages if isinstance(p, OverviewPage) and p.roadmap == "fixture-team"
    )
    rows = [row for phase in overview.phases for month in phase.months for row in month.rows]
    assert [row.href for row in rows] == [f"week-0{n}.md" for n in range(1, 8)]
    assert [row.notes for row in rows] == [
        None,
        "optional",
        None,
        "part 1 of 2",
        "part 2 of 2",
        "part 1 of 2",
        "part 2 of 2",
    ]
    assert rows[0].milestone == "🏁 Shell basics done!"
    project = overview.phases[1].months[0]
    assert project.brief and project.deliverables and project.deadline is not None


def test_home_has_one_card_per_roadmap_and_progress_counts_units(handbook: Site) -> None:
    home = next(p for p in handbook.pages if isinstance(p, HomePage))
    assert [(c.roadmap, c.suggested) for c in home.roadmaps] == [
        ("fixture-solo", True),
        ("fixture-team", False),
    ]
    progress = {p.roadmap: p for p in handbook.pages if isinstance(p, ProgressPage)}
    # team: week 1 has 6 units, week 2: 3 items + 1 video, week 3: done item,
    # block 4-5: done item + videos, block 6-7: 2 topics and a deliverable
    assert progress["fixture-team"].items == 6 + 4 + 1 + 2 + 3


def test_a_due_day_outside_the_week_gives_its_date(handbook: Site) -> None:
    """Part 1 of a block delivers at the end of part 2: that date is not in the header."""
    first, second = (week(handbook, "fixture-team", n).glance.due[0] for n in (6, 7))
    assert first.label == second.label == "Deliverable"
    assert first.dates == second.dates == team_day("2026-12-20")
    assert first.weekday is None and second.weekday == "Sunday"
