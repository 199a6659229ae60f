"""The last stage: hand the generated Markdown to MkDocs (or Zensical).

The site generator runs as a child process of the same Python, so that a
broken theme or a warning under ``--strict`` is reported exactly as MkDocs
prints it, and the handbook never depends on MkDocs' internal API.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from generator.errors import HandbookError


class SiteBuildError(HandbookError):
    """MkDocs failed (for example a warning under --strict)."""


def build(
    config: Path, site_dir: Path | None = None, extra_env: Mapping[str, str] | None = None
) -> None:
    """Run ``mkdocs build --strict`` on ``config``; ``extra_env`` e.g. ``OFFLINE=true``."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    result = subprocess.run(command, check=False, env={**_environment(), **(extra_env or {})})
    if result.returncode != 0:
        raise SiteBuildError(
            f"mkdocs build failed (exit {result.returncode}); see its output above"
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
