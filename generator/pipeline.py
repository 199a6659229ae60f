"""The build as one straight line: load → schedule → views → Markdown → files.

The CLI, the tests and the benchmarks all call these functions, so there is
exactly one definition of what "render the handbook" means. Videos come from
the lock file next to the roadmaps (``content/videos.lock.json``); a missing
lock means no videos yet, a malformed one is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator import siteconfig, writer

if TYPE_CHECKING:
    from generator.loader import Loaded

GENERATOR = Path(__file__).resolve().parent
"""The generator's own files (code and templates): rendered output depends on them too."""


@dataclass(frozen=True)
class Rendered:
    """Result of a render: how many files the handbook has and what changed on disk."""

    files: int
    report: writer.WriteReport
    cached: bool = False


def generate(content: Path, config: Path = siteconfig.DEFAULT_CONFIG) -> dict[str, str]:
    """Every generated file of the handbook, in memory: path in the docs folder → text.

    ``config`` (``mkdocs.yml``) supplies ``site_url`` for the calendars' links.
    """
    from generator import loader  # heavy: imported only when something is rendered

    loaded = loader.load_all(content)  # gather everything first (raises on any content error)
    return files_for(loaded, content, siteconfig.site_url(config))


def files_for(loaded: Sequence[Loaded], content: Path, site_url: str | None) -> dict[str, str]:
    """The generated files of roadmaps already loaded from ``content`` (for callers that
    also need the loaded roadmaps themselves, so that nothing is loaded twice)."""
    # Imported here, not at the top: a rebuild with nothing changed never needs them.
    from generator import pages, reader, render
    from generator.youtube import lock, lookup

    videos = lock.read(lock.path_in(content))
    return render.merge(
        render.render_site(pages.site(loaded, lookup.from_lock(videos))),
        reader.render_files([item.plan for item in loaded], site_url),
    )


def render_handbook(
    content: Path, docs: Path, config: Path = siteconfig.DEFAULT_CONFIG
) -> Rendered:
    """Validate ``content`` and make ``docs`` hold exactly the generated files.

    When nothing the output depends on (content, lock, generator code and
    templates, ``site_url``) has changed since the last render, and the output
    is untouched, nothing is loaded or rendered at all.
    """
    from generator import loader

    site_url = siteconfig.site_url(config)
    inputs = writer.digest([content, GENERATOR], [site_url or ""])
    previous = writer.unchanged_since_stamp(docs, inputs)
    if previous is not None:
        return Rendered(len(previous), writer.WriteReport(unchanged=previous), cached=True)
    files = files_for(loader.load_all(content), content, site_url)
    report = writer.write_tree(files, docs)
    writer.save_stamp(docs, inputs, files)
    return Rendered(files=len(files), report=report)
