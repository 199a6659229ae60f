"""The handbook as an installable web app: a manifest, icons made from the logo, a worker.

Readers study on phones, often on mobile data. Three files turn the published site into
something a phone can install and read offline, all written when the site is built:

- ``manifest.webmanifest``: name, short name, start address, standalone display and theme
  colour (read from Material's own palette stylesheet for the configured primary colour, so
  the installed app matches the header), and the icons;
- icons in ``assets/icons/``, rendered from the site's own logo (``theme.logo``, an SVG) with
  resvg: 192 and 512 px as drawn, a 512 px "maskable" one (the logo inside the safe zone on
  the primary colour, for launchers that crop icons to their own shape) and a 180 px opaque
  ``apple-touch-icon`` for iOS, which ignores the manifest's icons;
- ``sw.js``, the service worker (``overrides/sw.js``, filled in by ``generator/precache.py``
  with the list of files it keeps for offline reading and their content hashes).

Pages link them through ``overrides/partials/webapp.html``, which prints nothing unless the
generated engine configuration enables it (``extra.hb_webapp``, from ``head``): the offline
copy, opened from disk where no worker can run and nothing installs, gets none of it. The
files themselves are written by the finishing stage, after the engine, so that MkDocs and
Zensical builds get the same app.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import precache, webassets
from generator.errors import UsageError

MANIFEST = "manifest.webmanifest"
"""Site path of the manifest."""
ICON_FOLDER = "assets/icons"
ICONS = {
    "any-192": (f"{ICON_FOLDER}/icon-192.png", 192),
    "any-512": (f"{ICON_FOLDER}/icon-512.png", 512),
    "maskable-512": (f"{ICON_FOLDER}/maskable-512.png", 512),
    "apple": (f"{ICON_FOLDER}/apple-touch-icon.png", 180),
}
"""Icon kind → (site path, size in pixels)."""
BACKGROUND = "#ffffff"
"""The splash screen's background while the app starts: the pages' own (light) background."""
MASKABLE_SAFE = 0.56
"""Share of a maskable icon's side the logo may fill: the safe zone is a centred circle of
40 % radius, and a square inside it has a side of 0.8/√2 ≈ 0.566."""
APPLE_SCALE = 0.72
"""Share of the apple-touch-icon's side the logo fills; iOS rounds the corners itself."""


class WebAppError(UsageError):
    """The web app cannot be built (no SVG logo, a colour Material does not define): a
    configuration error, reported in one line before anything is built (exit 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(f"web app: {message}")


@dataclass(frozen=True)
class WebApp:
    """What the manifest, the icons and the pages' head need to know."""

    name: str
    short_name: str
    description: str
    language: str
    logo: Path
    primary: str
    theme_colors: tuple[tuple[str, str], ...]
    """(media query, colour) per palette entry, for the pages' ``theme-color`` meta tags."""


def _logo_file(config: Any) -> Path:
    """The SVG file ``theme.logo`` names, looked up as MkDocs does (docs folder, then theme)."""
    logo = str(config["theme"].get("logo") or "")
    if not logo:
        raise WebAppError(
            "theme.logo is not set: the web app's icons are made from an SVG logo "
            "(set theme.logo in mkdocs.yml, e.g. assets/logo.svg)"
        )
    folders = [Path(config["docs_dir"]), *(Path(d) for d in config["theme"].dirs)]
    for folder in folders:
        if (folder / logo).is_file():
            file = folder / logo
            break
    else:
        raise WebAppError(f"theme.logo {logo!r} was not found in the docs folder or the theme")
    if file.suffix.lower() != ".svg":
        raise WebAppError(f"theme.logo {logo!r} is not an SVG file; the web app's icons need one")
    return file


def _palettes(config: Any) -> list[dict[str, Any]]:
    palette = config["theme"].get("palette") or {}
    entries = palette if isinstance(palette, list) else [palette]
    return [entry for entry in entries if isinstance(entry, dict)] or [{}]


def material_colour(primary: str, stylesheet: Path | None = None) -> str:
    """The colour Material gives the header for ``primary`` (e.g. ``indigo`` → ``#4051b5``),
    read from Material's palette stylesheet, so the two can never disagree."""
    if stylesheet is None:
        stylesheet = _palette_stylesheet()
    text = stylesheet.read_text(encoding="utf-8")
    name = re.escape(primary.replace(" ", "-").lower())
    match = re.search(
        r"\[data-md-color-primary=" + name + r"\]\{--md-primary-fg-color:(#[0-9a-fA-F]{3,8})[;}]",
        text,
    )
    if match is None:
        raise WebAppError(
            f"Material's palette defines no colour for the primary colour {primary!r}; "
            "the web app's theme colour is taken from there"
        )
    return match.group(1).lower()


