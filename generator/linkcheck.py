"""Check that every internal link and anchor of a built site resolves.

MkDocs' own validation sees the Markdown, not what the theme adds around it
(navigation, previous/next links, headers, the 404 page), and Zensical
validates differently again. This checker reads the HTML that will actually
be published, so a link that a reader can click and that leads nowhere fails
the build whichever site generator wrote it.

A link is internal when it has no scheme and no host: relative (``../week-02/``)
or site-absolute (``/assets/x.css``, resolved under the site's base path).
It resolves when the file exists (a folder means its ``index.html``) and,
when it names a fragment, when the target page has an element with that
``id`` (or an ``<a name>``). External links are not fetched: CI has no
business depending on other people's servers.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from generator.errors import HandbookError

# Attributes that make the browser load or navigate to another URL.
_LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "iframe": ("src",),
    "source": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
}
_PAGE_SUFFIXES = (".html", ".htm")


class BrokenLinks(HandbookError):
    """The site has internal links or anchors that lead nowhere (exit 1)."""


@dataclass(frozen=True, order=True)
class Broken:
    """One link that does not resolve, printed as ``PAGE: URL: reason``."""

    page: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url}: {self.reason}"


@dataclass
class _Page:
    """What one HTML page offers (its ids) and asks for (its links)."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    """Collects element ids and link URLs of one page; ignores everything else."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        for attribute in _LINK_ATTRIBUTES.get(tag, ()):
            url = values.get(attribute)
            if url is not None:
                self.page.links.append(url.strip())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _parse(path: Path) -> _Page:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    collector.close()
    return collector.page


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def _target(site: Path, page: str, path: str, base_path: str) -> str | None:
    """The site-relative file a link path points at, or None if it leaves the site."""
    if path.startswith("/"):
        if not (path + "/").startswith(base_path):
            return None
        joined = path[len(base_path) :]
    else:
        joined = posixpath.join(posixpath.dirname(page), path)
    normal = posixpath.normpath(joined) if joined else "."
    if normal == ".." or normal.startswith("../"):
        return None
    candidate = site / normal
    if candidate.is_dir():
        return str(PurePosixPath(normal) / "index.html") if normal != "." else "index.html"
    return normal


def _normal_base(base_path: str) -> str:
    stripped = base_path.strip("/")
    return f"/{stripped}/" if stripped else "/"


def check_site(site: Path, base_path: str = "/") -> list[Broken]:
    """Every broken internal link or anchor of the HTML pages under ``site``, sorted.

    ``base_path`` is the URL path the site is served under (``/repo/`` for a
    GitHub project page); site-absolute links are resolved below it.
    """
    if not (site / "index.html").is_file():
        raise HandbookError(f"{site} is not a built site (no index.html)")
    base = _normal_base(base_path)
    pages = {
        path.relative_to(site).as_posix(): _parse(path)
        for path in sorted(site.rglob("*"))
        if path.suffix in _PAGE_SUFFIXES and path.is_file()
    }
    broken: list[Broken] = []
    for name, page in pages.items():
        for url in page.links:
            problem = _problem(site, pages, name, url, base)
            if problem:
                broken.append(Broken(name, url, problem))
    return sorted(set(broken))


def _problem(site: Path, pages: dict[str, _Page], name: str, url: str, base: str) -> str | None:
    if not url or _is_external(url):
        return None
    parts = urlsplit(url)
    fragment = unquote(parts.fragment)
    if parts.path:
        target = _target(site, name, unquote(parts.path), base)
        if target is None:
            return "points outside the site"
        if not (site / target).is_file():
            return "no such file in the site"
    else:
        target = name  # "#anchor" or "?query" alone: this page
    if not fragment:
        return None
    page = pages.get(target)
    if page is None:  # a fragment on a non-HTML file (a PDF page, say) cannot be checked
        return None
    if fragment not in page.ids:
        return f"no element with id {fragment!r} in {target}"
    return None


def command(site: Path, base_path: str) -> int:
    """``handbook linkcheck``: print each broken link; exit 1 if there is any."""
    broken = check_site(site, base_path)
    if broken:
        raise BrokenLinks(_report(broken))
    pages = sum(1 for p in site.rglob("*") if p.suffix in _PAGE_SUFFIXES)
    print(f"OK: every internal link and anchor resolves ({pages} pages in {site})")
    return 0


def _report(broken: Iterable[Broken]) -> str:
    lines = [str(item) for item in broken]
    return "\n".join([*lines, f"{len(lines)} broken internal link(s) found."])
