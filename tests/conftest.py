"""Shared fixtures: repository paths and a site built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CONTENT = ROOT / "content"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built as ``handbook build`` does (pages, site, offline copy); returns site/.

    Built in a temporary copy of the project so tests never touch the
    working tree's build/ and site/ folders.
    """
    work = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "overrides", "generator"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, work / name)
    command = ["build", "--content", str(CONTENT), "--docs", str(work / "build" / "docs")]
    command += ["--config", str(work / "mkdocs.yml"), "--site-dir", str(work / "site")]
    assert cli.main(command) == 0
    return work / "site"
