"""The refresh policy end to end: the command, the real client and the fake server."""

from __future__ import annotations

import datetime as dt
import json
import socket
from pathlib import Path

import pytest

from generator.youtube import lock
from generator.youtube.errors import KeyRejected, NetworkFailure
from generator.youtube.lock import Entry, Lock
from tests.fakes.youtube_api import FakeYouTube
from tests.youtube.conftest import TODAY, Harness, video, write_content

KEYS = ["docker crash course", "python basics", "sql joins explained"]
LATER = TODAY + dt.timedelta(days=31)  # every stored video is then due for re-verification


def searched_words(fake: FakeYouTube) -> list[str]:
    return [seen.params["q"] for seen in fake.requests if seen.method == "search"]


def test_first_refresh_resolves_every_query(harness: Harness) -> None:
    code, output = harness.run()

    assert code == 0
    resolved = harness.lock()
    assert sorted(resolved.queries) == KEYS
    for entry in resolved.queries.values():
        assert entry.searched == TODAY
        assert len(entry.videos) == 3
        assert len(entry.spares) == 3
        assert all(v.verified == TODAY for v in entry.all())
    assert harness.fake.count("search") == 3
    assert harness.fake.count("videos") == 3
    assert "Spent 303 units (3 search.list, 3 videos.list); 8697 left" in output
    assert output.rstrip().endswith(f"Wrote {harness.lock_path}")


def test_identical_queries_are_searched_once_without_year_words(harness: Harness) -> None:
    harness.run()
    assert sorted(searched_words(harness.fake)) == KEYS  # 5 uses, 3 searches, no "2023"


def test_search_window_honours_years_and_year_hints(tmp_path: Path, fake: FakeYouTube) -> None:
    content = write_content(tmp_path, [["Rust 2025+", "Go"]])
    Harness(content, fake).run()
    after = {
        seen.params["q"]: seen.params["publishedAfter"]
        for seen in fake.requests
        if seen.method == "search"
    }
    assert after == {"rust": "2025-01-01T00:00:00Z", "go": "2023-11-22T00:00:00Z"}


def test_a_refresh_right_after_a_complete_one_makes_no_request(harness: Harness) -> None:
    harness.run()
    before = harness.lock_path.read_bytes()
    stamp = harness.lock_path.stat().st_mtime_ns
    requests = harness.fake.count()

    code, output = harness.run(today=TODAY + dt.timedelta(days=1))

    assert code == 0
    assert harness.fake.count() == requests
    assert harness.lock_path.read_bytes() == before
    assert harness.lock_path.stat().st_mtime_ns == stamp  # not even rewritten
    assert "Spent 0 units (no request)" in output


def test_refused_candidates_never_reach_the_lock(tmp_path: Path, fake: FakeYouTube) -> None:
    content = write_content(tmp_path, [["mixed bag"]])
    fake.honour_published_after = False  # prove the handbook checks the window itself
    clips = {
        "deleted": video("deleted", deleted=True),
        "private": video("private", privacy="private"),
        "unlisted": video("unlisted", privacy="unlisted"),
        "live": video("live", live="live", seconds=7200),
        "upcoming": video("upcoming", live="upcoming"),
        "short": video("short", "Tip #shorts", seconds=45),
        "clip": video("clip", seconds=150),
        "old": video("old", days_old=4 * 365),
        "good1": video("good1"),
        "good2": video("good2", days_old=10),
    }
    fake.add(*clips.values())
    fake.videos["privatexxxx"].privacy = "public"  # listed by search, made private since
    fake.rank("mixed bag", [clip.id for clip in clips.values()])
    fake.videos["privatexxxx"].privacy = "private"
    fake.videos["unlistedxxx"].privacy = "unlisted"

    code, _ = Harness(content, fake).run()

    entry = lock.read(lock.path_in(content)).queries["mixed bag"]
    assert code == 0
    assert [v.id for v in entry.videos] == ["good1xxxxxx", "good2xxxxxx"]
    assert entry.spares == ()


def test_search_result_ids_missing_from_videos_list_are_dropped(
    tmp_path: Path, fake: FakeYouTube
) -> None:
    content = write_content(tmp_path, [["ghosts"]])
    fake.add(video("ghost", deleted=True), video("alive"))
    fake.rank("ghosts", ["ghostxxxxxx", "alivexxxxxx"])
    Harness(content, fake).run()
    entry = lock.read(lock.path_in(content)).queries["ghosts"]
    assert [v.id for v in entry.videos] == ["alivexxxxxx"]


