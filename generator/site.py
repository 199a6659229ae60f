"""The last stage: hand the generated Markdown to MkDocs (or Zensical).

The site generator runs as a child process of the same Python, so that a
broken theme or a warning under ``--strict`` is reported exactly as MkDocs
prints it, and the handbook never depends on MkDocs' internal API.

MkDocs with Material is the default builder. Zensical, Material's successor
(Material announces its end of life for 5 May 2027), reads the same
``mkdocs.yml`` and is the alternative (``--builder zensical``); README.md
lists what it does differently.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from generator.errors import HandbookError, UsageError


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
    if builder == "zensical" and importlib.util.find_spec("zensical") is None:
        raise UsageError("zensical is not installed: pip install -e '.[zensical]'")
    result = subprocess.run(command, check=False, env={**_environment(), **(extra_env or {})})
    if result.returncode != 0:
        raise SiteBuildError(
            f"{builder} build failed (exit {result.returncode}); see its output above"
        )


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
    # Material prints a multi-line end-of-life banner on every build; the README covers
    # the Zensical alternative, so the banner is silenced to keep build output readable.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
