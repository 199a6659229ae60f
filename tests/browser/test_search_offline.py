"""Search on the served site, and the offline copy working from disk (file://)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator import offline
from tests.browser.conftest import TIMEZONE


def _search(page: Page, words: str) -> None:
    # Material's search debounces on the real clock, so these tests never fix the clock.
    page.locator(".md-search__input").click()
    page.keyboard.type(words)


def test_search_finds_the_postgresql_week(page: Page, base_url: str) -> None:
    page.goto(base_url)
    _search(page, "PostgreSQL")
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text("Week 12 · PostgreSQL Advanced")
    first.locator("a").first.click()
    expect(page).to_have_url(
        re.compile(re.escape(base_url + "backend-2026/week-12/") + r"(\?h=.*)?$")
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
        _search(page, "PostgreSQL")
        result = page.locator(".md-search-result__item").first
        expect(result).to_contain_text("Week 12 · PostgreSQL Advanced")
        result.locator("a").first.click()
        week = offline_copy.joinpath("backend-2026/week-12.html").as_uri()
        expect(page).to_have_url(re.compile(re.escape(week) + r"(\?h=.*)?$"))

        box = page.locator("input[data-item]").first
        box.check()
        page.reload()
        expect(box).to_be_checked()
        page.locator(".hb-pager a", has_text="All weeks").click()
        expect(page).to_have_url(offline_copy.joinpath("backend-2026/index.html").as_uri())
        expect(page.locator('tr .hb-progress[data-week="12"]')).to_contain_text("1 of 3 done")
    finally:
        context.close()


def test_offline_now_page_uses_html_links(browser: Browser, offline_copy: Path) -> None:
    context = browser.new_context(timezone_id=TIMEZONE)
    try:
        page = context.new_page()
        page.clock.set_fixed_time("2026-11-18T10:00:00+03:00")
        page.goto(offline_copy.joinpath("backend-2026/now.html").as_uri())
        expect(page).to_have_url(offline_copy.joinpath("backend-2026/week-44.html").as_uri())
    finally:
        context.close()


def test_the_served_site_links_the_offline_zip(page: Page, base_url: str, built_site: Path) -> None:
    page.goto(base_url)
    link = page.locator(".hb-offline a")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", "downloads/handbook-offline.zip")
    response = page.request.get(base_url + "downloads/handbook-offline.zip")
    assert response.ok
    assert response.body()[:4] == b"PK\x03\x04"

    # a site built without the copy (handbook build --no-offline) hides the link
    target = built_site / offline.ZIP_PATH
    moved = target.with_name("moved-away.zip")
    target.rename(moved)
    try:
        page.reload()
        expect(page.locator(".hb-offline")).to_be_hidden()
    finally:
        moved.rename(target)


def test_offline_build_uses_the_offline_plugin_only_when_asked(built_site: Path) -> None:
    assert not (built_site / "search" / "search_index.js").exists()
    assert (built_site / "backend-2026" / "week-12" / "index.html").is_file()
