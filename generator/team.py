"""Team members' shared progress: ``content/team/<slug>/<handle>.json`` → typed members.

There are no accounts: a member shares their progress by committing their own progress
export (``generator.progress_export``) to the roadmap's team folder, through a pull
request, and the team board (``views/team.py``) is built from those files. The file name
is the member's handle. Notes are private: ``handbook team add`` copies an export without
them, and a member file that carries any is refused.

Member files come from pull requests like roadmaps do, so they are checked like content,
and in the same run (``loader.load_all``): every problem located as
``FILE:LINE:COL: key.path: message`` (``jsonsource`` reads JSON keeping positions), size
and nesting bounded before parsing (``generator.limits``), the export's schema, the
handle, the folder, and the ids. Item ids must exist in the roadmap: an item
reworded without an ``id`` gets a new one, and the error says so before readers' ticks are
silently lost. Video ids need only belong to the roadmap: the weekly refresh replaces
deleted or outdated videos, and that must not make members' files invalid (a ticked video
that is no longer shown simply stops counting).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pydantic
from pydantic_core import ErrorDetails

from generator import jsonsource, limits, loader, yamlsource
from generator.errors import ContentError, ContentProblem
from generator.progress_export import SLUG_PATTERN, ProgressExport
from generator.views.progress_ids import ID_PATTERN

if TYPE_CHECKING:
    from generator.weekdates import Plan

FOLDER = "team"
"""The content folder's sub-folder of member files: ``team/<slug>/<handle>.json``."""
HANDLE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A handle: lowercase letters, digits and single hyphens (a GitHub user name, lowercased,
fits); safe as a file name, a URL fragment and an HTML id on every system."""
MAX_HANDLE = 39
"""Characters of a handle: GitHub's own limit for user names."""
SUFFIX = ".json"
ADD_COMMAND = "handbook team add EXPORT --as HANDLE"
_ID = re.compile(ID_PATTERN)
_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class Member:
    """One member's shared progress on one roadmap, as the board reads it (never notes)."""

    handle: str
    roadmap: str
    file: str
    version: int
    exported: dt.date
    """The member's day of the export: the board is as recent as this."""
    start: dt.date | None
    """The member's own start date, or None: the roadmap's."""
    done: frozenset[str]
    days: Mapping[str, dt.date] = field(default_factory=dict)
    """Id → the member's day it was ticked (version 2); ids ticked earlier have none."""


@dataclass(frozen=True)
class Members:
    """Every member file of a content folder: the valid ones by roadmap, and the problems."""

    by_roadmap: dict[str, tuple[Member, ...]]
    problems: list[ContentProblem]


def folder_of(content_dir: Path, slug: str) -> Path:
    """The team folder of roadmap ``slug``."""
    return content_dir / FOLDER / slug


def item_ids(plan: Plan) -> frozenset[str]:
    """Every checklist id of a roadmap (items, "pick one" options, "worked through" boxes),
    made by the same code as its week pages (videos aside, which come from the lock)."""
    from generator.views.study import study  # the one place that gives items their ids

    slug, years = plan.roadmap.slug, plan.roadmap.videos.max_age_years
    entries = {week.entry.number: week for week in plan.weeks}
    return frozenset(
        ident
        for week in entries.values()
        for unit in study(slug, week, {}, years).units
        for ident in unit
    )


def load_members(
    content_dir: Path, loaded: Sequence[loader.Loaded], *, roadmaps_complete: bool
) -> Members:
    """Read and check every member file of ``content_dir``; ``roadmaps_complete`` says every
    roadmap loaded, so that a folder of an unknown slug is an error (if one failed, its slug
    is unknown and its folder is only checked for what needs no roadmap)."""
    problems: list[ContentProblem] = []
    plans = {item.roadmap.slug: item.plan for item in loaded}
    found: dict[str, list[Member]] = {}
    for slug, files in _member_files(content_dir / FOLDER, problems):
        folder = loader.display_path(content_dir / FOLDER / slug)
        if slug not in plans and roadmaps_complete:
            known = ", ".join(sorted(plans)) or "none"
            message = f"no roadmap has the slug {slug!r} (roadmaps: {known}); a member file goes in the folder of its roadmap"
            problems.append(ContentProblem(folder, 1, 1, "", message))
        if len(files) > limits.MAX_MEMBERS:
            message = f"holds {len(files):,} member files; a roadmap may have at most {limits.MAX_MEMBERS:,}"
            problems.append(ContentProblem(folder, 1, 1, "", message))
            continue
        for file in files:
            try:
                member = load_member(file, slug, plans)
            except ContentError as error:
                problems.extend(error.problems)
                continue
            found.setdefault(member.roadmap, []).append(member)
    by_roadmap = {
        slug: tuple(sorted(members, key=lambda member: member.handle))
        for slug, members in found.items()
    }
    return Members(by_roadmap, problems)


