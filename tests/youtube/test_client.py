"""The real google-api-python-client against the fake server: requests, faults, the key."""

from __future__ import annotations

import datetime as dt
import logging
import socket
import time

import pytest

from generator.youtube.client import Backoff, Client, Patience, retry_after, scrub
from generator.youtube.errors import (
    ApiFailure,
    KeyRejected,
    NetworkFailure,
    OverBudget,
    QuotaExceeded,
    Stalled,
)
from generator.youtube.quota import Meter, SearchParams
from tests.fakes.youtube_api import FakeYouTube
from tests.youtube.conftest import KEY, video

PARAMS = SearchParams(
    q="python basics",
    published_after="2023-11-22T00:00:00Z",
    language="en",
    region=None,
    safe_search="moderate",
)


STEADY = Backoff(random=lambda: 1.0)
"""Backoff whose jitter always picks the longest wait, so tests can name the waits."""


def client(fake: FakeYouTube, sleeps: list[float] | None = None, **options: object) -> Client:
    options.setdefault("backoff", STEADY)
    return Client(
        KEY,
        endpoint=fake.url,
        sleep=(sleeps if sleeps is not None else []).append,
        **options,  # type: ignore[arg-type]
    )


def test_search_sends_the_documented_parameters_to_the_endpoint(fake: FakeYouTube) -> None:
    ids = client(fake).search(PARAMS)
    assert len(ids) == 12
    [seen] = fake.requests
    assert seen.method == "search"
    assert seen.params == {
        "part": "snippet",
        "type": "video",
        "q": "python basics",
        "publishedAfter": "2023-11-22T00:00:00Z",
        "relevanceLanguage": "en",
        "safeSearch": "moderate",
        "maxResults": "50",
        "alt": "json",
    }
    assert seen.header_key == KEY  # the key travels in the X-Goog-Api-Key header …
    assert KEY not in seen.path and "key=" not in seen.path  # … never in the URL


def test_an_endpoint_with_a_path_keeps_it(fake: FakeYouTube) -> None:
    Client(KEY, endpoint=fake.url + "/").search(PARAMS)
    assert fake.count("search") == 1


def test_videos_asks_for_at_most_50_ids_a_call(fake: FakeYouTube) -> None:
    clips = [video(f"id{n:03d}") for n in range(120)]
    fake.add(*clips)
    api = client(fake)
    found = api.videos([clip.id for clip in clips])
    assert [info.id for info in found.found] == [clip.id for clip in clips]
    assert [len(seen.params["id"].split(",")) for seen in fake.requests] == [50, 50, 20]
    assert fake.requests[0].params["part"] == "snippet,contentDetails,status"
    assert api.meter.spent == 3


def test_deleted_and_private_videos_are_left_out(fake: FakeYouTube) -> None:
    fake.add(video("kept"), video("deleted", deleted=True), video("private", privacy="private"))
    found = client(fake).videos(["keptxxxxxxx", "deletedxxxx", "privatexxxx", "neverxxxxxx"])
    assert [info.id for info in found.found] == ["keptxxxxxxx"]


@pytest.mark.parametrize(
    ("status", "reason"),
    [(503, "backendError"), (429, "rateLimitExceeded"), (403, "rateLimitExceeded")],
)
def test_transient_errors_are_retried_with_backoff(
    fake: FakeYouTube, status: int, reason: str
) -> None:
    fake.fail("search", status, reason, times=2)
    sleeps: list[float] = []
    api = client(fake, sleeps)
    assert len(api.search(PARAMS)) == 12
    assert sleeps == [1.0, 2.0]
    assert fake.count("search") == 3
    assert api.meter.spent == 300  # every attempt is charged: the budget is an upper bound


def test_retries_are_bounded(fake: FakeYouTube) -> None:
    fake.fail("videos", 503, "backendError", times=10)
    sleeps: list[float] = []
    api = client(fake, sleeps, backoff=Backoff(attempts=4, first=0.5, cap=1.5, random=lambda: 1.0))
    with pytest.raises(ApiFailure, match=r"videos.list failed with HTTP 503 .* after 4 attempts"):
        api.videos(["aaaaaaaaaaa"])
    assert sleeps == [0.5, 1.0, 1.5]
    assert fake.count() == 4


def test_quota_exceeded_is_not_retried(fake: FakeYouTube) -> None:
    fake.quota = 150
    api = client(fake)
    api.search(PARAMS)
    with pytest.raises(QuotaExceeded, match="daily quota exceeded"):
        api.search(PARAMS)
    assert fake.count("search") == 2


@pytest.mark.parametrize("reason", ["keyInvalid", "accessNotConfigured"])
def test_key_problems_are_rejections(fake: FakeYouTube, reason: str) -> None:
    fake.fail("search", 400 if reason == "keyInvalid" else 403, reason)
    with pytest.raises(KeyRejected) as raised:
        client(fake).search(PARAMS)
    assert "YOUTUBE_API_KEY" in str(raised.value)
    assert KEY not in str(raised.value)
    assert raised.value.exit_code == 2


def test_an_unknown_key_is_rejected_without_echoing_it(fake: FakeYouTube) -> None:
    wrong = "AIzaWRONG-key-that-must-not-leak"
    with pytest.raises(KeyRejected, match="API key not valid") as raised:
        Client(wrong, endpoint=fake.url).search(PARAMS)
    assert wrong not in str(raised.value)


def test_network_failure_is_clear_and_keyless() -> None:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(NetworkFailure, match="cannot reach the YouTube Data API") as raised:
        Client(KEY, endpoint=f"http://127.0.0.1:{port}").search(PARAMS)
    assert KEY not in str(raised.value)
    assert raised.value.exit_code == 1


