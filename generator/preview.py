"""``handbook preview``: the rendered change, for a reviewer to look at.

``handbook diff`` says in words which weeks a change touches. This command
builds the handbook twice, as it is at the base revision (the same default
as ``diff``: ``origin/main``, else ``HEAD~1``) and as it is in the working
tree, finds the pages whose HTML differs, and writes into ``build/preview/``:

- ``summary.md``: each changed page with what changed on it (dates, items,
  what is due, videos, from ``diff``'s analysis), and the screenshots' names;
- for each changed page a before and an after screenshot, 390 px (a phone)
  and 1280 px (a desktop) wide, full page: ``backend-2026/week-05-before-390.png``,
  ``backend-2026/week-05-after-1280.png``; the home page is ``home``, an overview
  its roadmap's slug (``backend-2026-before-390.png``). Unchanged pages get none.

What "the base" is: the base commit's own ``content/``, ``mkdocs.yml``,
``overrides/`` and ``generator/`` (``git archive``, extracted under
``build/preview-work/base-src``), built by that commit's generator (this
Python, with ``PYTHONPATH`` on the extracted tree, running
``python -m generator.cli build``), so a change to templates, styles or code
shows as readers will see it, not only a change of content. When the base's
generator cannot build with today's dependencies, the base content is built
by the working tree's generator instead, and the summary says so. Both
sides are built through ``handbook build``'s command line, in their own
processes; neither touches ``build/docs`` or ``site/``.

Which pages changed: each page's HTML without the site navigation
(Material's sidebar, tabs and footer links, ``<link rel=prev/next>``) and
without the version queries of assets. Adding or renaming a week changes
that menu on every page of the site, and adding one at the end changes
"Week 3 of 54" on every week: the summary counts those pages once instead of
showing each, as ``diff`` does. A changed style or script that pages load
(not the browser data generated from content) counts every page as changed.
A change that touches more than :data:`SAMPLE_ABOVE` pages (a template, a
style, a start date) is summarised as a count with screenshots of a sample
of page kinds only: the home page, an overview, a week and a progress page,
plus the pages whose content changed when they are few.

Screenshots: Playwright driving Debian's Chromium (``/usr/bin/chromium``),
pages served from 127.0.0.1, light scheme, service workers blocked, the
browser's clock fixed at 10:00 on ``--today`` in the handbook's time zone,
and nothing fetched from the internet (YouTube thumbnails become a grey
placeholder), so the before and after differ only where the pages do.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import zoneinfo
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from generator import diff, loader
from generator.errors import HandbookError, UsageError
from generator.views import urls
from generator.views.dates import format_day

if TYPE_CHECKING:
    from playwright.sync_api import Route

CHROMIUM = Path("/usr/bin/chromium")
ARGS = (  # the browser tests launch Chromium with these flags too (tests/chromium.py)
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
WIDTHS = (390, 1280)
"""A phone's and a desktop's width, in CSS pixels."""
HEIGHT = 900
SAMPLE_ABOVE = 20
"""More changed pages than this are summarised, with screenshots of a sample of kinds."""
SAMPLE_KINDS = ("home", "overview", "week", "progress")
BASE_TREE = ("mkdocs.yml", "overrides", "generator")
"""What the base's build needs besides its content, taken from the base commit."""
MARKER = ".handbook-preview"
"""Marks the folders this command empties and refills (it never empties anything else)."""
PLACEHOLDER = bytes.fromhex(  # a 1x1 grey GIF, for YouTube's thumbnails
    "47494638396101000100800000cccccc00000021f90400000000002c00000000010001000002024401003b"
)
_LOG_TAIL = 30