def _member_files(team: Path, problems: list[ContentProblem]) -> list[tuple[str, list[Path]]]:
    """The team folder's roadmap folders with their files, sorted; what should not be there
    is a problem. Names starting with a dot (``.gitkeep``) are left alone."""
    entries = _listing(team, problems, missing_ok=True)
    folders = []
    for entry in entries:
        if entry.is_dir():
            files = []
            for inside in _listing(entry, problems, missing_ok=False):
                if inside.is_dir():
                    problems.append(_misplaced(inside, "is a folder; member files are JSON files"))
                elif inside.suffix != SUFFIX:
                    problems.append(_misplaced(inside, f"is not a member file (<handle>{SUFFIX})"))
                else:
                    files.append(inside)
            folders.append((entry.name, files))
        else:
            problems.append(
                _misplaced(
                    entry, "member files go in a roadmap's folder: team/<slug>/<handle>.json"
                )
            )
    return folders


def _listing(folder: Path, problems: list[ContentProblem], *, missing_ok: bool) -> list[Path]:
    """The entries of ``folder`` not starting with a dot, sorted by name."""
    try:
        with os.scandir(folder) as scan:
            names = sorted(entry.name for entry in scan if not entry.name.startswith("."))
    except FileNotFoundError:
        if not missing_ok:
            problems.append(_misplaced(folder, "cannot be read: no such folder"))
        return []
    except NotADirectoryError:
        problems.append(_misplaced(folder, "is not a folder"))
        return []
    except OSError as error:
        problems.append(_misplaced(folder, f"cannot be read: {(error.strerror or '').lower()}"))
        return []
    return [folder / name for name in names]


def _misplaced(path: Path, message: str) -> ContentProblem:
    return ContentProblem(loader.display_path(path), 1, 1, "", message)


def handle_problem(handle: str) -> str | None:
    """What is wrong with ``handle`` as a member's handle, or None."""
    if len(handle) > MAX_HANDLE:
        return f"a handle may be at most {MAX_HANDLE} characters, got {len(handle)}"
    if not HANDLE.match(handle):
        return f"a handle is lowercase letters, digits and single hyphens, got {yamlsource.quote(handle)}"
    return None


def load_member(file: Path, folder: str, plans: Mapping[str, Plan]) -> Member:
    """One member file of the folder of roadmap ``folder``, checked against ``plans`` (slug →
    plan); raises a ContentError listing every problem of the file. The handle, the folder
    and the ids are checked on the data as read, so that they are reported together with
    the format's own problems."""
    name = loader.display_path(file)
    export, source, found = _read(file, name, private_notes=True)
    data = source.data
    handle = file.name.removesuffix(SUFFIX)
    if (wrong := handle_problem(handle)) is not None:
        found.add((), f"the file name is the member's handle: {wrong}")
    slug = data.get("roadmap")
    if isinstance(slug, str) and _SLUG.match(slug) and slug != folder:
        found.add(
            ("roadmap",),
            f"is {yamlsource.quote(slug)}, but the file is in the team folder of {folder!r}: "
            "a member file goes in the folder of its roadmap",
        )
    plan = plans.get(slug) if isinstance(slug, str) else None
    if plan is not None:
        known = item_ids(plan)
        done = data.get("done")
        for index, ident in enumerate(done if isinstance(done, list) else ()):
            if _ID.match(str(ident)) and (wrong := id_problem(ident, plan, known)):
                found.add(("done", index), wrong)
        days = data.get("days")
        for ident in days if isinstance(days, dict) else ():
            if _ID.match(ident) and (wrong := id_problem(ident, plan, known)):
                found.add(("days", ident), wrong, key=True)
    if found or export is None:
        raise found.error()
    return Member(
        handle=handle,
        roadmap=export.roadmap,
        file=name,
        version=export.version,
        exported=export.exported,
        start=export.start,
        done=frozenset(export.done),
        days=dict(export.days),
    )


def id_problem(ident: str, plan: Plan, known: frozenset[str]) -> str | None:
    """What is wrong with progress id ``ident`` in a member file of ``plan``, whose checklist
    ids are ``known``, or None. Video ids are not checked against the lock (see the
    module's docstring)."""
    slug = plan.roadmap.slug
    if not ident.startswith(f"{slug}/"):
        return f"{yamlsource.quote(ident)} is not an id of roadmap {slug!r}"
    if ident.startswith(f"{slug}/video/") or ident in known:
        return None
    return (
        f"roadmap {slug!r} has no item {yamlsource.quote(ident)}: renamed or removed since the "
        "export? Give the item its old `id:` in the roadmap to keep readers' ticks, or run "
        f"`{ADD_COMMAND}` on this file to drop ids the roadmap no longer has"
    )


