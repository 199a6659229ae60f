"""``handbook diff``: which rendered pages a change to the content touches, and how.

A reviewer of a curriculum pull request sees a YAML diff, but what matters
is which week pages readers will see differently: a changed start date
moves every week, a renamed month changes a heading on many pages. This
module renders the handbook twice (the content at a git revision, and the
working tree) through the one pipeline the build uses, compares the files
byte for byte, and names the weeks that differ, with their titles and what
changed on each (dates, checklist items, what is due, videos, searches), as
a short summary: plain text for a terminal, Markdown for a pull-request
comment or a CI job summary.

Adding or removing a week at the end changes one line of every other week
("Week 3 of 54" becomes "Week 3 of 55"); that is reported once, as the
roadmap's new length, and a week whose only change is that line is not
listed. Weeks added or removed are always listed in full; only a long list
of changed weeks is cut (its count stays exact).

The old content is read with ``git ls-tree`` and ``git show`` (no checkout,
no second worktree), so the working tree is never touched. Both sides are
rendered by the working tree's generator: the summary shows what a content
change does to the pages, not what a code change does (``handbook preview``
builds each side with its own generator and shows that too).
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from generator import escape, loader, pipeline
from generator.errors import ContentError, HandbookError, UsageError

if TYPE_CHECKING:
    from generator.views.week import WeekPage

T = TypeVar("T")

DEFAULT_REVISIONS = ("origin/main", "HEAD~1")
Format = Literal["text", "markdown"]
_MAX_CHANGED = 25  # changed weeks listed; added and removed weeks are always all listed
_MAX_TEXTS = 6  # texts quoted per detail line ("items added: …"); the count stays exact

# How a week page states the roadmap's length (templates/week.md.j2): the one line of every
# week that changes when a week is added or removed at the end.
_TOTAL_MARKS = ("Week {number} of {total}", 'data-total="{total}"')


@dataclass(frozen=True)
class Week:
    """A week page as a reviewer reads it: its title, and the facts a summary compares."""

    slug: str
    number: int
    title: str
    dates: str = ""
    items: tuple[str, ...] = ()
    due: tuple[str, ...] = ()
    videos: tuple[tuple[str, str], ...] = ()  # (watch URL, title), in page order
    searches: tuple[str, ...] = ()
    previous: str = ""  # the text of the link to the previous week ("" on the first)
    next: str = ""


@dataclass(frozen=True)
class Snapshot:
    """A rendered handbook: its files, roadmap titles and its week pages' facts."""

    files: dict[str, str]
    roadmaps: dict[str, str]  # slug -> title
    weeks: dict[str, Week]  # page path (``slug/week-05.md``) -> the week

    def total(self, slug: str) -> int:
        """How many week pages roadmap ``slug`` has."""
        return sum(1 for week in self.weeks.values() if week.slug == slug)


EMPTY = Snapshot(files={}, roadmaps={}, weeks={})


@dataclass(frozen=True)
class Detail:
    """One thing that changed on a week page: ``what`` and the content texts it names.

    With ``arrow``, ``texts`` is (before, after), where "" is "none"."""

    what: str
    texts: tuple[str, ...] = ()
    arrow: bool = False


@dataclass(frozen=True)
class WeekChange:
    kind: str  # "added", "removed" or "changed"
    number: int
    title: str
    details: tuple[Detail, ...] = ()
    path: str = ""


@dataclass
class RoadmapChanges:
    slug: str
    title: str
    status: str  # "added", "removed" or "changed"
    weeks: list[WeekChange] = field(default_factory=list)
    overview: bool = False
    length: tuple[int, int] | None = None  # (weeks before, weeks after) when it changed


@dataclass
class Changes:
    """Everything that differs between two snapshots, grouped for a reader."""

    roadmaps: list[RoadmapChanges] = field(default_factory=list)
    home: bool = False
    navigation: bool = False
    other: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.roadmaps or self.home or self.navigation or self.other)

    def week(self, path: str) -> WeekChange | None:
        """The change of week page ``path`` (``slug/week-05.md``), if it is listed."""
        for roadmap in self.roadmaps:
            for week in roadmap.weeks:
                if week.path == path:
                    return week
        return None