@pytest.mark.parametrize("videos_list_escapes", [False, True])
def test_escaped_titles_are_stored_as_real_text(
    tmp_path: Path, fake: FakeYouTube, videos_list_escapes: bool
) -> None:
    content = write_content(tmp_path, [["escapes"]])
    fake.add(video("esc", 'Python\'s Tips & Tricks: "A" < B', channel="Tom's <Channel>"))
    fake.rank("escapes", ["escxxxxxxxx"])
    fake.escape_video_titles = videos_list_escapes  # search.list always escapes
    Harness(content, fake).run()
    text = lock.path_in(content).read_text(encoding="utf-8")
    assert '"title": "Python\'s Tips & Tricks: \\"A\\" < B"' in text
    assert '"channel": "Tom\'s <Channel>"' in text
    assert "&#39;" not in text and "&amp;" not in text and "&quot;" not in text


def test_dead_videos_are_replaced_from_spares_without_searching(harness: Harness) -> None:
    harness.run()
    before = harness.lock().queries["python basics"]
    dead = before.videos[1].id
    harness.fake.kill([dead])
    searches = harness.fake.count("search")

    code, output = harness.run(today=LATER)

    after = harness.lock().queries["python basics"]
    assert code == 0
    assert harness.fake.count("search") == searches  # spares sufficed
    assert [v.id for v in after.videos] == [
        before.videos[0].id,
        before.videos[2].id,
        before.spares[0].id,
    ]
    assert [v.id for v in after.spares] == [v.id for v in before.spares[1:]]
    assert after.searched == TODAY
    assert all(v.verified == LATER for v in after.all())
    assert f"{dead} ('python basics'): gone (deleted or private)" in output
    assert harness.fake.count("videos") == 3 + 1  # 18 stale ids, one call


def test_a_query_out_of_spares_is_searched_again_in_the_same_run(harness: Harness) -> None:
    harness.run()
    entry = harness.lock().queries["sql joins explained"]
    harness.fake.kill([v.id for v in entry.all()][1:])  # all but the first shown video

    code, _ = harness.run(today=LATER)

    after = harness.lock().queries["sql joins explained"]
    assert code == 0
    assert searched_words(harness.fake).count("sql joins explained") == 2
    assert after.searched == LATER
    assert after.videos[0].id == entry.videos[0].id  # a surviving video keeps its place
    assert len(after.videos) == 3


def test_videos_that_leave_the_window_are_replaced_offline(
    tmp_path: Path, fake: FakeYouTube
) -> None:
    content = write_content(tmp_path, [["edge"]])
    edge = video("edge", days_old=3 * 365 - 3)  # 2023-11-26: inside the window on TODAY
    fake.add(edge, *(video(f"good{n}") for n in range(4)))
    fake.rank("edge", [edge.id, *(f"good{n}xxxxxx" for n in range(4))])
    harness = Harness(content, fake)
    harness.run()
    requests = fake.count()

    # Ten days later the window starts 2023-12-02; nothing is due for re-verification yet.
    code, output = harness.run(today=TODAY + dt.timedelta(days=10))

    after = harness.lock().queries["edge"]
    assert code == 0
    assert fake.count() == requests
    assert [v.id for v in after.videos] == ["good0xxxxxx", "good1xxxxxx", "good2xxxxxx"]
    assert [v.id for v in after.spares] == ["good3xxxxxx"]
    assert "Dropped 1 videos that left the recency window" in output


def test_quota_exceeded_mid_run_saves_progress_and_resumes(harness: Harness) -> None:
    harness.fake.quota = 202  # room for two searches and their verification
    code, output = harness.run()

    assert code == 3
    assert "Stopped early: daily quota exceeded (search.list)" in output
    assert len(harness.lock().queries) == 2
    first = searched_words(harness.fake)

    harness.fake.quota = None  # the next day
    code, _ = harness.run()

    assert code == 0
    assert sorted(harness.lock().queries) == KEYS
    again = searched_words(harness.fake)[len(first) :]
    assert len(again) == 1 and again[0] not in first[:2]


def test_503_then_success(harness: Harness) -> None:
    harness.fake.fail("search", 503, "backendError", times=2)
    code, _ = harness.run()
    assert code == 0
    first, second = harness.sleeps  # jittered: between half and all of 1 s, then of 2 s
    assert 0.5 <= first <= 1.0 and 1.0 <= second <= 2.0
    assert sorted(harness.lock().queries) == KEYS


