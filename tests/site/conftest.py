"""Whole-site checks: every page of every checked site, as a validator, a screen reader and
a phone meet it.

Two handbooks are checked, the fixture handbook (every feature, videos included) and the real
curriculum, each as MkDocs and as Zensical build it: four sites. Adding a handbook is one
line in ``tests/conftest.py``'s ``SITES``. Each site is built once per session (by the
``sites`` fixture of ``tests/conftest.py``) and served on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ENGINES, SITES, SiteBuilder, serving

CHECKED = [(name, engine) for name in sorted(SITES) for engine in ENGINES]
"""Every handbook of ``tests/conftest.py``'s ``SITES``, as each engine builds it."""


@dataclass(frozen=True)
class CheckedSite:
    """A built site, its address while served, and every page in it."""

    name: str
    engine: str
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


@pytest.fixture(scope="session", params=CHECKED, ids=["-".join(pair) for pair in CHECKED])
def site(request: pytest.FixtureRequest, sites: SiteBuilder) -> Iterator[CheckedSite]:
    """Each checked site, built with each engine and served."""
    name, engine = request.param
    root = sites(name, engine)
    with serving(root) as url:
        yield CheckedSite(name, engine, root, url)
