"""The lock file ``content/videos.lock.json``: format, reading and atomic writing.

The lock is committed, so its text is designed for review: sorted keys,
2-space indent, one entry per lock key, one line per field, ranked lists in
rank order and a trailing newline. A refresh then shows up in a pull request
as a diff of exactly the videos that changed.

Per video it stores only what pages need — id, title, channel, publish date,
duration — and the date the data was fetched and verified with
``videos.list``. No view or like counts: the YouTube API policies allow
keeping data fetched with an API key for at most 30 days, which is why every
video carries its ``verified`` date and the refresh re-fetches older ones.

An entry's ``searched`` is the date of its last search.list, or ``null``
when the entry lost videos that no spare could replace: a new search is due.

Writing is atomic: a temporary file in the same folder is written, flushed
and fsynced, then renamed over the lock (and the folder fsynced), so a crash
or kill at any moment leaves either the previous or the new lock, never a
torn one. Only one refresh writes at a time: ``writer`` holds an OS file lock
(``.videos.lock.json.lock`` beside it) for the whole refresh.

Reading is bounded like content (``generator.limits``): the file's size is
checked before it is read, and JSON nested beyond any real lock is refused
with a located error instead of exhausting Python's recursion.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import pydantic
from pydantic import BaseModel, ConfigDict, Field

from generator.errors import ContentError, ContentProblem
from generator.loader import display_path, format_path
from generator.youtube.responses import VIDEO_ID

FILE_NAME = "videos.lock.json"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StoredVideo(_Strict):
    """One verified video, as a week page shows it."""

    id: str = Field(pattern=VIDEO_ID)
    title: str = Field(min_length=1)
    channel: str
    published: dt.date
    seconds: int = Field(ge=0)
    verified: dt.date = Field(description="When this data was fetched with videos.list.")


class Entry(_Strict):
    """The resolution of one lock key: the videos shown, then ranked verified spares."""

    searched: dt.date | None
    videos: tuple[StoredVideo, ...] = ()
    spares: tuple[StoredVideo, ...] = ()

    def all(self) -> tuple[StoredVideo, ...]:
        return self.videos + self.spares


class Lock(_Strict):
    """The whole lock file."""

    version: Literal[1] = 1
    queries: dict[str, Entry] = Field(default_factory=dict)


class LockFileError(ContentError):
    """The lock file exists but is not a valid lock (exit 2, like other content errors)."""


def path_in(content: Path) -> Path:
    """Where the lock of a content folder lives."""
    return content / FILE_NAME


def dumps(lock: Lock) -> str:
    """The lock as its committed text: deterministic, sorted, 2-space indented."""
    data = lock.model_dump(mode="json")
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


MAX_LOCK_BYTES = 16 * 1024 * 1024
"""A lock file's size: 16 MiB. The real lock for both roadmaps, every query resolved with
spares, is about 200 KB; one for the 1,000-week benchmark about 5 MB."""

MAX_LOCK_DEPTH = 16
"""How deeply a lock's JSON may nest: the format itself needs 5 (lock, queries, entry,
videos, video)."""


def _depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` outside strings, counted without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_LOCK_DEPTH:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def loads(text: str, name: str = FILE_NAME) -> Lock:
    """Parse lock text; any problem is a ``LockFileError`` located like content errors."""
    if _depth(text) > MAX_LOCK_DEPTH:
        message = f"nested more than {MAX_LOCK_DEPTH} levels deep: not a lock file"
        raise LockFileError([ContentProblem(name, 1, 1, "", message)])
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        problem = ContentProblem(name, error.lineno, error.colno, "", f"not JSON: {error.msg}")
        raise LockFileError([problem]) from None
    except _DuplicateKey as error:
        raise LockFileError([ContentProblem(name, 1, 1, "", str(error))]) from None
    try:
        return Lock.model_validate(data)
    except pydantic.ValidationError as error:
        problems = [
            ContentProblem(
                name, 1, 1, format_path(tuple(detail["loc"])), str(detail["msg"]).lower()
            )
            for detail in error.errors(include_url=False)
        ]
        raise LockFileError(problems) from None


def read(path: Path) -> Lock:
    """The lock at ``path``; a missing file is an empty lock (nothing resolved yet)."""
    name = display_path(path)
    if not path.exists() and not path.is_symlink():
        return Lock()
    if not path.is_file():
        raise LockFileError([ContentProblem(name, 1, 1, "", "not a regular file")])
    try:
        size = path.stat().st_size
        if size > MAX_LOCK_BYTES:
            limit = f"{MAX_LOCK_BYTES // (1024 * 1024)} MiB"
            raise LockFileError([ContentProblem(name, 1, 1, "", f"larger than {limit}")])
        with path.open("rb") as stream:
            raw = stream.read(MAX_LOCK_BYTES + 1)
    except OSError as error:
        message = f"cannot read: {error.strerror}"
        raise LockFileError([ContentProblem(name, 1, 1, "", message)]) from None
    if len(raw) > MAX_LOCK_BYTES:
        raise LockFileError([ContentProblem(name, 1, 1, "", "grew past its size limit")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LockFileError([ContentProblem(name, 1, 1, "", "not UTF-8")]) from None
    return loads(text, name)


def save(path: Path, lock: Lock) -> bool:
    """Write ``lock`` to ``path`` atomically unless the file already holds it; True if written."""
    text = dumps(lock)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    write_atomic(path, text)
    return True


@contextlib.contextmanager
def writer(path: Path, *, wait: float, on_busy: Callable[[], None] | None = None) -> Iterator[bool]:
    """Hold the single-writer lock of the lock file at ``path`` for the block; yields False,
    without it, when another refresh held it for all of ``wait`` seconds."""
    from filelock import FileLock, Timeout

    guard = FileLock(path.with_name(f".{path.name}.lock"))
    try:
        guard.acquire(timeout=0)
    except Timeout:
        if on_busy is not None:
            on_busy()
        try:
            guard.acquire(timeout=wait, poll_interval=min(0.05, wait or 0.05))
        except Timeout:
            yield False
            return
    try:
        yield True
    finally:
        guard.release()


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers only ever see the old or the new file."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)  # mkstemp creates 0600; the lock is an ordinary file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    # The rename is durable only once the folder entry is on disk (POSIX); Windows has no
    # folder handles to fsync, and there os.replace is already atomic.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> Mapping[str, Any]:
    seen: dict[str, Any] = {}
    for name, value in pairs:
        if name in seen:
            raise _DuplicateKey(f"duplicate key {name!r}")
        seen[name] = value
    return seen
