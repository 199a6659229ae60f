"""``handbook refresh``: read the environment, run the refresh, report, pick the exit code.

Exit codes: 0 everything resolved; 3 stopped early (budget, daily quota, or
an API that kept the refresh waiting three minutes in all) with the progress
saved; 2 bad usage (a malformed ``YOUTUBE_API_ENDPOINT``, a lock folder that
cannot be written), invalid content or lock, or a rejected key (the lock
untouched); 1 anything else, such as the network being down or another
refresh holding the lock.

Everything that can be checked without the API is checked before the first
request, so no quota unit is spent on a run that could not save its result.
One refresh at a time may write the lock (an OS file lock beside it); a
second one waits a little, then stops with a message, and the one that waits
reads the lock only once it holds it, so it builds on the other's work instead
of overwriting it or paying for the same searches again.
The key is read from ``YOUTUBE_API_KEY`` and handed only to the client; it
is never printed.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import sys
import tempfile
import urllib.parse
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from generator import loader
from generator.errors import HandbookError, UsageError
from generator.youtube import lock, query, refresh
from generator.youtube.errors import KeyRejected
from generator.youtube.quota import DEFAULT_BUDGET, Meter

WAIT_FOR_LOCK = 10.0
"""Seconds a refresh waits for another one to finish before it stops."""


class Busy(HandbookError):
    """Another refresh holds the lock file (exit 1: try again when it has finished)."""


if TYPE_CHECKING:
    import httplib2

    from generator.youtube.client import Patience

"""Units a refresh may spend by default: 90 % of the 10,000-unit daily quota."""

EXIT_PARTIAL = 3


def run(
    content: Path,
    *,
    budget: int = DEFAULT_BUDGET,
    today: dt.date | None = None,
    dry_run: bool = False,
    research: bool = False,
    environ: Mapping[str, str] = os.environ,
    http: httplib2.Http | None = None,
    sleep: Callable[[float], None] | None = None,
    out: TextIO | None = None,
    wait: float = WAIT_FOR_LOCK,
    on_busy: Callable[[], None] | None = None,
    deadline: float = 120.0,
    patience: Patience | None = None,
) -> int:
    """Refresh the lock of ``content``; returns the exit code (errors raise HandbookError).

    ``wait`` is how long to wait for another refresh's lock; ``on_busy`` is called once
    when the lock is held by another (tests use it to act while this one waits).
    ``deadline`` bounds each whole request, ``patience`` (default: ``client.PATIENCE``
    seconds of the monotonic clock) the waiting on failed ones in all.
    """
    stream = out or sys.stdout
    if budget < 0:
        raise UsageError(f"--budget must not be negative, got {budget}")
    day = today or dt.date.today()
    wants = query.wanted(loader.load_all(content))
    path = lock.path_in(content)

    if dry_run:
        current = lock.read(path)
        _print_plan(refresh.plan(wants, current, day, research=research), budget, stream)
        return 0

    key = environ.get("YOUTUBE_API_KEY", "").strip()
    if not key:
        raise KeyRejected(
            "YOUTUBE_API_KEY is not set; set it to a YouTube Data API v3 key "
            "(or use --dry-run to see the plan)"
        )
    endpoint = check_endpoint(environ.get("YOUTUBE_API_ENDPOINT") or None)
    check_writable(path)
    # Imported here so that rendering and --dry-run never load the API client library.
    from generator.youtube.client import Client

    with lock.writer(path, wait=wait, on_busy=on_busy) as held:
        if not held:
            raise Busy(
                f"another handbook refresh is writing {loader.display_path(path)}; "
                f"waited {wait:g} s. Run it again when that one has finished."
            )
        current = lock.read(path)  # read under the lock: another refresh may just have saved
        api = Client(
            key,
            endpoint=endpoint,
            http=http,
            meter=Meter(budget=budget),
            sleep=sleep,
            deadline=deadline,
            patience=patience,
        )
        written: list[bool] = []
        report = refresh.refresh(
            wants,
            current,
            api,
            today=day,
            research=research,
            save=lambda new: written.append(lock.save(path, new)),
        )
    _print_report(report, api.meter, len(wants), stream)
    print(f"{'Wrote' if any(written) else 'Unchanged:'} {loader.display_path(path)}", file=stream)
    return 0 if report.complete else EXIT_PARTIAL


def check_endpoint(endpoint: str | None) -> str | None:
    """``YOUTUBE_API_ENDPOINT`` if it is an http(s) URL the client can use; else exit 2."""
    if endpoint is None:
        return None
    shown = endpoint if len(endpoint) <= 80 else endpoint[:77] + "..."

    def refuse(why: str) -> UsageError:
        return UsageError(f"YOUTUBE_API_ENDPOINT {shown!r} {why}")

    if any(char.isspace() or ord(char) < 32 for char in endpoint):
        raise refuse("contains spaces or control characters")
    try:
        parts = urllib.parse.urlsplit(endpoint)
        port = parts.port  # raises for a port that is not a number in 0-65535
        host = parts.hostname
    except ValueError as error:
        raise refuse(f"is not a valid URL ({error})") from None
    if parts.scheme not in ("http", "https"):
        raise refuse("must start with https:// (or http:// for a local server)")
    if not host:
        raise refuse("has no host name")
    if port == 0:
        raise refuse("has port 0")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise refuse("must be a plain root URL, without a query, fragment or user")
    if "[" in parts.netloc:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise refuse("has an invalid IPv6 address") from None
    return endpoint


def check_writable(path: Path) -> None:
    """The lock's folder must take a new file (the lock is saved by writing one and renaming
    it), and an existing lock must be writable: checked before any unit is spent."""
    folder = path.parent
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".probe"):
            pass
    except OSError as error:
        raise UsageError(
            f"cannot write the lock file in {loader.display_path(folder)}: {error.strerror}"
        ) from None
    if path.exists() and not os.access(path, os.W_OK):
        raise UsageError(f"{loader.display_path(path)} is not writable")


def _keys(keys: list[str], limit: int = 10) -> str:
    shown = ", ".join(repr(key) for key in keys[:limit])
    return shown + (f" and {len(keys) - limit} more" if len(keys) > limit else "")


def _print_plan(plan: refresh.Plan, budget: int, out: TextIO) -> None:
    print("Dry run: no request is made and the lock file is not written.", file=out)
    if plan.dropped:
        print(
            f"Drop {len(plan.dropped)} queries no longer in content: {_keys(plan.dropped)}",
            file=out,
        )
    if plan.expired:
        print(f"Drop {len(plan.expired)} videos that left the recency window.", file=out)
    if plan.promoted:
        print(f"Promote {plan.promoted} spare videos into their place.", file=out)
    for reason in ("missing", "dead", "thin", "research"):
        keys = [s.key for s in plan.searches if s.reason == reason]
        if keys:
            print(f"Search {len(keys)} {_REASONS[reason]}: {_keys(keys)}", file=out)
    if plan.stale:
        print(f"Re-verify {len(plan.stale)} videos last verified over 30 days ago.", file=out)
    fits = "fits" if plan.units <= budget else "exceeds"
    print(
        f"Units needed: {plan.units} ({fits} the budget of {budget}); "
        "videos found dead may add searches.",
        file=out,
    )


_REASONS = {
    "missing": "new or unresolved queries",
    "dead": "queries left short by dead videos",
    "thin": "queries whose last search (over 30 days ago) found too few videos",
    "research": "queries again (--research)",
}


def _print_report(report: refresh.Report, meter: Meter, total: int, out: TextIO) -> None:
    plan = report.plan
    print(
        f"Searched {len(report.searched)} of {total} queries; re-verified {report.verified} videos.",
        file=out,
    )
    if plan.dropped:
        print(f"Dropped {len(plan.dropped)} queries no longer in content.", file=out)
    if plan.expired:
        print(f"Dropped {len(plan.expired)} videos that left the recency window.", file=out)
    if report.dead:
        print(f"Dropped {len(report.dead)} dead videos:", file=out)
        for key, ident, why in report.dead[:20]:
            print(f"  {ident} ({key!r}): {why}", file=out)
    if report.promoted:
        print(f"Promoted {report.promoted} spare videos.", file=out)
    if report.unreadable:
        print(f"Skipped {len(report.unreadable)} videos whose data could not be read:", file=out)
        for key, ident, why in report.unreadable[:20]:
            print(f"  {ident}{f' ({key!r})' if key else ''}: {why}", file=out)
    if report.empty:
        print(
            f"{len(report.empty)} queries have no video that passes the rules "
            f"(their pages keep a search link): {_keys(report.empty, 5)}",
            file=out,
        )
    left = f"; {meter.remaining} left of the budget of {meter.budget}" if meter.budget else ""
    print(f"Spent {meter.spent} units ({_calls(meter)}){left}.", file=out)
    if report.stopped:
        print(f"Stopped early: {report.stopped}.", file=out)
    elif not report.complete:
        print(f"Stopped early: the budget of {meter.budget} units is spent.", file=out)
    if not report.complete:
        todo = []
        if report.deferred:
            todo.append(f"{len(report.deferred)} searches ({_keys(report.deferred, 5)})")
        if report.unverified:
            todo.append(f"{report.unverified} re-verifications")
        print(
            f"Left for the next run: {', '.join(todo) or 'nothing'}. "
            "Progress is saved; run handbook refresh again (after the daily quota resets) to resume.",
            file=out,
        )


def _calls(meter: Meter) -> str:
    return (
        ", ".join(f"{count} {method}" for method, count in sorted(meter.calls.items()))
        or "no request"
    )
