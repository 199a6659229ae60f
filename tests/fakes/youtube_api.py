"""A fake YouTube Data API v3 on 127.0.0.1, for tests and the quota benchmark.

The real client (google-api-python-client over httplib2) talks to it over
HTTP exactly as it would talk to Google: point ``YOUTUBE_API_ENDPOINT`` at
``fake.url``. Like Google, it takes the key from the ``X-Goog-Api-Key`` header
(or a ``key`` parameter, which the client must never send). It answers ``GET /youtube/v3/search`` and ``/youtube/v3/videos``
with bodies shaped like the real ones — including search.list's
HTML-escaped titles, videos.list silently leaving out deleted and private
ids, and the real error bodies for ``quotaExceeded``, ``rateLimitExceeded``,
an invalid key and 503 — and it keeps its own quota count.

Videos come from two places: ones a test adds with ``add`` (and ranks for a
query with ``rank``), and, for any other query, a deterministic catalogue
generated from the query's words (``generate=True``), so the benchmark can
resolve the real content without any real data. Generated catalogues mix in
what the ranking must refuse: a live broadcast, a short, a two-minute clip.

It never prints: request lines carry the API key, so they are only
recorded in ``requests`` for assertions.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

COSTS = {"search": 100, "videos": 1}

_QUOTA_MESSAGE = (
    "The request cannot be completed because you have exceeded your "
    '<a href="/youtube/v3/getting-started#quota">quota</a>.'
)


def error_body(status: int, reason: str) -> dict[str, Any]:
    """The error body the real API sends for ``reason`` (as documented and observed)."""
    if reason == "quotaExceeded":
        return _error(403, _QUOTA_MESSAGE, "youtube.quota", reason)
    if reason == "rateLimitExceeded":
        return _error(status, "Rate Limit Exceeded", "usageLimits", reason)
    if reason == "keyInvalid":
        body = _error(
            400,
            "API key not valid. Please pass a valid API key.",
            "global",
            "badRequest",
            "INVALID_ARGUMENT",
        )
        body["error"]["details"] = [
            {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "API_KEY_INVALID",
                "domain": "googleapis.com",
                "metadata": {"service": "youtube.googleapis.com"},
            }
        ]
        return body
    if reason == "accessNotConfigured":
        message = "YouTube Data API v3 has not been used in project 123 before or it is disabled."
        return _error(403, message, "usageLimits", reason, "PERMISSION_DENIED")
    if reason == "backendError":
        message = "The service is currently unavailable."
        return _error(status, message, "global", reason, "UNAVAILABLE")
    return _error(status, reason, "global", reason)


def _error(
    code: int, message: str, domain: str, reason: str, status: str | None = None
) -> dict[str, Any]:
    error: dict[str, Any] = {
        "code": code,
        "message": message,
        "errors": [{"message": message, "domain": domain, "reason": reason}],
    }
    if status:
        error["status"] = status
    return {"error": error}


def _html_escape(text: str) -> str:
    # search.list escapes titles the way YouTube's web templates do.
    for raw, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("'", "&#39;"),
    ):
        text = text.replace(raw, entity)
    return text


def make_id(seed: str) -> str:
    """A stable, valid-looking 11-character video id derived from ``seed``."""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:11]


def _iso_duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{secs}S" if secs or text == "PT" else "")


@dataclass
class FakeVideo:
    """One video of the fake catalogue."""

    id: str
    title: str
    published: dt.datetime
    seconds: int = 900
    channel: str = "Fake Channel"
    privacy: Literal["public", "unlisted", "private"] = "public"
    live: Literal["none", "live", "upcoming"] = "none"
    description: str = ""
    deleted: bool = False
    age_restricted: bool = False
    blocked: tuple[str, ...] = ()
    duration: str | None = None
    """The ISO 8601 text videos.list sends; by default written from ``seconds``."""

    def search_item(self) -> dict[str, Any]:
        snippet = self._snippet(escaped=True)
        snippet["publishTime"] = snippet["publishedAt"]
        return {
            "kind": "youtube#searchResult",
            "etag": make_id("etag" + self.id),
            "id": {"kind": "youtube#video", "videoId": self.id},
            "snippet": snippet,
        }

    def video_item(self, *, escaped: bool = False) -> dict[str, Any]:
        details: dict[str, Any] = {
            "duration": self.duration or _iso_duration(self.seconds),
            "dimension": "2d",
            "definition": "hd",
            "caption": "false",
            "licensedContent": True,
            "contentRating": {"ytRating": "ytAgeRestricted"} if self.age_restricted else {},
            "projection": "rectangular",
        }
        if self.blocked:
            details["regionRestriction"] = {"blocked": list(self.blocked)}
        return {
            "kind": "youtube#video",
            "etag": make_id("etag" + self.id),
            "id": self.id,
            "snippet": {**self._snippet(escaped=escaped), "categoryId": "27"},
            "contentDetails": details,
            "status": {
                "uploadStatus": "uploaded" if self.live != "none" else "processed",
                "privacyStatus": self.privacy,
                "license": "youtube",
                "embeddable": True,
                "publicStatsViewable": True,
                "madeForKids": False,
            },
        }

    def _snippet(self, *, escaped: bool) -> dict[str, Any]:
        text = _html_escape if escaped else str
        image = f"https://i.ytimg.com/vi/{self.id}"
        return {
            "publishedAt": self.published.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "channelId": "UC" + make_id("channel" + self.channel) * 2,
            "title": text(self.title),
            "description": text(self.description),
            "thumbnails": {
                "default": {"url": f"{image}/default.jpg", "width": 120, "height": 90},
                "medium": {"url": f"{image}/mqdefault.jpg", "width": 320, "height": 180},
                "high": {"url": f"{image}/hqdefault.jpg", "width": 480, "height": 360},
            },
            "channelTitle": text(self.channel),
            "liveBroadcastContent": self.live,
        }


@dataclass(frozen=True)
class Seen:
    """One request the fake received: ``search`` or ``videos``, its query parameters, the
    whole request line's path, and the key it carried in its header."""

    method: str
    params: dict[str, str]
    path: str = ""
    header_key: str | None = None


