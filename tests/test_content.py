"""The shipped roadmaps: valid, correctly dated, and complete against their seed documents.

The seed documents in tests/fixtures/seeds are the curriculum's source (the
team roadmap was saved with its UTF-8 read as Mac Roman; decoding undoes
that). Every checklist item, task, query and milestone they contain must
reach its week's page on the built site.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path

import pytest

from generator.loader import load_all
from generator.youtube.query import split_year
from tests.conftest import CONTENT, FIXTURES

SEEDS = FIXTURES / "seeds"


def team_seed() -> str:
    raw = (SEEDS / "backend-2026.txt").read_text(encoding="utf-8")
    return raw.encode("mac_roman").decode("utf-8")


def six_month_seed() -> str:
    return (SEEDS / "backend-6-month.txt").read_text(encoding="utf-8")


def page_text(site: Path, slug: str, number: int | None = None) -> str:
    path = site / slug / (f"week-{number:02d}" if number else "") / "index.html"
    body = path.read_text(encoding="utf-8")
    body = body[body.index('<article class="md-content__inner') :]
    body = body[: body.index("</article>")]
    body = re.sub(r"</?(?:a|b|code|em|i|span|strong)\b[^>]*>", "", body)  # inline: no gap
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def strip_markup(text: str) -> str:
    return " ".join(re.sub(r"\*\*|`", "", text).split())


def team_items() -> dict[int, list[str]]:
    """Week number → every title, checklist item and milestone the seed lists for it."""
    items: dict[int, list[str]] = defaultdict(list)
    week: list[int] = []
    for line in team_seed().splitlines():
        stripped = line.strip()
        if match := re.match(
            r"\* \*\*Week (\d+)(?:-(\d+))?(?: \([^)]*\))?:\s*(.*?)\*\*\s*(.*)", stripped
        ):
            first, last = int(match[1]), int(match[2] or match[1])
            week = list(range(first, last + 1))
            title = (match[3] or match[4]).strip()
            for number in week:
                items[number].append(title)
        elif stripped.startswith("## 🎯 JOB HUNT SPRINT"):
            week = [53, 54]
        elif stripped.startswith("## ") and not stripped.startswith("## 🎯"):
            week = []
        elif week and (match := re.match(r"- (?:\[ \]|✅) (.*)", stripped)):
            text = re.sub(r"^\*\*(Deliverable|Build|MILESTONE):\*\* ", "", match[1])
            for number in week if not match[0].startswith("- ✅") else week[-1:]:
                items[number].append(strip_markup(text))
    return items


def six_month_items() -> dict[int, list[str]]:
    items: dict[int, list[str]] = defaultdict(list)
    week = 0
    for line in six_month_seed().splitlines():
        if match := re.match(r"^(?:## Optional )?Week (\d+) — (.*)$", line.strip()):
            week = int(match[1])
            items[week].append(match[2])
        elif week and (match := re.match(r"- (YouTube \(search\)|Guidance search): (.*)", line)):
            # a year marker ("2022+") is a publish-date window: a web search link shows it
            # ("pages from 2022 on"); for videos it only narrows the roadmap's last three
            # years, which the page states (the browser gets the year to narrow it there)
            for query in re.findall(r'"([^"]+)"', match[2]):
                words, year = split_year(query)
                items[week].append(f"“{words}”")
                if year and match[1] == "Guidance search":
                    items[week].append(f"{year}")
        elif week and (match := re.match(r"- (?:Beginner|Enterprise) task: (.*)", line)):
            items[week].append(strip_markup(match[1]))
    return items


def test_real_content_is_valid() -> None:
    loaded = {item.roadmap.slug: item.plan for item in load_all(CONTENT)}
    assert sorted(loaded) == ["backend-2026", "backend-6-month"]
    assert len(loaded["backend-2026"].weeks) == 54
    assert len(loaded["backend-6-month"].weeks) == 25
    assert str(loaded["backend-6-month"].start) == "2026-11-23"


def test_every_week_has_a_video_query() -> None:
    for item in load_all(CONTENT):
        for week in item.plan.weeks:
            assert len(week.entry.youtube) >= 1, f"{item.roadmap.slug} week {week.number}"


def test_site_has_every_week_page(real_site: Path) -> None:
    assert len(list((real_site / "backend-2026").glob("week-*/index.html"))) == 54
    assert len(list((real_site / "backend-6-month").glob("week-*/index.html"))) == 25
    for number in (1, 9, 54):
        assert (real_site / "backend-2026" / f"week-{number:02d}" / "index.html").is_file()


def test_team_roadmap_dates(real_site: Path) -> None:
    assert "Mon 19 Jan – Sun 25 Jan 2026 · Week 1 of 54" in page_text(real_site, "backend-2026", 1)
    week44 = page_text(real_site, "backend-2026", 44)
    assert "Mon 16 Nov – Sun 22 Nov 2026 · Week 44 of 54" in week44
    assert ("Deadline: 🎉 Project 2: Multi-Tenant Invoice API — deploy deadline · Sunday") in week44
    assert "Part 2 of 2: Weeks 43–44" in week44
    assert "Mon 11 Jan – Sun 17 Jan 2027 · Week 52 of 54" in page_text(
        real_site, "backend-2026", 52
    )
    assert "Mon 25 Jan – Sun 31 Jan 2027 · Week 54 of 54" in page_text(
        real_site, "backend-2026", 54
    )


def test_six_month_roadmap_is_dated_from_its_start(real_site: Path) -> None:
    assert "Mon 23 Nov – Sun 29 Nov 2026 · Week 1 of 25" in page_text(
        real_site, "backend-6-month", 1
    )
    assert "optional" in page_text(real_site, "backend-6-month", 25)


@pytest.mark.parametrize(
    ("slug", "items"),
    [("backend-2026", team_items()), ("backend-6-month", six_month_items())],
    ids=["backend-2026", "backend-6-month"],
)
def test_every_seed_item_reaches_its_week_page(
    real_site: Path, slug: str, items: dict[int, list[str]]
) -> None:
    assert len(items) == (54 if slug == "backend-2026" else 25)
    missing = [
        (number, text)
        for number, texts in sorted(items.items())
        for text in texts
        if text not in page_text(real_site, slug, number)
    ]
    assert missing == []


def test_team_overview_carries_key_dates_schedule_and_commitment(real_site: Path) -> None:
    text = page_text(real_site, "backend-2026")
    for expected in [
        "Goal: 4 Backend Engineers with production portfolios.",
        "Thu 15 Jan 2026: ✅ Kickoff Completed",
        "Mon 19 Jan 2026: 🚀 Week 1 Launch",
        "Sun 10 May 2026: Phase 1 (Foundation) Complete",
        "Sun 2 Aug 2026: Phase 2 (Core Backend) Complete",
        "Sun 27 Sep 2026: Project 1 Deployment",
        "Sun 22 Nov 2026: Project 2 Deployment",
        "Sun 20 Dec 2026: Project 3 Deployment",
        "Sun 17 Jan 2027: Project 4 Deployment",
        "Mon 18 Jan – Sun 31 Jan 2027: 💼 JOB HUNT SPRINT",
        "21:00–22:00 EAT: Team Sync (mandatory)",
        "Review learning",
        "Unblock issues",
        "Plan next day",
        "Daily: Post standup in Discord by 9 AM if missing meeting.",
        "Time: 2-3 hours self-study.",
        "10:00–13:00 EAT: Team Coding Session",
        "Pair programming",
        "Code reviews",
        "Weekly Retrospective",
        "Afternoon: Optional self-study.",
        "Rest Day! Recharge for the next week.",
        "By following this roadmap, I commit to:",
        "20 hours/week minimum.",
        "Attending Monday 9 PM and Saturday 10 AM meetings.",
        "Completing all 4 projects.",
        "Supporting my teammates.",
        "Let's build the future. 🚀",
    ]:
        assert expected in text


CHAT_PHRASES = (
    "This file maps",
    "I avoided",
    "If you want, I can",
    "I can fetch",
    'Say "Yes',
    "fetch links",
    "tell me if you want",
    "Or I can keep this file",
)
"""What the 6-month seed says to the chat user it was written for, not to a learner."""


def test_nothing_meant_for_someone_else_reaches_a_page(real_site: Path) -> None:
    pages = {p: p.read_text(encoding="utf-8") for p in real_site.rglob("*.html")}
    leaks = [
        (str(p), phrase) for p, text in pages.items() for phrase in CHAT_PHRASES if phrase in text
    ]
    assert leaks == []
    assert len(pages) > 80


def test_the_six_month_dates_are_said_to_be_a_suggestion(real_site: Path) -> None:
    overview = page_text(real_site, "backend-6-month")
    assert "Suggested dates" in overview
    week = (real_site / "backend-6-month" / "week-05" / "index.html").read_text(encoding="utf-8")
    assert 'href="../progress/#your-start-date"' in week
    progress = (real_site / "backend-6-month" / "progress" / "index.html").read_text("utf-8")
    assert 'id="your-start-date"' in progress
    assert "suggested dates" in page_text(real_site, "")
    assert "Suggested" not in page_text(real_site, "backend-2026")  # the team plan is dated


@pytest.mark.parametrize("number", [6, 11, 12, 14, 15, 18, 22])
def test_the_source_alternatives_are_pick_one_choices(real_site: Path, number: int) -> None:
    """The seed's "… or …" between YouTube searches: one of them, not both."""
    assert "Pick one of these searches:" in page_text(real_site, "backend-6-month", number)


