"""``handbook diff``: which rendered pages a change to the content touches.

A reviewer of a curriculum pull request sees a YAML diff, but what matters
is which week pages readers will see differently: a changed start date
moves every week, a renamed month changes a heading on many pages. This
module renders the handbook twice (the content at a git revision, and the
working tree) through the one pipeline the build uses, compares the files
byte for byte, and names the weeks that differ, with their titles, as a
short Markdown summary fit for a pull-request comment or a CI job summary.

The old content is read with ``git ls-tree`` and ``git show`` (no checkout,
no second worktree), so the working tree is never touched. Both sides are
rendered by the working tree's generator: the summary shows what a content
change does to the pages, not what a code change does.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator import escape, loader, pipeline
from generator.errors import ContentError, HandbookError, UsageError
from generator.views import urls

DEFAULT_REVISIONS = ("origin/main", "HEAD~1")
_MAX_LISTED = 25  # a PR comment stays readable; the counts still say how many


@dataclass(frozen=True)
class Snapshot:
    """A rendered handbook: its files, and what each week page shows as its title."""

    files: dict[str, str]
    roadmaps: dict[str, str]  # slug -> title
    weeks: dict[str, tuple[str, int, str]]  # page path -> (slug, week number, title)


EMPTY = Snapshot(files={}, roadmaps={}, weeks={})


@dataclass(frozen=True)
class WeekChange:
    kind: str  # "added", "removed" or "changed"
    number: int
    title: str


@dataclass
class RoadmapChanges:
    slug: str
    title: str
    status: str  # "added", "removed" or "changed"
    weeks: list[WeekChange] = field(default_factory=list)
    overview: bool = False


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


def snapshot(content: Path) -> Snapshot:
    """Render ``content`` into memory exactly as ``handbook render`` writes it."""
    loaded = loader.load_all(content)
    # both sides render without the public address: it would only make calendars differ alike
    files = pipeline.files_for(loaded, content, None)
    roadmaps: dict[str, str] = {}
    weeks: dict[str, tuple[str, int, str]] = {}
    for item in loaded:
        slug = item.roadmap.slug
        roadmaps[slug] = escape.plain(item.roadmap.title)
        for week in item.plan.weeks:
            title = escape.plain(week.entry.title)
            weeks[urls.week(slug, week.number)] = (slug, week.number, title)
    return Snapshot(files=files, roadmaps=roadmaps, weeks=weeks)


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


def snapshot_at(content: Path, revision: str) -> Snapshot:
    """Render the content as it was at ``revision`` (empty if it had no roadmaps)."""
    with tempfile.TemporaryDirectory(prefix="handbook-rev-") as temporary:
        old = Path(temporary) / "content"
        export_content(content, revision, old)
        if not loader.roadmap_files(old):
            return EMPTY
        try:
            return snapshot(old)
        except ContentError as error:
            raise HandbookError(
                f"cannot compare: the content at {revision} does not validate:\n{error}"
            ) from error


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
        entry.weeks = _week_changes(old, new, slug, changed)
        if status or entry.weeks or entry.overview:
            changes.roadmaps.append(entry)
    changes.home = "index.md" in changed
    changes.navigation = any(path.endswith(".nav.json") for path in changed)
    known = {f"{slug}/index.md" for slug in old.roadmaps.keys() | new.roadmaps.keys()}
    known |= old.weeks.keys() | new.weeks.keys() | {"index.md"}
    changes.other = sorted(p for p in changed - known if not p.endswith(".nav.json"))
    return changes


def _week_changes(old: Snapshot, new: Snapshot, slug: str, changed: set[str]) -> list[WeekChange]:
    result: list[WeekChange] = []
    paths = {p for p, week in {**old.weeks, **new.weeks}.items() if week[0] == slug}
    for path in sorted(paths & changed):
        if path not in old.weeks:
            kind, (_, number, title) = "added", new.weeks[path]
        elif path not in new.weeks:
            kind, (_, number, title) = "removed", old.weeks[path]
        else:
            kind, (_, number, title) = "changed", new.weeks[path]
        result.append(WeekChange(kind, number, title))
    return sorted(result, key=lambda change: change.number)


_MARK = {"added": "➕ added", "removed": "➖ removed", "changed": "✏️ changed"}


def _counts(weeks: Iterable[WeekChange]) -> str:
    tally: dict[str, int] = {}
    for week in weeks:
        tally[week.kind] = tally.get(week.kind, 0) + 1
    parts = [
        f"{tally[k]} week{'s' if tally[k] != 1 else ''} {k}"
        for k in ("changed", "added", "removed")
        if k in tally
    ]
    return ", ".join(parts) or "no week pages changed"


def markdown(changes: Changes, label: str) -> str:
    """The summary as Markdown: one short section per roadmap, weeks with titles."""
    lines = [f"### Handbook pages changed against {label}", ""]
    if changes.empty:
        return "\n".join([*lines, "No rendered page changes.", ""])
    for roadmap in changes.roadmaps:
        heading = f"**{escape.markdown(roadmap.title)}** (`{roadmap.slug}`)"
        if roadmap.status != "changed":
            heading += f" — roadmap {roadmap.status}"
        lines.append(f"{heading}: {_counts(roadmap.weeks)}")
        lines.append("")
        for week in roadmap.weeks[:_MAX_LISTED]:
            title = escape.markdown(week.title)
            lines.append(f"- {_MARK[week.kind]}: Week {week.number} · {title}")
        if len(roadmap.weeks) > _MAX_LISTED:
            lines.append(f"- … and {len(roadmap.weeks) - _MAX_LISTED} more")
        if roadmap.overview:
            lines.append("- 🗺️ overview page changed")
        lines.append("")
    notes = []
    if changes.home:
        notes.append("Home page changed.")
    if changes.navigation:
        notes.append("Navigation changed.")
    if changes.other:
        notes.append("Other files: " + ", ".join(f"`{p}`" for p in changes.other) + ".")
    if notes:
        lines += [" ".join(notes), ""]
    return "\n".join(lines)


def command(content: Path, revision: str | None) -> int:
    """``handbook diff [REV]``: print the summary; exit 0 whether or not pages changed."""
    repo = content.resolve().parent
    revision = revision or default_revision(repo)
    if not _has_commit(repo, revision):
        raise UsageError(f"unknown git revision: {revision}")
    short = _git(repo, "rev-parse", "--short", f"{revision}^{{commit}}").decode().strip()
    old = snapshot_at(content, revision)
    new = snapshot(content)
    print(markdown(compare(old, new), f"`{revision}` ({short})"), end="")
    return 0