def snapshot(content: Path) -> Snapshot:
    """Render ``content`` into memory exactly as ``handbook render`` writes it."""
    loaded = loader.load_all(content)
    # both sides render without the public address: it would only make calendars differ alike
    files = pipeline.files_for(loaded, content, None)
    roadmaps = {item.roadmap.slug: escape.plain(item.roadmap.title) for item in loaded}
    return Snapshot(files=files, roadmaps=roadmaps, weeks=_weeks(loaded, content))


def _weeks(loaded: Sequence[loader.Loaded], content: Path) -> dict[str, Week]:
    """The facts of every week page, read from the views the pages are rendered from."""
    from generator.views.site import site
    from generator.views.week import WeekPage
    from generator.youtube import lock, shown

    plans = [item.plan for item in loaded]
    videos = shown.resolutions(lock.read(lock.path_in(content)), [p.roadmap for p in plans])
    return {
        page.path: _week(page)
        for page in site(plans, videos, None).pages
        if isinstance(page, WeekPage)
    }


def _week(page: WeekPage) -> Week:
    from generator.views.values import Choice

    items = [
        f"{section.title}: "
        + escape.plain(
            " or ".join(o.text for o in entry.options) if isinstance(entry, Choice) else entry.text
        )
        for section in page.sections
        for entry in section.entries
    ]
    due = [*page.glance.due]
    if page.project is not None and page.project.deadline is not None:
        due.append(page.project.deadline)
    searches = [s for group in (*page.videos, *page.guidance) for s in group.searches]
    return Week(
        slug=page.roadmap,
        number=page.number,
        title=escape.plain(page.title),
        dates=page.dates.text,
        items=tuple(items),
        due=tuple(f"{d.label}: {escape.plain(d.text)} ({d.dates.text})" for d in due),
        videos=tuple((v.url, v.title) for s in searches for v in s.videos),
        searches=tuple(s.link.text for s in searches),
        previous=page.previous.text if page.previous else "",
        next=page.next.text if page.next else "",
    )


def _git(repo: Path, *args: str) -> bytes:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise UsageError(f"git {' '.join(args)} failed: {message}")
    return result.stdout


def _has_commit(repo: Path, revision: str) -> bool:
    command = ["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"]
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


def default_revision(repo: Path) -> str:
    """``origin/main`` when the clone has it (a PR's base), else the previous commit."""
    for revision in DEFAULT_REVISIONS:
        if _has_commit(repo, revision):
            return revision
    raise UsageError("no revision to compare with: neither origin/main nor HEAD~1 exists")


def resolve(repo: Path, revision: str | None) -> tuple[str, str]:
    """The revision to compare with (``revision``, or the default) and its short hash."""
    revision = revision or default_revision(repo)
    if not _has_commit(repo, revision):
        raise UsageError(f"unknown git revision: {revision}")
    return revision, _git(repo, "rev-parse", "--short", f"{revision}^{{commit}}").decode().strip()


def export_content(content: Path, revision: str, destination: Path) -> int:
    """Write the files that ``content`` held at ``revision`` into ``destination``.

    Returns how many files were written (0 when the folder did not exist then).
    """
    folder = content.resolve()
    top = Path(_git(folder.parent, "rev-parse", "--show-toplevel").decode().strip())
    if not _has_commit(top, revision):
        raise UsageError(f"unknown git revision: {revision}")
    prefix = folder.relative_to(top.resolve()).as_posix()
    listing = _git(top, "ls-tree", "-r", "-z", "--name-only", revision, "--", prefix + "/")
    names = [name for name in listing.decode("utf-8").split("\0") if name]
    for name in names:
        target = destination / Path(name).relative_to(prefix)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git(top, "show", f"{revision}:{name}"))
    return len(names)


def snapshot_of(content: Path, revision: str) -> Snapshot:
    """Render a content folder exported from ``revision`` (empty if it has no roadmaps)."""
    if not loader.roadmap_files(content):
        return EMPTY
    try:
        return snapshot(content)
    except ContentError as error:
        raise HandbookError(
            f"cannot compare: the content at {revision} does not validate:\n{error}"
        ) from error


def snapshot_at(content: Path, revision: str) -> Snapshot:
    """Render the content as it was at ``revision`` (empty if it had no roadmaps)."""
    with tempfile.TemporaryDirectory(prefix="handbook-rev-") as temporary:
        old = Path(temporary) / "content"
        export_content(content, revision, old)
        return snapshot_of(old, revision)


