"""Date arithmetic: week N of a roadmap, blocks, year boundaries."""

from __future__ import annotations

import datetime as dt

from generator.loader import load_file
from generator.schedule import week_end, week_of, week_start
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
