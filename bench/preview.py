"""Edit → served page: what an author waits for in ``make serve``.

A scratch project is served with ``handbook serve --builder ENGINE``; then, several times, a
week's title is changed in its roadmap file and the served week page is fetched until it
shows the new title. The figure is the time from the file's write to the first response
that has the new text (what a browser's reload would show), median of the edits.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

EDITS = 5
WAIT = 60.0
"""Seconds an edit may take before the measurement gives up (a broken preview)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, deadline: float) -> float:
    """Poll ``url`` until it holds ``text``; the moment it did."""
    while time.perf_counter() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter()
        time.sleep(0.01)
    raise RuntimeError(f"{url} never showed {text!r}")


def first_week(roadmap: Path) -> tuple[str, str]:
    """The slug of ``roadmap`` and its first week's title line, as written."""
    text = roadmap.read_text(encoding="utf-8")
    slug = re.search(r"^slug: *['\"]?([a-z0-9-]+)", text, re.MULTILINE)
    title = re.search(r"^ +title: *(.+)$", text.split("weeks:", 1)[1], re.MULTILINE)
    if slug is None or title is None:
        raise RuntimeError(f"{roadmap}: no slug or week title found")
    return slug.group(1), title.group(1)


def measure(project: Path, engine: str, edits: int = EDITS) -> float:
    """Median seconds from a saved edit to the served page showing it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "generator.cli", "serve", "--builder", engine]
    command += ["--dev-addr", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        roadmap = sorted((project / "content" / "roadmaps").glob("*.yaml"))[0]
        slug, title = first_week(roadmap)
        page = f"{base}{slug}/week-01/"
        wait_for(page, "Week 1", time.perf_counter() + 120)
        original = roadmap.read_text(encoding="utf-8")
        times = []
        for number in range(edits):
            marker = f"Edited {number} {time.time_ns()}"
            edited = original.replace(f"title: {title}", f"title: {marker}", 1)
            time.sleep(1.0)  # a quiet server, as between an author's edits
            started = time.perf_counter()
            roadmap.write_text(edited, encoding="utf-8")
            times.append(wait_for(page, marker, started + WAIT) - started)
        roadmap.write_text(original, encoding="utf-8")
        return round(statistics.median(times), 3)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
