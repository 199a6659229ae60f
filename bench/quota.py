"""Quota benchmark: what keeping the real content's videos current costs, in API units.

Runs the real refresh (real client, real HTTP) against the fake Data API
with the real roadmaps, and compares with the naive way: one search.list per
query occurrence on every build. Scenarios:

- first full refresh: empty lock, no budget limit; and how it splits over
  days under the default budget of 9,000 units;
- steady state: the day after a complete refresh, and the day stored videos
  are due for their 30-day re-verification;
- 10 % dead: a tenth of all stored videos (shown and spare) deleted, on the
  re-verification day that finds them.

Run ``python bench/quota.py`` for a table, ``--json FILE`` to also write the
figures; ``measure()`` returns them as a dict for other tools.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a checkout: make `generator` importable
    sys.path.insert(0, str(ROOT))

from generator import loader  # noqa: E402
from generator.youtube import lock, query, refresh  # noqa: E402
from generator.youtube.client import Client  # noqa: E402
from generator.youtube.quota import DEFAULT_BUDGET, SEARCH_COST, Meter  # noqa: E402
from tests.fakes.youtube_api import FakeYouTube  # noqa: E402

TODAY = dt.date(2026, 11, 22)
DAILY_QUOTA = 10_000
KEY = "bench-key"


class _Bench:
    """One content folder, its lock and the fake server, refreshed on chosen days."""

    def __init__(self, content: Path, fake: FakeYouTube) -> None:
        self.content = content
        self.fake = fake
        self.wants = query.wanted(loader.load_all(content))
        self.state = lock.Lock()

    def run(self, today: dt.date, budget: int | None = None) -> dict[str, Any]:
        api = Client(KEY, endpoint=self.fake.url, meter=Meter(budget=budget), sleep=lambda _: None)
        report = refresh.refresh(self.wants, self.state, api, today=today, save=self._keep)
        return {
            "units": api.meter.spent,
            "search_calls": api.meter.calls["search.list"],
            "videos_calls": api.meter.calls["videos.list"],
            "complete": report.complete,
            "dead": len(report.dead),
            "promoted": report.promoted,
        }

    def _keep(self, new: lock.Lock) -> None:
        self.state = new

    def stored_ids(self) -> list[str]:
        return sorted({v.id for entry in self.state.queries.values() for v in entry.all()})

    def shown(self) -> int:
        return sum(len(entry.videos) for entry in self.state.queries.values())


def measure(content: Path | None = None, today: dt.date = TODAY) -> dict[str, Any]:
    """Units each scenario spends on ``content`` (default: the real content), as a dict."""
    source = content or ROOT / "content"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "content"
        shutil.copytree(source / "roadmaps", folder / "roadmaps")
        with FakeYouTube(keys=(KEY,), today=today) as fake:
            return _measure(folder, fake, today)


def _measure(content: Path, fake: FakeYouTube, today: dt.date) -> dict[str, Any]:
    bench = _Bench(content, fake)
    uses = sum(want.uses for want in bench.wants.values())
    naive = uses * SEARCH_COST

    days: list[dict[str, Any]] = []  # the first refresh under the default budget, one a day
    while not days or not days[-1]["complete"]:
        days.append(bench.run(today + dt.timedelta(days=len(days)), budget=DEFAULT_BUDGET))
        if len(days) > 10:
            raise RuntimeError("the first refresh did not finish in 10 days")

    first = _Bench(content, fake)
    full = first.run(today)
    next_day = first.run(today + dt.timedelta(days=1))
    verify_day = today + dt.timedelta(days=refresh.STALE_DAYS + 1)
    snapshot = first.state
    reverify = first.run(verify_day)

    first.state = snapshot  # the same month, but a tenth of the stored videos died meanwhile
    stored = first.stored_ids()
    dead = random.Random(10).sample(stored, k=round(len(stored) / 10))
    fake.kill(dead)
    after_deaths = first.run(verify_day)

    return {
        "today": today.isoformat(),
        "queries": len(bench.wants),
        "query_uses": uses,
        "stored_videos": len(stored),
        "shown_videos": first.shown(),
        "first_full": full,
        "first_full_by_day": [day["units"] for day in days],
        "next_day": next_day,
        "reverify_day": reverify,
        "ten_percent_dead": {**after_deaths, "killed": len(dead)},
        "naive_per_build": naive,
        "naive_builds_per_daily_quota": DAILY_QUOTA // naive,
        "monthly_units": reverify["units"],
        "naive_monthly_units_daily_builds": naive * 30,
    }


def table(figures: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    naive = figures["naive_per_build"]
    rows = [
        ("first full refresh", figures["first_full"]),
        ("steady state: the next day", figures["next_day"]),
        ("steady state: 30-day re-verification", figures["reverify_day"]),
        (
            f"{figures['ten_percent_dead']['killed']} of the stored videos died (10 %)",
            figures["ten_percent_dead"],
        ),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [
        f"Real content: {figures['queries']} distinct queries from {figures['query_uses']} uses; "
        f"{figures['shown_videos']} videos shown, {figures['stored_videos']} stored with spares.",
        "",
        f"{'scenario':<{width}}  search  videos  units  naive units",
    ]
    for name, row in rows:
        lines.append(
            f"{name:<{width}}  {row['search_calls']:>6}  {row['videos_calls']:>6}  "
            f"{row['units']:>5}  {naive:>11}"
        )
    days = figures["first_full_by_day"]
    by_day = " + ".join(str(units) for units in days)
    spread = "in one run (exit 0)" if len(days) == 1 else f"over {len(days)} days (exit 3, then 0)"
    lines += [
        "",
        f"First refresh under the default budget of {DEFAULT_BUDGET}: {by_day} units {spread}.",
        f"After 10 % died: {figures['ten_percent_dead']['dead']} dead videos dropped, "
        f"{figures['ten_percent_dead']['promoted']} spares promoted, "
        f"{figures['ten_percent_dead']['search_calls']} new searches.",
        f"Steady state per 30 days: {figures['monthly_units']} units; naive with a daily build: "
        f"{figures['naive_monthly_units_daily_builds']} units "
        f"(naive builds that fit the daily quota of {DAILY_QUOTA}: "
        f"{figures['naive_builds_per_daily_quota']}).",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    figures = measure()
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
