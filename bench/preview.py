"""Edit → served page: what an author waits for in ``make serve``.

A scratch project is served with ``handbook serve --builder ENGINE``; then, several times, the
first week of its first roadmap is edited and the served week page is fetched until it shows
the edit. The figure is the time from the file's write to the first response that has the new
text (what a browser's reload would show), median of the edits. Two kinds of edit, because
the preview does different work for them:

- **title**: every page's sidebar lists the week's title, so every page is rebuilt;
- **topic**: one checklist line changes, so only that week's page is rebuilt.

Before each edit the server is left to finish what the last one started (its processes use
next to no CPU), so that a rebuild still running never slows the next measurement.
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
WAIT = 180.0
"""Seconds an edit, or the server's start, may take before the measurement gives up (a
broken preview; a 1,000-week title edit rebuilds a thousand pages)."""
KINDS = ("title", "topic")
QUIET_TICKS = 10
"""CPU clock ticks (1/100 s) the server's processes may use in a second and count as idle."""


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


_FIELDS = {
    "title": re.compile(r"^ +title: *(.+)$", re.MULTILINE),
    "topic": re.compile(r"^ +topics:\n +- (.+)$", re.MULTILINE),
}


def edit(text: str, kind: str, marker: str) -> str:
    """``text`` (a roadmap file) with its first week's title, or first topic, replaced by
    ``marker``. Found after the first ``weeks:`` key, so a roadmap's or month's own title is
    never the one edited; replaced where it was found, not wherever the same words recur."""
    start = text.index("weeks:")
    found = _FIELDS[kind].search(text, start)
    if found is None:
        raise RuntimeError(f"no week {kind} after the first 'weeks:'")
    return text[: found.start(1)] + marker + text[found.end(1) :]


def _cpu_ticks(pid: int) -> int:
    """CPU clock ticks used so far by ``pid`` and every process below it (read from /proc:
    the engine's server is a child of ``handbook serve``, in a session of its own)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while we looked
            continue
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime, stime
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += ticks.get(current, 0)
        todo += [child for child, parent in parents.items() if parent == current]
    return total


def settle(pid: int, deadline: float) -> None:
    """Wait until the server (``pid`` and its children) has been idle for a second."""
    before = _cpu_ticks(pid)
    while time.perf_counter() < deadline:
        time.sleep(1.0)
        now = _cpu_ticks(pid)
        if now - before < QUIET_TICKS:
            return
        before = now
    raise RuntimeError("the preview server never became idle")


def measure(project: Path, engine: str, edits: int = EDITS) -> dict[str, float]:
    """Median seconds from a saved edit to the served page showing it, per kind of edit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "generator.cli", "serve", "--builder", engine]
    command += ["--dev-addr", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    roadmap = sorted((project / "content" / "roadmaps").glob("*.yaml"))[0]
    original = roadmap.read_text(encoding="utf-8")
    try:
        slug, _ = first_week(roadmap)
        page = f"{base}{slug}/week-01/"
        wait_for(page, "Week 1", time.perf_counter() + WAIT)
        medians = {}
        for kind in KINDS:
            times = []
            for number in range(edits):
                marker = f"Edited {kind} {number} {time.time_ns()}"
                settle(process.pid, time.perf_counter() + WAIT)
                started = time.perf_counter()
                roadmap.write_text(edit(original, kind, marker), encoding="utf-8")
                times.append(wait_for(page, marker, started + WAIT) - started)
            medians[kind] = round(statistics.median(times), 3)
            roadmap.write_text(original, encoding="utf-8")
        return medians
    finally:
        roadmap.write_text(original, encoding="utf-8")
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
