"""A refresh against hostile settings, files and servers: checked before any unit is spent,
one writer at a time with nothing lost, odd answers skipped, oversized locks refused."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import time
from pathlib import Path

import pytest
from filelock import FileLock

from generator import cli, pipeline
from generator.errors import UsageError
from generator.youtube import command, lock
from generator.youtube.client import Patience
from generator.youtube.lock import LockFileError
from tests.fakes.youtube_api import FakeYouTube
from tests.youtube.conftest import KEY, TODAY, Harness, video


@pytest.mark.parametrize(
    ("endpoint", "why"),
    [
        ("ftp://127.0.0.1:21", "must start with https://"),
        ("file:///etc/passwd", "must start with https://"),
        ("http://127.0.0.1:99999", "is not a valid URL"),
        ("http://127.0.0.1:port", "is not a valid URL"),
        ("http://[::1", "is not a valid URL"),
        ("http://[zz::1]/", "is not a valid URL"),
        ("http://", "has no host name"),
        ("https://example.org/?key=1", "without a query"),
        ("https://exa mple.org", "contains spaces"),
        ("https://example.org:0", "has port 0"),
    ],
)
def test_a_malformed_endpoint_stops_before_any_request(
    harness: Harness, endpoint: str, why: str
) -> None:
    with pytest.raises(UsageError, match=f"YOUTUBE_API_ENDPOINT .*{why}"):
        harness.run(endpoint=endpoint)
    assert harness.fake.count() == 0


def test_a_malformed_endpoint_is_exit_2_on_one_line(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("YOUTUBE_API_KEY", KEY)
    monkeypatch.setenv("YOUTUBE_API_ENDPOINT", "http://[::1")
    assert cli.main(["refresh", "--content", str(harness.content)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_an_ipv6_endpoint_is_fine(harness: Harness) -> None:
    assert command.check_endpoint("http://[::1]:8080/") == "http://[::1]:8080/"


def test_a_lock_folder_that_cannot_be_written_stops_before_any_unit(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, no folder is read-only; the refusal the kernel would give is simulated."""

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(UsageError, match=r"cannot write the lock file in .*: Permission denied"):
        harness.run()
    assert harness.fake.count() == 0 and harness.fake.units == 0


def test_a_second_refresh_waits_then_stops_with_a_message(harness: Harness) -> None:
    guard = FileLock(harness.lock_path.with_name(".videos.lock.json.lock"))
    with guard:
        out = io.StringIO()
        environ = {"YOUTUBE_API_KEY": KEY, "YOUTUBE_API_ENDPOINT": harness.fake.url}
        with pytest.raises(command.Busy, match="another handbook refresh is writing"):
            command.run(harness.content, today=TODAY, environ=environ, out=out, wait=0.1)
    assert harness.fake.count() == 0


def test_two_refreshes_lose_nothing_and_pay_once(harness: Harness, tmp_path: Path) -> None:
    """While this refresh waits for the lock, another one finishes and saves everything: this
    one then reads that lock (not the one it saw before waiting) and has nothing to search."""
    other = Harness(harness.content, harness.fake)
    assert other.run()[0] == 0  # what the other refresh will have saved
    finished = harness.lock_path.read_text(encoding="utf-8")
    harness.lock_path.unlink()  # ... and the state this refresh starts from
    searches = harness.fake.count("search")

    guard = FileLock(harness.lock_path.with_name(".videos.lock.json.lock"))
    guard.acquire()

    def the_other_one_finishes() -> None:
        harness.lock_path.write_text(finished, encoding="utf-8")
        guard.release()

    out = io.StringIO()
    environ = {"YOUTUBE_API_KEY": KEY, "YOUTUBE_API_ENDPOINT": harness.fake.url}
    code = command.run(
        harness.content,
        today=TODAY,
        environ=environ,
        out=out,
        wait=30,
        on_busy=the_other_one_finishes,
    )
    assert code == 0
    assert harness.lock_path.read_text(encoding="utf-8") == finished  # nothing dropped
    assert harness.fake.count("search") == searches  # nothing searched twice


def test_an_unreadable_video_is_skipped_and_reported_not_failing_its_batch(
    harness: Harness, fake: FakeYouTube
) -> None:
    odd = video("oddduration", duration="soon")
    weeks = video("weekduratio", duration="P1W2DT3H")  # valid ISO 8601, a week and more
    fake.add(odd, weeks, *(video(f"fine{n}") for n in range(4)))
    fake.rank("python basics", [odd.id, weeks.id] + [f"fine{n}".ljust(11, "x") for n in range(4)])
    code, output = harness.run()
    assert code == 0
    entry = harness.lock().queries["python basics"]
    assert odd.id not in [v.id for v in entry.all()]
    assert weeks.id in [v.id for v in entry.all()]
    assert "Skipped 1 videos whose data could not be read:" in output
    assert "oddduration ('python basics'): not an ISO 8601 duration: 'soon'" in output


def test_a_deeply_nested_lock_is_a_located_error(harness: Harness, tmp_path: Path) -> None:
    harness.lock_path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(LockFileError, match=r"videos.lock.json:1:1: nested more than 16"):
        pipeline.render_handbook(harness.content, tmp_path / "docs", None)


def test_an_oversized_lock_is_refused_before_it_is_read(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "MAX_LOCK_BYTES", 1000)
    harness.lock_path.write_text(" " * 1001 + "{}", encoding="utf-8")
    with pytest.raises(LockFileError, match="larger than"):
        lock.read(harness.lock_path)


@pytest.mark.parametrize("kind", ["folder", "dangling link"])
def test_a_lock_that_is_not_a_file_is_a_located_error(
    harness: Harness, tmp_path: Path, kind: str
) -> None:
    if kind == "folder":
        harness.lock_path.mkdir()
    else:
        harness.lock_path.symlink_to(tmp_path / "nowhere")
    with pytest.raises(LockFileError, match=r"videos\.lock\.json:1:1: not a regular file"):
        lock.read(harness.lock_path)
    assert cli.main(["render", "--content", str(harness.content), "--docs", str(tmp_path)]) == 2


def test_an_api_that_stalls_mid_refresh_stops_it_early_with_the_progress_saved(
    harness: Harness,
) -> None:
    """An API that answers but trickles bytes holds the whole refresh no longer than its
    patience (here 1 s, in production three minutes): exit 3 as for a spent budget, the
    searches that finished saved, and what the previous lock held for the rest kept."""
    assert harness.run()[0] == 0
    before = harness.lock().queries
    harness.fake.stall(after=harness.fake.count() + 2)  # one search and its videos.list
    started = time.monotonic()
    tomorrow = TODAY + dt.timedelta(days=1)
    code, out = harness.run(today=tomorrow, research=True, patience=Patience(1.0))
    assert time.monotonic() - started < 10
    assert code == command.EXIT_PARTIAL
    assert (
        "Stopped early: the YouTube Data API has kept this refresh waiting 1 s on failed "
        "requests (search.list the last); try again later." in out
    )
    after = harness.lock().queries
    assert sorted(after) == sorted(before)
    (searched,) = [key for key in after if after[key] != before[key]]
    assert after[searched].searched == tomorrow
    assert "Left for the next run: 2 searches" in out
