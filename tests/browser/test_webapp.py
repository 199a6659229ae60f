"""The installable handbook in Chromium: offline after the first visit, a new deploy on the
next reload, nothing broken without service workers, a manifest Chromium accepts.

Each test serves its own copy of the built fixture handbook under ``/user/repo/`` (as GitHub
Pages serves a project site) from a server that forbids the HTTP cache (``no-store``): what
a page shows offline can only have come from the worker's cache. Going offline means both
stopping that server and ``context.set_offline(True)``. Tests wait on what the page and the
worker say (the worker's answer, worker state changes), never on the clock.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import struct
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect

from generator import precache, webapp, webassets
from tests.browser.conftest import TIMEZONE
from tests.chromium import ARGS, CHROMIUM
from tests.search import result, search

PREFIX = "/user/repo/"
TEAM = "fixture-team/"
DURING = "2026-11-18T10:00:00+03:00"  # a Wednesday of fixture-team week 3


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The site under ``PREFIX`` with the server's ``Cache-Control``, each request recorded."""

    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        return

    def send_head(self) -> Any:
        self.server.requests.append(self.path)
        if not self.path.startswith(PREFIX):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path.removeprefix(PREFIX))

    def end_headers(self) -> None:
        self.send_header("Cache-Control", self.server.cache_control)
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    requests: list[str]
    cache_control: str


class Served:
    """A copy of the built site, served on 127.0.0.1 until ``stop``."""

    def __init__(self, root: Path, cache_control: str = "no-store") -> None:
        self.root = root
        self.server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
        self.server.requests = []
        self.server.cache_control = cache_control
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{PREFIX}"
        self.running = True

    @property
    def requests(self) -> list[str]:
        return self.server.requests

    def stop(self) -> None:
        if self.running:
            self.running = False
            self.server.shutdown()
            self.server.server_close()
            self.thread.join()


@pytest.fixture
def served(built_site: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Served]:
    """A copy of the built site, served with ``no-store`` unless the test asks for another
    ``Cache-Control`` (indirect parametrisation)."""
    root = tmp_path / "site"
    shutil.copytree(built_site, root, ignore=shutil.ignore_patterns("downloads"))
    site = Served(root, getattr(request, "param", "no-store"))
    yield site
    site.stop()


@pytest.fixture
def tab(page: Page) -> Page:
    """The shared ``page`` fixture (a fresh profile, failing on any script error), with
    more time per step: saving a roadmap downloads every one of its pages."""
    page.set_default_timeout(15_000)
    return page


def _saved(page: Page, roadmap: str) -> None:
    """Wait for the worker's answer that ``roadmap`` is saved for offline reading."""
    expect(page.locator("html")).to_have_attribute("data-hb-offline", roadmap)


def _offline(context: BrowserContext, site: Served) -> None:
    site.stop()
    context.set_offline(True)


def _pages_requested(requests: list[str]) -> set[str]:
    """The HTML pages among ``requests`` (directory addresses, query dropped)."""
    return {path.split("?")[0] for path in requests if path.split("?")[0].endswith("/")}


def test_a_roadmap_opened_once_works_offline(
    tab: Page, context: BrowserContext, served: Served
) -> None:
    # "Today" is in week 3; the clock runs on from there (Material's search debounces on it).
    context.clock.install(time=DURING)
    tab.goto(served.url + TEAM + "week-01/")
    _saved(tab, "fixture-team")
    # Only the roadmap the reader opened was downloaded, not the other one.
    assert not [path for path in served.requests if "fixture-solo" in path]
    _offline(context, served)

    tab.goto(served.url + TEAM + "week-05/")  # never visited
    expect(tab.locator("h1")).to_contain_text("Week 5 · Build & Deploy")
    logo = tab.locator(".md-header__button.md-logo img")
    expect(logo).to_have_js_property("complete", True)
    assert logo.evaluate("image => image.naturalWidth") > 0

    search(tab, "dotfiles")
    found = result(tab, "Week 1 · Shell & Git")
    expect(found).to_be_visible()
    found.click()  # the result's address carries ?h=dotfiles
    expect(tab.locator("h1")).to_contain_text("Week 1 · Shell & Git")

    tab.goto(served.url + TEAM + "week-05/")
    box = tab.locator("input[data-item]").first
    box.check()
    tab.fill("#hb-note", "Written offline")  # the reader's record: all in the one script
    tab.reload()
    expect(box).to_be_checked()
    expect(tab.locator("#hb-note")).to_have_value("Written offline")

    tab.goto(served.url + TEAM + "now/")  # "this week"
    expect(tab).to_have_url(served.url + TEAM + "week-03/")
    expect(tab.locator(".hb-when .hb-badge")).to_have_text("This week")
    tab.goto(served.url + TEAM + "progress/")  # the personal start date
    tab.fill("#hb-start", "2026-11-09")
    tab.get_by_role("button", name="Save start date").click()
    expect(tab.locator('[data-hb-message="start"]')).to_contain_text("Week 1 now starts on")
    expect(tab.locator(".hb-note-text")).to_have_text("Written offline")
    expect(tab.locator(".hb-calendar-box li")).to_have_text(["Wed 18 Nov 2026: 1 tick"])
    expect(tab.locator(".hb-pace-status")).to_contain_text("1 of 16 items done")
    tab.goto(served.url + TEAM + "week-02/")
    expect(tab.locator(".hb-week .hb-dates")).to_have_text("Mon 16 Nov – Sun 22 Nov 2026")

    tab.goto(served.url)  # the home page
    expect(tab.locator('.hb-home .hb-progress[data-roadmap="fixture-team"]')).to_contain_text(
        "1 of 16 done"
    )