def compare(old: Snapshot, new: Snapshot) -> Changes:
    """Group the differing files by roadmap and week."""
    changed = {
        path
        for path in old.files.keys() | new.files.keys()
        if old.files.get(path) != new.files.get(path)
    }
    changes = Changes()
    for slug in sorted(old.roadmaps.keys() | new.roadmaps.keys()):
        status = (
            "added" if slug not in old.roadmaps else "removed" if slug not in new.roadmaps else ""
        )
        entry = RoadmapChanges(
            slug=slug,
            title=new.roadmaps.get(slug) or old.roadmaps[slug],
            status=status or "changed",
            overview=f"{slug}/index.md" in changed,
        )
        lengths = (old.total(slug), new.total(slug))
        if not status and lengths[0] != lengths[1]:
            entry.length = lengths
        entry.weeks = _week_changes(old, new, slug, changed)
        if status or entry.weeks or entry.overview or entry.length:
            changes.roadmaps.append(entry)
    changes.home = "index.md" in changed
    changes.navigation = any(path.endswith(".nav.json") for path in changed)
    known = {f"{slug}/index.md" for slug in old.roadmaps.keys() | new.roadmaps.keys()}
    known |= old.weeks.keys() | new.weeks.keys() | {"index.md"}
    changes.other = sorted(p for p in changed - known if not p.endswith(".nav.json"))
    return changes


def _week_changes(old: Snapshot, new: Snapshot, slug: str, changed: set[str]) -> list[WeekChange]:
    result: list[WeekChange] = []
    paths = {p for p, week in {**old.weeks, **new.weeks}.items() if week.slug == slug}
    totals = (old.total(slug), new.total(slug))
    for path in sorted(paths & changed):
        if path not in old.weeks:
            week = new.weeks[path]
            result.append(WeekChange("added", week.number, week.title, path=path))
        elif path not in new.weeks:
            week = old.weeks[path]
            result.append(WeekChange("removed", week.number, week.title, path=path))
        elif not only_length_differs(
            old.files[path], new.files[path], old.weeks[path].number, totals
        ):
            before, after = old.weeks[path], new.weeks[path]
            details = tuple(week_details(before, after))
            result.append(WeekChange("changed", after.number, after.title, details, path))
    return sorted(result, key=lambda change: change.number)


def only_length_differs(old: str, new: str, number: int, totals: tuple[int, int]) -> bool:
    """Whether two renderings of week ``number`` differ only in the roadmap's length they
    state, ``totals`` (before, after)."""
    if totals[0] == totals[1]:
        return False
    return without_length(old, number, totals[0]) == without_length(new, number, totals[1])


def without_length(text: str, number: int, total: int) -> str:
    """A rendering of week ``number`` (its Markdown, or the HTML built from it) without the
    roadmap's length, ``total``, that it states."""
    for mark in _TOTAL_MARKS:
        text = text.replace(mark.format(number=number, total=total), "\0")
    return text


def week_details(old: Week, new: Week) -> list[Detail]:
    """What changed between two renderings of one week page, as a reviewer names it."""
    details: list[Detail] = []
    for what, before, after in (
        ("title", old.title, new.title),
        ("dates", old.dates, new.dates),
        ("link to the previous week", old.previous, new.previous),
        ("link to the next week", old.next, new.next),
    ):
        if before != after:
            details.append(Detail(what, (before, after), arrow=True))
    titles = dict((*old.videos, *new.videos))  # a video is the same video by its URL
    for what, befores, afters in (
        ("items", old.items, new.items),
        ("due", old.due, new.due),
        ("videos", tuple(u for u, _ in old.videos), tuple(u for u, _ in new.videos)),
        ("searches", old.searches, new.searches),
    ):
        added = tuple(titles.get(x, x) for x in _missing(afters, befores))
        removed = tuple(titles.get(x, x) for x in _missing(befores, afters))
        if added:
            details.append(Detail(f"{what} added", added))
        if removed:
            details.append(Detail(f"{what} removed", removed))
        if not added and not removed and befores != afters:
            details.append(Detail(f"{what} reordered"))
    if not details:
        details.append(Detail("other text (notes, summary, headings or layout)"))
    return details


def _missing(these: Sequence[T], others: Sequence[T]) -> tuple[T, ...]:
    """``these`` that are not among ``others``, in order."""
    present = set(others)
    return tuple(item for item in these if item not in present)


