"""``handbook lock-diff``: the body of the weekly video-refresh pull request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import cli, lockdiff
from generator.errors import UsageError


def _video(video_id: str, title: str) -> dict[str, Any]:
    # Shaped like the lock that `handbook refresh` writes; only id and title are read.
    return {
        "channel": "Channel",
        "id": video_id,
        "published": "2025-01-02",
        "seconds": 900,
        "title": title,
        "verified": "2026-11-20",
    }


def _lock(queries: dict[str, list[tuple[str, str]]]) -> str:
    data = {
        "queries": {
            query: {
                "searched": "2026-11-20",
                "spares": [_video("spare000001", "A spare nobody sees")],
                "videos": [_video(i, t) for i, t in videos],
            }
            for query, videos in queries.items()
        },
        "version": 1,
    }
    return json.dumps(data, indent=2, sort_keys=True)


OLD = _lock(
    {
        "python basics": [("aaaaaaaaaaa", "Python in 1 hour"), ("bbbbbbbbbbb", "Old & gone")],
        "sql joins": [("ccccccccccc", "Joins explained")],
        "dropped query": [("ddddddddddd", "Removed with its query")],
    }
)
NEW = _lock(
    {
        "python basics": [("aaaaaaaaaaa", "Python in 1 hour"), ("eeeeeeeeeee", "New *best* one")],
        "sql joins": [("ccccccccccc", "Joins explained"), ("fffffffffff", "Extra video")],
        "new query": [("ggggggggggg", "Fresh")],
    }
)
LOG = "Searching 2 queries...\nSpent 212 units (2 searches, 12 videos.list calls); 8788 left.\n"


def test_changes_pair_replacements_and_ignore_spares() -> None:
    changes = lockdiff.compare(lockdiff.parse(OLD, "old"), lockdiff.parse(NEW, "new"))
    summary = {
        c.query: (
            [v.id for v in c.added],
            [(a.id, b.id) for a, b in c.replaced],
            [v.id for v in c.removed],
        )
        for c in changes
    }
    assert summary == {
        "dropped query": ([], [], ["ddddddddddd"]),
        "new query": (["ggggggggggg"], [], []),
        "python basics": ([], [("bbbbbbbbbbb", "eeeeeeeeeee")], []),
        "sql joins": (["fffffffffff"], [], []),
    }


def test_a_complete_refresh_body(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "old.json").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.json").write_text(NEW, encoding="utf-8")
    (tmp_path / "refresh.log").write_text(LOG, encoding="utf-8")
    args = ["lock-diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")]
    assert cli.main([*args, "--log", str(tmp_path / "refresh.log")]) == 0
    body = capsys.readouterr().out
    assert "**2 added, 1 replaced, 1 removed** across 4 queries." in body
    assert "Quota: `Spent 212 units (2 searches, 12 videos.list calls); 8788 left.`." in body
    assert "Partial" not in body
    assert (
        "  - 🔁 [Old \\& gone](https://www.youtube.com/watch?v=bbbbbbbbbbb) → "
        "[New \\*best\\* one](https://www.youtube.com/watch?v=eeeeeeeeeee)"
    ) in body
    assert "- `new query` (new query)" in body
    assert "- `dropped query` (query gone)" in body
    assert "spare000001" not in body


def test_a_partial_refresh_says_so(tmp_path: Path) -> None:
    body = lockdiff.markdown(
        lockdiff.compare({}, lockdiff.parse(NEW, "new")), status=3, log="Spent 9000 units."
    )
    assert "**Partial refresh**" in body
    assert "**5 added, 0 replaced, 0 removed** across 3 queries." in body


def test_a_missing_old_lock_is_empty_and_a_missing_units_line_is_said(tmp_path: Path) -> None:
    (tmp_path / "new.json").write_text(NEW, encoding="utf-8")
    old = tmp_path / "absent.json"
    assert lockdiff.command(old, tmp_path / "new.json", status=0, log=None) == 0
    assert lockdiff.units_line("no numbers here") is None
    assert "Quota: not reported." in lockdiff.markdown([], status=0, log="")


def test_a_log_cannot_close_the_code_block() -> None:
    body = lockdiff.markdown([], status=0, log="```\n# Injected heading")
    assert body.count("```") == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ("[]", 'expected an object with a "queries" object'),
        ('{"queries": {"q": {"videos": {}}}}', 'queries.q: expected a "videos" list'),
        ('{"queries": {"q": {"videos": [{"title": "x"}]}}}', 'expected objects with an "id"'),
    ],
)
def test_a_lock_of_another_shape_is_refused(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        lockdiff.parse(text, "lock.json")
