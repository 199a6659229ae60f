"""Date arithmetic: week N of a roadmap, blocks, year boundaries, the date limits."""

from __future__ import annotations

import datetime as dt

from generator.limits import MAX_BLOCK_WEEKS, MAX_DATE, MAX_WEEK
from generator.loader import load_file
from generator.model import Roadmap
from generator.weekdates import check, plan, week_end, week_of, week_start
from tests.conftest import FIXTURES

START = dt.date(2026, 1, 19)


def test_week_n_runs_monday_to_sunday() -> None:
    assert week_start(START, 1) == dt.date(2026, 1, 19)
    assert week_end(START, 1) == dt.date(2026, 1, 25)
    assert week_start(START, 44) == dt.date(2026, 11, 16)
    assert week_end(START, 44) == dt.date(2026, 11, 22)


def test_year_boundary() -> None:
    assert week_end(START, 52) == dt.date(2027, 1, 17)
    assert week_start(START, 50) == dt.date(2026, 12, 28)
    assert week_end(START, 50) == dt.date(2027, 1, 3)


def test_week_of_is_the_inverse() -> None:
    assert week_of(START, dt.date(2026, 1, 19)) == 1
    assert week_of(START, dt.date(2026, 1, 25)) == 1
    assert week_of(START, dt.date(2026, 11, 18)) == 44
    assert week_of(START, dt.date(2026, 1, 18)) == 0


def test_blocks_become_one_dated_week_per_week() -> None:
    plan = load_file(FIXTURES / "mini" / "roadmaps" / "mini.yaml").plan
    assert [w.number for w in plan.weeks] == [1, 2, 3, 4]
    third, fourth = plan.weeks[2], plan.weeks[3]
    assert third.entry is fourth.entry
    assert (third.part, third.parts, fourth.part, fourth.parts) == (1, 2, 2, 2)
    assert fourth.start == dt.date(2027, 1, 11)
    assert fourth.end == dt.date(2027, 1, 17)
    assert plan.start == dt.date(2026, 12, 21)
    assert plan.end == dt.date(2027, 1, 17)


def _roadmap(start: dt.date, spans: list[int]) -> Roadmap:
    weeks, number = [], 1
    for span in spans:
        week: dict[str, object] = {"number": number, "title": f"W{number}"}
        if span > 1:
            week["through"] = number + span - 1
        weeks.append(week)
        number += span
    data = {"title": "T", "slug": "t", "start": start, "months": [{"title": "M", "weeks": weeks}]}
    return Roadmap.model_validate(data)


def test_every_computed_date_stays_inside_the_limits() -> None:
    # The last Monday whose week ends on MAX_DATE (2199-12-31, a Tuesday: week 1 ends on
    # the Sunday before it), then one week later, where week 1 would end in 2200.
    last_start = MAX_DATE - dt.timedelta(days=MAX_DATE.weekday() + 7)
    assert check(_roadmap(last_start, [1])) == []
    assert plan(_roadmap(last_start, [1])).end <= MAX_DATE
    assert check(_roadmap(last_start, [1, 2])) == [
        (
            ("months", 0, "weeks", 1, "through"),
            "week 3 would end on Sun 2200-01-12, after 2199-12-31, the last date a handbook "
            "can use",
        )
    ]


def test_the_largest_plan_the_limits_allow_is_plain_arithmetic() -> None:
    # 1,040 weeks from the last start the limits allow: no overflow, and the one
    # problem is the week that crosses MAX_DATE.
    spans = [MAX_BLOCK_WEEKS] * (MAX_WEEK // MAX_BLOCK_WEEKS)
    roadmap = _roadmap(MAX_DATE - dt.timedelta(days=MAX_DATE.weekday()), spans)
    [(path, message)] = check(roadmap)
    assert path == ("months", 0, "weeks", 0, "through")
    assert message.startswith("week 26 would end on Sun 2200-06-")
