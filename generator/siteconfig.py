"""The MkDocs settings the handbook itself needs: the public URL and the output folder.

The calendar files (``<slug>/calendar.ics``) are read by calendar apps, not
browsers, so the links they carry to week pages must be absolute. The public
address is already configured once, as ``site_url`` in ``mkdocs.yml`` (the
deploy sets it through the ``SITE_URL`` environment variable), so it is read
from there rather than configured a second time. ``mkdocs.yml`` may use
MkDocs' ``!ENV`` tag, which is resolved exactly as MkDocs resolves it; any
other tag is refused by the safe loader.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]

from generator.errors import UsageError

DEFAULT_CONFIG = Path("mkdocs.yml")


class _ConfigLoader(yaml.SafeLoader):
    """A safe YAML loader that also understands MkDocs' ``!ENV`` tag."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)


def _settings(config: Path) -> dict[str, object]:
    if not config.is_file():
        return {}
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.YAMLError as error:
        raise UsageError(f"{config}: cannot read the configuration: {error}") from None
    return data if isinstance(data, dict) else {}


def site_url(config: Path = DEFAULT_CONFIG) -> str | None:
    """``site_url`` of ``config`` with a trailing slash, or None without a config file."""
    value = _settings(config).get("site_url")
    if not value:
        return None
    text = str(value)
    return text if text.endswith("/") else text + "/"


def site_dir(config: Path = DEFAULT_CONFIG) -> Path:
    """Where ``config`` builds the site: its ``site_dir``, relative to the config's folder."""
    return config.parent / str(_settings(config).get("site_dir") or "site")