def test_the_guidance_alternative_is_a_pick_one_choice(real_site: Path) -> None:
    text = page_text(real_site, "backend-6-month", 3)
    assert "Pick one: Web search: “asyncio tutorial”, pages from 2022 on or Web search: " in text


def test_team_weeks_say_when_and_how_long(real_site: Path) -> None:
    """Every team week page opens with the time budget and its sessions on real dates."""
    for number in range(1, 55):
        text = page_text(real_site, "backend-2026", number)
        assert "This week at a glance" in text
        assert "Time: at least 20 hours a week · 2–3 hours a day" in text
        assert "Team Sync (mandatory):" in text and "21:00–22:00" in text
        assert "Team Coding Session:" in text and "10:00–13:00" in text
    assert "Team Sync (mandatory): Mon 16 Nov – Fri 20 Nov, 21:00–22:00" in page_text(
        real_site, "backend-2026", 44
    )


PROJECTS = {
    range(29, 37): ("Project 1: Mobile Money Gateway", "Sun 27 Sep 2026"),
    range(37, 45): ("Project 2: Multi-Tenant Invoice API", "Sun 22 Nov 2026"),
    range(45, 49): ("Project 3: Real-Time Monitoring", "Sun 20 Dec 2026"),
    range(49, 53): ("Project 4: Microservices E-Commerce", "Sun 17 Jan 2027"),
}


