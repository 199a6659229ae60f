"""The ``handbook`` subcommands that serve reviewers and the publishing workflows.

``linkcheck`` guards the deploy, ``diff`` summarises a pull request for its
reviewers, ``preview`` shows them its pages before and after, and ``lock-diff`` writes the body of the weekly video-refresh
pull request. They live apart from ``cli.py`` so that the core commands and
these can change without touching each other; ``cli.py`` only registers them.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

FORMATS = ("text", "markdown")
"""Output formats of ``diff`` (``generator.diff.FORMATS``; kept here so that parsing the
command line does not import the reviewers' tools)."""


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    content: argparse.ArgumentParser,
) -> None:
    """Register the subcommands on the ``handbook`` parser; ``content`` is the shared
    ``--content`` option."""
    link = commands.add_parser(
        "linkcheck",
        help="check every internal link and anchor of a built site",
        description="Parse every HTML page of a built site and check that each internal link (relative or site-absolute) and #anchor resolves to a file or element id in the site; external links are not fetched. Exit 1 listing each broken link as PAGE: URL: reason.",
    )
    link.add_argument(
        "site", type=Path, nargs="?", default=Path("site"), help="built site (default: site)"
    )
    link.add_argument(
        "--base-path",
        default="/",
        help="URL path the site is served under, for site-absolute links (default: /)",
    )
    link.set_defaults(run=_linkcheck)

    dif = commands.add_parser(
        "diff",
        parents=[content],
        help="summarise which week pages change against a git revision",
        description="Render the content at a git revision and in the working tree, and print which pages differ: weeks added, removed or changed per roadmap (with titles, and on changed weeks what changed: dates, items, what is due, videos, searches), overview and home page changes. A week added or removed at the end is reported once, as the roadmap's new length.",
    )
    dif.add_argument(
        "revision",
        nargs="?",
        default=None,
        metavar="REV",
        help="git revision to compare with (default: origin/main if it exists, else HEAD~1)",
    )
    dif.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default: for a terminal, no Markdown escapes) or markdown "
        "(for a pull-request comment or a CI job summary)",
    )
    dif.set_defaults(run=_diff)

    preview = commands.add_parser(
        "preview",
        parents=[content],
        help="build the base and the change, screenshot every changed page",
        description="Build the handbook as it is at a git revision (with that revision's own generator, mkdocs.yml and overrides/) and as it is in the working tree, find the pages whose HTML differs (the navigation menu aside), and write OUT/summary.md (each changed page with what changed on it) and, for each changed page, before and after screenshots 390 and 1280 px wide (e.g. backend-2026/week-05-before-390.png). More than 20 changed pages are summarised, with screenshots of a sample of page kinds. Needs Chromium and the playwright package (make preview installs it).",
    )
    preview.add_argument(
        "revision",
        nargs="?",
        default=None,
        metavar="REV",
        help="git revision to compare with (default: origin/main if it exists, else HEAD~1)",
    )
    preview.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="MkDocs configuration of the working tree (default: mkdocs.yml)",
    )
    preview.add_argument(
        "--work",
        type=Path,
        default=Path("build/preview-work"),
        help="where both sides are built (default: build/preview-work; emptied first)",
    )
    preview.add_argument(
        "--out",
        type=Path,
        default=Path("build/preview"),
        help="where summary.md and the screenshots go (default: build/preview; emptied first)",
    )
    preview.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the browser's clock is fixed at, 10:00 (default: today)",
    )
    preview.add_argument(
        "--sample-above",
        type=int,
        default=20,
        metavar="PAGES",
        help="when more pages than this changed, screenshot one of each kind (default: 20)",
    )
    preview.add_argument(
        "--chromium",
        type=Path,
        default=Path("/usr/bin/chromium"),
        help="the Chromium to drive (default: /usr/bin/chromium)",
    )
    preview.set_defaults(run=_preview)

    lock = commands.add_parser(
        "lock-diff",
        help="summarise a change of the video lock file as Markdown",
        description="Compare two video lock files and print a pull-request body: videos added, replaced and removed per query, quota units spent (from the refresh output) and whether the refresh was partial.",
    )
    lock.add_argument("old", type=Path, help="lock file before the refresh (missing = empty)")
    lock.add_argument("new", type=Path, help="lock file after the refresh")
    lock.add_argument(
        "--status",
        type=int,
        default=0,
        help="exit status of 'handbook refresh' (3 = partial; default: 0)",
    )
    lock.add_argument("--log", type=Path, default=None, help="saved output of 'handbook refresh'")
    lock.set_defaults(run=_lockdiff)


# Imported by each command, so that `handbook build` does not load what only reviewers use.


def _linkcheck(args: argparse.Namespace) -> int:
    from generator import linkcheck

    return linkcheck.command(args.site, args.base_path)


def _diff(args: argparse.Namespace) -> int:
    from generator import diff

    return diff.command(args.content, args.revision, args.format)


def _preview(args: argparse.Namespace) -> int:
    from generator import preview

    return preview.command(
        args.content,
        args.config,
        args.revision,
        work=args.work,
        out=args.out,
        today=args.today,
        chromium=args.chromium,
        sample_above=args.sample_above,
    )


def _lockdiff(args: argparse.Namespace) -> int:
    from generator import lockdiff

    return lockdiff.command(args.old, args.new, status=args.status, log=args.log)