def _active_version(page: Page) -> str:
    """The version of the worker that controls the site once any update has taken over."""
    version: str = page.evaluate(
        """async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          await registration.update();
          const worker = registration.installing || registration.waiting || registration.active;
          if (worker.state !== "activated") {
            await new Promise((done) => worker.addEventListener("statechange", () => {
              if (worker.state === "activated") done();
            }));
          }
          const channel = new MessageChannel();
          const answer = new Promise((done) => { channel.port1.onmessage = (e) => done(e.data); });
          worker.postMessage({ handbook: "version" }, [channel.port2]);
          return (await answer).version;
        }"""
    )
    return version


REVISED = {"week-02/": "Week 2 · Python", "week-03/": "Week 3 · Review"}
"""Pages a deploy changes: week 2 is open in the tab, week 3 was only saved by the worker."""


def _redeploy(site: Path) -> str:
    """Revise the ``REVISED`` pages of the served copy and publish a worker for it, as a
    deploy would; returns the new worker's version."""
    for page, title in REVISED.items():
        file = site / TEAM / page / "index.html"
        text = file.read_text(encoding="utf-8")
        file.write_text(text.replace(title, f"{title}, revised"), encoding="utf-8")
    source = (webassets.SOURCES / webassets.WORKER_SOURCE).read_text(encoding="utf-8")
    files = precache.write_worker(site, source)
    return precache.version(files, source)


def _kept(page: Page, cache: str, url: str) -> str:
    """The text of ``url`` in the worker's cache ``cache``."""
    text: str = page.evaluate(
        "async ([name, url]) => (await (await caches.open(name)).match(url)).text()",
        [cache, url],
    )
    return text


@pytest.mark.parametrize("served", ["no-store", "max-age=600"], indirect=True)
def test_a_new_deploy_shows_on_the_first_reload(
    tab: Page, context: BrowserContext, served: Served
) -> None:
    """Also as GitHub Pages serves (``max-age=600``): there the browser's HTTP cache still
    holds the old week 3 when the new worker installs, and the worker must not keep it."""
    week = TEAM + "week-02/"
    tab.goto(served.url + week)
    _saved(tab, "fixture-team")
    first = _active_version(tab)
    heading = tab.locator("h1")
    expect(heading).to_contain_text("Week 2 · Python")

    served.requests.clear()
    version = _redeploy(served.root)
    assert version != first
    tab.reload()
    expect(heading).to_contain_text("Week 2 · Python, revised")
    assert _active_version(tab) == version

    names = tab.evaluate("caches.keys()")
    assert names == [f"handbook {served.url} {version}"]  # the old version's cache is gone
    for page, title in REVISED.items():
        assert f"{title}, revised" in _kept(tab, names[0], served.url + TEAM + page)
    # Every unchanged page was copied from the old cache, not downloaded again.
    assert _pages_requested(served.requests) == {PREFIX + TEAM + page for page in REVISED}

    _offline(context, served)
    tab.reload()
    expect(heading).to_contain_text("Week 2 · Python, revised")
    tab.goto(served.url + TEAM + "week-03/")
    expect(heading).to_contain_text("Week 3 · Review, revised")
    tab.goto(served.url + TEAM + "week-04/")
    expect(heading).to_contain_text("Week 4 · Build & Deploy")


