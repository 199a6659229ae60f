"""``handbook refresh`` as users run it: exit codes, messages, and the key never shown."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import cli, pipeline
from generator.youtube import lock
from tests.conftest import ROOT
from tests.fakes.youtube_api import FakeYouTube
from tests.youtube.conftest import KEY, Harness, write_content


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, fake: FakeYouTube) -> pytest.MonkeyPatch:
    monkeypatch.setenv("YOUTUBE_API_KEY", KEY)
    monkeypatch.setenv("YOUTUBE_API_ENDPOINT", fake.url)
    return monkeypatch


def refresh(content: Path, *extra: str) -> int:
    return cli.main(["refresh", "--content", str(content), "--today", "2026-11-22", *extra])


def closed_endpoint() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_exit_0_when_everything_resolved(harness: Harness, env: pytest.MonkeyPatch) -> None:
    assert refresh(harness.content) == 0
    assert refresh(harness.content) == 0


def test_exit_3_when_stopped_early(harness: Harness, env: pytest.MonkeyPatch) -> None:
    assert refresh(harness.content, "--budget", "101") == 3
    harness.fake.quota = harness.fake.units + 101
    assert refresh(harness.content) == 3
    harness.fake.quota = None
    assert refresh(harness.content) == 0


def test_exit_2_for_bad_usage_content_lock_or_key(
    harness: Harness, env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert refresh(harness.content, "--budget", "-1") == 2
    with pytest.raises(SystemExit) as raised:
        refresh(harness.content, "--today", "22/11/2026")
    assert raised.value.code == 2

    env.setenv("YOUTUBE_API_KEY", "AIzaWRONG")
    assert refresh(harness.content) == 2
    assert "YOUTUBE_API_KEY was rejected by the YouTube Data API" in capsys.readouterr().err
    assert not harness.lock_path.exists()

    env.delenv("YOUTUBE_API_KEY")
    assert refresh(harness.content) == 2
    assert "YOUTUBE_API_KEY is not set" in capsys.readouterr().err

    requests = harness.fake.count()
    harness.lock_path.write_text("{", encoding="utf-8")
    assert refresh(harness.content, "--dry-run") == 2
    assert "videos.lock.json:1:2: not JSON" in capsys.readouterr().err

    (harness.content / "roadmaps" / "road.yaml").write_text("title: [", encoding="utf-8")
    assert refresh(harness.content, "--dry-run") == 2
    assert "road.yaml:2:1: YAML syntax error" in capsys.readouterr().err
    assert harness.fake.count() == requests


def test_exit_1_when_the_network_is_down(
    harness: Harness, env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env.setenv("YOUTUBE_API_ENDPOINT", closed_endpoint())
    assert refresh(harness.content) == 1
    assert "cannot reach the YouTube Data API" in capsys.readouterr().err
    assert not harness.lock_path.exists()


def test_the_key_appears_in_no_output_log_lock_or_page(
    harness: Harness,
    env: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    env.setattr(time, "sleep", harness.sleeps.append)  # retries back off without waiting
    fake = harness.fake
    fake.fail("search", 503, "backendError")
    fake.fail("search", 403, "rateLimitExceeded")
    codes = [refresh(harness.content, "--budget", "101")]  # partial
    fake.quota = fake.units + 150
    codes.append(refresh(harness.content))  # quotaExceeded
    fake.quota = None
    fake.fail("videos", 400, "keyInvalid")
    codes.append(refresh(harness.content))  # rejected key
    fake.fail("search", 500, "backendError", times=5)
    codes.append(refresh(harness.content, "--research", "--budget", "100000"))  # retries exhausted
    env.setenv("YOUTUBE_API_ENDPOINT", closed_endpoint())
    codes.append(refresh(harness.content, "--research"))  # network down
    env.setenv("YOUTUBE_API_ENDPOINT", fake.url)
    codes.append(refresh(harness.content))  # completes
    codes.append(refresh(harness.content, "--dry-run"))
    pipeline.render_handbook(harness.content, tmp_path / "docs", None)

    assert codes == [3, 3, 2, 1, 1, 0, 0]
    seen = capsys.readouterr()
    assert "URL being requested" in caplog.text  # the library did log request URLs
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("*.md"))
    assert "www.youtube.com/watch?v=" in pages
    for text in (seen.out, seen.err, caplog.text, harness.lock_path.read_text(), pages):
        assert KEY not in text


def test_a_real_process_prints_neither_the_key_nor_library_noise(
    harness: Harness, fake: FakeYouTube
) -> None:
    fake.quota = 202
    environ = {**os.environ, "YOUTUBE_API_KEY": KEY, "YOUTUBE_API_ENDPOINT": fake.url}
    command = [sys.executable, "-m", "generator.cli", "refresh", "--content", str(harness.content)]
    result = subprocess.run(command, capture_output=True, text=True, env=environ, cwd=ROOT)
    assert result.returncode == 3
    assert "Stopped early: daily quota exceeded" in result.stdout
    assert KEY not in result.stdout + result.stderr
    assert result.stderr == ""  # no library warnings, no tracebacks


def test_killing_a_refresh_mid_run_keeps_a_valid_lock_and_the_progress(
    tmp_path: Path, fake: FakeYouTube
) -> None:
    """The refresh is killed (SIGKILL, which no cleanup sees) while it waits for its ninth
    search: the fake holds that request, so the kill lands at a known point every time."""
    content = write_content(tmp_path / "content", [[f"topic {n}"] for n in range(30)])
    environ = {**os.environ, "YOUTUBE_API_KEY": KEY, "YOUTUBE_API_ENDPOINT": fake.url}
    command = [sys.executable, "-m", "generator.cli", "refresh", "--content", str(content)]
    waiting = fake.hold("search", after=8)
    process = subprocess.Popen(command, env=environ, cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        assert waiting.wait(60), "the refresh never reached its ninth search"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        fake.release()
    assert process.returncode == -signal.SIGKILL

    saved = lock.read(lock.path_in(content))  # parses: the checkpoint after eight searches
    assert len(saved.queries) == 8
    first = fake.count("search")

    code, _ = Harness(content, fake).run()
    assert code == 0
    assert len(lock.read(lock.path_in(content)).queries) == 30
    assert fake.count("search") - first == 30 - len(saved.queries)  # resumed, not restarted
