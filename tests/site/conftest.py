"""Whole-site checks: every page of every checked site, as a validator, a screen reader and
a phone meet it.

Two sites are checked: the fixture handbook (every feature, videos included) and the real
curriculum. Adding a site is one line in ``SITES``. Each site is built once per session
(by the fixtures of ``tests/conftest.py``) and served on 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SITES = {"fixture": "built_site", "real": "real_site"}
"""Checked site → the session fixture that builds it."""


@dataclass(frozen=True)
class CheckedSite:
    """A built site, its address while served, and every page in it."""

    name: str
    root: Path
    url: str

    @property
    def pages(self) -> list[str]:
        """Every HTML page, as a URL path relative to the site root (``a/b/`` for ``index.html``)."""
        paths = []
        for file in sorted(self.root.rglob("*.html")):
            relative = file.relative_to(self.root).as_posix()
            paths.append(relative.removesuffix("index.html"))
        return paths


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="session", params=sorted(SITES))
def site(request: pytest.FixtureRequest) -> Iterator[CheckedSite]:
    """Each checked site, built and served."""
    root: Path = request.getfixturevalue(SITES[request.param])
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield CheckedSite(request.param, root, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
