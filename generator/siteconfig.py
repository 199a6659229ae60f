"""What the handbook needs from ``mkdocs.yml``, read through MkDocs' own configuration loading.

The public address (``site_url``, which the deploy sets through ``SITE_URL``), the folder
MkDocs reads pages from (``docs_dir``) and the one it writes the site to (``site_dir``)
are configured once, in ``mkdocs.yml``. They are read with ``mkdocs.config.load_config``,
exactly as ``mkdocs build`` reads them (``!ENV`` tags, defaults, paths relative to the
configuration's folder), so the handbook and MkDocs can never disagree about them.

One rule for paths given on the command line: relative to the working directory, like
any command's. ``--docs`` and ``--site-dir`` *override* the configuration's folders for
MkDocs too, so the pages are always written where MkDocs reads them: a build never
publishes yesterday's pages from another folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import UsageError

DEFAULT_CONFIG = Path("mkdocs.yml")
QUIET = {"NO_MKDOCS_2_WARNING": "1"}
"""Material prints a multi-line end-of-life banner on every load; README covers it."""


@dataclass(frozen=True)
class Settings:
    """The configuration a command works with, every path absolute."""

    config_file: Path
    site_url: str | None
    docs_dir: Path
    site_dir: Path
    use_directory_urls: bool
    mkdocs: Any = field(default=None, compare=False, repr=False)
    """The whole configuration as MkDocs loads it, for the web app's name, logo and colours."""
    repo_url: str | None = None
    """The handbook's repository (``repo_url``), where members propose their team files."""


@contextlib.contextmanager
def environ(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the duration (``mkdocs.yml`` reads ``!ENV`` on load)."""
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


def load_mkdocs(
    config: Path,
    *,
    docs: Path | None = None,
    site: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Any:
    """``mkdocs.config.load_config`` on ``config``, with ``docs_dir``/``site_dir`` overridden
    when given; a missing or invalid configuration is a ``UsageError`` (exit 2)."""
    _require_file(config)
    from mkdocs import exceptions
    from mkdocs.config import load_config

    overrides = {}
    if docs is not None:
        overrides["docs_dir"] = str(docs.absolute())
    if site is not None:
        overrides["site_dir"] = str(site.absolute())
    with environ({**QUIET, **(env or {})}), _errors_logged() as logged:
        try:
            return load_config(config_file=str(config), **overrides)
        except exceptions.MkDocsException as error:  # MkDocs logs the why, then aborts
            reason = "; ".join(logged) or str(error)
            raise UsageError(f"{config}: cannot read the configuration: {reason}") from None
        except OSError as error:
            raise UsageError(f"{config}: cannot read the configuration: {error}") from None


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.ERROR)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@contextlib.contextmanager
def _errors_logged() -> Iterator[list[str]]:
    """The error lines MkDocs logs while loading a configuration (it raises a bare "Aborted
    with a configuration error!" after logging the reasons)."""
    messages: list[str] = []
    handler = _Collect(messages)
    log = logging.getLogger("mkdocs.config")
    log.addHandler(handler)
    try:
        yield messages
    finally:
        log.removeHandler(handler)


def configured_folder(config: Path, name: str, default: str) -> Path:
    """``docs_dir`` or ``site_dir`` as ``config`` writes it (read with MkDocs' own YAML
    loader, ``!ENV`` and ``INHERIT`` included, but not validated), absolute."""
    import yaml
    from mkdocs import exceptions
    from mkdocs.utils.yaml import yaml_load

    try:
        with config.open(encoding="utf-8") as stream, environ(QUIET):
            raw = yaml_load(stream)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, exceptions.MkDocsException) as error:
        raise UsageError(f"{config}: cannot read the configuration: {error}") from None
    value = raw.get(name) if isinstance(raw, dict) else None
    return (config.absolute().parent / str(value or default)).resolve()


def load(config: Path, *, docs: Path | None = None, site: Path | None = None) -> Settings:
    """The settings of ``config`` with the command's ``--docs``/``--site-dir``, if any.

    MkDocs refuses a ``docs_dir`` that does not exist yet, and the first render is what
    creates it, so the folder is made (when it can be) before the configuration is loaded.
    """
    _require_file(config)
    pages = docs.absolute() if docs is not None else configured_folder(config, "docs_dir", "docs")
    ensure_folder(pages, "--docs")
    loaded = load_mkdocs(config, docs=docs, site=site)
    url = loaded["site_url"]
    return Settings(
        config_file=config.resolve(),
        site_url=(url if url.endswith("/") else url + "/") if url else None,
        docs_dir=Path(loaded["docs_dir"]).resolve(),
        site_dir=Path(loaded["site_dir"]).resolve(),
        use_directory_urls=bool(loaded["use_directory_urls"]),
        mkdocs=loaded,
        repo_url=loaded["repo_url"] or None,
    )


def _require_file(config: Path) -> None:
    """Stop with one line unless ``config`` is a regular file (``--config /dev/null`` or a
    folder exists, but is no configuration)."""
    if not config.exists():
        raise UsageError(f"{config}: no such configuration file (give one with --config)")
    if not config.is_file():
        raise UsageError(f"{config}: not a regular file; give a mkdocs.yml with --config")


def ensure_folder(path: Path, option: str) -> None:
    """Make ``path`` a writable folder, or stop with one line saying why it cannot be."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{option} {path}: is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{option} {path}: cannot create the folder: {error.strerror}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise UsageError(f"{option} {path}: the folder is not writable")
