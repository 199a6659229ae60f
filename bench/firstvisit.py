"""What a reader's first visit costs in data, with and without the service worker.

A fresh Chromium profile opens a roadmap's overview once. Without the worker that is the page
and what it loads; with it, the worker also saves the shell and every page of that roadmap
for offline reading (``generator/precache.py``). The bytes are counted where they leave the
server, headers included, so nothing the page or the worker asks for is missed.

The site is served as GitHub Pages serves it: HTTP/1.1 with keep-alive, gzip for text, an
``ETag`` and ``Cache-Control: max-age=600``, so files the page has just loaded are not
downloaded a second time when the worker saves them. Playwright's request interception is
not used: it turns the browser's HTTP cache off, which would count those files twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

from bench import pages


def first_visit(
    browser: Browser, url: str, server: pages.PagesServer, roadmap: str, worker: bool
) -> int:
    """Bytes sent for one first visit of ``url`` in a fresh profile; with ``worker``, until
    the worker says that ``roadmap`` is saved for offline reading."""
    context = browser.new_context(service_workers="allow" if worker else "block")
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        with server.lock:
            server.sent = 0
        page.goto(url, wait_until="load")
        if worker:
            page.wait_for_selector(f'html[data-hb-offline="{roadmap}"]', state="attached")
        page.wait_for_load_state("networkidle")  # Material's search index arrives after load
        with server.lock:
            return server.sent
    finally:
        context.close()


def measure(site: Path, roadmaps: list[str], browser: Browser) -> dict[str, Any]:
    """Per roadmap, bytes of a first visit to its overview without and with the worker."""
    figures: dict[str, Any] = {}
    with pages.serving(site) as (root, server):
        for slug in roadmaps:
            without = first_visit(browser, root + slug + "/", server, slug, worker=False)
            with_worker = first_visit(browser, root + slug + "/", server, slug, worker=True)
            figures[slug] = {
                "without_worker_bytes": without,
                "with_worker_bytes": with_worker,
                "added_bytes": with_worker - without,
            }
    return figures
