"""The ``handbook`` command: one subcommand per pipeline stage.

Each subcommand is a function that takes the parsed arguments and returns the exit
code (``set_defaults(run=...)``); options several subcommands share are defined once,
as parent parsers. Every error a user can cause is a ``HandbookError``; it is printed
as plain text and mapped to its exit code (2 for bad content or usage), never shown as
a traceback. Paths given on the command line are relative to the working directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator import cli_review, cli_team, siteconfig
from generator.engine import DEFAULT as DEFAULT_ENGINE
from generator.engine import ENGINES
from generator.errors import ContentError, HandbookError
from generator.views.urls import OFFLINE_ZIP

if TYPE_CHECKING:
    from generator.pipeline import Rendered

# Stage modules are imported by the subcommand that needs them, so that a command does not
# pay for loading what it never uses (the video client, the schema, the reviewers' tools).

Command = Callable[[argparse.Namespace], int]


def _content_option() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    return options


def _site_options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--config",
        type=Path,
        default=siteconfig.DEFAULT_CONFIG,
        help="MkDocs configuration (default: mkdocs.yml)",
    )
    options.add_argument(
        "--docs",
        type=Path,
        default=None,
        help="where the generated Markdown goes, and where MkDocs reads it "
        "(default: docs_dir of the configuration, build/docs)",
    )
    return options


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook",
        description="Build a searchable study handbook from dated roadmaps written in YAML. "
        "Paths on the command line are relative to the working directory; paths in "
        "mkdocs.yml are relative to its folder.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    content = _content_option()
    site = _site_options()

    check = commands.add_parser(
        "check",
        parents=[content],
        help="validate all content and report every problem",
        description="Validate every roadmap in content/roadmaps; print each problem as FILE:LINE:COL: key.path: message and exit 2, or a one-line summary and exit 0.",
    )
    check.set_defaults(run=_check)

    render = commands.add_parser(
        "render",
        parents=[content, site],
        help="write the Markdown pages",
        description="Validate content and write one Markdown page per week, plus overview pages, into the docs folder. Unchanged pages are not rewritten; pages of removed weeks are deleted.",
    )
    render.set_defaults(run=_render)

    build = commands.add_parser(
        "build",
        parents=[content, site],
        help="render, then build the site with the engine (MkDocs or Zensical)",
        description="Render the Markdown, build the site into site/ with the engine (--builder; strict: a warning fails the build), add the installable web app, then build the offline copy site/downloads/handbook-offline.zip. A site already built from the same pages, configuration, theme and engine is reused as it is.",
    )
    build.add_argument(
        "--site-dir",
        type=Path,
        default=None,
        help="output folder (default: site_dir of the configuration, site/)",
    )
    build.add_argument(
        "--builder",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help="site engine: mkdocs (MkDocs + Material, the default) or zensical",
    )
    build.add_argument(
        "--offline",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also build the offline copy, downloads/handbook-offline.zip, that the home page "
        "then offers (default: yes)",
    )
    build.set_defaults(run=_build)

    serve = commands.add_parser(
        "serve",
        parents=[content, site],
        help="preview the site, re-rendering when content changes",
        description="Render, then serve the site with live reload; edits to content files are re-rendered within a second.",
    )
    serve.add_argument(
        "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)"
    )
    serve.add_argument(
        "--builder",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help="site engine: mkdocs (MkDocs + Material, the default) or zensical",
    )
    serve.set_defaults(run=_serve)

    from generator.schema import DEFAULT_PATH

    schema = commands.add_parser(
        "schema",
        help="write (or check) the JSON Schema of roadmap files",
        description="Write the JSON Schema of roadmap files, used by editors to validate content as you type.",
    )
    schema.add_argument(
        "--output", type=Path, default=DEFAULT_PATH, help=f"schema file (default: {DEFAULT_PATH})"
    )
    schema.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if the file is out of date instead of writing it",
    )
    schema.set_defaults(run=_schema)

    from generator.youtube.quota import DEFAULT_BUDGET

    refresh = commands.add_parser(
        "refresh",
        parents=[content],
        help="resolve YouTube queries into recent videos (needs YOUTUBE_API_KEY)",
        description="Search and verify videos for every YouTube query through the YouTube Data API v3 and update content/videos.lock.json, spending at most --budget quota units. Exit 0: all resolved; 3: stopped early with progress saved (run again to resume); 2: bad usage, content or key; 1: other failures.",
    )
    refresh.add_argument(
        "--budget",
        type=int,
        default=DEFAULT_BUDGET,
        metavar="UNITS",
        help=f"most quota units to spend (default: {DEFAULT_BUDGET})",
    )
    refresh.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date that recency windows and ages count from (default: today)",
    )
    refresh.add_argument(
        "--dry-run", action="store_true", help="print the plan and units needed; make no request"
    )
    refresh.add_argument(
        "--research", action="store_true", help="search every query again, not only new ones"
    )
    refresh.set_defaults(run=_refresh)

    cli_review.add_commands(commands, content)
    cli_team.add_commands(commands, content)
    return parser


def _check(args: argparse.Namespace) -> int:
    from generator import loader

    loaded = loader.load_all(args.content)
    weeks = " + ".join(str(len(item.plan.weeks)) for item in loaded)
    noun = "roadmap" if len(loaded) == 1 else "roadmaps"
    print(f"OK: {len(loaded)} {noun} valid ({weeks} weeks) in {args.content / 'roadmaps'}")
    return 0


def _settings(args: argparse.Namespace) -> siteconfig.Settings:
    return siteconfig.load(args.config, docs=args.docs, site=getattr(args, "site_dir", None))


def _report_render(result: Rendered, docs: Path) -> None:
    if result.cached:
        print(f"Up to date: {result.files} files in {docs} (nothing changed since the last render)")
    else:
        print(f"Rendered {result.files} files into {docs}: {result.report.summary()}")


def _render(args: argparse.Namespace) -> int:
    from generator import pipeline

    config = _settings(args)
    _report_render(
        pipeline.render_handbook(
            args.content, config.docs_dir, config.site_url, repo_url=config.repo_url
        ),
        config.docs_dir,
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator import build

    config = _settings(args)
    built = build.build(
        args.content, config, args.builder, args.site_dir, with_offline=args.offline
    )
    _report_render(built.rendered, config.docs_dir)
    if built.reused:
        print(f"Up to date: {built.site_dir} (built from the same pages, configuration and engine)")
    else:
        print(f"Built {built.site_dir} with {args.builder}")
    if built.offline_files is not None:
        print(f"Offline copy: {built.offline_files} files in {built.site_dir / OFFLINE_ZIP}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generator import preview_server

    return preview_server.run(args.content, _settings(args), args.builder, args.dev_addr)


def _schema(args: argparse.Namespace) -> int:
    from generator import schema

    return schema.command(args.output, check=args.check)


def _refresh(args: argparse.Namespace) -> int:
    from generator.youtube import command

    return command.run(
        args.content,
        budget=args.budget,
        today=args.today,
        dry_run=args.dry_run,
        research=args.research,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``handbook`` console script; returns the exit code."""
    args = _parser().parse_args(argv)
    run: Command = args.run
    try:
        return run(args)
    except HandbookError as error:
        print(error, file=sys.stderr)
        if isinstance(error, ContentError):
            print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