def test_project_weeks_name_their_project_brief_and_deadline(real_site: Path) -> None:
    for weeks, (name, deadline) in PROJECTS.items():
        for number in weeks:
            text = page_text(real_site, "backend-2026", number)
            assert name in text, number
            assert "What it must deliver:" in text, number
            assert (
                # the deadline's own week names the day, every other week of the project its date
                f"Deploy deadline · {deadline}" in text or "deploy deadline · Sunday" in text
            )
            assert re.search(r"Part [12] of 2: Weeks \d+–\d+", text), number


def test_a_deadline_and_its_key_date_show_once(real_site: Path) -> None:
    text = page_text(real_site, "backend-2026", 36)
    assert text.count("Project 1 Deployment") == 0  # the key date is this deadline
    assert text.count("Sun 27 Sep 2026") == 1  # in the week's own dates, and nowhere else
    assert text.count("deploy deadline · Sunday") == 1
    week53 = page_text(real_site, "backend-2026", 53)
    assert "Job Hunt Sprint · Job Hunt Sprint" not in week53


def test_content_carries_every_emoji_of_the_seeds() -> None:
    content = "".join(p.read_text(encoding="utf-8") for p in (CONTENT / "roadmaps").glob("*.yaml"))
    seeds = team_seed() + six_month_seed()
    symbols = {ch for ch in seeds if ord(ch) > 0x2500 and ch not in "—‑"}
    assert symbols, "the team seed should decode to real emoji"
    assert sorted(ch for ch in symbols if ch not in content) == []


def test_weeks_without_a_checklist_can_still_be_ticked_off(real_site: Path) -> None:
    """Project weeks list no items in the seed; each block gets one "worked through" item,
    the same on both of its pages."""
    for number in (29, 30):
        html_text = (real_site / "backend-2026" / f"week-{number}" / "index.html").read_text(
            encoding="utf-8"
        )
        assert 'data-item="backend-2026/w29/week-done"' in html_text
        assert "I have worked through this block" in html_text
    week17 = page_text(real_site, "backend-2026", 17)
    assert "I have worked through this week" in week17
    week1 = (real_site / "backend-2026" / "week-01" / "index.html").read_text(encoding="utf-8")
    assert "week-done" not in week1  # weeks with their own checklist need no extra item
