"""``handbook build`` as one straight line: render (ours) → engine → finish (ours).

1. **render** (``pipeline``): pages, navigation, browser data, calendars, and our script and
   stylesheet minified, into the docs folder;
2. **hand over** (``engine.write_configuration``): the generated configuration that names the
   folders, the navigation, the assets' versions and the web app's head;
3. **engine**: MkDocs or Zensical turns the docs folder into the site;
4. **finish**: the web app's manifest, icons and filled service worker, then the offline
   copy (the engine again, on the offline configuration, zipped into the site), then the
   site's marker with a record of what it was built from.

Nothing flows back: each step reads only what the steps before it wrote. When nothing a
built site depends on has changed since it was built (the rendered pages, both
configurations, the theme folder, the generator, the engine and its version) and the site
is untouched, steps 3 and 4 are skipped: a second ``make build`` takes well under a second.
"""

from __future__ import annotations

import importlib.metadata
import os
from dataclasses import dataclass
from pathlib import Path

from generator import engine, offline, pipeline, siteconfig, webapp, webassets, writer
from generator.siteconfig import Settings
from generator.views import urls

MARKER = ".handbook-site"
"""Marks a site folder as the handbook's, and records what it was built from. The engines
empty the site folder, so a folder holding files without it (``--site-dir content`` by
mistake) is refused before anything is deleted."""

OFFLINE_WORK = Path("build/offline-site")
"""Where the offline variant is built before it is zipped, relative to the configuration's
folder (Zensical writes only inside it)."""

ENGINE_DISTRIBUTIONS = {"mkdocs": ("mkdocs", "mkdocs-material"), "zensical": ("zensical",)}


@dataclass(frozen=True)
class Built:
    """What a build did."""

    rendered: pipeline.Rendered
    site_dir: Path
    reused: bool
    """True when the site was already built from the same inputs and was left as it was."""
    offline_files: int | None
    """Files in the offline zip, or None when none was made (``--no-offline``, or reused)."""


def prepare(settings: Settings, site_dir: Path | None, builder: str) -> Path:
    """The folder the site will be written to, once it is sure the build can run there:
    called before rendering, so a build that cannot happen writes nothing."""
    engine.check(builder)
    target = (site_dir or settings.site_dir).resolve()
    siteconfig.ensure_folder(target, "--site-dir")
    if builder == "zensical":  # refused now, not after the render: Zensical's folder rule
        engine.inside_project(settings, target, "--site-dir")
        engine.inside_project(settings, settings.docs_dir, "--docs")
    if (target / "sitemap.xml").is_file() and (target / "404.html").is_file():
        (target / MARKER).touch()  # a site MkDocs built before folders were marked
    writer.claim(target, MARKER, "build into a new or empty folder")
    return target


def build(
    content: Path,
    settings: Settings,
    builder: str = engine.DEFAULT,
    site_dir: Path | None = None,
    *,
    with_offline: bool = True,
) -> Built:
    """Render ``content`` and build the site with ``builder``; see the module's docstring."""
    target = prepare(settings, site_dir, builder)
    app = webapp.settings(settings.mkdocs)  # a bad logo stops the build before it starts
    docs = settings.docs_dir
    rendered = pipeline.render_handbook(
        content, docs, settings.site_url, offline=with_offline, repo_url=settings.repo_url
    )
    handover = engine.Handover(
        docs_dir=docs,
        site_dir=target,
        nav=engine.read_nav(docs, urls.NAV),
        versions=webassets.versions_in(docs),
        webapp_head=webapp.head(app),
    )
    config_file = engine.write_configuration(settings, handover, engine.GENERATED)
    configs = [config_file]
    work = settings.config_file.parent / OFFLINE_WORK
    if with_offline:
        offline_handover = engine.Handover(
            docs_dir=docs, site_dir=work, nav=handover.nav, versions=handover.versions,
            webapp_head=None,
        )  # fmt: skip
        configs.append(
            engine.write_configuration(settings, offline_handover, engine.GENERATED_OFFLINE)
        )
    inputs = _inputs(settings, builder, configs)
    if writer.unchanged_since_stamp(target, inputs, MARKER) is not None:
        return Built(rendered, target, reused=True, offline_files=None)

    (target / MARKER).write_text("{}\n", encoding="utf-8")  # not reusable until finished
    engine.build(builder, config_file)
    webapp.write(target, app)
    files = None
    if with_offline:
        files = offline.build(builder, configs[1], work, target / urls.OFFLINE_ZIP)
    built = [path for path in writer.files_in(target) if path != MARKER]
    writer.save_stamp(target, inputs, built, MARKER)
    return Built(rendered, target, reused=False, offline_files=files)


def _inputs(settings: Settings, builder: str, configs: list[Path]) -> str:
    """A digest of everything a built site depends on, besides the render's own inputs
    (which the docs folder's files reflect)."""
    folders = [settings.docs_dir, pipeline.GENERATOR]
    theme = settings.mkdocs["theme"].custom_dir if settings.mkdocs else None
    if theme:
        folders.append(Path(theme))
    versions = []
    for name in ENGINE_DISTRIBUTIONS[builder]:
        try:
            versions.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} not installed")
    texts = [
        builder,
        *versions,
        os.environ.get("SITE_URL", ""),
        settings.config_file.read_text(encoding="utf-8"),
        *(config.read_text(encoding="utf-8") for config in configs),
    ]
    return writer.digest(folders, texts)
