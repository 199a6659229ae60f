"""The last stage: hand the generated Markdown to MkDocs (or Zensical).

MkDocs runs in this process through its documented programmatic entry points
(``load_config`` and ``commands.build.build``, what ``mkdocs build`` itself
calls), so a build pays for one interpreter and shares the libraries both
stages import (Jinja2, Markdown, PyYAML): measured in bench/, that took the
handbook's overhead over a bare ``mkdocs build`` down by a third. Zensical
and ``mkdocs serve`` (a long-running server with live reload) run as child
processes.

Every builder reads the pages from the folder the render wrote them to
(``Settings.docs_dir``): MkDocs is given it as an override; the child processes,
which cannot be, are refused when it is not the configuration's own folder.

MkDocs with Material is the default builder. Zensical, Material's successor
(Material announces its end of life for 5 May 2027), reads the same
``mkdocs.yml`` and is the alternative (``--builder zensical``); README.md
lists what it does differently.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from generator import settings as config_settings
from generator import writer
from generator.errors import HandbookError, UsageError
from generator.settings import QUIET, Settings


class SiteBuildError(HandbookError):
    """MkDocs failed (for example a warning under --strict)."""


BUILDERS = ("mkdocs", "zensical")

MARKER = ".handbook-site"
"""Marks a site folder as the handbook's: the builders empty it, so a folder holding files
without it (``--site-dir content`` by mistake) is refused before anything is deleted."""


def build(
    settings: Settings,
    site_dir: Path | None = None,
    builder: str = "mkdocs",
    extra_env: Mapping[str, str] | None = None,
) -> None:
    """Run ``mkdocs build --strict`` (or ``zensical build --strict``) on the rendered pages.

    ``site_dir`` writes elsewhere than ``settings.site_dir``; ``extra_env`` adds
    environment variables, e.g. ``OFFLINE=true`` for the offline copy.
    """
    target = check(settings, site_dir, builder)
    if builder == "mkdocs":
        _mkdocs_build(settings, target, extra_env or {})
        return
    command = [sys.executable, "-m", "zensical", "build", "--strict"]
    command += ["--config-file", str(settings.config_file)]
    result = subprocess.run(command, check=False, env=_environment(extra_env))
    if result.returncode != 0:
        raise SiteBuildError(
            f"zensical build failed (exit {result.returncode}); see its output above"
        )


def check(settings: Settings, site_dir: Path | None, builder: str) -> Path:
    """The folder the site will be written to, once it is sure the build can run there:
    called before rendering, so a build that cannot happen writes nothing."""
    if builder not in BUILDERS:
        raise UsageError(f"unknown builder {builder!r}; choose one of: {', '.join(BUILDERS)}")
    target = (site_dir or settings.site_dir).resolve()
    if builder == "zensical":
        configured = config_settings.configured_folder(settings.config_file, "site_dir", "site")
        if target != configured:
            raise UsageError("zensical writes to the site_dir of its configuration only")
        _refuse_overrides(settings, "zensical")
        if importlib.util.find_spec("zensical") is None:
            raise UsageError("zensical is not installed: pip install -e '.[zensical]'")
    config_settings.ensure_folder(target, "--site-dir")
    if (target / "sitemap.xml").is_file() and (target / "404.html").is_file():
        (target / MARKER).touch()  # a site MkDocs built before folders were marked
    writer.claim(target, MARKER, "build into a new or empty folder")
    return target


def _refuse_overrides(settings: Settings, tool: str) -> None:
    """A child process reads ``mkdocs.yml`` itself: it must name the folder we render into."""
    configured = config_settings.configured_folder(settings.config_file, "docs_dir", "docs")
    if configured != settings.docs_dir:
        raise UsageError(
            f"{tool} reads pages from the docs_dir of {settings.config_file.name} "
            f"({configured}); --docs {settings.docs_dir} cannot be passed to it"
        )


def _mkdocs_build(settings: Settings, site_dir: Path, env: Mapping[str, str]) -> None:
    """``mkdocs build --strict``, in process: what the ``mkdocs`` command does, step by step."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build

    _show_mkdocs_log()
    loaded = config_settings.load_mkdocs(
        settings.config_file, docs=settings.docs_dir, site=site_dir, env=env
    )
    loaded["strict"] = True
    with config_settings.environ({**QUIET, **env}):
        try:
            loaded.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(loaded)
            finally:
                loaded.plugins.on_shutdown()
        except exceptions.MkDocsException as error:  # strict-mode aborts, plugin errors
            raise SiteBuildError(f"mkdocs build failed: {error}") from None
        except OSError as error:
            raise SiteBuildError(f"mkdocs build failed: {error}") from None


def _show_mkdocs_log() -> None:
    """Print MkDocs' log lines as its command does (``INFO    -  message``), once."""
    log = logging.getLogger("mkdocs")
    if not any(getattr(h, "handbook", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.handbook = True  # type: ignore[attr-defined]
        log.addHandler(handler)
    log.setLevel(logging.INFO)


def check_serve(settings: Settings) -> None:
    """Refuse, before rendering, a ``--docs`` that ``mkdocs serve`` would not read."""
    _refuse_overrides(settings, "mkdocs serve")


def serve(settings: Settings, address: str) -> subprocess.Popen[bytes]:
    """Start ``mkdocs serve`` (live reload of the generated pages) and return the process."""
    command = [sys.executable, "-m", "mkdocs", "serve"]
    command += ["--config-file", str(settings.config_file), "--dev-addr", address]
    return subprocess.Popen(command, env=_environment(None))


def _environment(extra: Mapping[str, str] | None) -> dict[str, str]:
    return {**os.environ, **QUIET, **(extra or {})}