def test_invalid_key_leaves_the_lock_untouched(harness: Harness) -> None:
    harness.run()
    harness.fake.kill([harness.lock().queries["python basics"].videos[0].id])
    before = harness.lock_path.read_bytes()
    with pytest.raises(KeyRejected, match="API key not valid") as raised:
        harness.run(today=LATER, key="AIzaNOT-the-right-key")
    assert "AIzaNOT" not in str(raised.value)
    assert harness.lock_path.read_bytes() == before


def test_network_failure_leaves_the_lock_untouched(harness: Harness) -> None:
    harness.run()
    # Make offline changes pending too: a query removed from content would be dropped.
    write_content(harness.content, [["Python basics"], ["SQL joins explained"]])
    lock.save(
        harness.lock_path,
        Lock(queries={**harness.lock().queries, "new one": Entry(searched=None)}),
    )
    before = harness.lock_path.read_bytes()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    with pytest.raises(NetworkFailure, match="cannot reach the YouTube Data API"):
        harness.run(today=LATER, endpoint=closed)
    assert harness.lock_path.read_bytes() == before


def test_budget_stop_then_resume(harness: Harness) -> None:
    code, output = harness.run(budget=250)

    assert code == 3
    assert harness.fake.units == 202
    assert "Stopped early: the budget of 250 units is spent" in output
    assert "Left for the next run: 1 searches" in output
    assert len(harness.lock().queries) == 2

    code, _ = harness.run(budget=250)
    assert code == 0
    assert sorted(harness.lock().queries) == KEYS
    assert harness.fake.count("search") == 3  # nothing searched twice


def test_the_budget_goes_to_the_most_urgent_query_first(tmp_path: Path, fake: FakeYouTube) -> None:
    content = write_content(tmp_path, [["past week"], ["this week"], ["next week"]])
    code, _ = Harness(content, fake).run(budget=101, today=dt.date(2026, 11, 11))
    assert code == 3
    assert searched_words(fake) == ["this week"]


def test_stale_videos_are_reverified_in_batches_of_50(tmp_path: Path, fake: FakeYouTube) -> None:
    content = write_content(tmp_path, [[f"topic {n}" for n in range(10)]])
    harness = Harness(content, fake)
    harness.run()
    calls = fake.count("videos")

    code, output = harness.run(today=LATER)

    assert code == 0
    assert fake.count("search") == 10
    assert fake.count("videos") - calls == 2  # 60 stored ids → 50 + 10
    assert "re-verified 60 videos" in output
    assert all(v.verified == LATER for e in harness.lock().queries.values() for v in e.all())


def test_removed_queries_are_dropped_without_requests(harness: Harness) -> None:
    harness.run()
    write_content(harness.content, [["Python basics"]])
    requests = harness.fake.count()
    code, output = harness.run()
    assert code == 0
    assert harness.fake.count() == requests
    assert list(harness.lock().queries) == ["python basics"]
    assert "Dropped 2 queries no longer in content." in output


def test_research_searches_everything_again(harness: Harness) -> None:
    harness.run()
    code, _ = harness.run(research=True)
    assert code == 0
    assert harness.fake.count("search") == 6


def test_dry_run_plans_without_requests_or_writes(harness: Harness) -> None:
    code, output = harness.run(dry_run=True, key="")
    assert code == 0
    assert harness.fake.count() == 0
    assert not harness.lock_path.exists()
    assert "Search 3 new or unresolved queries" in output
    assert "Units needed: 303 (fits the budget of 9000)" in output


def test_a_thin_query_is_searched_again_only_after_30_days(
    tmp_path: Path, fake: FakeYouTube
) -> None:
    content = write_content(tmp_path, [["rare topic", "nothing good"]])
    fake.add(video("only"))
    fake.rank("rare topic", ["onlyxxxxxxx"])
    fake.rank("nothing good", [])
    harness = Harness(content, fake)
    code, output = harness.run()
    assert code == 0
    assert "1 queries have no video that passes the rules" in output
    assert harness.lock().queries["nothing good"] == Entry(searched=TODAY)
    harness.run(today=TODAY + dt.timedelta(days=30))
    assert fake.count("search") == 2
    harness.run(today=TODAY + dt.timedelta(days=31))
    assert fake.count("search") == 4


def test_lock_entries_hold_no_counts(harness: Harness) -> None:
    harness.run()
    data = json.loads(harness.lock_path.read_text(encoding="utf-8"))
    fields = {name for entry in data["queries"].values() for v in entry["videos"] for name in v}
    assert fields == {"channel", "id", "published", "seconds", "title", "verified"}
