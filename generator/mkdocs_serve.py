"""``mkdocs serve``, looking for changed files every tenth of a second instead of every half.

MkDocs' live-reloading server polls the docs folder with watchdog's default interval of half
a second, and its command has no option for it. In the author's preview the render takes a
tenth of a second and MkDocs' partial rebuild a few tenths, so that half second was the
largest share of edit → page (``make bench``). ``handbook serve`` runs MkDocs' own command
through this module, with the server it builds given a shorter interval: nothing else of
MkDocs changes, and Zensical needs nothing of the kind.
"""

from __future__ import annotations

import sys
from typing import Any

from mkdocs.__main__ import cli
from mkdocs.commands import serve
from mkdocs.livereload import LiveReloadServer

POLL = 0.1
"""Seconds between two looks at the watched files (MkDocs' own: 0.5)."""


class _OftenPolling(LiveReloadServer):
    """MkDocs' server, polling every ``POLL`` seconds."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "polling_interval": POLL})


if __name__ == "__main__":
    serve.__dict__["LiveReloadServer"] = _OftenPolling  # the name serve() builds its server with
    sys.exit(cli())