def test_an_unfilled_worker_retires(tab: Page, served: Served) -> None:
    """A site published with the worker's source as it is (copied by hand, or built by a
    tool other than ``handbook build``): a reader who had the worker then loses it and its
    caches at the next update check, rather than keeping an old build."""
    tab.goto(served.url + TEAM + "week-01/")
    _saved(tab, "fixture-team")
    assert len(tab.evaluate("caches.keys()")) == 1
    source = webassets.SOURCES / webassets.WORKER_SOURCE
    shutil.copy2(source, served.root / precache.WORKER)
    left = tab.evaluate(
        """async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          await registration.update();
          const worker = registration.installing || registration.waiting;
          await new Promise((done) => worker.addEventListener("statechange", () => {
            if (worker.state === "activated" || worker.state === "redundant") done();
          }));
          return {
            registrations: (await navigator.serviceWorker.getRegistrations()).length,
            caches: await caches.keys(),
          };
        }"""
    )
    assert left == {"registrations": 0, "caches": []}
    tab.reload()
    expect(tab.locator("h1")).to_contain_text("Week 1 · Shell & Git")


def _still_works(page: Page, url: str) -> None:
    page.goto(url + TEAM + "week-01/")
    box = page.locator("input[data-item]").first
    box.check()
    page.reload()
    expect(box).to_be_checked()
    search(page, "dotfiles")
    expect(result(page, "Week 1 · Shell & Git")).to_be_visible()
    page.goto(url + TEAM + "now/")
    expect(page.locator("h1")).to_be_visible()


@pytest.mark.parametrize("how", ["blocked", "no API", "no worker file"])
def test_without_service_workers_the_site_works(browser: Browser, served: Served, how: str) -> None:
    """Browsers that block workers, browsers without the API, and a site whose worker is
    missing (registration fails): pages, ticks, search and "this week" work, no script error."""
    context = browser.new_context(
        timezone_id=TIMEZONE, service_workers="block" if how == "blocked" else "allow"
    )
    if how == "no API":
        context.add_init_script("delete Navigator.prototype.serviceWorker;")
    if how == "no worker file":
        (served.root / precache.WORKER).unlink()
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        _still_works(page, served.url)
        if how == "no worker file":  # the registration was tried, and failed quietly
            assert PREFIX + precache.WORKER in served.requests
        assert not errors
        assert page.evaluate("caches.keys()") == []
        assert page.locator("html[data-hb-offline]").count() == 0
    finally:
        context.close()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_chromium_finds_the_handbook_installable(
    playwright: Playwright, served: Served, tmp_path: Path
) -> None:
    # Chromium never offers to install from an incognito profile, which every
    # new_context() is: this check needs a profile on disk.
    context = playwright.chromium.launch_persistent_context(
        tmp_path / "profile", executable_path=str(CHROMIUM), headless=True, args=ARGS
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(15_000)
        page.goto(served.url + TEAM)
        _saved(page, "fixture-team")
        session = context.new_cdp_session(page)
        assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        found = session.send("Page.getAppManifest")
        assert found["url"] == served.url + webapp.MANIFEST
        assert found["errors"] == []
        parsed = found["manifest"]  # as Chromium understood it
        assert (parsed["startUrl"], parsed["scope"]) == (served.url, served.url)
        assert parsed["id"] == served.url  # no id given: each project site is its own app
        assert parsed["display"] == "kStandalone"
        assert parsed["themeColor"] == "rgba(64,81,181,1)"
        assert len(parsed["icons"]) == 3

        manifest = page.request.get(served.url + webapp.MANIFEST)
        assert manifest.ok
        data = manifest.json()
        assert (data["name"], data["short_name"]) == ("Study Handbook", "Handbook")
        assert data["theme_color"] == "#4051b5"
        purposes = set()
        for icon in data["icons"]:
            response = page.request.get(served.url + icon["src"])
            assert response.ok, icon["src"]
            assert response.headers["content-type"] == "image/png"
            size = _png_size(response.body())
            assert f"{size[0]}x{size[1]}" == icon["sizes"]
            purposes.add((icon["sizes"], icon["purpose"]))
        assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes

        apple = page.locator('link[rel="apple-touch-icon"]').get_attribute("href")
        assert apple is not None
        response = page.request.get(urljoin(page.url, apple))
        assert response.ok
        assert _png_size(response.body()) == (180, 180)
    finally:
        context.close()
