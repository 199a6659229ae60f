"""Generate a synthetic handbook of N weeks, shaped like the real roadmaps.

Used by the benchmarks to see how the build scales: every week has topics,
a build task, beginner and enterprise tasks, two YouTube queries and a
guidance search; every fourth week has a milestone. Run as a script to write
one: ``python -m bench.synthetic OUT_DIR --weeks 1000``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import yaml

START = dt.date(2026, 1, 5)  # a Monday
WEEKS_PER_MONTH = 4
MONTHS_PER_PHASE = 6


def roadmap(weeks: int, slug: str = "synthetic") -> dict[str, object]:
    """A valid roadmap document with ``weeks`` weeks."""
    phases: list[dict[str, object]] = []
    number = 1
    month_number = 1
    while number <= weeks:
        months: list[dict[str, object]] = []
        while number <= weeks and len(months) < MONTHS_PER_PHASE:
            entries = []
            for _ in range(WEEKS_PER_MONTH):
                if number > weeks:
                    break
                entry: dict[str, object] = {
                    "number": number,
                    "title": f"Topic {number}: systems & services",
                    "topics": [f"Concept {number}.{i} <explained> *simply*" for i in range(1, 4)],
                    "build": f"Build project {number}",
                    "beginner_task": f"Practice {number} with small scripts",
                    "enterprise_task": f"Harden service {number} for production",
                    "youtube": [f"topic {number % 150} tutorial", f"topic {number % 90} deep dive"],
                    "guidance": [f"topic {number} best practices 2022+"],
                }
                if number % 4 == 0:
                    entry["milestone"] = f"Milestone {number // 4} reached!"
                entries.append(entry)
                number += 1
            months.append(
                {"number": month_number, "title": f"Month {month_number}", "weeks": entries}
            )
            month_number += 1
        phases.append(
            {"number": len(phases) + 1, "title": f"Phase {len(phases) + 1}", "months": months}
        )
    return {
        "title": f"Synthetic handbook of {weeks} weeks",
        "slug": slug,
        "start": START,
        "goal": "Measure how the build scales.",
        "phases": phases,
    }


def write(content_dir: Path, weeks: int) -> Path:
    """Write a content folder holding one synthetic roadmap; returns the roadmap file."""
    target = content_dir / "roadmaps" / "synthetic.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        yaml.safe_dump(roadmap(weeks), sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="content folder to create")
    parser.add_argument("--weeks", type=int, default=1000)
    args = parser.parse_args()
    print(write(args.out, args.weeks))
