"""Views → the handbook's files: every page through its logic-free Jinja2 template, plus
the non-page files from :mod:`generator.assets`. One renderer for every page kind.

Every ``{{ value }}`` in a template is escaped for Markdown by the
environment's ``finalize`` hook, so a template cannot forget to escape.
Values that are not text but machine tokens (ids, dates in attributes) or
generated URLs go through the ``token`` and ``url`` filters, which check them
instead of escaping them. Writing the files is ``writer.py``'s job.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Sequence
from functools import cache
from multiprocessing.connection import Connection

import jinja2
from markupsafe import Markup

from generator import assets, escape
from generator.views.site import Page, Site

_TOKEN = re.compile(r"^[A-Za-z0-9._:/+-]+$")
_URL = re.compile(
    r"^(?:https://[A-Za-z0-9.-]+/|[a-z0-9-]+(?:/[a-z0-9-]+)*\.[a-z]+(?:#[a-z0-9-]+)?$)"
    r"[^\s()<>\"'`\\]*$"
)


def _token(value: object) -> Markup:
    """Pass a machine token (id, ISO date) into an HTML attribute, refusing anything else."""
    text = str(value)
    if not _TOKEN.match(text):
        raise ValueError(f"not a safe token: {text!r}")
    return Markup(text)


def _url(value: object) -> Markup:
    """Pass a generated https URL or relative file path, refusing characters that break out
    of a Markdown link or an HTML attribute; ``&`` is written as the entity both accept."""
    text = str(value)
    if not _URL.match(text):
        raise ValueError(f"not a safe URL: {text!r}")
    return Markup(text.replace("&", "&amp;"))


@cache
def environment() -> jinja2.Environment:
    """The template environment, built once per process (templates compile once)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        # compiled templates are kept between runs (in the system's temp folder, keyed by
        # each template's source checksum): a cold render saves about 100 ms of compiling
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        finalize=escape.markdown,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # a render is one short run: never stat templates again per page
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Literal template text is trusted; finalize escapes every value that is not Markup.
        # Jinja's own HTML autoescaping stays off: it would only re-wrap what finalize
        # already made safe (measured: a quarter of the template time at 1,000 weeks).
        autoescape=False,
    )
    env.filters["token"] = _token
    env.filters["url"] = _url
    return env


def render_page(page: Page) -> str:
    """Render one page view with its template: one blank line at most, one final newline."""
    text = environment().get_template(page.template).render(page=page)
    while "\n\n\n" in text:  # a plain replace is ten times faster than a regular expression
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


class Files:
    """The rendered files by docs-relative path; a second file at one path is refused,
    because one of the two would silently hide the other."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def add(self, path: str, text: str) -> None:
        if path in self.texts:
            raise ValueError(f"two files would be written to {path}")
        self.texts[path] = text


def render(site: Site) -> dict[str, str]:
    """Every file of ``site``: path relative to the docs folder → text.

    A large handbook shares its pages with a second process (see ``_Helper``);
    the files and their order are the same either way.
    """
    files = Files()
    pages = site.pages
    helper = _Helper(pages[_own_share(len(pages)) :]) if _Helper.worthwhile(pages) else None
    try:
        for page in pages[: len(pages) - len(helper.pages)] if helper else pages:
            files.add(page.path, render_page(page))
        others = list(assets.files(site))  # meanwhile, the helper renders its pages
        for page, text in zip(helper.pages, helper.texts(), strict=True) if helper else ():
            files.add(page.path, text)
    finally:
        if helper:
            helper.stop()  # at once, if an error here left it running
    for path, text in others:
        files.add(path, text)
    return files.texts


def _own_share(pages: int) -> int:
    """How many pages this process keeps: fewer than half, as it also writes the calendars
    and the browser data while the helper renders (about a fifth of the page time)."""
    return pages * 2 // 5


class _Helper:
    """A forked process that renders a share of the pages while this one renders the rest.

    Rendering is pure Python, one core at a time; MkDocs, which comes next, uses one
    too. A 1,000-week handbook's pages and calendar took 0.21 s on one core and take
    0.16 s on two (quietest of nine runs; the rest of its render is loading, views and
    writing). Forking (not spawning) shares the views
    and the compiled templates as they are, with nothing pickled but the texts sent
    back. Only where forking is safe and pays: on Linux (macOS and Windows do not fork
    safely or at all), in a process with no other thread (a thread holding a lock at
    the fork would leave the child waiting on it), with a second core, and for
    enough pages that the fork costs less than it saves. If the helper fails in any
    way, its pages are rendered here, so an error is raised (and reported) where
    every other render error is.
    """

    MIN_PAGES = 300
    """Below this (every real handbook) forking would cost more than it saves."""

    def __init__(self, pages: Sequence[Page]) -> None:
        context = multiprocessing.get_context("fork")
        self.pages = pages
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=self._run, args=(send,), daemon=True)
        self._process.start()
        send.close()  # the helper's end: once it exits, receiving here ends too

    @classmethod
    def worthwhile(cls, pages: Sequence[Page]) -> bool:
        return (
            len(pages) >= cls.MIN_PAGES
            and sys.platform == "linux"
            and threading.active_count() == 1
            and len(os.sched_getaffinity(0)) > 1
        )

    def _run(self, send: Connection) -> None:
        """In the helper: render the pages and send their texts (None if anything failed)."""
        try:
            texts: list[str] | None = [render_page(page) for page in self.pages]
        except BaseException:  # reported by the parent, which renders these pages again
            texts = None
        send.send(texts)
        send.close()

    def texts(self) -> list[str]:
        """The helper's texts, in the order of its pages; rendered here if it failed."""
        try:
            texts = self._receive.recv()
        except (EOFError, OSError):  # the helper died before sending
            texts = None
        self._process.join()
        self._receive.close()
        if texts is None or len(texts) != len(self.pages):
            return [render_page(page) for page in self.pages]
        return list(texts)

    def stop(self) -> None:
        """End the helper (if it still runs) and release its pipe; safe to call again."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()