@dataclass(frozen=True)
class PageChange:
    """A page of the built site that differs: its HTML path and how."""

    path: str  # ``backend-2026/week-05/index.html``
    kind: str  # "added", "removed" or "changed"

    @property
    def url(self) -> str:
        """The page's address below the site root: ``backend-2026/week-05/``."""
        return self.path.removesuffix("index.html")

    @property
    def stem(self) -> str:
        """Its screenshots' name: ``backend-2026/week-05``, ``backend-2026``, ``home``."""
        return self.url.rstrip("/").removesuffix(".html") or "home"

    @property
    def page_kind(self) -> str:
        """home, overview, week, progress, now or other."""
        return page_kind(self.path)


@dataclass
class SiteChanges:
    """The pages that differ between two built sites."""

    pages: list[PageChange] = field(default_factory=list)
    navigation_only: int = 0  # pages that differ in their navigation menu only
    length_only: int = 0  # week pages that differ only in "Week 3 of 54" (and the menu)
    files: list[str] = field(default_factory=list)  # other files that differ (assets, index)
    assets: list[str] = field(default_factory=list)  # of those, styles and scripts pages load
    total: int = 0  # pages in the new site
    sample_above: int = SAMPLE_ABOVE  # more changed pages than this: screenshot a sample


@dataclass(frozen=True)
class Shot:
    """The screenshots of one page: before, after, or both."""

    page: PageChange

    @property
    def sides(self) -> tuple[str, ...]:
        return {"added": ("after",), "removed": ("before",)}.get(
            self.page.kind, ("before", "after")
        )

    def name(self, side: str, width: int) -> str:
        """``backend-2026/week-05-before-390.png``."""
        return f"{self.page.stem}-{side}-{width}.png"

    def files(self) -> list[str]:
        """Every screenshot of the page, in the order they are taken."""
        return [self.name(side, width) for width in WIDTHS for side in self.sides]


@dataclass(frozen=True)
class Base:
    """How the base was built: its revision, short hash, and whether by its own generator."""

    revision: str
    short: str
    own_generator: bool
    note: str = ""


_KINDS = (
    ("home", re.compile(r"index\.html")),
    ("overview", re.compile(r"[^/]+/index\.html")),
    ("week", re.compile(r"[^/]+/week-\d+/index\.html")),
    ("progress", re.compile(r"[^/]+/progress/index\.html")),
    ("now", re.compile(r"[^/]+/now/index\.html")),
)


def page_kind(path: str) -> str:
    """The kind of the page at ``path`` in a built site."""
    return next((kind for kind, pattern in _KINDS if pattern.fullmatch(path)), "other")


