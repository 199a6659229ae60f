"""Size of the handbook's own browser assets (our script and stylesheet, ``generator/web/``).

The reader's features promise to stay small and framework-free; this measures
what every page costs on top of the theme: bytes of the sources, of the minified
copies the render publishes (``generator/webassets.py``), and of those gzipped
(what GitHub Pages sends). Vendored third-party files (``overrides/assets/vendor``)
are reported separately so our own code's growth is visible on its own. Run as a
script for JSON output: ``python bench/assets.py``.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from generator import webassets

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "overrides" / "assets" / "vendor"


def _sizes(source: bytes, published: bytes) -> dict[str, int]:
    return {
        "raw": len(source),
        "minified": len(published),
        "gzip": len(gzip.compress(published, compresslevel=9, mtime=0)),
    }


def measure(vendor: Path = VENDOR) -> dict[str, object]:
    """Bytes (source, minified as published, and that gzipped) of our script and stylesheet
    and of each vendored file, with totals for ours and for vendored."""
    published = webassets.files()
    sources = {
        webassets.SCRIPT: webassets.script_source(),
        webassets.STYLESHEET: (webassets.SOURCES / webassets.STYLESHEET_SOURCE).read_text("utf-8"),
    }
    files: dict[str, dict[str, int]] = {}
    for path, text in published.items():
        files[Path(path).name] = _sizes(sources[path].encode("utf-8"), text.encode("utf-8"))
    vendored = {}
    for file in sorted(p for p in vendor.rglob("*") if p.suffix in {".js", ".css"}):
        data = file.read_bytes()
        vendored["vendor/" + file.relative_to(vendor).as_posix()] = _sizes(data, data)
    files.update(vendored)
    totals = {
        "ours": {
            key: sum(files[Path(p).name][key] for p in published)
            for key in ("raw", "minified", "gzip")
        },
        "vendored": {
            key: sum(v[key] for v in vendored.values()) for key in ("raw", "minified", "gzip")
        },
    }
    return {"files": files, "totals": totals}


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2, sort_keys=True))
