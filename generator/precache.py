"""What the service worker keeps for offline reading, read from the built site.

After MkDocs has written the site (and our assets were minified), every page is read once
for the files it loads (``<link>``, ``<script>`` and ``<img>`` tags of this site, and the
search worker named in Material's page configuration). They are split in two:

- the **shell**, which every reader gets when the worker installs: the home page (where the
  installed app starts), every file any page loads, the search worker and its index. Not
  the manifest and its icons: the browser keeps those when it installs the app, and they
  are not needed to read offline;
- one **group** per roadmap (a top-level folder of pages): every page in it. A group is
  saved when the reader first opens one of its pages, so a reader of one roadmap never
  downloads the other.

Each file carries a hash of its content. The worker's version is a hash over all of them and
over the worker's own source: any change to a file or to the worker makes a new version, whose
caches replace the old ones, and files whose hash did not change are copied from the old
cache instead of being downloaded again. Thumbnails (other hosts), the offline zip and the
calendar feeds are never listed.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

WORKER = "sw.js"
"""Site path of the published worker."""
PLACEHOLDER = '"__HB_BUILD__"'
"""What the worker's source holds where the build's file list goes."""
SEARCH_INDEXES = ("search/search_index.json", "search.json")
"""The search index, loaded by the search worker, so no page tag names it: MkDocs with
Material writes the first, Zensical the second. Whichever the built site has is listed."""
HOME = "./"
"""The home page's address, relative to the site root like every address here."""

_ORIGIN = "https://site.invalid/"
"""A stand-in origin to resolve a page's relative links against."""
_TAG = re.compile(r"<(link|script|img)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
_LOADED_BY_LINK = {"stylesheet", "icon", "preload", "modulepreload"}
"""``<link rel>`` values whose target the page needs (not ``canonical``, ``prev``, ``next``; not
``manifest`` and ``apple-touch-icon``, which only installing the app uses)."""


@dataclass(frozen=True)
class Precache:
    """Address (relative to the site root, as pages request it) → content hash."""

    shell: dict[str, str] = field(default_factory=dict)
    groups: dict[str, dict[str, str]] = field(default_factory=dict)

    def everything(self) -> dict[str, str]:
        """Every listed address with its hash."""
        found = dict(self.shell)
        for files in self.groups.values():
            found.update(files)
        return found


def digest(data: bytes) -> str:
    """The hash the worker checks downloads against: SHA-256, first 16 hex digits."""
    return hashlib.sha256(data).hexdigest()[:16]


def page_address(relative: str) -> str:
    """A page's address from its file: ``a/b/index.html`` → ``a/b/``, ``index.html`` → ``./``."""
    if relative == "index.html":
        return HOME
    if relative.endswith("/index.html"):
        return relative.removesuffix("index.html")
    return relative


def _file_of(address: str) -> str:
    """The file an address is served from (its query dropped)."""
    path = address.split("?", 1)[0]
    if path in ("", HOME):
        return "index.html"
    return path + "index.html" if path.endswith("/") else path


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): value.strip("\"'") for name, value in _ATTRIBUTE.findall(text)}


def _resolve(page: str, reference: str) -> str | None:
    """``reference`` on ``page`` as an address relative to the site root, or None when it
    leaves the site (another host, a ``data:`` URL)."""
    base = _ORIGIN + ("" if page == HOME else page)
    target = urlsplit(urljoin(base, reference))
    if f"{target.scheme}://{target.netloc}/" != _ORIGIN:
        return None
    path = target.path.removeprefix("/")
    address = path or HOME
    return f"{address}?{target.query}" if target.query else address


def loaded_by(page: str, html: str) -> set[str]:
    """Addresses of this site's files that the page ``page`` loads."""
    found = set()
    for tag, attributes in _TAG.findall(html):
        values = _attributes(attributes)
        tag = tag.lower()
        if tag == "link":
            rel = set(values.get("rel", "").lower().split())
            reference = values.get("href") if rel & _LOADED_BY_LINK else None
        else:
            reference = values.get("src")
        if reference:
            address = _resolve(page, reference)
            if address is not None:
                found.add(address)
    config = _CONFIG.search(html)
    if config:
        try:
            worker = json.loads(config.group(1)).get("search")
        except (ValueError, AttributeError):
            worker = None
        if isinstance(worker, str):
            address = _resolve(page, worker)
            if address is not None:
                found.add(address)
    return found


def collect(site: Path) -> Precache:
    """The shell and the roadmaps' groups of the built ``site``, each file hashed."""
    hashes: dict[str, str] = {}

    def hashed(address: str) -> str | None:
        file = _file_of(address)
        if file not in hashes:
            path = site / file
            if not path.is_file():
                return None
            hashes[file] = digest(path.read_bytes())
        return hashes[file]

    shell: dict[str, str] = {}
    groups: dict[str, dict[str, str]] = {}
    loaded: set[str] = set(SEARCH_INDEXES)
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        address = page_address(relative)
        data = file.read_bytes()
        top = relative.split("/", 1)[0]
        if address == HOME:
            shell[address] = digest(data)
        elif "/" in relative and top != "assets":
            groups.setdefault(top, {})[address] = digest(data)
        else:
            continue  # 404.html and other pages outside the roadmaps: not for offline reading
        loaded |= loaded_by(address, data.decode("utf-8"))
    for address in sorted(loaded):
        value = hashed(address)
        if value is not None:
            shell[address] = value
    return Precache(shell=dict(sorted(shell.items())), groups=dict(sorted(groups.items())))


def version(files: Precache, worker_source: str) -> str:
    """A hash over every listed file's hash and the worker's own source."""
    state = json.dumps({"shell": files.shell, "groups": files.groups}, sort_keys=True)
    return digest(state.encode("utf-8") + b"\0" + worker_source.encode("utf-8"))


def fill(worker_source: str, files: Precache) -> str:
    """The worker's source with the build's files and version in place of ``PLACEHOLDER``."""
    if worker_source.count(PLACEHOLDER) != 1:
        raise ValueError(f"the worker's source must contain {PLACEHOLDER} exactly once")
    build = {"version": version(files, worker_source), "shell": files.shell, "groups": files.groups}
    text = json.dumps(build, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return worker_source.replace(PLACEHOLDER, text)


def write_worker(site: Path, worker_source: str) -> Precache:
    """Collect the built ``site``'s files and publish the filled worker at its root."""
    files = collect(site)
    (site / WORKER).write_text(fill(worker_source, files), encoding="utf-8")
    return files
