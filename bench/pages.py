"""The built site served on 127.0.0.1 as GitHub Pages serves it, for the benchmarks.

HTTP/1.1 with keep-alive, gzip for text, an ``ETag`` and ``Cache-Control: max-age=600``:
what a reader's browser meets in production, so page weight, first-visit bytes and
Lighthouse scores are measured against the same server. The server counts every byte it
sends, headers included (``_PagesServer.sent``).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".webmanifest"}
"""What GitHub Pages sends gzipped."""
TYPES = {".webmanifest": "application/manifest+json", ".js": "text/javascript"}


class _Counter:
    """Wraps a connection's output, adding every byte written to the server's total."""

    def __init__(self, inner: Any, server: PagesServer) -> None:
        self.inner, self.server = inner, server

    def write(self, data: bytes) -> int:
        with self.server.lock:
            self.server.sent += len(data)
        written: int = self.inner.write(data)
        return written

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)  # flush, close, closed: the connection's own


class PagesServer(http.server.ThreadingHTTPServer):
    sent = 0
    lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser closing a kept-alive connection as it quits is not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them."""

    protocol_version = "HTTP/1.1"
    server: PagesServer

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
def serving(site: Path) -> Iterator[tuple[str, PagesServer]]:
    """``site`` served like GitHub Pages on a free port of 127.0.0.1: its root URL and server."""
    handler = functools.partial(_PagesHandler, directory=str(site))
    server = PagesServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