_MARK = {"added": "➕ added", "removed": "➖ removed", "changed": "✏️ changed"}


def _counts(roadmap: RoadmapChanges) -> str:
    tally: dict[str, int] = {}
    for week in roadmap.weeks:
        tally[week.kind] = tally.get(week.kind, 0) + 1
    parts = [
        f"{tally[k]} week{'s' if tally[k] != 1 else ''} {k}"
        for k in ("changed", "added", "removed")
        if k in tally
    ]
    text = ", ".join(parts) or "no week pages changed"
    if roadmap.length:
        text += f"; the roadmap now has {roadmap.length[1]} weeks (was {roadmap.length[0]})"
    return text


class _Style:
    """How one output format writes content text, code and emphasis."""

    def __init__(self, fmt: Format) -> None:
        self.markdown = fmt == "markdown"

    def text(self, value: str) -> str:
        return str(escape.markdown(value)) if self.markdown else value

    def code(self, value: str) -> str:
        return f"`{value}`" if self.markdown else value

    def strong(self, value: str) -> str:
        return f"**{value}**" if self.markdown else value

    def quoted(self, value: str) -> str:
        return f"“{self.text(value)}”"


def detail_line(detail: Detail, fmt: Format) -> str:
    """``items added: “Beginner task: Model a table”`` (content text escaped for Markdown)."""
    style = _Style(fmt)
    if detail.arrow:
        before, after = (style.quoted(t) if t else "none" for t in detail.texts)
        return f"{detail.what}: {before} → {after}"
    if not detail.texts:
        return detail.what
    shown = ", ".join(style.quoted(t) for t in detail.texts[:_MAX_TEXTS])
    more = len(detail.texts) - _MAX_TEXTS
    return f"{detail.what}: {shown}" + (f" and {more} more" if more > 0 else "")


def week_line(week: WeekChange, fmt: Format) -> str:
    """``Week 5 · Data``."""
    return f"Week {week.number} · {_Style(fmt).text(week.title)}"


def report(changes: Changes, revision: str, short: str = "", fmt: Format = "text") -> str:
    """The summary against ``revision`` (``short``: its abbreviated hash): one short section
    per roadmap, weeks with titles and what changed on them.

    ``text`` is for a terminal (no Markdown escapes), ``markdown`` for a job summary."""
    style = _Style(fmt)
    title = f"Handbook pages changed against {style.code(revision)}"
    title += f" ({short})" if short else ""
    lines = [f"### {title}" if style.markdown else title, ""]
    if changes.empty:
        return "\n".join([*lines, "No rendered page changes.", ""])
    bullet, sub = ("- ", "  - ") if style.markdown else ("  ", "    - ")
    for roadmap in changes.roadmaps:
        heading = f"{style.strong(style.text(roadmap.title))} ({style.code(roadmap.slug)})"
        if roadmap.status != "changed":
            heading += f" — roadmap {roadmap.status}"
        lines += [f"{heading}: {_counts(roadmap)}", ""]
        listed = 0
        for week in roadmap.weeks:
            if week.kind == "changed":
                listed += 1
                if listed > _MAX_CHANGED:
                    continue  # added and removed weeks are never cut
            mark = f"{_MARK[week.kind] if style.markdown else week.kind}:"
            lines.append(f"{bullet}{mark} {week_line(week, fmt)}")
            lines += [f"{sub}{detail_line(detail, fmt)}" for detail in week.details]
        if listed > _MAX_CHANGED:
            lines.append(f"{bullet}… and {listed - _MAX_CHANGED} more changed weeks")
        if roadmap.overview:
            lines.append(f"{bullet}{'🗺️ ' if style.markdown else ''}overview page changed")
        lines.append("")
    notes = []
    if changes.home:
        notes.append("Home page changed.")
    if changes.navigation:
        notes.append("Navigation changed.")
    if changes.other:
        notes.append("Other files: " + ", ".join(style.code(p) for p in changes.other) + ".")
    if notes:
        lines += [" ".join(notes), ""]
    return "\n".join(lines)


def command(content: Path, revision: str | None, fmt: Format = "text") -> int:
    """``handbook diff [REV]``: print the summary; exit 0 whether or not pages changed."""
    revision, short = resolve(content.resolve().parent, revision)
    old = snapshot_at(content, revision)
    new = snapshot(content)
    print(report(compare(old, new), revision, short, fmt), end="")
    return 0
