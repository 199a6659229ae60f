"""The refresh policy: keep the lock current while spending as little quota as possible.

Quota is the scarce resource (10,000 units a day; one search costs 100, a
videos.list call of up to 50 ids costs 1), so the policy is ordered by cost:

1. Drop entries of queries no longer in the content (free).
2. Drop videos that left the recency window, and replace them and any other
   lost video from the entry's verified spares (free).
3. Search only what needs it: missing queries first, then queries left with
   too few videos by dead ones, then queries whose last search found too few
   (at most once every ``STALE_DAYS``), then, with ``--research``, the rest.
   Within each group, queries of the current and coming weeks go first.
4. Re-verify, 50 ids a call, every stored video verified more than
   ``STALE_DAYS`` ago; dead ones are replaced from spares, and queries that
   run out of spares are searched in the same run if the budget allows.

Each step is planned before it is spent: a step the remaining budget cannot
cover is deferred, never started. Progress is saved after every completed
step, so a stop (budget, daily quota, a stalling API, Ctrl-C) loses at most
the step in flight and the next run resumes where this one ended. A refresh
right after a complete one finds nothing to do and makes no request.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

from generator.youtube import ranking
from generator.youtube.errors import OverBudget, QuotaExceeded, Stalled
from generator.youtube.lock import Entry, Lock, StoredVideo
from generator.youtube.query import Want
from generator.youtube.quota import MAX_IDS, SEARCH_COST, VIDEOS_COST, Meter, SearchParams
from generator.youtube.responses import VideoInfo, Videos

STALE_DAYS = 30
"""Stored data older than this is fetched again (the API policies allow 30 days)."""

Reason = Literal["missing", "dead", "thin", "research"]
_ORDER: dict[Reason, int] = {"missing": 0, "dead": 1, "thin": 2, "research": 3}


class Api(Protocol):
    """What the refresh needs from the API client (``client.Client`` in production)."""

    meter: Meter

    def search(self, params: SearchParams) -> list[str]: ...

    def videos(self, ids: list[str]) -> Videos: ...


@dataclass(frozen=True)
class Search:
    """A planned search.list for one lock key, and why it is needed."""

    key: str
    reason: Reason


@dataclass
class Plan:
    """What a refresh will do before it spends anything (also what ``--dry-run`` prints)."""

    dropped: list[str] = field(default_factory=list)
    expired: list[tuple[str, str]] = field(default_factory=list)
    promoted: int = 0
    searches: list[Search] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    @property
    def units(self) -> int:
        """Units the planned requests cost (not counting searches that verification may add)."""
        verify_calls = math.ceil(len(self.stale) / MAX_IDS)
        return len(self.searches) * (SEARCH_COST + VIDEOS_COST) + verify_calls * VIDEOS_COST


@dataclass
class Report:
    """What a refresh did, for the command to print."""

    plan: Plan
    searched: list[str] = field(default_factory=list)
    verified: int = 0
    dead: list[tuple[str, str, str]] = field(default_factory=list)
    promoted: int = 0
    deferred: list[str] = field(default_factory=list)
    unverified: int = 0
    stopped: str | None = None
    empty: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str, str]] = field(default_factory=list)
    """(query, video id, why) for items the API returned that could not be read: a
    candidate is skipped, a stored video is kept as it was until a later check."""

    @property
    def complete(self) -> bool:
        """True when nothing was left for a later run."""
        return not (self.deferred or self.unverified or self.stopped)


def _rules(want: Want, today: dt.date) -> ranking.Rules:
    return ranking.Rules(
        today=today,
        window_start=want.window_start(today),
        min_seconds=want.settings.min_minutes * 60,
        region=want.settings.region,
    )


def _age(day: dt.date, today: dt.date) -> int:
    return (today - day).days


class _Shelf:
    """The lock's entries while a refresh changes them."""

    def __init__(self, wants: Mapping[str, Want], lock: Lock, today: dt.date) -> None:
        self.wants = wants
        self.today = today
        self.entries: dict[str, Entry] = dict(lock.queries)

    def lock(self) -> Lock:
        return Lock(queries=dict(sorted(self.entries.items())))

    def urgent_keys(self) -> list[str]:
        return sorted(self.wants, key=lambda key: (self.wants[key].urgency(self.today), key))

    def replace(
        self, key: str, removed: Mapping[str, str], fresh: Mapping[str, StoredVideo]
    ) -> int:
        """Apply verification to one entry: drop ``removed`` ids, refresh others, refill.

        Returns how many spares were promoted. An entry left with fewer
        videos than it shows, after losing one, is marked for a new search.
        """
        entry = self.entries[key]
        want = self.wants[key]
        lost_shown = any(video.id in removed for video in entry.videos)
        videos = [fresh.get(v.id, v) for v in entry.videos if v.id not in removed]
        spares = [fresh.get(v.id, v) for v in entry.spares if v.id not in removed]
        promoted = 0
        while len(videos) < want.shown and spares:
            videos.append(spares.pop(0))
            promoted += 1
        if len(videos) > want.shown:  # the roadmap now shows fewer: extras become spares
            spares = videos[want.shown :] + spares
            videos = videos[: want.shown]
        searched = entry.searched
        if lost_shown and len(videos) < want.shown:
            searched = None
        self.entries[key] = Entry(
            searched=searched, videos=tuple(videos), spares=tuple(spares[: want.spares])
        )
        return promoted

    def need_search(self, key: str, research: bool) -> Reason | None:
        entry = self.entries.get(key)
        if entry is None or (entry.searched is None and not entry.videos):
            return "missing"
        if entry.searched is None:
            return "dead"
        if (
            len(entry.videos) < self.wants[key].shown
            and _age(entry.searched, self.today) > STALE_DAYS
        ):
            return "thin"
        return "research" if research else None

    def stale_ids(self, skip: Iterable[str] = ()) -> list[str]:
        """Ids verified more than STALE_DAYS ago, most urgent query first, each once."""
        skipped = set(skip)
        ids: dict[str, None] = {}  # an ordered set: one video may serve several queries
        for key in self.urgent_keys():
            if key in skipped or key not in self.entries:
                continue
            for video in self.entries[key].all():
                if _age(video.verified, self.today) > STALE_DAYS:
                    ids.setdefault(video.id)
        return list(ids)


