"""Whole-site checks: every page of every checked site, as a validator, a screen reader and
a phone meet it.

Two sites are checked: the fixture handbook (every feature, videos included) and the real
curriculum. Adding a site is one line in ``SITES``. Each site is built once per session
(by the fixtures of ``tests/conftest.py``) and served on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import serving

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


@pytest.fixture(scope="session", params=sorted(SITES))
def site(request: pytest.FixtureRequest, engine: str) -> Iterator[CheckedSite]:
    """Each checked site, built with each engine and served. ``engine`` is asked for here so
    that pytest parametrizes the checks by it: the site fixtures below depend on it, and a
    fixture looked up by name (``getfixturevalue``) cannot bring a parameter of its own."""
    root: Path = request.getfixturevalue(SITES[request.param])
    with serving(root) as url:
        yield CheckedSite(request.param, root, url)
