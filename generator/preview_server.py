"""``handbook serve``: the author's live preview, with either engine.

The engine's own live-reloading server (``mkdocs serve``, ``zensical serve``) serves the
pages and reloads the browser; this process watches what the pages are made from (the
content, the configuration, the generator's templates and browser sources), renders again
on every change and rewrites the generated configuration, which is what the engine
rebuilds from. Two things an author needs that the engines cannot know:

- **A refused edit shows where the author looks.** When the content has an error, the
  last good pages stay, and the generated configuration carries the problems
  (``extra.hb_preview_errors``): every page then shows them in a banner at its top, each
  as ``FILE:LINE:COL: key: message`` (inert text: the template escapes it), until the
  content is fixed. The terminal prints them too.
- **It stops cleanly.** The engine's server runs in a process group of its own; Ctrl-C or
  SIGTERM to this process ends the group (Ctrl-C first, so MkDocs removes its temporary
  site folder), frees the port and removes the temporary folders. A busy port is one line
  and exit 2, before anything starts.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from generator import engine, pipeline, webapp, webassets
from generator.errors import ContentError, UsageError
from generator.settings import Settings
from generator.views import urls

POLL = 0.05
"""Seconds between two looks at the watched files: an edit is noticed within this."""
PREVIEW_SITE = Path("build/preview-site")
"""Where the engine's server builds (Zensical builds into ``site_dir``: not the published
folder), relative to the configuration's folder."""
TEMPORARY = Path("build/preview-tmp")
"""The engine's temporary folder (``TMPDIR``), removed when the preview stops."""
STOP_WAIT = 5.0
"""Seconds the engine's server has to stop after Ctrl-C before it is killed."""


class _Stop(Exception):
    """SIGTERM arrived: stop as on Ctrl-C."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def parse_address(address: str) -> tuple[str, int]:
    """``HOST:PORT`` → (host, port); anything else is a usage error."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(f"--dev-addr {address}: expected HOST:PORT, e.g. 127.0.0.1:8000")
    return host.strip("[]"), int(port)


def check_port(address: str) -> None:
    """Refuse, in one line, an address another program is serving on."""
    host, port = parse_address(address)
    try:
        info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise UsageError(f"--dev-addr {address}: {error.strerror}") from None
    with socket.socket(info[0], socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(info[4])
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise UsageError(
                    f"--dev-addr {address}: the port is in use (is another preview running? "
                    "stop it, or choose another port with --dev-addr)"
                ) from None
            raise UsageError(f"--dev-addr {address}: {error.strerror}") from None


def watched(content: Path, settings: Settings) -> Iterator[Path]:
    """Every file the pages are made from, besides the engine's own theme."""
    yield settings.config_file
    for folder in (content, pipeline.GENERATOR / "templates", webassets.SOURCES):
        yield from (path for path in folder.rglob("*") if path.is_file())


def _stamp(content: Path, settings: Settings) -> frozenset[tuple[str, int, int]]:
    found = set()
    for path in watched(content, settings):
        try:
            info = path.stat()
        except FileNotFoundError:
            continue
        found.add((str(path), info.st_mtime_ns, info.st_size))
    return frozenset(found)


class Preview:
    """Renders the pages and hands them to the engine's server, errors included."""

    def __init__(self, content: Path, settings: Settings) -> None:
        self.content = content
        self.settings = settings
        self.site_dir = settings.config_file.parent / PREVIEW_SITE
        self.head = webapp.head(webapp.settings(settings.mkdocs))

    def render(self) -> list[str]:
        """Render; the problems of refused content (empty when it was accepted)."""
        docs = self.settings.docs_dir
        try:
            result = pipeline.render_handbook(self.content, docs, None, offline=False)
        except ContentError as error:
            print(error, file=sys.stderr, flush=True)
            print(f"{len(error.problems)} problem(s) found; the preview keeps the last good pages.")
            return [str(problem) for problem in error.problems]
        if not result.cached:
            print(f"Rendered: {result.report.summary()}", flush=True)
        return []

    def hand_over(self, problems: list[str]) -> Path:
        """Write the generated configuration the engine's server rebuilds from."""
        docs = self.settings.docs_dir
        handover = engine.Handover(
            docs_dir=docs,
            site_dir=self.site_dir,
            nav=engine.read_nav(docs, urls.NAV),
            versions=webassets.versions_in(docs),
            webapp_head=self.head,
            preview_errors=tuple(problems),
        )
        return engine.write_configuration(self.settings, handover, engine.GENERATED)


def run(content: Path, settings: Settings, builder: str, address: str) -> int:
    """Serve the preview until Ctrl-C or SIGTERM; the engine server's exit status."""
    engine.check(builder)
    if builder == "zensical":
        engine.inside_project(settings, settings.docs_dir, "--docs")
    check_port(address)
    preview = Preview(content, settings)
    problems = preview.render()
    if problems and not (settings.docs_dir / urls.NAV).is_file():
        return 2  # nothing good to show yet: the problems are printed above
    config_file = preview.hand_over(problems)
    temporary = settings.config_file.parent / TEMPORARY
    temporary.mkdir(parents=True, exist_ok=True)
    previous = signal.signal(signal.SIGTERM, _stop)
    process = engine.serve(builder, config_file, address, {"TMPDIR": str(temporary)})
    try:
        stamp = _stamp(content, settings)
        while process.poll() is None:
            time.sleep(POLL)
            current = _stamp(content, settings)
            if current != stamp:
                stamp = current
                preview.hand_over(preview.render())
    except (KeyboardInterrupt, _Stop):
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        status = _end(process)
        shutil.rmtree(temporary, ignore_errors=True)
    return 0 if status in (0, -signal.SIGINT, 130) else status


def _end(process: subprocess.Popen[bytes]) -> int:
    """Stop the engine's server and everything it started; its exit status."""
    if process.poll() is not None:
        return process.returncode
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            return process.wait(STOP_WAIT)
        except subprocess.TimeoutExpired:
            continue
    return process.wait()