def plan(wants: Mapping[str, Want], lock: Lock, today: dt.date, *, research: bool = False) -> Plan:
    """The plan of a refresh, computed without any request (what ``--dry-run`` shows)."""
    return _prepare(wants, lock, today, research)[1]


def _prepare(
    wants: Mapping[str, Want], lock: Lock, today: dt.date, research: bool
) -> tuple[_Shelf, Plan]:
    shelf = _Shelf(wants, lock, today)
    result = Plan()
    for key in sorted(shelf.entries):
        if key not in wants:
            del shelf.entries[key]
            result.dropped.append(key)
    for key in sorted(shelf.entries):
        start = wants[key].window_start(today)
        expired = {v.id: "left the window" for v in shelf.entries[key].all() if v.published < start}
        result.expired += [(key, ident) for ident in expired]
        result.promoted += shelf.replace(key, expired, {})
    searches = [
        Search(key, why) for key in shelf.urgent_keys() if (why := shelf.need_search(key, research))
    ]
    result.searches = sorted(searches, key=lambda search: _ORDER[search.reason])
    result.stale = shelf.stale_ids(skip=[search.key for search in result.searches])
    return shelf, result


def refresh(
    wants: Mapping[str, Want],
    lock: Lock,
    api: Api,
    *,
    today: dt.date,
    save: Callable[[Lock], object],
    research: bool = False,
) -> Report:
    """Bring ``lock`` up to date for ``wants``, spending at most ``api.meter``'s budget.

    ``save`` is called with the lock after every completed step and at the
    end. Errors other than a stop (budget, daily quota, an API that stalls)
    propagate; by then every completed step has been saved, and if none
    completed the lock file was not touched.
    """
    shelf, planned = _prepare(wants, lock, today, research)
    run = _Run(shelf, api, Report(plan=planned, promoted=planned.promoted), save)
    try:
        for search in planned.searches:
            run.search(search)
        run.verify_stale()
        for key in shelf.urgent_keys():  # queries that verification left without videos
            why = shelf.need_search(key, research=False)
            if why in ("missing", "dead") and key not in run.attempted:
                run.search(Search(key, why))
    except (QuotaExceeded, OverBudget, Stalled) as stop:
        run.report.stopped = str(stop)
    report = run.report
    report.deferred = [
        key
        for key in shelf.urgent_keys()
        if shelf.need_search(key, research) and key not in report.searched
    ]
    report.unverified = len(shelf.stale_ids())
    report.empty = [key for key, entry in shelf.entries.items() if not entry.videos]
    save(shelf.lock())
    return report


