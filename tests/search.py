"""Searching a built site in the browser, whichever engine built it.

Material for MkDocs shows a search field in the header and lists results under it;
Zensical's header has a search button that opens its own dialog. Both link each result
with ``?h=<words>`` (the ``search.highlight`` feature of ``mkdocs.yml``), which is what
finds them here.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page

RESULTS = "a[href*='?h=']"
"""A search result's link, under either engine."""


def search(page: Page, words: str) -> None:
    """Open the site's search and type ``words``, as a reader would."""
    button = page.locator(".md-search__button")  # Zensical
    if button.count():
        button.click()
    else:
        page.locator(".md-search__input").click()  # Material
    page.keyboard.type(words)


def result(page: Page, text: str) -> Locator:
    """The first result link whose text holds ``text``."""
    return page.locator(RESULTS).filter(has_text=text).first
