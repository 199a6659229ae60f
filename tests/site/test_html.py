"""Every page is valid HTML, as the Nu HTML Checker (vnu) reads it.

vnu comes from npm (``vnu-jar``, in package.json) and runs on Java (Debian's
``default-jre-headless``, installed by ``.ci/install-system``); it checks a whole
site in one run, so the JVM starts once per site.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.site.conftest import CheckedSite

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Known:
    """An error in the theme's own markup (Material's or Zensical's) that we do not control,
    by message and element."""

    message: str
    element: str
    why: str


MATERIAL = (
    Known(
        message="Attribute “autocomplete” is only allowed when the input type is",
        element='<input class="md-toggle"',
        why="Material's drawer and search toggles are checkboxes with autocomplete=off, so "
        "that browsers do not restore them open when the reader goes back",
    ),
    Known(
        message="The value of the “for” attribute of the “label” element must be the ID of a "
        "non-hidden form control.",
        element='<label class="md-nav__title" for="__toc">',
        why="Material's navigation labels the table-of-contents toggle, which it writes only "
        "on pages that have a table of contents",
    ),
    Known(
        message="The “aria-hidden” attribute must not be used on any “label” element that is "
        "associated with a labelable element.",
        element='<label class="md-overlay" for="__drawer" aria-hidden="true">',
        why="Zensical's theme (not Material's) hides the drawer's backdrop, a label that "
        "closes the menu when tapped, from screen readers; README lists it",
    ),
)
"""The themes' known errors, excluded one by one; anything else is ours and fails."""


def _ours(message: dict[str, Any]) -> bool:
    text = message.get("message", "")
    extract = " ".join(str(message.get("extract", "")).split())
    return not any(text.startswith(k.message) and k.element in extract for k in MATERIAL)


def _vnu() -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        reason = "the Nu HTML Checker needs java and node_modules/vnu-jar (npm ci)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return [java, "-jar", str(VNU)]


def test_every_page_is_valid_html(site: CheckedSite) -> None:
    command = [*_vnu(), "--format", "json", "--errors-only", "--skip-non-html", str(site.root)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    assert all(m["type"] in ("error", "non-document-error") for m in messages)
    ours = [
        f"{m['url'].split(str(site.root), 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if _ours(m)
    ]
    assert ours == []
    assert len(site.pages) > 10


def test_the_checker_does_find_errors(tmp_path: pytest.TempPathFactory) -> None:
    """Not vacuous: a page with our old checklist markup fails the check."""
    page = tmp_path / "index.html"  # type: ignore[operator]
    page.write_text(
        '<!doctype html><html lang="en"><title>t</title><p><ul markdown><li>x</li></ul>',
        encoding="utf-8",
    )
    result = subprocess.run(
        [*_vnu(), "--format", "json", "--errors-only", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    assert any("“markdown” not allowed" in m["message"] for m in messages)
