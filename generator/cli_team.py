"""The ``handbook team`` subcommands: sharing a member's progress on the team board.

``team add`` is how a member's export becomes their file in the repository: it checks the
export against the format and the roadmap, and writes what the board needs, in the form
the repository keeps (sorted, pretty JSON), to ``content/team/<slug>/<handle>.json``.
Everything private stays behind: notes are never written, and neither are the days of
ids that are not ticked. Ids the roadmap no longer has (an item reworded or removed since
it was ticked) are dropped and named, since the member could not untick them any more.
It lives apart from ``cli.py``, which only registers it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    content: argparse.ArgumentParser,
) -> None:
    """Register the subcommands on the ``handbook`` parser; ``content`` is the shared
    ``--content`` option."""
    team = commands.add_parser(
        "team",
        help="share a member's progress on the team board",
        description="Team members share their progress by committing their own progress export, without its notes, to content/team/<roadmap>/<handle>.json; each roadmap with members gets a team board at /<roadmap>/team/.",
    )
    actions = team.add_subparsers(dest="team_command", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add",
        parents=[content],
        help="check a progress export and copy it, without notes, into the team folder",
        description="Check a progress export (from a roadmap's progress page) and write it as content/team/<roadmap>/<HANDLE>.json: sorted, pretty JSON without notes; ids the roadmap no longer has are dropped and named. An existing file of that handle is replaced. Exit 2 on an invalid export or handle.",
    )
    add.add_argument("export", type=Path, metavar="EXPORT", help="the exported progress file")
    add.add_argument(
        "--as",
        dest="handle",
        required=True,
        metavar="HANDLE",
        help="your handle, the file's name: lowercase letters, digits and hyphens",
    )
    add.set_defaults(run=_add)


def _add(args: argparse.Namespace) -> int:
    from generator import loader, team
    from generator.errors import ContentError, UsageError

    if (wrong := team.handle_problem(args.handle)) is not None:
        raise UsageError(f"--as: {wrong}")
    plans = {item.roadmap.slug: item.plan for item in loader.load_all(args.content, members=False)}
    export = team.read_export(args.export, loader.display_path(args.export))
    plan = plans.get(export.roadmap)
    if plan is None:
        known = ", ".join(sorted(plans))
        raise UsageError(
            f"{loader.display_path(args.export)}: its roadmap {export.roadmap!r} is not one of "
            f"{args.content / 'roadmaps'} ({known})"
        )
    known_ids = team.item_ids(plan)
    kept = sorted({i for i in export.done if team.id_problem(i, plan, known_ids) is None})
    dropped = sorted(set(export.done) - set(kept))
    record: dict[str, Any] = {
        "format": export.format,
        "version": export.version,
        "roadmap": export.roadmap,
        "exported": export.exported.isoformat(),
        "start": export.start.isoformat() if export.start else None,
        "done": kept,
    }
    if export.version >= 2:
        record["days"] = {i: export.days[i].isoformat() for i in kept if i in export.days}
    target = team.folder_of(args.content, export.roadmap) / f"{args.handle}{team.SUFFIX}"
    previous = _exported(target)
    _write(target, json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    try:  # what was written must read back as a valid member file
        team.load_member(target, export.roadmap, plans)
    except ContentError:
        target.unlink()
        raise

    shown = loader.display_path(target)
    print(f"Wrote {shown}: {len(kept)} ticked ids of {export.roadmap}, exported {export.exported}")
    if export.notes:
        print(f"Left out {len(export.notes)} note(s): notes are private and stay in your browser")
    if dropped:
        print(f"Dropped {len(dropped)} id(s) the roadmap does not have: {', '.join(dropped)}")
    if previous is not None and previous > export.exported:
        print(f"Note: the file it replaced was exported later ({previous}); was this the newest?")
    print(f"Next: commit {shown} and open a pull request.")
    return 0


def _exported(file: Path) -> dt.date | None:
    """The ``exported`` day of an existing member file, if it can be read (only to warn
    about replacing a newer file with an older export)."""
    try:
        return dt.date.fromisoformat(json.loads(file.read_text(encoding="utf-8"))["exported"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` atomically (a reader sees the old file or the new one)."""
    from generator.errors import UsageError

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as error:
        raise UsageError(f"{target}: cannot write the member file: {error.strerror}") from None