def read_export(file: Path, name: str) -> ProgressExport:
    """A progress export file (notes and all) read and validated against the format; raises
    a ContentError listing every problem."""
    export, _, found = _read(file, name, private_notes=False)
    if found or export is None:
        raise found.error()
    return export


def _read(
    file: Path, name: str, *, private_notes: bool
) -> tuple[ProgressExport | None, jsonsource.Source, _Found]:
    """A progress file read, parsed and validated, with the problems found so far (the
    export is None when the format refused it). With ``private_notes``, as in a member
    file, notes are a problem too. A file that is no JSON object raises at once."""
    raw = loader.read_bounded(file, name, limit=limits.MAX_MEMBER_BYTES, kind="progress file")
    source = jsonsource.parse(
        raw, name, max_depth=limits.MAX_MEMBER_DEPTH, depth_note="; a progress file nests 3 deep"
    )
    found = _Found(name, source)
    data = source.data
    if not isinstance(data, dict):
        found.add((), "a progress file is a JSON object, as the progress page exports it")
        raise found.error()
    if private_notes and data.get("notes"):
        found.add(
            ("notes",),
            "notes are private and never committed: this is a whole export; share it with "
            f"`{ADD_COMMAND}`, which copies it without its notes",
            key=True,
        )
    checked = {key: value for key, value in data.items() if key != "notes" or not private_notes}
    try:
        export = ProgressExport.model_validate(checked)
    except pydantic.ValidationError as error:
        for detail in error.errors(include_url=False):
            loc = tuple(detail["loc"])
            key = bool(loc) and loc[-1] == "[key]"
            found.add(loc[:-1] if key else loc, _message(detail), key=key or _is_key(detail))
        return None, source, found
    for path, day in _dates(export):
        if not limits.MIN_DATE <= day <= limits.MAX_DATE:
            found.add(path, f"must fall between {limits.MIN_DATE} and {limits.MAX_DATE}, got {day}")
    return export, source, found


def _dates(export: ProgressExport) -> Iterable[tuple[yamlsource.Path, dt.date]]:
    yield ("exported",), export.exported
    if export.start is not None:
        yield ("start",), export.start
    for ident, day in export.days.items():
        yield ("days", ident), day


def _is_key(detail: ErrorDetails) -> bool:
    return detail["type"] == "extra_forbidden"


def _message(detail: ErrorDetails) -> str:
    """A plain-words message for one pydantic error, in the loader's style."""
    kind = detail["type"]
    loc = tuple(detail["loc"])
    value = detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "missing":
        return f"missing required key {loc[-1]!r}"
    if kind == "extra_forbidden":
        allowed = sorted(name for name in ProgressExport.model_fields if name != "notes")
        return f"unknown key {yamlsource.quote(str(loc[-1]))}; allowed keys: {', '.join(allowed)}"
    if kind == "string_pattern_mismatch" and loc[0] in ("done", "days"):
        return (
            f"not a progress id, got {yamlsource.quote(value)} (ids look like "
            "'<roadmap>/w05/<item>' or '<roadmap>/video/<video id>')"
        )
    if kind == "string_pattern_mismatch":
        return f"expected lowercase letters, digits and hyphens, got {yamlsource.quote(value)}"
    if kind.startswith(("date_", "datetime_")):
        return f"expected a day as YYYY-MM-DD, got {yamlsource.quote(value)}"
    if kind == "too_long":
        most, actual = context.get("max_length"), context.get("actual_length")
        return f"lists {actual:,} entries; at most {most:,} are allowed"
    message = str(detail["msg"]).removeprefix("Value error, ")
    return f"{message[:1].lower()}{message[1:]}, got {yamlsource.quote(value)}"


class _Found:
    """The problems of one file, of which the first ``MAX_PROBLEMS`` are described (as the
    loader does: a file with thousands of unknown ids is rewritten, not read line by line)."""

    def __init__(self, name: str, source: jsonsource.Source) -> None:
        self.name = name
        self.source = source
        self.listed: list[ContentProblem] = []
        self.omitted = 0

    def __bool__(self) -> bool:
        return bool(self.listed)

    def add(self, path: yamlsource.Path, message: str, *, key: bool = False) -> None:
        if len(self.listed) >= limits.MAX_PROBLEMS:
            self.omitted += 1
            return
        line, column = self.source.locate(path, key=key)
        where = loader.format_path(path)
        self.listed.append(ContentProblem(self.name, line, column, where, message))

    def error(self) -> ContentError:
        problems = list(self.listed)
        if self.omitted:
            more = f"{self.omitted:,} more problems in this file are not listed (only the first {limits.MAX_PROBLEMS} are)"
            problems.append(ContentProblem(self.name, 1, 1, "", more))
        return ContentError(problems)
