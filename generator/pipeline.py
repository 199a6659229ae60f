"""The build as one straight line: load → schedule → views → Markdown → files.

The CLI, the tests and the benchmarks all call this one function, so there
is exactly one definition of what "render the handbook" means.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import loader, pages, render


@dataclass(frozen=True)
class Rendered:
    """Result of a render: how many files the handbook has and what changed on disk."""

    files: int
    report: render.WriteReport


def render_handbook(content: Path, docs: Path) -> Rendered:
    """Validate ``content`` and make ``docs`` hold exactly the generated pages."""
    loaded = loader.load_all(content)  # gather everything first (raises on any content error)
    files = render.render_site(pages.site(loaded))
    return Rendered(files=len(files), report=render.write_tree(files, docs))
