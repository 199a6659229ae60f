"""Search on the served site, and the offline copy working from disk (file://)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator import offline
from tests.browser.conftest import TIMEZONE
from tests.search import result, search

# The themes' search debounces on the real clock, so these tests never fix the clock.


def test_search_finds_a_week_by_its_build(page: Page, base_url: str) -> None:
    page.goto(base_url)
    search(page, "dotfiles")
    first = result(page, "Week 1 · Shell & Git")
    expect(first).to_be_visible()
    first.click()
    expect(page).to_have_url(
        re.compile(re.escape(base_url + "fixture-team/week-01/") + r"(\?h=.*)?$")
    )


@pytest.fixture(scope="module")
def offline_copy(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy that the build published beside the site, unpacked; returns its folder."""
    work = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / offline.ZIP_PATH) as archive:
        archive.extractall(work / "unpacked")
    return work / "unpacked" / offline.FOLDER


def test_offline_copy_works_from_disk(browser: Browser, offline_copy: Path) -> None:
    context = browser.new_context(timezone_id=TIMEZONE)
    try:
        page = context.new_page()
        page.goto(offline_copy.joinpath("index.html").as_uri())
        expect(page.locator(".hb-offline")).to_be_hidden()  # no link to itself
        search(page, "dotfiles")
        found = result(page, "Week 1 · Shell & Git")
        expect(found).to_be_visible()
        found.click()
        week = offline_copy.joinpath("fixture-team/week-01.html").as_uri()
        expect(page).to_have_url(re.compile(re.escape(week) + r"(\?h=.*)?$"))

        box = page.locator("input[data-item]").first
        box.check()
        page.reload()
        expect(box).to_be_checked()
        page.locator(".hb-pager a", has_text="All weeks").click()
        expect(page).to_have_url(offline_copy.joinpath("fixture-team/index.html").as_uri())
        expect(page.locator('li.hb-row .hb-progress[data-week="1"]')).to_contain_text("1 of 6 done")
    finally:
        context.close()


def test_offline_now_page_uses_html_links(browser: Browser, offline_copy: Path) -> None:
    context = browser.new_context(timezone_id=TIMEZONE)
    try:
        page = context.new_page()
        page.clock.set_fixed_time("2026-11-18T10:00:00+03:00")
        page.goto(offline_copy.joinpath("fixture-team/now.html").as_uri())
        expect(page).to_have_url(offline_copy.joinpath("fixture-team/week-03.html").as_uri())
    finally:
        context.close()


def test_the_served_site_links_the_offline_zip(page: Page, base_url: str) -> None:
    page.goto(base_url)
    link = page.locator(".hb-offline a")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", "downloads/handbook-offline.zip")
    response = page.request.get(base_url + "downloads/handbook-offline.zip")
    assert response.ok
    assert response.body()[:4] == b"PK\x03\x04"


def test_without_the_zip_the_link_is_hidden(page: Page, base_url: str) -> None:
    """A site built with ``--no-offline`` answers 404 for the zip; the page then hides the link.
    The 404 comes from the browser's router, so the session's shared site is left alone."""
    page.route("**/downloads/handbook-offline.zip", lambda route: route.fulfill(status=404))
    page.goto(base_url)
    expect(page.locator(".hb-offline")).to_be_hidden()


def test_offline_build_uses_the_offline_plugin_only_when_asked(built_site: Path) -> None:
    assert not (built_site / "search" / "search_index.js").exists()
    assert (built_site / "fixture-team" / "week-01" / "index.html").is_file()
