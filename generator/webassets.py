"""Our own JavaScript and CSS as browsers get them: minified, and addressed by content.

Readers are often on mobile data, so the script and stylesheet the theme loads
on every page are minified when the site is built: the script with
``calmjs.parse`` (an ES5 parser whose printer also shortens local names, a
quarter smaller than whitespace removal alone), the stylesheet with ``rcssmin``.
The sources in ``overrides/assets`` stay readable.

Every page asks for them (and for the generated browser data) with
``?v=<hash of the file>``: a deploy that changes a file changes its address,
so a browser or proxy can cache them for as long as it likes and never run
yesterday's script against today's pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

SCRIPT = "assets/handbook.js"
STYLESHEET = "assets/handbook.css"
DATA = "assets/handbook-data.js"
"""Site paths of the files pages load (the data is written by ``handbook render``)."""


def version(data: bytes) -> str:
    """A short content hash: the ``v`` a page asks for."""
    return hashlib.sha256(data).hexdigest()[:10]


def versions(
    folders: Iterable[Path], paths: Iterable[str] = (SCRIPT, STYLESHEET, DATA)
) -> dict[str, str]:
    """Site path → version, for each of ``paths`` found in the first of ``folders`` that has it
    (the theme's ``custom_dir``, then the docs folder); a missing file gets no version."""
    found = {}
    folders = list(folders)
    for path in paths:
        for folder in folders:
            file = folder / path
            if file.is_file():
                found[path] = version(file.read_bytes())
                break
    return found


def minify_script(source: str) -> str:
    """``source`` minified, local names shortened; globals keep their names."""
    from calmjs.parse import es5  # type: ignore[import-untyped]
    from calmjs.parse.unparsers.es5 import minify_print  # type: ignore[import-untyped]

    return str(minify_print(es5(source), obfuscate=True, obfuscate_globals=False))


def minify_stylesheet(source: str) -> str:
    """``source`` without comments and needless whitespace."""
    import rcssmin  # type: ignore[import-untyped]

    return str(rcssmin.cssmin(source))


def minify_site(site_dir: Path) -> None:
    """Minify the built site's copies of our script and stylesheet, in place."""
    for path, minify in ((SCRIPT, minify_script), (STYLESHEET, minify_stylesheet)):
        file = site_dir / path
        if file.is_file():
            file.write_text(minify(file.read_text(encoding="utf-8")), encoding="utf-8")
