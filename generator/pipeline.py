"""The build as one straight line: load → schedule → views → Markdown → files.

The CLI, the tests and the benchmarks all call these functions, so there is
exactly one definition of what "render the handbook" means. Videos come from
the lock file next to the roadmaps (``content/videos.lock.json``); a missing
lock means no videos yet, a malformed one is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import siteconfig, writer

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
    # Imported here, not at the top: a rebuild with nothing changed never needs them.
    from generator import loader, pages, reader, render
    from generator.youtube import lock, lookup

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
    """Validate ``content`` and make ``docs`` hold exactly the generated files.

    When nothing the output depends on (content, lock, generator code and
    templates, ``site_url``) has changed since the last render, and the output
    is untouched, nothing is loaded or rendered at all.
    """
    inputs = writer.digest([content, GENERATOR], [siteconfig.site_url(config) or ""])
    previous = writer.unchanged_since_stamp(docs, inputs)
    if previous is not None:
        return Rendered(len(previous), writer.WriteReport(unchanged=previous), cached=True)
    files = generate(content, config)
    report = writer.write_tree(files, docs)
    writer.save_stamp(docs, inputs, files)
    return Rendered(files=len(files), report=report)
