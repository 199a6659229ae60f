"""MkDocs hook: use the navigation that ``handbook render`` wrote next to the pages.

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

from generator.views.urls import NAV as NAV_FILE


def on_config(config: Any) -> Any:
    """Install the generated navigation unless ``mkdocs.yml`` sets one explicitly."""
    nav_file = Path(config["docs_dir"]) / NAV_FILE
    if config["nav"] is None and nav_file.is_file():
        config["nav"] = json.loads(nav_file.read_text(encoding="utf-8"))
    return config
