"""The YouTube Data API v3, through google-api-python-client, made safe to run unattended.

Three concerns wrap the library's calls, because the library leaves them to
the caller:

- **Quota.** Every request is charged to a ``Meter`` *before* it is sent, at
  the documented cost (search.list 100 units, videos.list 1), so ``--budget``
  is a hard ceiling on what a run can spend, retries included.
- **Faults.** 5xx, 429, ``rateLimitExceeded``, timeouts and dropped
  connections are retried with bounded exponential backoff and jitter (so
  that many clients do not retry in step), waiting at least what a
  ``Retry-After`` header asks; the sleep and the randomness are injectable, so
  tests do not wait. ``quotaExceeded`` becomes ``QuotaExceeded`` (the refresh
  stops and saves), key problems ``KeyRejected`` (exit 2), unreachable hosts
  ``NetworkFailure``. The library's own retries are switched off so there is
  one policy.
- **Time.** Every request has a deadline for the whole answer
  (``DeadlineHttp``): a server that sends one byte every two seconds would
  pass a timeout that only bounds each read, and keep a refresh running for
  ever. And the whole refresh has a ``Patience``: the time spent on attempts
  that failed and on the waits between them adds up, and once it reaches
  ``PATIENCE`` the client raises ``Stalled`` (the refresh stops and saves),
  instead of five two-minute deadlines holding one request for ten minutes.
- **The key.** It is sent in the ``X-Goog-Api-Key`` header, never in a URL, so
  it cannot appear in the URLs the library logs and puts into exception
  texts. Messages are built from the response body anyway, never from the
  exception text, and scrubbed; a logging filter scrubs the library's log
  records too.

The endpoint and the HTTP transport are parameters: tests and the benchmark
point the real client at a fake server on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import json
import logging
import random
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httplib2
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from generator.youtube import responses
from generator.youtube.errors import (
    ApiFailure,
    KeyRejected,
    NetworkFailure,
    QuotaExceeded,
    Stalled,
)
from generator.youtube.quota import MAX_IDS, SEARCH_COST, VIDEOS_COST, Meter, SearchParams
from generator.youtube.responses import VideoInfo

_KEY_IN_URL = re.compile(r"(?i)([?&;]key=)[^&#\s'\"]*")
_KEY_REASONS = {"keyInvalid", "keyExpired", "API_KEY_INVALID", "API_KEY_EXPIRED"}
_ACCESS_REASONS = {"accessNotConfigured", "SERVICE_DISABLED", "ipRefererBlocked", "forbidden"}
_RETRY_REASONS = {"rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"}
_QUOTA_REASONS = {"quotaExceeded", "dailyLimitExceeded"}


def scrub(text: str, secrets: Sequence[str] = ()) -> str:
    """``text`` with each secret (plain or URL-encoded) and any ``key=`` URL parameter masked."""
    for secret in secrets:
        if secret:
            for form in {
                secret,
                urllib.parse.quote(secret, safe=""),
                urllib.parse.quote_plus(secret),
            }:
                text = text.replace(form, "***")
    return _KEY_IN_URL.sub(r"\1***", text)


class _ScrubLogs(logging.Filter):
    """Masks API keys in log records of google-api-python-client (it logs request URLs)."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage(), sorted(self.secrets))
        record.args = None
        return True


_LOG_FILTER = _ScrubLogs()
_LIBRARY_LOGGERS = (
    "googleapiclient",
    "googleapiclient.discovery",
    "googleapiclient.discovery_cache",
    "googleapiclient.http",
    "googleapiclient.model",
)