class _Digest(HTMLParser):
    """Two fingerprints of a page: everything but the site navigation, and the navigation.

    Version queries of assets (``handbook-data.js?v=0110aad96a``) are left out: the data
    file changes with any item of any week, which would make every page differ; the
    assets themselves are compared as files (:func:`compare_sites`)."""

    _SKIPPED = ("md-nav--primary", "md-tabs", "md-footer__inner")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body = hashlib.sha256()
        self.nav = hashlib.sha256()
        self._open: list[str] = []  # tags opened inside a skipped element

    def _feed(self, token: str) -> None:
        (self.nav if self._open else self.body).update(token.encode("utf-8", "replace"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attrs = [(name, _VERSION.sub("", value or "")) for name, value in attrs]
        values = dict(attrs)
        if tag == "link" and values.get("rel") in ("prev", "next"):
            self.nav.update(repr((tag, attrs)).encode())
            return
        classes = (values.get("class") or "").split()
        if self._open or any(name in classes for name in self._SKIPPED):
            self._open.append(tag)
        self._feed(repr(("<", tag, attrs)))
        if tag in _VOID and self._open:
            self._open.pop()

    def handle_endtag(self, tag: str) -> None:
        self._feed(repr((">", tag)))
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self._feed(data)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_VERSION = re.compile(r"\?v=[0-9a-f]+$")


def digest(html: str) -> tuple[str, str]:
    """(page without the site navigation, the navigation) fingerprints of one HTML page."""
    parser = _Digest()
    parser.feed(html)
    parser.close()
    return parser.body.hexdigest(), parser.nav.hexdigest()


def _listing(site: Path) -> dict[str, Path]:
    if not site.is_dir():
        return {}
    return {
        path.relative_to(site).as_posix(): path
        for path in site.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    }


def _presentation(path: str, data: Collection[str]) -> bool:
    """Whether a file is a style or script that pages load (ours or the theme's): not the
    browser data generated from content (``data``; what changes in it shows on the pages
    themselves) nor the service worker (blocked in screenshots; it changes with any build)."""
    return path.endswith((".css", ".js")) and path not in data and path != "sw.js"


def compare_sites(
    old: Path,
    new: Path,
    lengths: Mapping[str, tuple[int, int]] | None = None,
    data: Collection[str] = (urls.DATA,),
) -> SiteChanges:
    """The pages (and other files) that differ between the built sites ``old`` and ``new``.

    ``lengths`` gives the roadmaps whose number of weeks changed (slug: before, after): a
    week page of theirs that differs only in "Week 3 of 54" is not counted as changed (the
    summary says the new length once). A change of a style or script that pages load (other
    than ``data``, the browser data generated from content) may change how every page looks,
    so every page counts as changed."""
    before, after = _listing(old), _listing(new)
    changes = SiteChanges(total=sum(1 for p in after if p.endswith(".html")))
    unchanged: list[str] = []
    for path in sorted(before.keys() | after.keys()):
        page = path.endswith(".html")
        if path not in after or path not in before:
            if page:
                changes.pages.append(PageChange(path, "added" if path in after else "removed"))
            else:
                changes.files.append(path)
            continue
        old_bytes, new_bytes = before[path].read_bytes(), after[path].read_bytes()
        if page:
            old_text, new_text = (b.decode("utf-8", "replace") for b in (old_bytes, new_bytes))
            old_body, old_nav = digest(old_text)
            new_body, new_nav = digest(new_text)
            if old_body != new_body and _only_length(path, old_text, new_text, lengths or {}):
                changes.length_only += 1
            elif old_body != new_body:
                changes.pages.append(PageChange(path, "changed"))
            else:
                unchanged.append(path)
                changes.navigation_only += old_nav != new_nav
        elif old_bytes != new_bytes:
            changes.files.append(path)
    changes.assets = [path for path in changes.files if _presentation(path, data)]
    if changes.assets and before:  # (a first build has nothing to compare with)
        changes.pages += [PageChange(path, "changed") for path in unchanged]
        changes.pages.sort(key=lambda page: page.path)
        changes.navigation_only = changes.length_only = 0
    return changes


_WEEK_PAGE = re.compile(r"([^/]+)/week-(\d+)/index\.html")


def _only_length(path: str, old: str, new: str, lengths: Mapping[str, tuple[int, int]]) -> bool:
    """Whether a week page, the navigation menu aside, differs only in the roadmap's length
    it states ("Week 3 of 54")."""
    match = _WEEK_PAGE.fullmatch(path)
    if match is None or match.group(1) not in lengths:
        return False
    number, (before, after) = int(match.group(2)), lengths[match.group(1)]
    old_body = digest(diff.without_length(old, number, before))[0]
    return old_body == digest(diff.without_length(new, number, after))[0]


def sampled(changes: SiteChanges) -> bool:
    """Whether the change touches too many pages to show each."""
    return len(changes.pages) > changes.sample_above


def shots(changes: SiteChanges, content: Collection[str] = ()) -> list[Shot]:
    """What to photograph: every changed page; or, when there are too many, one page of each
    sampled kind, and the pages whose content changed (``content``, HTML paths) unless they
    are too many too. The sample's week is one whose content changed, if there is one."""
    if not sampled(changes):
        return [Shot(page) for page in changes.pages]
    ours = [p for p in changes.pages if p.path in content]
    chosen: list[PageChange] = []
    for kind in SAMPLE_KINDS:
        page = next((p for p in (*ours, *changes.pages) if p.page_kind == kind), None)
        if page is not None:
            chosen.append(page)
    if len(ours) <= changes.sample_above:
        chosen += [page for page in ours if page not in chosen]
    return [Shot(page) for page in chosen]


def content_pages(analysis: diff.Changes | None) -> set[str]:
    """The HTML pages whose content changed, by ``diff``'s analysis of the content."""
    if analysis is None:
        return set()
    docs = {"index.md"} if analysis.home else set()
    for roadmap in analysis.roadmaps:
        docs |= {week.path for week in roadmap.weeks}
        if roadmap.overview:
            docs.add(f"{roadmap.slug}/index.md")
    docs |= {path for path in analysis.other if path.endswith(".md")}  # progress, now
    return {_html_path(path) for path in docs}


def _html_path(docs_path: str) -> str:
    """Where a generated page lands in the site: ``a/b.md`` → ``a/b/index.html``."""
    stem = docs_path.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/index.html" if stem else "index.html"


# ---------------------------------------------------------------------------------------------
# Building the two sides


def _toplevel(folder: Path) -> Path:
    result = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise UsageError(f"{folder} is not in a git repository: {result.stderr.strip()}")
    return Path(result.stdout.strip()).resolve()


def _inside(path: Path, root: Path, what: str) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise UsageError(f"{what} {path} is not inside the repository {root}") from None


def export_tree(root: Path, revision: str, names: Sequence[str], destination: Path) -> list[str]:
    """Extract ``names`` (files or folders, those that exist) as they are at ``revision``
    into ``destination``; returns the names that existed."""
    listing = subprocess.run(
        ["git", "-C", str(root), "ls-tree", "--name-only", revision, "--", *names],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    present = [name for name in names if name in listing]
    destination.mkdir(parents=True, exist_ok=True)
    if not present:
        return present
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", revision, "--", *present],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(destination, filter="data")
        else:  # pragma: no cover - our own repository's files
            tar.extractall(destination)
    return present


def _fresh(folder: Path) -> Path:
    """Empty ``folder`` (only if new, empty or ours: it carries :data:`MARKER`), mark it ours."""
    if folder.exists():
        if not folder.is_dir():
            raise UsageError(f"{folder} is not a folder")
        if any(folder.iterdir()) and not (folder / MARKER).is_file():
            raise UsageError(
                f"{folder} is not empty and was not made by handbook preview; "
                "refusing to delete what is in it"
            )
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("made by handbook preview; emptied by its next run\n")
    return folder


def _environment(pythonpath: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "OFFLINE", "PYTHONPATH")}
    return {**env, "PYTHONPATH": str(pythonpath), "PYTHONDONTWRITEBYTECODE": "1"}


def _build_command(content: Path, config: Path, side: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator.cli",
        "build",
        "--content",
        str(content),
        "--config",
        str(config),
        "--docs",
        str(side / "docs"),
        "--site-dir",
        str(side / "site"),
        "--no-offline",
    ]


@dataclass
class _Build:
    """A ``handbook build`` running in its own process, its output going to a log file."""

    side: Path
    process: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(cls, tree: Path, content: Path, config: Path, side: Path) -> _Build:
        side.mkdir(parents=True, exist_ok=True)
        log = side.parent / f"{side.name}-build.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                _build_command(content, config, side),
                cwd=tree,
                env=_environment(tree),
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        return cls(side, process, log)

    def wait(self) -> str | None:
        """None when the site was built, else the log's last lines."""
        status = self.process.wait()
        if status == 0 and (self.side / "site" / "index.html").is_file():
            return None
        lines = self.log.read_text("utf-8", "replace").strip().splitlines()[-_LOG_TAIL:]
        return f"exit status {status}:\n" + "\n".join(lines)


@dataclass(frozen=True)
class Sides:
    """The two builds: folders under the work folder, and how the base was built."""

    work: Path
    base_content: Path
    own_generator: bool  # the base was built by its own generator
    note: str = ""  # why not, when it could not be

    def site(self, side: str) -> Path:
        return self.work / side / "site"

    def generated(self) -> set[str]:
        """Every file either render generated (pages' Markdown and their data files)."""
        return {
            path for side in ("before", "after") for path in _listing(self.work / side / "docs")
        }


def build_sides(root: Path, content: Path, config: Path, revision: str, work: Path) -> Sides:
    """Build the base (by its own generator if it can) and the working tree, in parallel."""
    content_rel = _inside(content, root, "--content")
    config_rel = _inside(config, root, "--config")
    work = work.resolve()
    source = work / "base-src"
    export_tree(root, revision, [content_rel, config_rel, *BASE_TREE], source)
    base_content = source / content_rel
    after = _Build.start(root, content.resolve(), config.resolve(), work / "after")
    before = None
    if loader.roadmap_files(base_content) and (source / config_rel).is_file():
        before = _Build.start(source, base_content, source / config_rel, work / "before")
    failure = after.wait()
    if failure:
        raise HandbookError(f"handbook build of the working tree failed ({after.log}), {failure}")
    if before is None:  # no content (or no configuration) at the base: every page is new
        return Sides(work, base_content, own_generator=False)
    why = before.wait()
    if why is None:
        return Sides(work, base_content, own_generator=True)
    # The base's generator cannot run here (a dependency it needs, a flag it lacks): build
    # the base's content with this tree's generator, so at least content changes show.
    shutil.rmtree(before.side, ignore_errors=True)
    again = _Build.start(root, base_content, config.resolve(), work / "before")
    failure = again.wait()
    if failure:
        raise HandbookError(f"handbook build of {revision}'s content failed, {failure}")
    return Sides(work, base_content, own_generator=False, note=why)


# ---------------------------------------------------------------------------------------------
# Screenshots


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """``folder`` served on a free port of 127.0.0.1, quietly: its root URL."""
    folder.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


def require_browser(chromium: Path) -> None:
    """Stop with one line, before building anything, when screenshots cannot be taken."""
    if not chromium.is_file():
        raise UsageError(
            f"handbook preview: {chromium} is missing; install Chromium "
            "(apt-get install chromium) or pass --chromium PATH"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise UsageError(
            "handbook preview: the playwright package is missing; "
            "run make preview (it installs the test dependencies)"
        ) from None


def take(
    planned: Sequence[Shot],
    sites: dict[str, Path],
    out: Path,
    *,
    chromium: Path,
    now: dt.datetime,
) -> list[str]:
    """Photograph ``planned`` pages from the ``before`` and ``after`` sites into ``out``;
    returns the files written, relative to ``out``."""
    from playwright.sync_api import sync_playwright

    written: list[str] = []
    if not planned:
        return written
    with (
        serving(sites["before"]) as before,
        serving(sites["after"]) as after,
        sync_playwright() as driver,
    ):
        roots = {"before": before, "after": after}
        browser = driver.chromium.launch(executable_path=str(chromium), headless=True, args=ARGS)
        try:
            for width in WIDTHS:
                context = browser.new_context(
                    viewport={"width": width, "height": HEIGHT},
                    color_scheme="light",
                    service_workers="block",
                    timezone_id=str(now.tzinfo),
                    locale="en-GB",
                )
                context.route("**/*", functools.partial(_local_only, tuple(roots.values())))
                context.clock.set_fixed_time(now)
                page = context.new_page()
                for shot in planned:
                    for side in shot.sides:
                        name = shot.name(side, width)
                        page.goto(roots[side] + shot.page.url, wait_until="load")
                        (out / name).parent.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(out / name), full_page=True, animations="disabled")
                        written.append(name)
                context.close()
        finally:
            browser.close()
    return written


def _local_only(roots: tuple[str, ...], route: Route) -> None:
    """The two local sites load; YouTube's thumbnails become a placeholder; nothing else."""
    url = route.request.url
    if url.startswith(roots):
        route.continue_()
    elif url.startswith("https://i.ytimg.com/"):
        route.fulfill(status=200, content_type="image/gif", body=PLACEHOLDER)
    else:
        route.abort()


def clock(content: Path, today: dt.date) -> dt.datetime:
    """10:00 on ``today`` in the time zone of the first roadmap with a schedule (else UTC)."""
    zone = "UTC"
    for item in loader.load_all(content):
        if item.roadmap.schedule is not None:
            zone = item.roadmap.schedule.timezone
            break
    return dt.datetime.combine(today, dt.time(10), tzinfo=zoneinfo.ZoneInfo(zone))


# ---------------------------------------------------------------------------------------------
# The summary


def _docs_paths(page: PageChange) -> tuple[str, str]:
    """The generated Markdown a page may come from: ``a/b.md`` or ``a/b/index.md``."""
    folder = page.path.removesuffix("index.html").rstrip("/")
    if not folder:
        return ("index.md", "index.md")
    return (f"{folder}.md", f"{folder}/index.md")


def _page_lines(page: PageChange, content: diff.Changes | None) -> list[str]:
    """What changed on one page, from the content's analysis."""
    if content is None:
        return []
    for path in _docs_paths(page):
        week = content.week(path)
        if week is not None:
            if week.kind != "changed":
                return []
            return [diff.detail_line(detail, "markdown") for detail in week.details]
    if page.path in content_pages(content):
        return [f"{_NAMES.get(page.page_kind, 'the page')}'s content changed"]
    if page.kind == "changed":
        return ["no content change shows here: the templates, styles or generator changed it"]
    return []


_NAMES = {
    "home": "the home page",
    "overview": "the overview",
    "progress": "the progress page",
    "now": "the “now” page",
}


def _title(page: PageChange, content: diff.Changes | None) -> str:
    if content is not None:
        for path in _docs_paths(page):
            week = content.week(path)
            if week is not None:
                return " · " + diff.week_line(week, "markdown")
    return ""


def summary(
    changes: SiteChanges,
    planned: Sequence[Shot],
    base: Base,
    content: diff.Changes | None,
    now: dt.datetime,
) -> str:
    """``summary.md``: the changed pages, what changed on each, and their screenshots."""
    lines = [f"### Rendered pages changed against `{base.revision}` ({base.short})", ""]
    counts = {k: sum(1 for p in changes.pages if p.kind == k) for k in ("added", "removed")}
    told = "".join(f", {n} of them {k}" for k, n in counts.items() if n)
    lines.append(
        f"**{len(changes.pages)} of {changes.total} pages changed**{told}."
        if changes.pages
        else f"**No page changed** ({changes.total} pages)."
    )
    lines += ["", *_base_lines(base), ""]
    notes = []
    if changes.assets:
        shown = ", ".join(f"`{path}`" for path in changes.assets[:6])
        notes.append(
            f"Styles or scripts that every page loads changed ({shown}): every page may look "
            "or behave differently, so every page counts as changed."
        )
    if changes.length_only:
        notes.append(
            f"{_pages(changes.length_only, 'week page')} differ only in the roadmap's length "
            '("Week N of M"): not shown.'
        )
    if changes.navigation_only:
        notes.append(
            f"The navigation menu also differs on {_pages(changes.navigation_only, 'other page')}"
            " (a week added, removed or renamed shows in every page's menu): not shown."
        )
    if content is None:
        notes.append("What changed on each page is not listed: the base's content did not load.")
    else:
        notes += [
            f"**{roadmap.title}** (`{roadmap.slug}`): the roadmap now has "
            f"{roadmap.length[1]} weeks (was {roadmap.length[0]})."
            for roadmap in content.roadmaps
            if roadmap.length
        ]
    lines += [*(f"- {note}" for note in notes), ""] if notes else []
    if sampled(changes):
        ours = sum(1 for shot in planned if shot.page.page_kind not in SAMPLE_KINDS)
        lines += [
            f"{len(changes.pages)} pages changed; sample of page kinds: "
            + ", ".join(f"{s.page.page_kind} (`{s.page.url or '/'}`)" for s in planned[:4])
            + (f", and the {ours} other pages whose content changed" if ours else "")
            + ".",
            "",
        ]
    if planned:
        lines += [
            f"Screenshots of each, before and after, {' and '.join(map(str, WIDTHS))} px wide "
            f"(full page, light scheme, the browser's clock at {now:%H:%M} on "
            f"{format_day(now.date())}, {now.tzinfo}), are in the run's `preview` artifact.",
            "",
        ]
    for shot in planned:
        lines += _page_section(shot, content)
    if sampled(changes):
        lines += ["<details><summary>Every changed page</summary>", ""]
        lines += [f"- `{p.url or '/'}` ({p.kind})" for p in changes.pages]
        lines += ["", "</details>", ""]
    if changes.files:
        shown = ", ".join(f"`{f}`" for f in changes.files[:12])
        more = len(changes.files) - 12
        lines += [
            f"Other files that differ: {shown}" + (f" and {more} more." if more > 0 else "."),
            "",
        ]
    return "\n".join(lines)


def _pages(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _base_lines(base: Base) -> list[str]:
    if base.own_generator:
        return [
            f"The base was built by its own generator (`generator/`, `mkdocs.yml` and "
            f"`overrides/` of {base.short}), the change by this tree's."
        ]
    if not base.note:
        return [f"{base.short} has no handbook to build: every page is new."]
    return [
        "The base's own generator could not build it, so its content was built by this "
        "tree's generator: changes to code, templates or styles do not show here.",
        "",
        "<details><summary>Why the base's generator failed</summary>",
        "",
        "```text",
        base.note.replace("```", "'''"),
        "```",
        "",
        "</details>",
    ]


def _page_section(shot: Shot, content: diff.Changes | None) -> list[str]:
    page = shot.page
    lines = [f"#### `{page.url or '/'}`{_title(page, content)} ({page.kind})", ""]
    lines += [f"- {line}" for line in _page_lines(page, content)]
    lines.append("- screenshots: " + ", ".join(f"`{name}`" for name in shot.files()))
    return [*lines, ""]


# ---------------------------------------------------------------------------------------------
# The command


def command(
    content: Path,
    config: Path,
    revision: str | None,
    *,
    work: Path,
    out: Path,
    today: dt.date | None,
    chromium: Path = CHROMIUM,
    sample_above: int = SAMPLE_ABOVE,
) -> int:
    """``handbook preview [REV]``: build both sides, compare, photograph, summarise."""
    root = _toplevel(config.resolve().parent)
    revision, short = diff.resolve(root, revision)
    require_browser(chromium)
    now = clock(content, today or dt.date.today())
    work, out = _fresh(work), _fresh(out)
    started = time.perf_counter()
    sides = build_sides(root, content, config, revision, work)
    built = time.perf_counter()
    try:
        analysis: diff.Changes | None = diff.compare(
            diff.snapshot_of(sides.base_content, revision), diff.snapshot(content)
        )
    except HandbookError:
        analysis = None  # the base's content does not load with this tree's generator
    lengths = {r.slug: r.length for r in analysis.roadmaps if r.length} if analysis else {}
    changes = compare_sites(sides.site("before"), sides.site("after"), lengths)
    changes.sample_above = sample_above
    compared = time.perf_counter()
    planned = shots(changes, content_pages(analysis))
    sites = {side: sides.site(side) for side in ("before", "after")}
    written = take(planned, sites, out, chromium=chromium, now=now)
    base = Base(revision, short, sides.own_generator, sides.note)
    (out / "summary.md").write_text(summary(changes, planned, base, analysis, now), "utf-8")
    print(
        f"{len(changes.pages)} pages changed against {revision} ({short}); "
        f"{len(written)} screenshots and summary.md in {out} "
        f"(builds {built - started:.1f} s, comparison {compared - built:.1f} s, "
        f"screenshots {time.perf_counter() - compared:.1f} s)"
    )
    return 0
