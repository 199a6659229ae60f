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
            items[week] += re.findall(r'"([^"]+)"', match[2])
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


def test_site_has_every_week_page(built_site: Path) -> None:
    assert len(list((built_site / "backend-2026").glob("week-*/index.html"))) == 54
    assert len(list((built_site / "backend-6-month").glob("week-*/index.html"))) == 25
    for number in (1, 9, 54):
        assert (built_site / "backend-2026" / f"week-{number:02d}" / "index.html").is_file()


def test_team_roadmap_dates(built_site: Path) -> None:
    assert "Mon 19 Jan – Sun 25 Jan 2026 · Week 1 of 54" in page_text(built_site, "backend-2026", 1)
    week44 = page_text(built_site, "backend-2026", 44)
    assert "Mon 16 Nov – Sun 22 Nov 2026 · Week 44 of 54" in week44
    assert "🎉 Project 2: Multi-Tenant Invoice API — deploy deadline: Sun 22 Nov 2026" in week44
    assert "Project 2: Multi-Tenant Invoice API" in week44
    assert "Part 2 of 2" in week44
    assert "Mon 11 Jan – Sun 17 Jan 2027 · Week 52 of 54" in page_text(
        built_site, "backend-2026", 52
    )
    assert "Mon 25 Jan – Sun 31 Jan 2027 · Week 54 of 54" in page_text(
        built_site, "backend-2026", 54
    )


def test_six_month_roadmap_is_dated_from_its_start(built_site: Path) -> None:
    assert "Mon 23 Nov – Sun 29 Nov 2026 · Week 1 of 25" in page_text(
        built_site, "backend-6-month", 1
    )
    assert "optional" in page_text(built_site, "backend-6-month", 25)


@pytest.mark.parametrize(
    ("slug", "items"),
    [("backend-2026", team_items()), ("backend-6-month", six_month_items())],
    ids=["backend-2026", "backend-6-month"],
)
def test_every_seed_item_reaches_its_week_page(
    built_site: Path, slug: str, items: dict[int, list[str]]
) -> None:
    assert len(items) == (54 if slug == "backend-2026" else 25)
    missing = [
        (number, text)
        for number, texts in sorted(items.items())
        for text in texts
        if text not in page_text(built_site, slug, number)
    ]
    assert missing == []


def test_team_overview_carries_key_dates_schedule_and_commitment(built_site: Path) -> None:
    text = page_text(built_site, "backend-2026")
    for expected in [
        "Goal: 4 Backend Engineers with production portfolios.",
        "Thu 15 Jan 2026 ✅ Kickoff Completed",
        "Mon 19 Jan 2026 🚀 Week 1 Launch",
        "Sun 10 May 2026 Phase 1 (Foundation) Complete",
        "Sun 2 Aug 2026 Phase 2 (Core Backend) Complete",
        "Sun 27 Sep 2026 Project 1 Deployment",
        "Sun 22 Nov 2026 Project 2 Deployment",
        "Sun 20 Dec 2026 Project 3 Deployment",
        "Sun 17 Jan 2027 Project 4 Deployment",
        "Mon 18 Jan – Sun 31 Jan 2027 💼 JOB HUNT SPRINT",
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


def test_six_month_overview_carries_the_plan_notes(built_site: Path) -> None:
    text = page_text(built_site, "backend-6-month")
    assert "This file maps the previous 6‑month timeline to concrete weekly steps." in text
    assert "Good luck — tell me if you want direct video links inserted now." in text


def test_content_carries_every_emoji_of_the_seeds() -> None:
    content = "".join(p.read_text(encoding="utf-8") for p in (CONTENT / "roadmaps").glob("*.yaml"))
    seeds = team_seed() + six_month_seed()
    symbols = {ch for ch in seeds if ord(ch) > 0x2500 and ch not in "—‑"}
    assert symbols, "the team seed should decode to real emoji"
    assert sorted(ch for ch in symbols if ch not in content) == []


def test_weeks_without_a_checklist_can_still_be_ticked_off(built_site: Path) -> None:
    """Project weeks list no items in the seed; each gets one "worked through" item."""
    for number in (29, 30):
        html_text = (built_site / "backend-2026" / f"week-{number}" / "index.html").read_text(
            encoding="utf-8"
        )
        assert f'data-item="backend-2026/w{number}/week-done"' in html_text
        assert "I have worked through this week" in html_text
    week1 = (built_site / "backend-2026" / "week-01" / "index.html").read_text(encoding="utf-8")
    assert "week-done" not in week1  # weeks with their own checklist need no extra item
