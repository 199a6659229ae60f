"""Size of the handbook's own browser assets (our JS and CSS in ``overrides/``).

The reader's features promise to stay small and framework-free; this measures
what every page costs on top of Material: bytes of the sources, of the minified
copies the build publishes (``generator/webassets.py``), and of those gzipped
(what GitHub Pages sends). Vendored third-party files are reported separately
so our own code's growth is visible on its own. Run as a script for JSON
output: ``python bench/assets.py``.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from generator import webassets

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "overrides" / "assets"
VENDOR = ASSETS / "vendor"


MINIFIERS = {"handbook.js": webassets.minify_script, "handbook.css": webassets.minify_stylesheet}
"""Our files the build minifies; others are published as they are."""


def _sizes(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    minify = MINIFIERS.get(path.name)
    published = minify(data.decode("utf-8")).encode("utf-8") if minify else data
    return {
        "raw": len(data),
        "minified": len(published),
        "gzip": len(gzip.compress(published, compresslevel=9, mtime=0)),
    }


def measure(assets: Path = ASSETS) -> dict[str, object]:
    """Bytes (source, minified as published, and that gzipped) of each JS/CSS file, with
    totals for ours and for vendored."""
    files: dict[str, dict[str, int]] = {}
    totals = {
        "ours": {"raw": 0, "minified": 0, "gzip": 0},
        "vendored": {"raw": 0, "minified": 0, "gzip": 0},
    }
    for path in sorted(p for p in assets.rglob("*") if p.suffix in {".js", ".css"}):
        sizes = _sizes(path)
        files[path.relative_to(assets).as_posix()] = sizes
        group = "vendored" if VENDOR in path.parents else "ours"
        for key, value in sizes.items():
            totals[group][key] += value
    return {"files": files, "totals": totals}


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2, sort_keys=True))
