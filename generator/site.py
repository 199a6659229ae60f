"""The last stage: hand the generated Markdown to MkDocs (or Zensical).

MkDocs runs in this process through its documented programmatic entry points
(``load_config`` and ``commands.build.build``, what ``mkdocs build`` itself
calls), so a build pays for one interpreter and shares the libraries both
stages import (Jinja2, Markdown, PyYAML): measured in bench/, that took the
handbook's overhead over a bare ``mkdocs build`` down by a third. Zensical
and ``mkdocs serve`` (a long-running server with live reload) run as child
processes.

MkDocs with Material is the default builder. Zensical, Material's successor
(Material announces its end of life for 5 May 2027), reads the same
``mkdocs.yml`` and is the alternative (``--builder zensical``); README.md
lists what it does differently.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from generator.errors import HandbookError, UsageError

# Material prints a multi-line end-of-life banner on every build; the README covers the
# Zensical alternative, so the banner is silenced to keep build output readable.
_QUIET = {"NO_MKDOCS_2_WARNING": "1"}


class SiteBuildError(HandbookError):
    """MkDocs failed (for example a warning under --strict)."""


BUILDERS = ("mkdocs", "zensical")


def build(
    config: Path,
    site_dir: Path | None = None,
    builder: str = "mkdocs",
    extra_env: Mapping[str, str] | None = None,
) -> None:
    """Run ``mkdocs build --strict`` (or ``zensical build --strict``) on ``config``.

    ``extra_env`` adds environment variables, e.g. ``OFFLINE=true`` for the offline copy.
    """
    if builder not in BUILDERS:
        raise UsageError(f"unknown builder {builder!r}; choose one of: {', '.join(BUILDERS)}")
    command = [sys.executable, "-m", builder, "build", "--strict", "--config-file", str(config)]
    if site_dir is not None:
        if builder == "zensical":  # Zensical has no such option; it always uses site_dir
            raise UsageError("zensical writes to the site_dir of its configuration only")
        command += ["--site-dir", str(site_dir)]
    if builder == "mkdocs":
        _mkdocs_build(config, site_dir, {**_QUIET, **(extra_env or {})})
        return
    if importlib.util.find_spec("zensical") is None:
        raise UsageError("zensical is not installed: pip install -e '.[zensical]'")
    result = subprocess.run(command, check=False, env={**_environment(), **(extra_env or {})})
    if result.returncode != 0:
        raise SiteBuildError(
            f"{builder} build failed (exit {result.returncode}); see its output above"
        )


def _mkdocs_build(config: Path, site_dir: Path | None, env: Mapping[str, str]) -> None:
    """``mkdocs build --strict``, in process: what the ``mkdocs`` command does, step by step."""
    with _environ(env):  # mkdocs.yml reads !ENV values while it loads
        from mkdocs import exceptions
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config

        _show_mkdocs_log()
        try:
            settings = load_config(
                config_file=str(config),
                strict=True,
                site_dir=str(site_dir) if site_dir is not None else None,
            )
            settings.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(settings)
            finally:
                settings.plugins.on_shutdown()
        except exceptions.MkDocsException as error:  # config errors, strict-mode aborts
            raise SiteBuildError(f"mkdocs build failed: {error}") from None


@contextlib.contextmanager
def _environ(values: Mapping[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _show_mkdocs_log() -> None:
    """Print MkDocs' log lines as its command does (``INFO    -  message``), once."""
    log = logging.getLogger("mkdocs")
    if not any(getattr(h, "handbook", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.handbook = True  # type: ignore[attr-defined]
        log.addHandler(handler)
    log.setLevel(logging.INFO)


def serve(config: Path, address: str) -> subprocess.Popen[bytes]:
    """Start ``mkdocs serve`` (live reload of the generated pages) and return the process."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--config-file",
        str(config),
        "--dev-addr",
        address,
    ]
    return subprocess.Popen(command, env=_environment())


def _environment() -> dict[str, str]:
    return {**os.environ, **_QUIET}
