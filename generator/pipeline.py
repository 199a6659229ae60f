"""The render as one straight line: load → date → videos from the lock → views → render → write.

The CLI, the tests and the benchmarks all call these functions, so there is
exactly one definition of what "render the handbook" means. Videos come from
the lock file next to the roadmaps (``content/videos.lock.json``); a missing
lock means no videos yet, a malformed one is an error. What follows, the
site engine and the finishing stage, is ``build.py``'s.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator import webassets, writer

if TYPE_CHECKING:
    from generator.loader import Loaded

GENERATOR = Path(__file__).resolve().parent
"""The generator's own files (code, templates, the reader's script and stylesheet): rendered
output depends on them too."""

RENDERING_LIBRARIES = (
    "study-handbook",
    "Jinja2",
    "MarkupSafe",
    "icalendar",
    "pydantic",
    "PyYAML",
    "calmjs.parse",
    "rcssmin",
)
"""Distributions whose version changes rendered bytes: the generator itself, its template
engine and escaping, the calendar writer, the content parser and validator, and the
minifiers of the reader's script and stylesheet."""


@dataclass(frozen=True)
class Rendered:
    """Result of a render: how many files the handbook has and what changed on disk."""

    files: int
    report: writer.WriteReport
    cached: bool = False


def generate(content: Path, site_url: str | None, *, offline: bool = True) -> dict[str, str]:
    """Every generated file of the handbook, in memory: path in the docs folder → text.

    ``site_url`` (``mkdocs.yml``'s) makes the calendars' links absolute.
    """
    from generator import loader  # heavy: imported only when something is rendered

    loaded = loader.load_all(content)  # gather everything first (raises on any content error)
    return files_for(loaded, content, site_url, offline=offline)


def files_for(
    loaded: Sequence[Loaded],
    content: Path,
    site_url: str | None,
    *,
    offline: bool = True,
    repo_url: str | None = None,
) -> dict[str, str]:
    """The generated files of roadmaps already loaded from ``content`` (for callers that
    also need the loaded roadmaps themselves, so that nothing is loaded twice);
    ``repo_url`` (``mkdocs.yml``'s) is where the progress page sends members to share."""
    # Imported here, not at the top: a rebuild with nothing changed never needs them.
    from generator import render
    from generator.views.site import site
    from generator.youtube import lock, shown

    plans = [item.plan for item in loaded]
    videos = shown.resolutions(lock.read(lock.path_in(content)), [p.roadmap for p in plans])
    members = {item.roadmap.slug: item.members for item in loaded}
    views = site(plans, videos, site_url, offline=offline, members=members, repo_url=repo_url)
    return {**render.render(views), **webassets.files()}


def _versions() -> list[str]:
    versions = []
    for name in RENDERING_LIBRARIES:
        try:
            versions.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} not installed")
    return versions


def render_handbook(
    content: Path,
    docs: Path,
    site_url: str | None,
    *,
    offline: bool = True,
    repo_url: str | None = None,
) -> Rendered:
    """Validate ``content`` and make ``docs`` hold exactly the generated files.

    When nothing the output depends on (content, lock, generator code and
    templates, the versions of the generator and its rendering libraries,
    ``site_url``, ``repo_url``, whether the offline copy is offered) has changed since the last render, and the output is
    untouched, nothing is loaded or rendered at all.
    """
    from generator import loader

    texts = [site_url or "", f"offline={offline}", f"repo={repo_url or ''}", *_versions()]
    inputs = writer.digest([content, GENERATOR], texts)
    previous = writer.unchanged_since_stamp(docs, inputs)
    if previous is not None:
        return Rendered(len(previous), writer.WriteReport(unchanged=previous), cached=True)
    loaded = loader.load_all(content)
    files = files_for(loaded, content, site_url, offline=offline, repo_url=repo_url)
    report = writer.write_tree(files, docs)
    writer.save_stamp(docs, inputs, files)
    return Rendered(files=len(files), report=report)
