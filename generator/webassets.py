"""Our own JavaScript and CSS as browsers get them: minified, and addressed by content.

The reader's script and stylesheet live readable in ``generator/web/`` (outside the theme
folder, which the engines copy whole) and are written, minified, into the docs folder by
the render, like every other file the handbook makes: so MkDocs and Zensical publish the
same bytes, and neither has to run any of our code.

Readers are often on mobile data, so the script is minified with ``calmjs.parse`` (an ES5
parser whose printer also shortens local names, a quarter smaller than whitespace removal
alone) and the stylesheet with ``rcssmin``.

Every page asks for them (and for the generated browser data) with ``?v=<hash of the file>``
(``overrides/main.html``, from the generated engine configuration's ``extra.hb_versions``):
a deploy that changes a file changes its address, so a browser or proxy can cache them for
as long as it likes and never run yesterday's script against today's pages.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

SOURCES = Path(__file__).resolve().parent / "web"
"""The readable sources of the reader's script, stylesheet and service worker."""

SCRIPT = "assets/handbook.js"
STYLESHEET = "assets/handbook.css"
DATA = "assets/handbook-data.js"
"""Site paths of the files pages load (the data is written by ``handbook render`` too)."""

SCRIPT_PARTS = (
    "base.js",  # shared names, DOM helpers
    "dates.js",  # whole days, the reader's calendar, formats
    "store.js",  # what this browser keeps per roadmap
    "roadmap.js",  # a roadmap's facts from the generated data
    "ticks.js",  # checkboxes and progress bars
    "when.js",  # dates moved to a personal start, this week, days left, sessions, now page
    "notes.js",  # the reader's note on each week: week page box, progress page list
    "activity.js",  # days ticked: calendar, text alternative, streaks
    "pace.js",  # on track, ahead or behind; projected finish
    "transfer.js",  # export to a file, import (merged)
    "progress.js",  # the progress page: the record and the tools
    "main.js",  # starts everything, last
)
"""The script's source files in ``SOURCES``, split by concern, in the order they are joined.
They share one scope: the joined script runs inside a single function, so a part defines
plain functions and variables that the parts after it use, and nothing leaks into the
page's globals. Each part is written as top-level ES5 code (no indentation for the
function around it)."""
STYLESHEET_SOURCE = "handbook.css"
WORKER_SOURCE = "sw.js"
"""The service worker's source; the finishing stage publishes it filled in (``precache``)."""


def version(data: bytes) -> str:
    """A short content hash: the ``v`` a page asks for."""
    return hashlib.sha256(data).hexdigest()[:10]


def versions_in(docs: Path) -> dict[str, str]:
    """Site path → version of each asset pages load, read from the rendered docs folder."""
    return {
        path: version((docs / path).read_bytes())
        for path in (SCRIPT, STYLESHEET, DATA)
        if (docs / path).is_file()
    }


def script_source() -> str:
    """The reader's script as one readable program: its parts joined inside one function."""
    parts = [(SOURCES / name).read_text(encoding="utf-8") for name in SCRIPT_PARTS]
    return '(function () {\n  "use strict";\n' + "\n".join(parts) + "\n})();\n"


@cache
def minify_script(source: str) -> str:
    """``source`` minified, local names shortened; globals keep their names. Remembered per
    source: ``handbook serve`` re-renders on every edit, and the script rarely changes."""
    from calmjs.parse import es5  # type: ignore[import-untyped]
    from calmjs.parse.unparsers.es5 import minify_print  # type: ignore[import-untyped]

    return str(minify_print(es5(source), obfuscate=True, obfuscate_globals=False))


def minify_stylesheet(source: str) -> str:
    """``source`` without comments and needless whitespace."""
    import rcssmin  # type: ignore[import-untyped]

    return str(rcssmin.cssmin(source))


def files() -> dict[str, str]:
    """Site path → published text of the reader's script and stylesheet."""
    stylesheet = (SOURCES / STYLESHEET_SOURCE).read_text(encoding="utf-8")
    return {SCRIPT: minify_script(script_source()), STYLESHEET: minify_stylesheet(stylesheet)}
