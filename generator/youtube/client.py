"""The YouTube Data API v3, through google-api-python-client, made safe to run unattended.

Three concerns wrap the library's calls, because the library leaves them to
the caller:

- **Quota.** Every request is charged to a ``Meter`` *before* it is sent, at
  the documented cost (search.list 100 units, videos.list 1), so ``--budget``
  is a hard ceiling on what a run can spend, retries included.
- **Faults.** 5xx, 429 and ``rateLimitExceeded`` are retried with bounded
  exponential backoff (the sleep is injectable, so tests do not wait).
  ``quotaExceeded`` becomes ``QuotaExceeded`` (the refresh stops and saves),
  key problems ``KeyRejected`` (exit 2), unreachable hosts ``NetworkFailure``.
  The library's own retries are switched off so there is one policy.
- **The key.** It travels in every request URL, and the library puts that
  URL into exception texts and debug logs. Messages are therefore built
  from the response body, never from the exception text, and scrubbed; a
  logging filter scrubs the library's log records too.

The endpoint and the HTTP transport are parameters: tests and the benchmark
point the real client at a fake server on 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
import re
import time
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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
    """Bounded exponential backoff: ``attempts`` tries, waiting 1 s, 2 s, 4 s … up to ``cap``."""

    attempts: int = 5
    first: float = 1.0
    cap: float = 30.0

    def delay(self, retry: int) -> float:
        return float(min(self.cap, self.first * 2**retry))


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
    ) -> None:
        """Build the library client; ``endpoint`` is the API's root URL (default: Google's)."""
        _guard_logs(key)
        self._key = key
        self.meter = meter or Meter()
        self._backoff = backoff
        self._sleep = sleep or time.sleep  # looked up now, so tests can replace time.sleep
        options: dict[str, Any] = {}
        if endpoint:
            # Requests go to {endpoint}/youtube/v3/...: the library joins the method path
            # onto this base, which needs a trailing slash to keep any path it has.
            options["api_endpoint"] = endpoint.rstrip("/") + "/"
        self._service = build(
            "youtube",
            "v3",
            developerKey=key,
            http=http or httplib2.Http(timeout=int(timeout)),
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

    def videos(self, ids: Sequence[str]) -> list[VideoInfo]:
        """What the API says about ``ids`` (videos.list, 1 unit per call of up to 50 ids).

        Ids it does not return (deleted, private, never existed) are missing
        from the result.
        """
        found: list[VideoInfo] = []
        for start in range(0, len(ids), MAX_IDS):
            batch = list(ids[start : start + MAX_IDS])
            request = self._service.videos().list(
                part="snippet,contentDetails,status", id=",".join(batch), maxResults=MAX_IDS
            )
            found += responses.videos(self._execute("videos.list", VIDEOS_COST, request))
        return found

    def _execute(self, method: str, cost: int, request: Any) -> Mapping[str, Any]:
        for attempt in range(self._backoff.attempts):
            self.meter.charge(method, cost)
            try:
                result: Mapping[str, Any] = request.execute(num_retries=0)
                return result
            except HttpError as error:
                problem = _Problem.of(error, self._key)
            except (httplib2.HttpLib2Error, OSError) as error:
                raise NetworkFailure(
                    f"cannot reach the YouTube Data API ({method}): "
                    f"{scrub(str(error) or type(error).__name__, [self._key])}"
                ) from None
            if not problem.retryable or attempt + 1 == self._backoff.attempts:
                raise problem.exception(method, attempts=attempt + 1)
            self._sleep(self._backoff.delay(attempt))
        raise AssertionError("unreachable: the loop returns or raises")


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