def _guard_logs(key: str) -> None:
    # Logger filters do not apply to child loggers, so each module logger gets one.
    _LOG_FILTER.secrets.add(key)
    for name in _LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if _LOG_FILTER not in logger.filters:
            logger.addFilter(_LOG_FILTER)
    # The library warns about every 403 it sees; the refresh reports those in its own words.
    logging.getLogger("googleapiclient.http").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Backoff:
    """Bounded exponential backoff with jitter: ``attempts`` tries; before retry ``n`` a wait
    of between half and all of ``first * 2**n`` seconds (at most ``cap``), or longer when the
    server asks for it (``Retry-After``, up to ``longest``; a longer ask is not retried)."""

    attempts: int = 5
    first: float = 1.0
    cap: float = 30.0
    longest: float = 120.0
    random: Callable[[], float] = field(default=random.random, compare=False)

    def delay(self, retry: int, asked: float | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (0-based)."""
        base = float(min(self.cap, self.first * 2**retry))
        wait = base * (0.5 + 0.5 * self.random())
        return max(wait, asked) if asked is not None else wait


PATIENCE = 180.0
"""Seconds a whole refresh may spend waiting on a stalling API (failed attempts and the
waits between them, all requests together) before it stops early and saves its progress."""


@dataclass
class Patience:
    """How much waiting on failed attempts a refresh has left (``PATIENCE`` in all).

    Time is read from ``clock`` (injectable, so tests need not wait); attempts that
    brought an answer, slow or not, cost nothing.
    """

    seconds: float = PATIENCE
    clock: Callable[[], float] = field(default=time.monotonic, compare=False)
    spent: float = 0.0

    def left(self) -> float:
        return self.seconds - self.spent

    def spend_since(self, started: float) -> None:
        """Count the time from ``started`` (a reading of ``clock``) to now."""
        self.spent += self.clock() - started


class RequestDeadline(TimeoutError):
    """A request did not complete within its deadline."""


class DeadlineHttp(httplib2.Http):
    """``httplib2.Http`` with a deadline for each whole request, not only for each read.

    The request runs on a helper thread; when the deadline passes, its connections are
    closed, which ends the thread's blocked read, and ``RequestDeadline`` is raised.
    """

    def __init__(self, *, timeout: float, deadline: float) -> None:
        super().__init__(timeout=int(timeout))
        self.deadline = deadline

    def request(self, *args: Any, **kwargs: Any) -> Any:
        outcome: dict[str, Any] = {}

        def attempt() -> None:
            try:
                outcome["answer"] = httplib2.Http.request(self, *args, **kwargs)
            except BaseException as error:  # handed over to the calling thread below
                outcome["error"] = error

        worker = threading.Thread(target=attempt, name="youtube-request", daemon=True)
        worker.start()
        worker.join(self.deadline)
        if worker.is_alive():
            for connection in list(self.connections.values()):
                sock = getattr(connection, "sock", None)
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)  # wakes the helper's blocked read
                connection.close()
            self.connections.clear()
            worker.join(1)
            raise RequestDeadline(f"no complete answer within {self.deadline:g} s")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["answer"]


_RETRYABLE_NETWORK = (
    socket.timeout,
    TimeoutError,
    ConnectionResetError,
    ConnectionAbortedError,
    BrokenPipeError,
    http.client.RemoteDisconnected,
    http.client.IncompleteRead,
)
"""Network failures worth another try: the request may well work a moment later."""


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date), if any."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Client:
    """The two Data API calls a refresh makes, metered, retried and scrubbed."""

    def __init__(
        self,
        key: str,
        *,
        endpoint: str | None = None,
        http: httplib2.Http | None = None,
        meter: Meter | None = None,
        backoff: Backoff = Backoff(),
        sleep: Callable[[float], None] | None = None,
        timeout: float = 30.0,
        deadline: float = 120.0,
        patience: Patience | None = None,
    ) -> None:
        """Build the library client; ``endpoint`` is the API's root URL (default: Google's).

        ``timeout`` bounds each network read, ``deadline`` each whole request (and
        never more than the ``patience`` left).
        """
        _guard_logs(key)
        self._key = key
        self.meter = meter or Meter()
        self._backoff = backoff
        self._sleep = sleep or time.sleep  # looked up now, so tests can replace time.sleep
        self._patience = patience or Patience()
        self._deadline = deadline
        self._http = http or DeadlineHttp(timeout=timeout, deadline=deadline)
        options: dict[str, Any] = {}
        if endpoint:
            # Requests go to {endpoint}/youtube/v3/...: the library joins the method path
            # onto this base, which needs a trailing slash to keep any path it has.
            options["api_endpoint"] = endpoint.rstrip("/") + "/"
        self._service = build(
            "youtube",
            "v3",
            http=self._http,
            static_discovery=True,  # the discovery document ships with the library: no request
            cache_discovery=False,
            client_options=options or None,
        )

    def search(self, params: SearchParams) -> list[str]:
        """Video ids matching ``params``, best first (search.list, 100 units)."""
        request = self._service.search().list(
            part="snippet",
            type="video",
            q=params.q,
            publishedAfter=params.published_after,
            relevanceLanguage=params.language,
            safeSearch=params.safe_search,
            maxResults=min(params.max_results, MAX_IDS),
            regionCode=params.region,  # None-valued parameters are left out of the request
        )
        return responses.search_ids(self._execute("search.list", SEARCH_COST, request))

    def videos(self, ids: Sequence[str]) -> responses.Videos:
        """What the API says about ``ids`` (videos.list, 1 unit per call of up to 50 ids).

        Ids it does not return (deleted, private, never existed) are missing
        from the result; items it returns that cannot be read are reported apart.
        """
        found: list[VideoInfo] = []
        unreadable: dict[str, str] = {}
        for start in range(0, len(ids), MAX_IDS):
            batch = list(ids[start : start + MAX_IDS])
            request = self._service.videos().list(
                part="snippet,contentDetails,status", id=",".join(batch), maxResults=MAX_IDS
            )
            answer = responses.videos(self._execute("videos.list", VIDEOS_COST, request))
            found += answer.found
            unreadable.update(answer.unreadable)
        return responses.Videos(found, unreadable)

    def _execute(self, method: str, cost: int, request: Any) -> Mapping[str, Any]:
        request.headers["x-goog-api-key"] = self._key  # never in the URL
        patience = self._patience
        last = self._backoff.attempts - 1
        for attempt in range(self._backoff.attempts):
            if patience.left() <= 0:
                raise self._stalled(method)
            if isinstance(self._http, DeadlineHttp):  # no attempt outlasts the patience left
                self._http.deadline = min(self._deadline, patience.left())
            self.meter.charge(method, cost)
            started = patience.clock()
            try:
                result: Mapping[str, Any] = request.execute(num_retries=0)
                return result
            except HttpError as error:
                problem = _Problem.of(error, self._key)
                asked = retry_after(error.resp)
                if asked is not None and asked > self._backoff.longest:
                    raise ApiFailure(
                        f"{method}: the API asks to retry after {asked:.0f} s; try again later"
                    ) from None
                if not problem.retryable:
                    raise problem.exception(method, attempts=attempt + 1) from None
                failure: Exception = problem.exception(method, attempts=attempt + 1)
            except _RETRYABLE_NETWORK as error:
                failure = NetworkFailure(self._network(method, error, attempt + 1))
                asked = None
            except (httplib2.HttpLib2Error, OSError) as error:
                raise NetworkFailure(self._network(method, error, attempt + 1)) from None
            patience.spend_since(started)
            if patience.left() <= 0:
                raise self._stalled(method)
            if attempt == last:
                raise failure
            delay = self._backoff.delay(attempt, asked)
            if delay >= patience.left():
                raise self._stalled(method)
            started = patience.clock()
            self._sleep(delay)
            patience.spend_since(started)
        raise AssertionError("unreachable: the loop returns or raises")

    def _stalled(self, method: str) -> Stalled:
        return Stalled(
            f"the YouTube Data API has kept this refresh waiting {self._patience.seconds:g} s "
            f"on failed requests ({method} the last); try again later"
        )

    def _network(self, method: str, error: BaseException, attempts: int) -> str:
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        said = scrub(str(error) or type(error).__name__, [self._key])
        return f"cannot reach the YouTube Data API ({method}){tries}: {said}"


@dataclass(frozen=True)
class _Problem:
    """An API error response, read from its body (never from the exception text)."""

    status: int
    reasons: frozenset[str]
    message: str

    @classmethod
    def of(cls, error: HttpError, key: str) -> _Problem:
        reasons: set[str] = set()
        message = ""
        try:
            body = json.loads(error.content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            body = None
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            detail = body["error"]
            message = str(detail.get("message", ""))
            for item in detail.get("errors", []) or []:
                if isinstance(item, dict) and "reason" in item:
                    reasons.add(str(item["reason"]))
            for item in detail.get("details", []) or []:
                if isinstance(item, dict) and "reason" in item:
                    reasons.add(str(item["reason"]))
            if "status" in detail:
                reasons.add(str(detail["status"]))
        message = re.sub(r"<[^>]+>", "", message)  # quota messages carry an HTML link
        return cls(int(error.resp.status), frozenset(reasons), scrub(message.strip(), [key]))

    @property
    def retryable(self) -> bool:
        if self.reasons & _QUOTA_REASONS:
            return False
        return self.status >= 500 or self.status == 429 or bool(self.reasons & _RETRY_REASONS)

    def exception(self, method: str, *, attempts: int) -> Exception:
        said = f": {self.message}" if self.message else ""
        if self.reasons & _QUOTA_REASONS:
            return QuotaExceeded(f"daily quota exceeded ({method}){said}")
        if self.reasons & _KEY_REASONS:
            return KeyRejected(f"YOUTUBE_API_KEY was rejected by the YouTube Data API{said}")
        transient = self.status >= 500 or self.status == 429 or self.reasons & _RETRY_REASONS
        if not transient and (self.reasons & _ACCESS_REASONS or self.status in (401, 403)):
            return KeyRejected(
                f"YOUTUBE_API_KEY may not use the YouTube Data API v3 (HTTP {self.status}){said}"
            )
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        reasons = f" [{', '.join(sorted(self.reasons))}]" if self.reasons else ""
        return ApiFailure(f"{method} failed with HTTP {self.status}{reasons}{tries}{said}")
