"""The lock file: deterministic text, clear errors, and writes that survive a kill."""

from __future__ import annotations

import datetime as dt
import os
import signal
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
class _HalfWriter:
    """A file that writes half of what it is given, then stops: the moment of a crash."""

    def __init__(self, stream: Any, stop: Callable[[], None]) -> None:
        self.stream = stream
        self.stop = stop

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def write(self, data: bytes) -> int:
        self.stream.write(data[: len(data) // 2])
        self.stream.flush()
        self.stop()
        return len(data)


@pytest.mark.parametrize(
    ("moment", "survivor"),
    [("mid-write", "old"), ("before-rename", "old"), ("after-rename", "new")],
)
def test_a_kill_at_each_moment_of_a_save_leaves_a_whole_lock(
    tmp_path: Path, moment: str, survivor: str
) -> None:
    """A forked writer stops at a known moment of saving (half the new text written; all of
    it written but not renamed; renamed but the folder not yet synced) and is killed there
    with SIGKILL, which no cleanup code sees: the lock is the old or the new one, whole."""
    path = tmp_path / "videos.lock.json"
    old, new = lock.dumps(sample(300, "old")), lock.dumps(sample(300, "new"))
    path.write_text(old, encoding="utf-8")
    ready_read, ready_write = os.pipe()
    child = os.fork()
    if child == 0:  # the writer: it never returns into pytest
        os.close(ready_read)

        def stop(*args: object) -> Any:
            os.write(ready_write, b"!")
            while True:
                time.sleep(60)

        if moment == "mid-write":
            real = os.fdopen
            os.fdopen = lambda fd, mode="r", *a, **k: _HalfWriter(real(fd, mode, *a, **k), stop)  # type: ignore[assignment]
        elif moment == "before-rename":
            os.replace = stop  # type: ignore[assignment]
        else:
            lock._fsync_folder = stop  # type: ignore[assignment]
        try:
            lock.write_atomic(path, new)
        finally:
            os._exit(1)
    os.close(ready_write)
    assert os.read(ready_read, 1) == b"!", "the writer never reached the moment"
    os.close(ready_read)
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    assert path.read_text(encoding="utf-8") == (old if survivor == "old" else new)
    lock.read(path)  # and it parses