def _palette_stylesheet() -> Path:
    from importlib.resources import files

    folder = Path(str(files("material"))) / "templates" / "assets" / "stylesheets"
    found = sorted(folder.glob("palette.*.min.css"))
    if not found:
        raise WebAppError(f"Material's palette stylesheet is missing from {folder}")
    return found[0]


def settings(config: Any) -> WebApp:
    """The web app's settings from the MkDocs configuration; a ``WebAppError`` says what is
    missing (no SVG logo, a primary colour Material does not know)."""
    logo = _logo_file(config)
    render(logo.read_text(encoding="utf-8"), 16)  # a logo resvg cannot draw fails here
    theme_colors = []
    for entry in _palettes(config):
        colour = material_colour(str(entry.get("primary") or "indigo"))
        theme_colors.append((str(entry.get("media") or ""), colour))
    extra = config["extra"]
    return WebApp(
        name=config["site_name"],
        short_name=str(extra.get("app_short_name") or config["site_name"]),
        description=config["site_description"] or "",
        language=str(config["theme"].get("language") or "en"),
        logo=logo,
        primary=theme_colors[0][1],
        theme_colors=tuple(theme_colors),
    )


def render(svg: str, size: int) -> bytes:
    """``svg`` drawn as a ``size`` × ``size`` PNG; an SVG resvg cannot read is a
    ``WebAppError``."""
    import resvg_py

    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size))
    except ValueError as error:
        raise WebAppError(f"the logo cannot be drawn: {error}") from None


def on_tile(svg: str, size: int, scale: float, colour: str) -> bytes:
    """``svg`` centred on an opaque ``colour`` square, filling ``scale`` of its side."""
    inner = round(size * scale)
    offset = (size - inner) / 2
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    tile = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}"><rect width="{size}" height="{size}" fill="{colour}"/>'
        f'<image x="{offset}" y="{offset}" width="{inner}" height="{inner}" '
        f'href="data:image/svg+xml;base64,{data}"/></svg>'
    )
    return render(tile, size)


def icons(app: WebApp) -> dict[str, bytes]:
    """Site path → PNG bytes of every icon."""
    svg = app.logo.read_text(encoding="utf-8")
    drawn = {}
    for kind, (path, size) in ICONS.items():
        if kind == "maskable-512":
            drawn[path] = on_tile(svg, size, MASKABLE_SAFE, app.primary)
        elif kind == "apple":
            drawn[path] = on_tile(svg, size, APPLE_SCALE, app.primary)
        else:
            drawn[path] = render(svg, size)
    return drawn


def manifest(app: WebApp) -> dict[str, Any]:
    """The web app manifest. Addresses are relative to the manifest (the site root), so the
    site works under any path (``user.github.io/repo/``). It has no ``id``: Chromium would
    resolve a relative one against the origin, and two handbooks published on one
    ``user.github.io`` would then be taken for the same app."""
    entries = []
    for kind, (path, size) in ICONS.items():
        if kind == "apple":
            continue
        purpose = "maskable" if kind.startswith("maskable") else "any"
        entries.append(
            {"src": path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
        )
    return {
        "name": app.name,
        "short_name": app.short_name,
        "description": app.description,
        "lang": app.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": app.primary,
        "background_color": BACKGROUND,
        "icons": entries,
    }


def head(app: WebApp) -> dict[str, Any]:
    """What the pages' head prints (``extra.hb_webapp`` of the generated configuration)."""
    return {
        "theme_colors": [{"media": media, "color": colour} for media, colour in app.theme_colors]
    }


def write(site: Path, app: WebApp) -> None:
    """The manifest, the icons and the filled worker into the built ``site``: after the engine
    (and with our assets already minified by the render), so that the worker lists the hashes
    of the files as published."""
    for path, data in icons(app).items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    text = json.dumps(manifest(app), indent=2, ensure_ascii=False) + "\n"
    (site / MANIFEST).write_text(text, encoding="utf-8")
    source = webassets.SOURCES / webassets.WORKER_SOURCE
    precache.write_worker(site, source.read_text(encoding="utf-8"))
