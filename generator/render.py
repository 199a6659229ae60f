"""Views → the handbook's files: every page through its logic-free Jinja2 template, plus
the non-page files from :mod:`generator.datafiles`. One renderer for every page kind.

Every ``{{ value }}`` in a template is escaped for Markdown by the
environment's ``finalize`` hook, so a template cannot forget to escape.
Values that are not text but machine tokens (ids, dates in attributes) or
generated URLs go through the ``token`` and ``url`` filters, which check them
instead of escaping them. Writing the files is ``writer.py``'s job.
"""

from __future__ import annotations

import re
from functools import cache

import jinja2
from markupsafe import Markup

from generator import datafiles, escape
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
    """Every file of ``site``: path relative to the docs folder → text."""
    files = Files()
    for page in site.pages:
        files.add(page.path, render_page(page))
    for path, text in datafiles.files(site):
        files.add(path, text)
    return files.texts
