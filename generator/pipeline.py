"""The build as one straight line: load → schedule → views → Markdown → files.

The CLI, the tests and the benchmarks all call this one function, so there
is exactly one definition of what "render the handbook" means. Videos come
from the lock file next to the roadmaps (``content/videos.lock.json``); a
missing lock means no videos yet, a malformed one is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import loader, pages, reader, render, siteconfig
from generator.youtube import lock, lookup


@dataclass(frozen=True)
class Rendered:
    """Result of a render: how many files the handbook has and what changed on disk."""

    files: int
    report: render.WriteReport


def generate(content: Path, config: Path = siteconfig.DEFAULT_CONFIG) -> dict[str, str]:
    """Every generated file of the handbook, in memory: path in the docs folder → text.

    ``config`` (``mkdocs.yml``) supplies ``site_url`` for the calendars' links.
    """
    loaded = loader.load_all(content)  # gather everything first (raises on any content error)
    plans = [item.plan for item in loaded]
    videos = lock.read(lock.path_in(content))
    return render.merge(
        render.render_site(pages.site(loaded, lookup.from_lock(videos))),
        reader.render_files(plans, siteconfig.site_url(config)),
    )


def render_handbook(
    content: Path, docs: Path, config: Path = siteconfig.DEFAULT_CONFIG
) -> Rendered:
    """Validate ``content`` and make ``docs`` hold exactly the generated files."""
    files = generate(content, config)
    return Rendered(files=len(files), report=render.write_tree(files, docs))
