"""What requests cost, and the meter that keeps a refresh inside its budget.

The YouTube Data API gives a project 10,000 units a day. search.list costs
100 units whatever it returns; videos.list costs 1 unit per call of up to 50
ids. These are the only two calls a refresh makes, so planning is simple
arithmetic, done before anything is spent.

This module is free of the API client library so that planning (and
``--dry-run``) never imports it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from generator.youtube.errors import OverBudget

DEFAULT_BUDGET = 9000
"""Units a refresh may spend unless told otherwise: 90% of the daily quota of 10,000."""

SEARCH_COST = 100
VIDEOS_COST = 1
MAX_IDS = 50
"""videos.list takes at most 50 ids a call; search.list returns at most 50 results."""

SafeSearch = Literal["none", "moderate", "strict"]


@dataclass
class Meter:
    """Units spent so far against an optional budget; charged before each request is sent."""

    budget: int | None = None
    spent: int = 0
    calls: Counter[str] = field(default_factory=Counter)

    @property
    def remaining(self) -> int | None:
        return None if self.budget is None else self.budget - self.spent

    def affords(self, units: int) -> bool:
        return self.budget is None or self.spent + units <= self.budget

    def charge(self, method: str, units: int) -> None:
        if not self.affords(units):
            raise OverBudget(f"{method} needs {units} units; {self.remaining} left of the budget")
        self.spent += units
        self.calls[method] += 1


@dataclass(frozen=True)
class SearchParams:
    """One search.list request: the words and the content's video settings."""

    q: str
    published_after: str
    language: str
    region: str | None
    safe_search: SafeSearch
    max_results: int = MAX_IDS
