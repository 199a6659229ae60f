"""MkDocs hooks: the generated navigation, and our assets' versions and minification.

The navigation groups a roadmap's weeks by phase and month, which MkDocs
cannot infer from file names, and it changes whenever content changes, so
it cannot live in the committed ``mkdocs.yml``. ``render`` writes it to
``<docs_dir>/.nav.json`` (dot files are not published); this hook hands it
to MkDocs before the navigation is built. Builders that do not run MkDocs
hooks (Zensical) fall back to the folder-based navigation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator import webassets
from generator.views.urls import NAV as NAV_FILE


def on_config(config: Any) -> Any:
    """Install the generated navigation unless ``mkdocs.yml`` sets one explicitly, and give
    templates the content versions of our assets (``config.extra.hb_versions``)."""
    docs = Path(config["docs_dir"])
    nav_file = docs / NAV_FILE
    if config["nav"] is None and nav_file.is_file():
        config["nav"] = json.loads(nav_file.read_text(encoding="utf-8"))
    theme = Path(config["theme"].custom_dir) if config["theme"].custom_dir else docs
    config["extra"]["hb_versions"] = webassets.versions([theme, docs])
    return config


def on_post_build(config: Any) -> None:
    """Minify the site's copies of our script and stylesheet."""
    webassets.minify_site(Path(config["site_dir"]))
