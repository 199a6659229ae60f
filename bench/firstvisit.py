"""What a reader's first visit costs in data, with and without the service worker.

A fresh Chromium profile opens a roadmap's overview once. Without the worker that is the page
and what it loads; with it, the worker also saves the shell and every page of that roadmap
for offline reading (``generator/precache.py``). The bytes are counted where they leave the
server, headers included, so nothing the page or the worker asks for is missed.

The site is served as GitHub Pages serves it: HTTP/1.1 with keep-alive, gzip for text, an
``ETag`` and ``Cache-Control: max-age=600``, so files the page has just loaded are not
downloaded a second time when the worker saves them. Playwright's request interception is
not used: it turns the browser's HTTP cache off, which would count those files twice.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".webmanifest"}
"""What GitHub Pages sends gzipped."""
TYPES = {".webmanifest": "application/manifest+json", ".js": "text/javascript"}


class _Counter:
    """Wraps a connection's output, adding every byte written to the server's total."""

    def __init__(self, inner: Any, server: _PagesServer) -> None:
        self.inner, self.server = inner, server

    def write(self, data: bytes) -> int:
        with self.server.lock:
            self.server.sent += len(data)
        written: int = self.inner.write(data)
        return written

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)  # flush, close, closed: the connection's own


class _PagesServer(http.server.ThreadingHTTPServer):
    sent = 0
    lock = threading.Lock()


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them."""

    protocol_version = "HTTP/1.1"
    server: _PagesServer

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return TYPES.get(Path(path).suffix) or super().guess_type(path)

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counter(self.wfile, self.server)  # type: ignore[assignment]

    def log_message(self, format: str, *args: object) -> None:
        return

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # redirects and 404s, with their lengths
        data = path.read_bytes()
        tag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == tag:
            self.send_response(304)
            self._caching(tag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = wants_gzip and path.suffix in COMPRESSED
        body = gzip.compress(data, compresslevel=6, mtime=0) if compress else data
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self._caching(tag)
        self.end_headers()
        return _Body(body)

    def _caching(self, tag: str) -> None:
        self.send_header("ETag", tag)
        self.send_header("Cache-Control", "max-age=600")


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        return


@contextmanager
def serving(site: Path) -> Iterator[tuple[str, _PagesServer]]:
    """``site`` served like GitHub Pages on a free port of 127.0.0.1: its root URL and server."""
    handler = functools.partial(_PagesHandler, directory=str(site))
    server = _PagesServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def first_visit(
    browser: Browser, url: str, server: _PagesServer, roadmap: str, worker: bool
) -> int:
    """Bytes sent for one first visit of ``url`` in a fresh profile; with ``worker``, until
    the worker says that ``roadmap`` is saved for offline reading."""
    context = browser.new_context(service_workers="allow" if worker else "block")
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        with server.lock:
            server.sent = 0
        page.goto(url, wait_until="load")
        if worker:
            page.wait_for_selector(f'html[data-hb-offline="{roadmap}"]', state="attached")
        page.wait_for_load_state("networkidle")  # Material's search index arrives after load
        with server.lock:
            return server.sent
    finally:
        context.close()


def measure(site: Path, roadmaps: list[str], browser: Browser) -> dict[str, Any]:
    """Per roadmap, bytes of a first visit to its overview without and with the worker."""
    figures: dict[str, Any] = {}
    with serving(site) as (root, server):
        for slug in roadmaps:
            without = first_visit(browser, root + slug + "/", server, slug, worker=False)
            with_worker = first_visit(browser, root + slug + "/", server, slug, worker=True)
            figures[slug] = {
                "without_worker_bytes": without,
                "with_worker_bytes": with_worker,
                "added_bytes": with_worker - without,
            }
    return figures


def table(figures: dict[str, Any]) -> list[str]:
    """The figures as Markdown lines."""
    lines = [
        "",
        "## First visit to a roadmap's overview (gzip, as GitHub Pages serves it; bytes sent)",
        "",
        "| roadmap | without the worker | with the worker (saved for offline) | added |",
        "| --- | --- | --- | --- |",
    ]
    for slug, row in figures.items():
        lines.append(
            f"| {slug} | {row['without_worker_bytes']:,} | {row['with_worker_bytes']:,} | "
            f"{row['added_bytes']:,} |"
        )
    return lines
