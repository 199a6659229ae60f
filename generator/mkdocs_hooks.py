"""MkDocs hooks: the generated navigation, our assets' versions and minification, and the
installable web app (manifest, icons, service worker: ``generator/webapp.py``).

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

from generator import webapp, webassets
from generator.views.urls import NAV as NAV_FILE


def on_config(config: Any) -> Any:
    """Install the generated navigation unless ``mkdocs.yml`` sets one explicitly, give
    templates the content versions of our assets (``config.extra.hb_versions``), and enable
    the web app (not in the offline copy)."""
    docs = Path(config["docs_dir"])
    nav_file = docs / NAV_FILE
    if config["nav"] is None and nav_file.is_file():
        config["nav"] = json.loads(nav_file.read_text(encoding="utf-8"))
    theme = Path(config["theme"].custom_dir) if config["theme"].custom_dir else docs
    config["extra"]["hb_versions"] = webassets.versions([theme, docs])
    webapp.configure(config)
    return config


def on_files(files: Any, config: Any) -> Any:
    """Leave the service worker's unfilled source out of the site."""
    return webapp.exclude_worker_source(files, config)


def on_post_build(config: Any) -> None:
    """Minify the site's copies of our script and stylesheet, then write the web app's files:
    in this order, so that the worker lists the hashes of the files as published."""
    webassets.minify_site(Path(config["site_dir"]))
    webapp.write(config)