def test_the_budget_is_checked_before_sending(fake: FakeYouTube) -> None:
    api = client(fake, meter=Meter(budget=150))
    api.search(PARAMS)
    with pytest.raises(OverBudget):
        api.search(PARAMS)
    assert fake.count() == 1
    assert api.meter.spent == 100


def test_library_logs_are_scrubbed(fake: FakeYouTube, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client(fake).search(PARAMS)
    assert "URL being requested" in caplog.text  # the library logged the URL …
    assert KEY not in caplog.text  # … which never holds the key


def test_scrub_masks_plain_encoded_and_url_forms() -> None:
    text = f"GET /search?q=x&key={KEY}&alt=json; said {KEY!r}; /v?key=other%2Bsecret"
    assert scrub(text, [KEY]) == "GET /search?q=x&key=***&alt=json; said '***'; /v?key=***"
    assert scrub("a+b c", ["a+b"]) == "*** c"
    assert scrub("a%2Bb", ["a+b"]) == "***"


def test_waits_are_jittered_within_half_to_all_of_the_backoff() -> None:
    low = Backoff(random=lambda: 0.0)
    high = Backoff(random=lambda: 1.0)
    assert [low.delay(n) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 15.0]
    assert [high.delay(n) for n in range(6)] == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0]


@pytest.mark.parametrize("header", ["7", "Sun, 22 Nov 2026 12:00:07 GMT"])
def test_retry_after_is_honoured(fake: FakeYouTube, header: str) -> None:
    fake.fail("search", 429, "rateLimitExceeded", retry_after=header)
    sleeps: list[float] = []
    api = client(fake, sleeps, backoff=Backoff(random=lambda: 0.0))
    if not header.isdigit():  # an HTTP date: seven seconds after the server's "now"
        moment = dt.datetime(2026, 11, 22, 12, 0, 0, tzinfo=dt.UTC).timestamp()
        assert retry_after({"retry-after": header}, now=moment) == 7.0
        sleeps_expected = None
    else:
        sleeps_expected = [7.0]
    assert len(api.search(PARAMS)) == 12
    if sleeps_expected is not None:
        assert sleeps == sleeps_expected  # longer than the 0.5 s the backoff alone would wait


def test_a_retry_after_beyond_reason_is_not_waited_for(fake: FakeYouTube) -> None:
    fake.fail("search", 503, "backendError", retry_after="3600")
    sleeps: list[float] = []
    with pytest.raises(ApiFailure, match="asks to retry after 3600 s"):
        client(fake, sleeps).search(PARAMS)
    assert sleeps == [] and fake.count("search") == 1


def test_a_dropped_connection_is_retried(fake: FakeYouTube) -> None:
    # httplib2 itself sends a request again once when its connection drops; four drops
    # get past that twice, and each time our own retry (with its wait) takes over
    fake.drop("search", times=4)
    sleeps: list[float] = []
    assert len(client(fake, sleeps).search(PARAMS)) == 12
    assert sleeps == [1.0, 2.0]


def test_a_server_that_never_finishes_answering_hits_the_deadline(fake: FakeYouTube) -> None:
    """One byte every 0.2 s passes any per-read timeout; the whole request has a deadline."""
    fake.trickle = 0.2
    sleeps: list[float] = []
    api = client(fake, sleeps, deadline=0.5, backoff=Backoff(attempts=2, random=lambda: 1.0))
    started = time.monotonic()
    with pytest.raises(NetworkFailure, match=r"after 2 attempts: no complete answer within 0.5 s"):
        api.search(PARAMS)
    assert time.monotonic() - started < 5  # two deadlines, not the trickle's minutes
    assert sleeps == [1.0] and fake.count("search") == 2


class Clock:
    """A monotonic clock that only moves when the client sleeps: waits cost no real time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_waiting_between_retries_stops_at_the_patience(fake: FakeYouTube) -> None:
    """Retries that would wait past the patience left are not made: the refresh stops."""
    clock = Clock()
    fake.fail("search", 503, "backendError", times=5)
    api = Client(
        KEY, endpoint=fake.url, sleep=clock.sleep, backoff=STEADY, patience=Patience(5.0, clock)
    )
    with pytest.raises(Stalled, match=r"waiting 5 s on failed requests \(search.list the last\)"):
        api.search(PARAMS)
    assert clock.sleeps == [1.0, 2.0]  # the next wait, 4 s, is more than the 2 s left
    assert fake.count("search") == 3


def test_the_patience_is_shared_by_every_request_of_a_refresh(fake: FakeYouTube) -> None:
    clock = Clock()
    api = Client(
        KEY, endpoint=fake.url, sleep=clock.sleep, backoff=STEADY, patience=Patience(2.5, clock)
    )
    for _ in range(2):  # each request fails once, waits 1 s, and is answered
        fake.fail("search", 503, "backendError")
        assert len(api.search(PARAMS)) == 12
    fake.fail("search", 503, "backendError")
    with pytest.raises(Stalled):  # 0.5 s left: not enough for the third request's wait
        api.search(PARAMS)
    assert clock.sleeps == [1.0, 1.0]


def test_an_api_that_trickles_is_given_up_on_at_the_patience(fake: FakeYouTube) -> None:
    """Every attempt's deadline is cut to the patience left, so a stalled API holds the
    refresh for the patience, not for five two-minute deadlines."""
    fake.stall(trickle=0.2)
    sleeps: list[float] = []
    api = Client(KEY, endpoint=fake.url, sleep=sleeps.append, patience=Patience(1.0))
    started = time.monotonic()
    with pytest.raises(Stalled):
        api.search(PARAMS)
    assert 1.0 <= time.monotonic() - started < 5
    assert fake.count("search") == 1
