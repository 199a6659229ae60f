"""``handbook serve`` as an author meets it: edits show, refused edits show where the author
looks, and the preview stops cleanly, with either engine."""

from __future__ import annotations

import html
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.preview import fetch, free_port  # the edit → page benchmark serves the same way
from generator import engine
from tests.conftest import HANDBOOK, scratch_project

HOSTILE_KEY = "<img src=x onerror=alert(1)>"


def _wait(url: str, predicate: Callable[[str], bool], seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and predicate(page):
            return page
        time.sleep(0.1)
    raise AssertionError(f"{url} never reached the expected state")


class Served:
    def __init__(self, project: Path, process: subprocess.Popen[str], url: str) -> None:
        self.project, self.process, self.url = project, process, url
        self.roadmap = project / "content" / "roadmaps" / "solo.yaml"


@pytest.fixture(params=engine.ENGINES)
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Served]:
    project = scratch_project(tmp_path / "project")
    shutil.copytree(HANDBOOK, project / "content")
    port = free_port()
    command = [sys.executable, "-m", "generator.cli", "serve", "--builder", str(request.param)]
    command += ["--dev-addr", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        command, cwd=project, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait(url + "fixture-solo/week-01/", lambda page: "Week 1" in page, 120)
        yield Served(project, process, url)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def test_an_edit_a_refused_edit_and_the_fix_all_show_in_the_page(served: Served) -> None:
    page = served.url + "fixture-solo/week-01/"
    original = served.roadmap.read_text(encoding="utf-8")

    served.roadmap.write_text(
        original.replace("title: Setup", "title: Edited in the preview"), "utf-8"
    )
    _wait(page, lambda text: "Edited in the preview" in text)

    broken = original.replace("months:", f'"{HOSTILE_KEY}": 1\nmonths:', 1)
    served.roadmap.write_text(broken, encoding="utf-8")
    shown = _wait(page, lambda text: "hb-preview-errors" in text)
    assert "Your last edit was refused" in shown
    text = html.unescape(shown)  # the engines escape differently (MiniJinja also writes &#x2f;)
    assert "content/roadmaps/solo.yaml:10:1: " in text  # FILE:LINE:COL as the terminal says it
    assert HOSTILE_KEY not in shown and HOSTILE_KEY in text  # shown as text, never as markup
    assert "Edited in the preview" in shown  # the last good pages: the edited ones
    assert "hb-preview-errors" in (fetch(served.url) or "")  # on every page

    served.roadmap.write_text(original, encoding="utf-8")
    _wait(page, lambda text: "hb-preview-errors" not in text)


def test_sigterm_stops_the_preview_and_everything_it_started(served: Served) -> None:
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(30) == 0
    port = int(served.url.rsplit(":", 1)[1].strip("/"))
    with socket.socket() as probe:  # the port is free again
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))
    left = subprocess.run(["pgrep", "-f", f"127.0.0.1:{port}"], capture_output=True, text=True)
    assert left.stdout.strip() == ""  # no engine server left behind
    assert not (served.project / "build" / "preview-tmp").exists()


def test_a_busy_port_is_one_line_and_exit_2(tmp_path: Path) -> None:
    project = scratch_project(tmp_path / "project")
    shutil.copytree(HANDBOOK, project / "content")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        command = [sys.executable, "-m", "generator.cli", "serve", "--dev-addr"]
        result = subprocess.run(
            [*command, f"127.0.0.1:{port}"], cwd=project, capture_output=True, text=True
        )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"--dev-addr 127.0.0.1:{port}: the port is in use (is another preview running? "
        "stop it, or choose another port with --dev-addr)"
    ]
    assert not list((project / "build" / "docs").rglob("*.md"))  # refused before rendering
