"""The site engine: one replaceable stage between our render and our finishing stage.

MkDocs with Material (the default) and Zensical, Material's successor (Material announces
its end of life for 5 May 2027), turn the rendered Markdown into HTML. Neither runs any of
our code: everything the handbook adds is done before (pages, navigation, minified and
versioned assets) or after (``finish.py``: the web app, the offline zip). What the engine
must know is handed over in a **generated configuration** both engines read:
``mkdocs.generated.yml`` beside ``mkdocs.yml``, which inherits everything from it
(``INHERIT``) and adds only

- ``docs_dir`` and ``site_dir``: the folders of this build (``--docs``, ``--site-dir``);
- ``nav``: the generated navigation, weeks grouped by phase and month (``.nav.json`` in the
  docs folder, written by the render);
- ``extra.hb_versions``: the content hashes pages ask for our assets with;
- ``extra.hb_webapp``: the theme colours of the installable web app's head (absent in the
  offline copy, which is opened from disk where no app can be installed);
- ``extra.hb_preview_errors``: in the live preview, the content problems of a refused edit.

It is written beside ``mkdocs.yml`` because Zensical takes the configuration's folder as
the project's root, and keeps the docs and site folders inside it. It is rewritten only when
its text changes, so a live preview reloads only when the navigation or an asset changed.

MkDocs runs in this process through its documented entry points (``load_config`` and
``commands.build.build``, what ``mkdocs build`` calls): a build pays for one interpreter.
Zensical, and both engines' live-reloading servers, run as child processes.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator import siteconfig
from generator.errors import HandbookError, UsageError
from generator.siteconfig import QUIET, Settings

ENGINES = ("mkdocs", "zensical")
DEFAULT = "mkdocs"

GENERATED = "mkdocs.generated.yml"
"""The generated configuration of the published site, beside ``mkdocs.yml``."""
GENERATED_OFFLINE = "mkdocs.generated-offline.yml"
"""The generated configuration of the offline copy."""

OFFLINE_ENV = {"OFFLINE": "true"}
"""Turns on the offline plugin that ``mkdocs.yml`` configures (``!ENV [OFFLINE, false]``)."""


class EngineError(HandbookError):
    """The engine failed (for example a warning under ``--strict``)."""


@dataclass(frozen=True)
class Handover:
    """What the render hands the engine, besides the pages themselves."""

    docs_dir: Path
    site_dir: Path
    nav: list[Any]
    versions: Mapping[str, str]
    webapp_head: Mapping[str, Any] | None
    """``extra.hb_webapp`` (theme colours for the pages' head), or None: no web app."""
    preview_errors: tuple[str, ...] = ()
    """``extra.hb_preview_errors``: content problems the live preview shows on every page."""
    preview: bool = False
    """For the live preview: not strict, since MkDocs warns about the partial (``--dirty``)
    rebuilds that make an edit show within a second."""


def check(engine: str) -> None:
    """Refuse an unknown or missing engine before anything is rendered."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if engine == "zensical":
        import importlib.util

        if importlib.util.find_spec("zensical") is None:
            raise UsageError(
                "zensical is not installed: run `make build BUILDER=zensical` "
                "(or pip install -e '.[zensical]')"
            )


def inside_project(settings: Settings, folder: Path, option: str) -> None:
    """Zensical takes the configuration's folder as the project's root and reads and writes
    only inside it: refuse another folder in one line, before anything is rendered."""
    root = settings.config_file.parent
    if not folder.resolve().is_relative_to(root):
        raise UsageError(
            f"{option} {folder}: Zensical reads and writes only inside {root} "
            f"(the folder of {settings.config_file.name}); choose a folder there"
        )


def _relative(folder: Path, root: Path) -> str:
    """``folder`` as the configuration writes it: relative to its folder where possible."""
    folder = folder.resolve()
    return folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)


def configuration(settings: Settings, handover: Handover) -> str:
    """The generated configuration's text (deterministic: the same handover, the same bytes)."""
    root = settings.config_file.parent
    extra: dict[str, Any] = {"hb_versions": dict(sorted(handover.versions.items()))}
    extra["hb_webapp"] = dict(handover.webapp_head) if handover.webapp_head else None
    extra["hb_preview_errors"] = list(handover.preview_errors)
    generated: dict[str, Any] = {
        "INHERIT": settings.config_file.name,
        "docs_dir": _relative(handover.docs_dir, root),
        "site_dir": _relative(handover.site_dir, root),
        "extra": extra,
        "nav": handover.nav,
    }
    if handover.preview:
        generated["strict"] = False
    header = (
        "# Generated by `handbook build` from mkdocs.yml and the rendered pages; do not edit.\n"
        "# Both engines read it: mkdocs build -f FILE, zensical build -f FILE.\n"
    )
    body = yaml.safe_dump(generated, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def write_configuration(settings: Settings, handover: Handover, name: str) -> Path:
    """Write the generated configuration ``name`` beside ``mkdocs.yml`` (only if it changed)."""
    target = settings.config_file.parent / name
    text = configuration(settings, handover)
    try:
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            return target
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)
    except OSError as error:
        raise UsageError(f"{target}: cannot write the generated configuration: {error}") from None
    return target


def read_nav(docs_dir: Path, name: str) -> list[Any]:
    """The navigation the render wrote into the docs folder."""
    try:
        nav = json.loads((docs_dir / name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(
            f"{docs_dir / name}: cannot read the generated navigation: {error}"
        ) from None
    if not isinstance(nav, list):
        raise UsageError(f"{docs_dir / name}: the generated navigation is not a list")
    return nav


def build(engine: str, config_file: Path, env: Mapping[str, str] | None = None) -> None:
    """Build the site that ``config_file`` (a generated configuration) describes."""
    if engine == "mkdocs":
        _mkdocs_build(config_file, env or {})
        return
    command = [sys.executable, "-m", "zensical", "build", "--strict"]
    command += ["--config-file", str(config_file)]
    result = subprocess.run(command, check=False, env=_environment(env), cwd=config_file.parent)
    if result.returncode != 0:
        raise EngineError(f"zensical build failed (exit {result.returncode}); see its output above")


def _mkdocs_build(config_file: Path, env: Mapping[str, str]) -> None:
    """``mkdocs build --strict``, in process: what the ``mkdocs`` command does, step by step."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build

    _show_mkdocs_log()
    loaded = siteconfig.load_mkdocs(config_file, env=env)
    loaded["strict"] = True
    with siteconfig.environ({**QUIET, **env}):
        try:
            loaded.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(loaded)
            finally:
                loaded.plugins.on_shutdown()
        except exceptions.MkDocsException as error:  # strict-mode aborts, plugin errors
            raise EngineError(f"mkdocs build failed: {error}") from None
        except OSError as error:
            raise EngineError(f"mkdocs build failed: {error}") from None


def _show_mkdocs_log() -> None:
    """Print MkDocs' log lines as its command does (``INFO    -  message``), once."""
    log = logging.getLogger("mkdocs")
    if not any(getattr(h, "handbook", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.handbook = True  # type: ignore[attr-defined]
        log.addHandler(handler)
    log.setLevel(logging.INFO)


def serve_command(engine: str, config_file: Path, address: str) -> list[str]:
    """The command of the engine's live-reloading server on ``config_file``. MkDocs
    rebuilds only the pages whose file changed (``--dirty``): the preview marks every page
    changed when something they all show changed (``preview_server.py``)."""
    if engine == "mkdocs":
        return [
            sys.executable,
            "-m",
            "generator.mkdocs_serve",  # MkDocs' own command, polling files more often
            "serve",
            "--dirty",
            "--config-file",
            str(config_file),
            "--dev-addr",
            address,
        ]
    return [
        sys.executable,
        "-m",
        "zensical",
        "serve",
        "--config-file",
        str(config_file),
        "--dev-addr",
        address,
    ]


def serve(
    engine: str, config_file: Path, address: str, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start the engine's server in a process group of its own, so that stopping it also
    stops whatever it started."""
    return subprocess.Popen(
        serve_command(engine, config_file, address),
        env=_environment(env),
        cwd=config_file.parent,
        start_new_session=True,
        preexec_fn=_end_with_parent if sys.platform == "linux" else None,
    )


def _end_with_parent() -> None:
    """In the child, before it starts: on Linux, be sent SIGTERM when the preview's process
    dies, however it dies (even ``kill -9``), so no server is left holding the port."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _environment(extra: Mapping[str, str] | None) -> dict[str, str]:
    return {**os.environ, **QUIET, **(extra or {})}