class _Run:
    """The spending half of a refresh: each step checks the budget, runs, then saves."""

    def __init__(self, shelf: _Shelf, api: Api, report: Report, save: Callable[[Lock], object]):
        self.shelf = shelf
        self.api = api
        self.report = report
        self.save = save
        self.attempted: set[str] = set()

    def search(self, search: Search) -> None:
        key = search.key
        self.attempted.add(key)
        if not self.api.meter.affords(SEARCH_COST + VIDEOS_COST):
            return  # deferred: a cheaper step may still fit
        shelf = self.shelf
        want = shelf.wants[key]
        rules = _rules(want, shelf.today)
        old = shelf.entries.get(key)
        # Videos still shown stay first (pages stay stable) and are re-verified with the
        # candidates in the same call, unless the point is a fresh ranking.
        keep = [] if old is None or search.reason == "research" else [v.id for v in old.videos]
        found = self.api.search(
            SearchParams(
                q=want.words,
                published_after=f"{rules.window_start.isoformat()}T00:00:00Z",
                language=want.settings.language,
                region=want.settings.region,
                safe_search=want.settings.safe_search,
                max_results=MAX_IDS - len(keep),
            )
        )
        order = keep + [ident for ident in found if ident not in keep]
        answer = self.api.videos(order) if order else Videos([], {})
        infos = {video.id: video for video in answer.found}
        self.report.unreadable += [(key, ident, why) for ident, why in answer.unreadable.items()]
        # an unreadable video already shown stays, as it was: only its data is in doubt
        kept = {v.id: v for v in (old.videos if old else ()) if v.id in answer.unreadable}
        ranked, refused = ranking.rank([i for i in order if i not in kept], infos, rules)
        ranked = [*kept.values(), *ranked]
        self.report.dead += [(key, ident, refused[ident]) for ident in keep if ident in refused]
        shelf.entries[key] = Entry(
            searched=shelf.today,
            videos=tuple(ranked[: want.shown]),
            spares=tuple(ranked[want.shown : want.shown + want.spares]),
        )
        self.report.searched.append(key)
        self.save(shelf.lock())

    def verify_stale(self) -> None:
        shelf = self.shelf
        stale = shelf.stale_ids()
        for start in range(0, len(stale), MAX_IDS):
            if not self.api.meter.affords(VIDEOS_COST):
                return
            batch = stale[start : start + MAX_IDS]
            answer = self.api.videos(batch)
            infos = {video.id: video for video in answer.found}
            # an item that could not be read is neither dead nor refreshed: asked again later
            asked = set(batch) - set(answer.unreadable)
            self.report.unreadable += [("", ident, why) for ident, why in answer.unreadable.items()]
            for key in sorted(shelf.entries):
                entry = shelf.entries[key]
                if not any(video.id in asked for video in entry.all()):
                    continue
                removed, fresh = self._judge(key, entry, asked, infos)
                self.report.dead += [(key, ident, why) for ident, why in removed.items()]
                self.report.promoted += shelf.replace(key, removed, fresh)
            self.report.verified += len(batch)
            self.save(shelf.lock())

    def _judge(
        self, key: str, entry: Entry, asked: set[str], infos: Mapping[str, VideoInfo]
    ) -> tuple[dict[str, str], dict[str, StoredVideo]]:
        rules = _rules(self.shelf.wants[key], self.shelf.today)
        removed: dict[str, str] = {}
        fresh: dict[str, StoredVideo] = {}
        for video in entry.all():
            if video.id not in asked:
                continue
            info = infos.get(video.id)
            why = "gone (deleted or private)" if info is None else ranking.refusal(info, rules)
            if why is not None:
                removed[video.id] = why
            elif info is not None:
                fresh[video.id] = ranking.stored(info, rules.today)
        return removed, fresh
