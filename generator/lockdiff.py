"""``handbook lock-diff``: what a video refresh changed, as a pull-request body.

The scheduled refresh opens a pull request with the new lock file. Its JSON
diff is exact but long; a reviewer first wants the gist: how many videos
were added, replaced or removed, for which queries, how much quota the run
spent, and whether it finished or stopped early (exit 3) and will resume.

Only a minimal part of the lock format is read, so this summary keeps
working while the lock grows fields::

    {"queries": {"<query>": {"videos": [{"id": "<video id>", "title": "..."}, ...],
                             ...},
                 ...},
     ...}

``videos`` are the ones pages show, in rank order (spares are ignored: they
are invisible to readers). A missing or empty old file is an empty lock.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import escape
from generator.errors import UsageError

PARTIAL_EXIT = 3
_UNITS_LINE = re.compile(r"^\s*Spent\b.*\bunits?\b.*$", re.MULTILINE | re.IGNORECASE)
_ANY_UNITS_LINE = re.compile(r"^.*\bunits?\b.*$", re.MULTILINE | re.IGNORECASE)
_LOG_TAIL = 40
_MAX_LISTED = 30


class LockFormatError(UsageError):
    """A lock file does not have the minimal shape this summary reads (exit 2)."""


@dataclass(frozen=True)
class Video:
    id: str
    title: str


@dataclass
class QueryChange:
    """How the shown videos of one query changed."""

    query: str
    added: list[Video] = field(default_factory=list)
    removed: list[Video] = field(default_factory=list)
    replaced: list[tuple[Video, Video]] = field(default_factory=list)
    new_query: bool = False
    dropped_query: bool = False


def parse(text: str, name: str) -> dict[str, list[Video]]:
    """Shown videos per query of one lock file's text ('' is an empty lock)."""
    if not text.strip():
        return {}
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise LockFormatError(f"{name}: not JSON: {error.msg} (line {error.lineno})") from None
    queries = data.get("queries", {}) if isinstance(data, dict) else None
    if not isinstance(queries, dict):
        raise LockFormatError(f'{name}: expected an object with a "queries" object')
    result: dict[str, list[Video]] = {}
    for query, entry in queries.items():
        videos = entry.get("videos", []) if isinstance(entry, dict) else None
        if not isinstance(videos, list):
            raise LockFormatError(f'{name}: queries.{query}: expected a "videos" list')
        result[query] = [_video(item, f"{name}: queries.{query}.videos") for item in videos]
    return result


def _video(item: Any, where: str) -> Video:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise LockFormatError(f'{where}: expected objects with an "id" string')
    title = item.get("title")
    return Video(id=item["id"], title=title if isinstance(title, str) else item["id"])


def compare(old: dict[str, list[Video]], new: dict[str, list[Video]]) -> list[QueryChange]:
    """Per query: videos that left the shown list pair up with videos that joined it as
    replacements; the rest are plain additions or removals."""
    changes: list[QueryChange] = []
    for query in sorted(old.keys() | new.keys()):
        before, after = old.get(query, []), new.get(query, [])
        before_ids, after_ids = {v.id for v in before}, {v.id for v in after}
        gone = [v for v in before if v.id not in after_ids]
        came = [v for v in after if v.id not in before_ids]
        if not gone and not came:
            continue
        pairs = min(len(gone), len(came))
        changes.append(
            QueryChange(
                query=query,
                replaced=list(zip(gone[:pairs], came[:pairs], strict=True)),
                removed=gone[pairs:],
                added=came[pairs:],
                new_query=query not in old,
                dropped_query=query not in new,
            )
        )
    return changes


def units_line(log: str) -> str | None:
    """The refresh's own report of units spent (its last 'Spent … units' line)."""
    found = _UNITS_LINE.findall(log) or _ANY_UNITS_LINE.findall(log)
    return found[-1].strip() if found else None


def _link(video: Video) -> str:
    return f"[{escape.markdown(video.title)}](https://www.youtube.com/watch?v={video.id})"


def markdown(changes: list[QueryChange], *, status: int, log: str) -> str:
    """The pull-request body."""
    added = sum(len(c.added) for c in changes)
    removed = sum(len(c.removed) for c in changes)
    replaced = sum(len(c.replaced) for c in changes)
    lines = ["## Weekly video refresh", ""]
    if status == PARTIAL_EXIT:
        lines += [
            "> [!WARNING]",
            "> **Partial refresh**: the run stopped early (quota budget or the API's daily"
            " quota) and saved its progress. The next run resumes where this one stopped;"
            " merging this now is safe.",
            "",
        ]
    else:
        lines += ["The refresh finished: every query was resolved as far as possible.", ""]
    lines.append(
        f"**{added} added, {replaced} replaced, {removed} removed** "
        f"across {len(changes)} quer{'y' if len(changes) == 1 else 'ies'}."
    )
    spent = units_line(log)
    quota = "`" + spent.replace("`", "'") + "`" if spent else "not reported"
    lines += ["", f"Quota: {quota}.", ""]
    for change in changes[:_MAX_LISTED]:
        note = (
            " (new query)" if change.new_query else " (query gone)" if change.dropped_query else ""
        )
        query = change.query.replace("`", "'")
        lines.append(f"- `{query}`{note}")
        lines += [f"  - ➕ {_link(v)}" for v in change.added]
        lines += [f"  - 🔁 {_link(old)} → {_link(new)}" for old, new in change.replaced]
        lines += [f"  - ➖ {_link(v)}" for v in change.removed]
    if len(changes) > _MAX_LISTED:
        lines.append(f"- … and {len(changes) - _MAX_LISTED} more queries (see the diff)")
    # A fence inside the log would end the code block early: show it as quotes instead.
    tail = "\n".join(log.strip().splitlines()[-_LOG_TAIL:]).replace("`" * 3, "'" * 3)
    if tail:
        lines += ["", "<details><summary>Refresh output</summary>", "", "```text", tail, "```"]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def command(old: Path, new: Path, *, status: int, log: Path | None) -> int:
    """``handbook lock-diff OLD NEW``: print the pull-request body for a lock change."""
    old_text = old.read_text(encoding="utf-8") if old.is_file() else ""
    if not new.is_file():
        raise UsageError(f"{new}: no such lock file")
    changes = compare(parse(old_text, str(old)), parse(new.read_text(encoding="utf-8"), str(new)))
    log_text = log.read_text(encoding="utf-8", errors="replace") if log else ""
    print(markdown(changes, status=status, log=log_text), end="")
    return 0