@dataclass
class _Fault:
    method: str
    status: int
    reason: str
    times: int
    retry_after: str | None = None
    drop: bool = False


@dataclass
class FakeYouTube:
    """The fake API server; use as a context manager or call ``start``/``stop``."""

    keys: tuple[str, ...] = ("test-key",)
    today: dt.date = dt.date(2026, 11, 22)
    generate: bool = True
    per_query: int = 30
    quota: int | None = None
    honour_published_after: bool = True
    escape_video_titles: bool = False
    videos: dict[str, FakeVideo] = field(default_factory=dict)
    ranked: dict[str, list[str]] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)
    units: int = 0
    trickle: float = 0.0
    """Seconds between the bytes of every answer: a server too slow to ever finish."""
    trickle_after: int = 0
    """Requests answered at full speed before answers trickle (see ``stall``)."""
    _faults: list[_Fault] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    stopped: threading.Event = field(default_factory=threading.Event)
    _hold: tuple[str, int] | None = None
    _held: threading.Event = field(default_factory=threading.Event)
    _released: threading.Event = field(default_factory=threading.Event)

    # --- setting the scene -------------------------------------------------

    def add(self, *videos: FakeVideo) -> None:
        """Put videos into the catalogue (replacing ones with the same id)."""
        for video in videos:
            self.videos[video.id] = video

    def rank(self, q: str, ids: list[str]) -> None:
        """Make search.list for ``q`` return ``ids`` in this order."""
        self.ranked[" ".join(q.casefold().split())] = list(ids)

    def fail(
        self, method: str, status: int, reason: str, times: int = 1, retry_after: str | None = None
    ) -> None:
        """Answer the next ``times`` ``method`` requests ('search' or 'videos') with an error,
        with a ``Retry-After`` header when given."""
        self._faults.append(_Fault(method, status, reason, times, retry_after))

    def hold(self, method: str, after: int) -> threading.Event:
        """Keep every ``method`` request after the first ``after`` waiting for ``release``;
        the event returned is set when the first one arrives (a client stopped at a known
        point, for tests that kill it there)."""
        self._hold = (method, after)
        return self._held

    def release(self) -> None:
        """Let held requests (and any later ones) through."""
        self._hold = None
        self._released.set()

    def stall(self, after: int = 0, trickle: float = 0.2) -> None:
        """Answer the first ``after`` requests at once, then every one a byte per ``trickle``
        seconds: an API that answers but never finishes, from a known point of a refresh."""
        self.trickle_after = after
        self.trickle = trickle

    def drop(self, method: str, times: int = 1) -> None:
        """Close the connection of the next ``times`` ``method`` requests without answering."""
        self._faults.append(_Fault(method, 0, "", times, drop=True))

    def kill(self, ids: list[str]) -> None:
        """Delete videos: search may still list them, videos.list leaves them out."""
        for ident in ids:
            self.videos[ident].deleted = True

    def count(self, method: str | None = None) -> int:
        """Requests received so far, of one method or all."""
        return sum(1 for seen in self.requests if method is None or seen.method == method)

    # --- serving -------------------------------------------------------------

    @property
    def url(self) -> str:
        """The root URL to use as YOUTUBE_API_ENDPOINT."""
        if self._server is None:
            raise RuntimeError("the fake server is not running")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeYouTube:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, body, wait = fake.respond(self.path, self.headers.get("X-Goog-Api-Key"))
                if status == 0:  # a dropped connection: no answer at all
                    self.close_connection = True
                    return
                data = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                if wait is not None:
                    self.send_header("Retry-After", wait)
                self.end_headers()
                if not fake.trickle or fake.count() <= fake.trickle_after:
                    self.wfile.write(data)
                    return
                for byte in data:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    if fake.stopped.wait(fake.trickle):
                        return

            def log_message(self, format: str, *args: Any) -> None:
                """Silent: request lines contain the API key."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        self.stopped.set()
        self._released.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeYouTube:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- answering -----------------------------------------------------------

    def answer(self, path: str, header_key: str | None = None) -> tuple[int, dict[str, Any]]:
        """Status and JSON body for one GET request path (with its query string)."""
        status, body, _ = self.respond(path, header_key)
        return status, body

    def respond(
        self, path: str, header_key: str | None = None
    ) -> tuple[int, dict[str, Any], str | None]:
        """Status, JSON body and ``Retry-After`` value (status 0: drop the connection)."""
        method = urlsplit(path).path.rstrip("/").rsplit("/", 1)[-1]
        hold = self._hold
        if hold is not None and hold[0] == method and self.count(method) >= hold[1]:
            with self._lock:  # received (and counted) now, answered once released
                self.requests.append(Seen(method, self._params(path), path, header_key))
            self._held.set()
            self._released.wait(60)
            return self._respond(path, header_key, record=False)
        return self._respond(path, header_key)

    @staticmethod
    def _params(path: str) -> dict[str, str]:
        return {name: values[-1] for name, values in parse_qs(urlsplit(path).query).items()}

    def _respond(
        self, path: str, header_key: str | None, *, record: bool = True
    ) -> tuple[int, dict[str, Any], str | None]:
        parts = urlsplit(path)
        params = {name: values[-1] for name, values in parse_qs(parts.query).items()}
        method = parts.path.rstrip("/").rsplit("/", 1)[-1]
        with self._lock:
            if record:
                self.requests.append(Seen(method, params, path, header_key))
            if not parts.path.startswith("/youtube/v3/") or method not in COSTS:
                return 404, error_body(404, "notFound"), None
            if (header_key or params.get("key")) not in self.keys:
                return 400, error_body(400, "keyInvalid"), None
            for fault in self._faults:
                if fault.method == method and fault.times > 0:
                    fault.times -= 1
                    if fault.drop:
                        return 0, {}, None
                    return fault.status, error_body(fault.status, fault.reason), fault.retry_after
            if self.quota is not None and self.units + COSTS[method] > self.quota:
                return 403, error_body(403, "quotaExceeded"), None
            self.units += COSTS[method]
            if method == "search":
                return (*self._search(params), None)
            return (*self._videos(params), None)

    def _search(self, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if params.get("part") != "snippet" or params.get("type") != "video" or "q" not in params:
            return 400, error_body(400, "invalidSearchFilter")
        limit = int(params.get("maxResults", "5"))
        if not 0 <= limit <= 50:
            return 400, error_body(400, "invalidMaxResults")
        after = params.get("publishedAfter")
        since = dt.datetime.fromisoformat(after.replace("Z", "+00:00")) if after else None
        found = []
        for ident in self._catalogue(params["q"]):
            video = self.videos[ident]
            if video.privacy != "public":
                continue  # search never lists private or unlisted videos
            if since and self.honour_published_after and video.published < since:
                continue
            found.append(video.search_item())
        items = found[:limit]
        return 200, {
            "kind": "youtube#searchListResponse",
            "etag": make_id("search" + params["q"]),
            "nextPageToken": "CDIQAA",
            "regionCode": params.get("regionCode", "US"),
            "pageInfo": {"totalResults": len(found), "resultsPerPage": limit},
            "items": items,
        }

    def _videos(self, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
        ids = [ident for ident in params.get("id", "").split(",") if ident]
        if not {"snippet", "contentDetails", "status"} <= set(params.get("part", "").split(",")):
            return 400, error_body(400, "invalidPart")
        if not ids or len(ids) > 50:
            return 400, error_body(400, "invalidFilters")
        items = [
            self.videos[ident].video_item(escaped=self.escape_video_titles)
            for ident in ids
            if ident in self.videos
            and not self.videos[ident].deleted
            and self.videos[ident].privacy != "private"
        ]
        return 200, {
            "kind": "youtube#videoListResponse",
            "etag": make_id("videos" + ",".join(ids)),
            "items": items,
            "pageInfo": {"totalResults": len(items), "resultsPerPage": len(items)},
        }

    def _catalogue(self, q: str) -> list[str]:
        words = " ".join(q.casefold().split())
        if words not in self.ranked and self.generate:
            self.ranked[words] = [video.id for video in self._generated(words)]
        return self.ranked.get(words, [])

    def _generated(self, words: str) -> list[FakeVideo]:
        """A stable catalogue for ``words``; a few entries the ranking must refuse."""
        noon = dt.datetime.combine(self.today, dt.time(12), tzinfo=dt.UTC)
        videos = []
        for index in range(self.per_query):
            video = FakeVideo(
                id=make_id(f"{words}#{index}"),
                title=f"{words.title()} – lesson {index + 1}",
                channel=f"Channel {index % 7 + 1}",
                published=noon - dt.timedelta(days=40 + (index * 97) % 800),
                seconds=300 + (index * 431) % 3300,
            )
            if index == 1:
                video.live = "upcoming"
            elif index == 4:
                video.seconds = 50
                video.title += " #shorts"
            elif index == 6:
                video.seconds = 120
            self.videos.setdefault(video.id, video)
            videos.append(self.videos[video.id])
        return videos
