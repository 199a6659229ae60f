"""Fixtures for the video tests: a fake Data API on 127.0.0.1 and small content folders.

Every test talks to the fake through the real google-api-python-client over
HTTP; nothing here can reach the internet. The key is a distinctive string
so that tests can prove it never leaks into output, logs, the lock or pages.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.youtube import command, lock
from generator.youtube.client import Patience
from generator.youtube.quota import DEFAULT_BUDGET
from tests.fakes.youtube_api import FakeVideo, FakeYouTube

# Shaped like a real API key (so scrubbing is tested on realistic text) but invented, and
# assembled at run time so that secret scanners do not mistake the source for a leaked key.
KEY = "AIza" + "SyTEST-s3cr3t_key-0123456789abcdef"
TODAY = dt.date(2026, 11, 22)
NOON = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)


def video(ident: str, title: str | None = None, *, days_old: int = 100, **extra: Any) -> FakeVideo:
    """A fake video ``days_old`` days before TODAY; ids are padded to the real 11 characters."""
    ident = ident.ljust(11, "x")[:11]
    return FakeVideo(
        id=ident,
        title=title or f"Video {ident}",
        published=NOON - dt.timedelta(days=days_old),
        **extra,
    )


def write_content(
    folder: Path,
    weeks: Sequence[Sequence[str]],
    *,
    slug: str = "road",
    start: str = "2026-11-02",
    videos: dict[str, Any] | None = None,
) -> Path:
    """A content folder with one roadmap whose week N has the queries ``weeks[N-1]``."""
    roadmap: dict[str, Any] = {
        "title": f"Roadmap {slug}",
        "slug": slug,
        "start": dt.date.fromisoformat(start),
        "months": [
            {
                "title": "Month",
                "weeks": [
                    {"number": n, "title": f"Week {n}", "youtube": list(queries)}
                    for n, queries in enumerate(weeks, start=1)
                ],
            }
        ],
    }
    if videos:
        roadmap["videos"] = videos
    (folder / "roadmaps").mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(roadmap, sort_keys=False, allow_unicode=True)
    (folder / "roadmaps" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    return folder


@dataclass
class Harness:
    """Runs ``handbook refresh`` (the command function) against the fake, in-process."""

    content: Path
    fake: FakeYouTube
    sleeps: list[float] = field(default_factory=list)

    @property
    def lock_path(self) -> Path:
        return lock.path_in(self.content)

    def lock(self) -> lock.Lock:
        return lock.read(self.lock_path)

    def run(
        self,
        *,
        today: dt.date = TODAY,
        budget: int = DEFAULT_BUDGET,
        research: bool = False,
        dry_run: bool = False,
        key: str = KEY,
        endpoint: str | None = None,
        patience: Patience | None = None,
    ) -> tuple[int, str]:
        out = io.StringIO()
        environ = {"YOUTUBE_API_KEY": key, "YOUTUBE_API_ENDPOINT": endpoint or self.fake.url}
        code = command.run(
            self.content,
            budget=budget,
            today=today,
            research=research,
            dry_run=dry_run,
            environ=environ,
            sleep=self.sleeps.append,
            out=out,
            patience=patience,
        )
        return code, out.getvalue()


@pytest.fixture
def fake() -> Iterator[FakeYouTube]:
    """A running fake Data API that accepts KEY and generates 12 candidates per query."""
    with FakeYouTube(keys=(KEY,), today=TODAY, per_query=12) as server:
        yield server


@pytest.fixture
def harness(tmp_path: Path, fake: FakeYouTube) -> Harness:
    """Three weeks of queries, one repeated and one with a year hint, and the fake."""
    content = write_content(
        tmp_path / "content",
        [
            ["Python basics 2023", "SQL joins explained"],
            ["python   BASICS", "Docker crash course 2022+"],
            ["SQL joins explained"],
        ],
    )
    return Harness(content, fake)
