"""Shared fixtures: repository paths, and sites built once per test session.

Generator tests run on the fixture handbook (``tests/fixtures/handbook``): two
small roadmaps with every feature the generator has — phases and months,
two-week blocks, a project with brief and deadline, milestones, key dates
that coincide with a deadline, a weekly schedule, a time budget, "pick one"
choices of items and searches, a suggested start, and a lock file with
(fixture-only) videos. Only the content acceptance suite
(``tests/test_content.py``) reads the real curriculum in ``content/``.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import cli
from generator.preview import serving as serving  # a quiet server on a free port of 127.0.0.1

pytest_plugins = ["tests.chromium"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
HANDBOOK = FIXTURES / "handbook"
"""The fixture handbook every generator test uses."""
CONTENT = ROOT / "content"
"""The real curriculum: for the content acceptance suite only."""
SITE_URL = "http://127.0.0.1:8000/"
"""``site_url`` of ``mkdocs.yml`` when ``SITE_URL`` is not set."""


ENGINES = ("mkdocs", "zensical")
"""Every reader-facing check runs on the site of each engine."""


def scratch_project(work: Path) -> Path:
    """A copy of the project's site configuration (``mkdocs.yml`` and ``overrides/``) under
    ``work``, so tests never touch the working tree."""
    work.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, work / name)
    return work


def build_site(content: Path, work: Path, engine: str = "mkdocs") -> Path:
    """Build ``content`` as ``handbook build`` does (pages, site, web app, offline copy) with
    ``engine`` in a scratch project under ``work``; returns its site/ folder."""
    scratch_project(work)
    command = ["build", "--content", str(content), "--docs", str(work / "build" / "docs")]
    command += ["--config", str(work / "mkdocs.yml"), "--site-dir", str(work / "site")]
    assert cli.main([*command, "--builder", engine]) == 0
    return work / "site"


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Each site engine in turn: a test that asks for a built site runs once per engine."""
    return str(request.param)


SITES = {"fixture": HANDBOOK, "real": CONTENT}
"""The handbooks tests build: the fixture one, and the real curriculum (for the content
acceptance suite and the whole-site checks only)."""

SiteBuilder = Callable[[str, str], Path]


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> SiteBuilder:
    """``sites(name, engine)``: the site/ folder of handbook ``name`` built with ``engine``,
    built once per session however many tests ask for it."""
    built: dict[tuple[str, str], Path] = {}

    def get(name: str, engine: str) -> Path:
        if (name, engine) not in built:
            work = tmp_path_factory.mktemp(f"{name}-{engine}")
            built[name, engine] = build_site(SITES[name], work, engine)
        return built[name, engine]

    return get


@pytest.fixture(scope="session")
def built_site(sites: SiteBuilder, engine: str) -> Path:
    """The fixture handbook, built with each engine; returns its site/ folder."""
    return sites("fixture", engine)


@pytest.fixture(scope="session")
def real_site(sites: SiteBuilder, engine: str) -> Path:
    """The real curriculum, built with each engine; for the content acceptance suite and the
    whole-site checks."""
    return sites("real", engine)


SLOW_FIXTURES = {"browser", "sites", "site", "built_site", "real_site", "served"}
"""Tests that use one of these drive Chromium or build whole sites with the engines."""
SLOW_FOLDERS = {"browser", "site"}
SLOW_MODULES = {"test_engine", "test_hostile_content", "test_preview", "test_serve"}
"""Whole modules that build sites, run the engines' servers or generate hundreds of cases."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow tests (``make test-fast`` leaves them out; ``make test`` runs all):
    found by what they use rather than listed by hand, so a new browser or site test is
    slow without anyone remembering to say so."""
    for item in items:
        path = Path(str(item.path))
        fixtures = set(getattr(item, "fixturenames", ()))
        if (
            fixtures & SLOW_FIXTURES
            or SLOW_FOLDERS & set(path.relative_to(ROOT / "tests").parts[:-1])
            or path.stem in SLOW_MODULES
        ):
            item.add_marker(pytest.mark.slow)


@functools.cache
def _markdown_setup() -> tuple[tuple[str, ...], dict[str, dict[str, object]]]:
    from generator import siteconfig

    # MkDocs refuses a docs_dir that does not exist, and a fresh clone has rendered nothing
    # yet: an empty folder stands in for it (only the Markdown settings are read here).
    loaded = siteconfig.load_mkdocs(ROOT / "mkdocs.yml", docs=Path(tempfile.mkdtemp()))
    return tuple(loaded["markdown_extensions"]), dict(loaded["mdx_configs"])


def site_markdown(source: str) -> str:
    """``source`` converted to HTML by Python-Markdown with exactly the extensions and
    settings ``mkdocs.yml`` gives the site (read once per session), as both engines do."""
    import markdown

    extensions, configs = _markdown_setup()
    html: str = markdown.Markdown(extensions=list(extensions), extension_configs=configs).convert(
        source
    )
    return html
