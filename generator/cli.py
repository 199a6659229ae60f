"""The ``handbook`` command: one subcommand per pipeline stage.

Every error a user can cause is a ``HandbookError``; it is printed as plain
text and mapped to its exit code (2 for bad content or usage), never shown
as a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator import cli_publish, offline, schema, site, siteconfig
from generator.errors import ContentError, HandbookError
from generator.youtube.quota import DEFAULT_BUDGET

# Stage modules are imported by the subcommand that needs them, so that a command does not
# pay for loading what it never uses (the video client, the schema, the reviewers' tools).


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    parser.add_argument(
        "--docs",
        type=Path,
        default=Path("build/docs"),
        help="where generated Markdown goes (default: build/docs)",
    )


def _config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="MkDocs configuration (default: mkdocs.yml)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook",
        description="Build a searchable study handbook from dated roadmaps written in YAML.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate all content and report every problem",
        description="Validate every roadmap in content/roadmaps; print each problem as FILE:LINE:COL: key.path: message and exit 2, or a one-line summary and exit 0.",
    )
    _paths(check)

    rend = commands.add_parser(
        "render",
        help="write the Markdown pages",
        description="Validate content and write one Markdown page per week, plus overview pages, into the docs folder. Unchanged pages are not rewritten; pages of removed weeks are deleted.",
    )
    _paths(rend)

    bld = commands.add_parser(
        "build",
        help="render, then build the site with mkdocs --strict",
        description="Render the Markdown, run 'mkdocs build --strict' into site/, then build the offline copy site/downloads/handbook-offline.zip.",
    )
    _paths(bld)
    _config(bld)
    bld.add_argument(
        "--site-dir",
        type=Path,
        default=None,
        help="output folder (default: site_dir of the configuration, site/)",
    )
    bld.add_argument(
        "--builder",
        choices=site.BUILDERS,
        default="mkdocs",
        help="site generator: mkdocs (default) or zensical (optional dependency)",
    )
    bld.add_argument(
        "--offline",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also build the offline copy, downloads/handbook-offline.zip, that the home page "
        "links to (default: yes; always built with MkDocs)",
    )

    srv = commands.add_parser(
        "serve",
        help="preview the site, re-rendering when content changes",
        description="Render, then serve the site with live reload; edits to content files are re-rendered within a second.",
    )
    _paths(srv)
    _config(srv)
    srv.add_argument(
        "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)"
    )

    sch = commands.add_parser(
        "schema",
        help="write (or check) the JSON Schema of roadmap files",
        description="Write the JSON Schema of roadmap files, used by editors to validate content as you type.",
    )
    sch.add_argument(
        "--output",
        type=Path,
        default=schema.DEFAULT_PATH,
        help=f"schema file (default: {schema.DEFAULT_PATH})",
    )
    sch.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if the file is out of date instead of writing it",
    )
    cli_publish.add_commands(commands)
    ref = commands.add_parser(
        "refresh",
        help="resolve YouTube queries into recent videos (needs YOUTUBE_API_KEY)",
        description="Search and verify videos for every YouTube query through the YouTube Data API v3 and update content/videos.lock.json, spending at most --budget quota units. Exit 0: all resolved; 3: stopped early with progress saved (run again to resume); 2: bad usage, content or key; 1: other failures.",
    )
    ref.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    ref.add_argument(
        "--budget",
        type=int,
        default=DEFAULT_BUDGET,
        metavar="UNITS",
        help=f"most quota units to spend (default: {DEFAULT_BUDGET})",
    )
    ref.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date that recency windows and ages count from (default: today)",
    )
    ref.add_argument(
        "--dry-run", action="store_true", help="print the plan and units needed; make no request"
    )
    ref.add_argument(
        "--research", action="store_true", help="search every query again, not only new ones"
    )
    return parser


def _render(content: Path, docs: Path, config: Path = siteconfig.DEFAULT_CONFIG) -> None:
    from generator import pipeline

    result = pipeline.render_handbook(content, docs, siteconfig.site_url(config))
    if result.cached:
        print(f"Up to date: {result.files} files in {docs} (nothing changed since the last render)")
    else:
        print(f"Rendered {result.files} files into {docs}: {result.report.summary()}")


def _check(args: argparse.Namespace) -> int:
    from generator import loader

    loaded = loader.load_all(args.content)
    weeks = " + ".join(str(len(item.plan.weeks)) for item in loaded)
    noun = "roadmap" if len(loaded) == 1 else "roadmaps"
    print(f"OK: {len(loaded)} {noun} valid ({weeks} weeks) in {args.content / 'roadmaps'}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    _render(args.content, args.docs, args.config)
    process = site.serve(args.config, args.dev_addr)
    stamp = _content_stamp(args.content)
    try:
        while process.poll() is None:
            time.sleep(1)
            current = _content_stamp(args.content)
            if current != stamp:
                stamp = current
                try:
                    _render(args.content, args.docs, args.config)
                except ContentError as error:
                    print(error, file=sys.stderr)
    except KeyboardInterrupt:
        process.terminate()
    return process.wait()


def _content_stamp(content: Path) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in content.rglob("*") if p.is_file()))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``handbook`` console script; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "render":
            _render(args.content, args.docs)
            return 0
        if args.command == "build":
            _render(args.content, args.docs, args.config)
            site.build(args.config, args.site_dir, args.builder)
            if args.offline:
                target = (args.site_dir or siteconfig.site_dir(args.config)) / offline.ZIP_PATH
                count = offline.build(args.config, args.config.parent / offline.WORK_DIR, target)
                print(f"Offline copy: {count} files in {target}")
            return 0
        if args.command == "serve":
            return _serve(args)
        if args.command == "refresh":
            from generator.youtube import command as youtube_command

            return youtube_command.run(
                args.content,
                budget=args.budget,
                today=args.today,
                dry_run=args.dry_run,
                research=args.research,
            )
        if args.command == "schema":
            return schema.command(args.output, check=args.check)
        if args.command in cli_publish.COMMANDS:
            return cli_publish.run(args)
    except HandbookError as error:
        print(error, file=sys.stderr)
        if isinstance(error, ContentError):
            print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    raise AssertionError(f"unhandled command {args.command}")


if __name__ == "__main__":
    sys.exit(main())
