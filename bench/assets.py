"""Size of the handbook's own browser assets: the reader's script and stylesheet.

The reader's features promise to stay small and framework-free; this measures
what every page costs on top of Material, as the render publishes it
(``generator/webassets.py``: the script's parts joined in one scope and minified,
the stylesheet minified): bytes of the readable sources, of the published copies,
and of those gzipped (what GitHub Pages sends). Vendored third-party files
(``overrides/assets/vendor``, copied as they are) are reported separately, so our
own code's growth is visible on its own. Run as a script for JSON output:
``python -m bench.assets``.
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


def _ours() -> dict[str, dict[str, int]]:
    """Our published files by name (``handbook.js``), each with its readable source's size."""
    published = webassets.files()
    stylesheet = (webassets.SOURCES / webassets.STYLESHEET_SOURCE).read_bytes()
    sources = {
        webassets.SCRIPT: webassets.script_source().encode("utf-8"),
        webassets.STYLESHEET: stylesheet,
    }
    return {
        Path(path).name: _sizes(sources[path], text.encode("utf-8"))
        for path, text in sorted(published.items())
    }


def measure(vendor: Path = VENDOR) -> dict[str, object]:
    """Bytes (source, published, and that gzipped) of our script and stylesheet and of each
    vendored JS/CSS file, with totals for ours and for vendored."""
    files = _ours()
    totals = {
        "ours": {
            key: sum(sizes[key] for sizes in files.values()) for key in ("raw", "minified", "gzip")
        },
        "vendored": {"raw": 0, "minified": 0, "gzip": 0},
    }
    for path in sorted(p for p in vendor.rglob("*") if p.suffix in {".js", ".css"}):
        data = path.read_bytes()
        sizes = _sizes(data, data)
        files["vendor/" + path.relative_to(vendor).as_posix()] = sizes
        for key, value in sizes.items():
            totals["vendored"][key] += value
    return {"files": files, "totals": totals}


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2, sort_keys=True))
