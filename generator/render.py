"""Page views → Markdown text, through logic-free Jinja2 templates.

Every ``{{ value }}`` in a template is escaped for Markdown by the
environment's ``finalize`` hook, so a template cannot forget to escape.
Values that are not text but machine tokens (ids, dates in attributes) or
generated URLs go through the ``token`` and ``url`` filters, which check them
instead of escaping them. Writing the files is ``writer.py``'s job.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache

import jinja2
from markupsafe import Markup

from generator import escape
from generator.mkdocs_hooks import NAV_FILE
from generator.pages import Site

_TOKEN = re.compile(r"^[A-Za-z0-9._:/-]+$")
_URL = re.compile(r"^(?:https://[A-Za-z0-9.-]+/|[a-z0-9-]+(?:/[a-z0-9-]+)*\.md$)[^\s()<>\"'`\\&]*$")


def _token(value: object) -> Markup:
    """Pass a machine token (id, ISO date) into an HTML attribute, refusing anything else."""
    text = str(value)
    if not _TOKEN.match(text):
        raise ValueError(f"not a safe token: {text!r}")
    return Markup(text)


def _url(value: object) -> Markup:
    """Pass a generated https URL or relative page path, refusing characters that break out."""
    text = str(value)
    if not _URL.match(text):
        raise ValueError(f"not a safe URL: {text!r}")
    return Markup(text)


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
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,  # literal template text is trusted; finalize escapes every value
    )
    env.filters["token"] = _token
    env.filters["url"] = _url
    return env


def render_page(template: str, page: object) -> str:
    """Render one page view with ``template``: one blank line at most, one final newline."""
    text = environment().get_template(template).render(page=page)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def merge(*parts: Mapping[str, str]) -> dict[str, str]:
    """Join rendered file sets, refusing two files at one path (one would silently win)."""
    files: dict[str, str] = {}
    for part in parts:
        for path, text in part.items():
            if path in files:
                raise ValueError(f"two files would be written to {path}")
            files[path] = text
    return files


def render_site(site: Site) -> dict[str, str]:
    """Render every page of ``site``; keys are paths relative to the docs folder."""
    jobs: list[tuple[str, str, object]] = [("home.md.j2", site.home.path, site.home)]
    jobs += [("overview.md.j2", page.path, page) for page in site.overviews]
    jobs += [("week.md.j2", page.path, page) for page in site.weeks]
    files: dict[str, str] = {}
    for template, path, page in jobs:
        if path in files:  # two pages at one URL would silently hide one of them
            raise ValueError(f"two pages would be written to {path}")
        files[path] = render_page(template, page)
    files[NAV_FILE] = json.dumps(site.nav, indent=2, ensure_ascii=False) + "\n"
    return files
