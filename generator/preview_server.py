"""``handbook serve``: the author's live preview, with either engine.

The engine's own live-reloading server (``mkdocs serve``, ``zensical serve``) serves the
pages and reloads the browser; this process watches what the pages are made from (the
content, the configuration, the theme, the generator's templates and browser sources),
renders again on every change and rewrites the generated configuration, which is what the
engine rebuilds from.

**Only what the edit touched is rebuilt.** The render rewrites only the pages whose text
changed, and the engine rebuilds only those: MkDocs serves with ``--dirty`` (Material's
search index keeps the other pages' entries), Zensical rebuilds what changed on its own.
When something every page shows changes (the navigation, a refused edit's banner, the
theme or ``mkdocs.yml``), every page is marked changed, so no page keeps a stale sidebar.
A page's new title is the one case where the author should not wait for all of them: the
edited page is rebuilt first, and the others a moment later (``SECOND_PASS``).
In the preview our assets are not versioned (``?v=``): the engines' servers send no caching
headers, and a new version in every page would make each edit rebuild them all.

Two more things an author needs that the engines cannot know:

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
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from generator import engine, pipeline, webapp, webassets
from generator.errors import ContentError, UsageError
from generator.siteconfig import Settings
from generator.views import urls

POLL = 0.05
"""Seconds between two looks at the watched files: an edit is noticed within this."""
PREVIEW_SITE = Path("build/preview-site")
"""Where the engine's server builds (Zensical builds into ``site_dir``: not the published
folder), relative to the configuration's folder."""
TEMPORARY = Path("build/preview-tmp")
"""The engine's temporary folder (``TMPDIR``), removed when the preview stops."""
SECOND_PASS = 1.5
"""Seconds after a title edit's own pages are handed to the engine before every other page
(whose sidebar lists the title) is: the edited page shows first, the rest follow."""
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


def _files(*places: Path) -> Iterator[Path]:
    for place in places:
        if place.is_file():
            yield place
        elif place.is_dir():
            yield from (path for path in place.rglob("*") if path.is_file())


def _stamp(paths: Iterable[Path]) -> frozenset[tuple[str, int, int]]:
    found = set()
    for path in paths:
        try:
            info = path.stat()
        except FileNotFoundError:
            continue
        found.add((str(path), info.st_mtime_ns, info.st_size))
    return frozenset(found)


def _title(page: Path) -> str | None:
    """A page's first heading, which the engines take as its title in every sidebar."""
    try:
        with page.open(encoding="utf-8") as lines:
            return next((line for line in lines if line.startswith("# ")), None)
    except FileNotFoundError:
        return None


class Preview:
    """Renders the pages and hands them to the engine's server, errors included."""

    def __init__(self, content: Path, settings: Settings) -> None:
        self.content = content
        self.settings = settings
        self.site_dir = settings.config_file.parent / PREVIEW_SITE
        self.head = webapp.head(webapp.settings(settings.mkdocs))
        theme = settings.mkdocs["theme"].custom_dir
        self.theme = [settings.config_file, *([Path(theme)] if theme else [])]
        self.sources = [content, pipeline.GENERATOR / "templates", webassets.SOURCES]
        self.titles = {
            page.relative_to(settings.docs_dir).as_posix(): _title(page)
            for page in settings.docs_dir.rglob("*.md")
        }

    def render_stamp(self) -> frozenset[tuple[str, int, int]]:
        """The state of what the pages are rendered from."""
        return _stamp(_files(*self.sources))

    def theme_stamp(self) -> frozenset[tuple[str, int, int]]:
        """The state of what the engine dresses every page with."""
        return _stamp(_files(*self.theme))

    def rebuild_every_page(self) -> None:
        """Mark every page changed, so that the engine rebuilds them all."""
        for page in self.settings.docs_dir.rglob("*.md"):
            page.touch()

    def render(self) -> tuple[list[str], bool]:
        """Render: the problems of refused content (empty when it was accepted), and whether
        a page's title changed (every sidebar lists it)."""
        docs = self.settings.docs_dir
        try:
            result = pipeline.render_handbook(self.content, docs, None, offline=False)
        except ContentError as error:
            print(error, file=sys.stderr, flush=True)
            print(f"{len(error.problems)} problem(s) found; the preview keeps the last good pages.")
            return [str(problem) for problem in error.problems], False
        if result.cached:
            return [], False
        print(f"Rendered: {result.report.summary()}", flush=True)
        changed = result.report.written + result.report.removed
        retitled = False
        for path in (p for p in changed if p.endswith(".md")):
            title = _title(docs / path)
            retitled |= self.titles.get(path) != title
            self.titles[path] = title
        return [], retitled or bool(result.report.removed)

    def hand_over(self, problems: list[str]) -> bool:
        """Write the generated configuration the engine's server rebuilds from; whether it
        changed (then every page shows something new: the navigation or the banner)."""
        docs = self.settings.docs_dir
        handover = engine.Handover(
            docs_dir=docs,
            site_dir=self.site_dir,
            nav=engine.read_nav(docs, urls.NAV),
            versions={},
            webapp_head=self.head,
            preview_errors=tuple(problems),
            preview=True,
        )
        target = self.settings.config_file.parent / engine.GENERATED
        before = target.read_bytes() if target.is_file() else b""
        engine.write_configuration(self.settings, handover, engine.GENERATED)
        return target.read_bytes() != before


def run(content: Path, settings: Settings, builder: str, address: str) -> int:
    """Serve the preview until Ctrl-C or SIGTERM; the engine server's exit status."""
    engine.check(builder)
    if builder == "zensical":
        engine.inside_project(settings, settings.docs_dir, "--docs")
    check_port(address)
    preview = Preview(content, settings)
    problems, _ = preview.render()
    if problems and not (settings.docs_dir / urls.NAV).is_file():
        return 2  # nothing good to show yet: the problems are printed above
    preview.hand_over(problems)
    config_file = settings.config_file.parent / engine.GENERATED
    temporary = settings.config_file.parent / TEMPORARY
    shutil.rmtree(temporary, ignore_errors=True)  # what a killed preview left
    temporary.mkdir(parents=True)
    previous = signal.signal(signal.SIGTERM, _stop)
    process = engine.serve(builder, config_file, address, {"TMPDIR": str(temporary)})
    try:
        sources, theme = preview.render_stamp(), preview.theme_stamp()
        second_pass: float | None = None
        while process.poll() is None:
            time.sleep(POLL)
            if second_pass is not None and time.monotonic() >= second_pass:
                second_pass = None
                preview.rebuild_every_page()
            if (current := preview.theme_stamp()) != theme:
                theme = current
                preview.rebuild_every_page()
                config_file.touch()  # the engine reloads mkdocs.yml through it
            if (current := preview.render_stamp()) != sources:
                sources = current
                problems, retitled = preview.render()
                if preview.hand_over(problems):
                    preview.rebuild_every_page()
                elif retitled:
                    second_pass = time.monotonic() + SECOND_PASS
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
