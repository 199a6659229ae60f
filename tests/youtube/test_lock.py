"""The lock file: deterministic text, clear errors, and writes that survive a kill."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import textwrap
import time
from pathlib import Path

import pytest

from generator.youtube import lock
from generator.youtube.lock import Entry, Lock, LockFileError, StoredVideo
from tests.conftest import CONTENT

DAY = dt.date(2026, 11, 22)


def stored(ident: str, title: str = "A title") -> StoredVideo:
    return StoredVideo(
        id=ident.ljust(11, "x"),
        title=title,
        channel="Chan",
        published=dt.date(2025, 1, 2),
        seconds=754,
        verified=DAY,
    )


def sample(entries: int = 2, title: str = "A title") -> Lock:
    return Lock(
        queries={
            f"query {n:04d}": Entry(
                searched=DAY,
                videos=(stored(f"v{n}a", title), stored(f"v{n}b", title)),
                spares=(stored(f"v{n}c", title),),
            )
            for n in range(entries)
        }
    )


def test_text_is_sorted_indented_and_ends_with_a_newline() -> None:
    text = lock.dumps(Lock(queries={"b": Entry(searched=None), "a": Entry(searched=DAY)}))
    assert text == textwrap.dedent(
        """\
        {
          "queries": {
            "a": {
              "searched": "2026-11-22",
              "spares": [],
              "videos": []
            },
            "b": {
              "searched": null,
              "spares": [],
              "videos": []
            }
          },
          "version": 1
        }
        """
    )


def test_videos_store_only_what_pages_need() -> None:
    text = lock.dumps(sample(1, "Tom & Jerry's “quotes”"))
    assert '"title": "Tom & Jerry\'s “quotes”"' in text  # real text, not HTML entities
    video_lines = text.split('"videos": [')[1]
    fields = {line.split(":")[0].strip().strip('"') for line in video_lines.splitlines()}
    assert fields >= {"channel", "id", "published", "seconds", "title", "verified"}
    assert not fields & {"viewCount", "likeCount", "views", "likes", "statistics"}


def test_round_trip() -> None:
    original = sample(3)
    assert lock.loads(lock.dumps(original)) == original


def test_committed_lock_is_valid_and_canonical() -> None:
    path = lock.path_in(CONTENT)
    assert lock.dumps(lock.read(path)) == path.read_text(encoding="utf-8")


def test_a_missing_lock_means_nothing_resolved(tmp_path: Path) -> None:
    assert lock.read(tmp_path / "videos.lock.json") == Lock()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"queries": {}, "version": 1', "videos.lock.json:1:29: not JSON"),
        ('{"queries": {}, "queries": {}, "version": 1}', "duplicate key 'queries'"),
        ('{"queries": {}, "version": 2}', "version: input should be 1"),
        ('{"queries": {"q": {"searched": null, "extra": 1}}, "version": 1}', "queries.q.extra"),
        (
            '{"queries": {"q": {"searched": null, "videos": [{"id": "x\\"><script>", '
            '"title": "t", "channel": "c", "published": "2024-01-01", "seconds": 1, '
            '"verified": "2024-01-01"}]}}, "version": 1}',
            "queries.q.videos[0].id: string should match pattern",
        ),
    ],
)
def test_malformed_locks_are_located_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "videos.lock.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LockFileError) as raised:
        lock.read(path)
    assert message in str(raised.value)
    assert raised.value.exit_code == 2


def test_save_skips_identical_text(tmp_path: Path) -> None:
    path = tmp_path / "videos.lock.json"
    assert lock.save(path, sample()) is True
    stamp = path.stat().st_mtime_ns
    assert lock.save(path, sample()) is False
    assert path.stat().st_mtime_ns == stamp


def test_crash_between_temp_write_and_rename_keeps_the_old_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "videos.lock.json"
    lock.save(path, sample(1))
    before = path.read_bytes()

    def crash(source: str, target: object) -> None:
        assert Path(source).read_text(encoding="utf-8") == lock.dumps(sample(5))  # fully written
        raise KeyboardInterrupt  # the process dies just before the rename

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        lock.save(path, sample(5))
    assert path.read_bytes() == before
    assert lock.read(path) == sample(1)
    assert [p.name for p in tmp_path.iterdir()] == ["videos.lock.json"]  # no temp file left


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_sigkill_at_any_moment_leaves_a_whole_lock(tmp_path: Path) -> None:
    """A writer rewriting a large lock in a loop is killed at random moments, many times.

    A forked child shares the already imported code, so each round costs
    milliseconds; the kill is a real SIGKILL, which no cleanup code sees.
    """
    path = tmp_path / "videos.lock.json"
    texts = [lock.dumps(sample(1500, "first")), lock.dumps(sample(1500, "second"))]
    path.write_text(texts[0], encoding="utf-8")
    randomness = random.Random(7)
    for _ in range(12):
        ready_read, ready_write = os.pipe()
        child = os.fork()
        if child == 0:  # the writer: never returns into pytest
            os.close(ready_read)
            os.write(ready_write, b"!")
            turn = 0
            while True:
                lock.write_atomic(path, texts[turn % 2])
                turn += 1
        os.close(ready_write)
        assert os.read(ready_read, 1) == b"!"
        os.close(ready_read)
        time.sleep(randomness.uniform(0.005, 0.1))
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        assert path.read_text(encoding="utf-8") in texts
        lock.read(path)  # and it parses
    # Kills landed mid-write (their temp files remain), so the window was really exercised.
    assert list(tmp_path.glob(".videos.lock.json.*.tmp"))
