"""The installable web app as built (no browser): manifest, icons, every page's head, the
worker's file list and version, the offline copy without any of it, and the errors."""

from __future__ import annotations

import html.parser
import json
import re
import shutil
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from generator import cli, offline, precache, webapp, webassets
from tests.conftest import HANDBOOK, scratch_project

INDIGO = "#4051b5"


# ---- helpers ----


def _pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGBA bytes of an 8-bit RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, colour, interlace) == (8, 6, 0), "expected 8-bit RGBA, not interlaced"
    raw = zlib.decompress(b"".join(chunks))
    stride, rows, previous = width * 4, [], bytes(width * 4)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            left = line[x - 4] if x >= 4 else 0
            up = previous[x]
            corner = previous[x - 4] if x >= 4 else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + best) & 0xFF
        rows.append(bytes(line))
        previous = bytes(line)
    return width, height, rows


def _alphas(data: bytes) -> tuple[int, int, set[int]]:
    width, height, rows = _pixels(data)
    return width, height, {row[x] for row in rows for x in range(3, len(row), 4)}


def _build_of(site: Path) -> dict[str, Any]:
    """The file list and version the published worker carries."""
    text = (site / precache.WORKER).read_text(encoding="utf-8")
    match = re.search(r"^const BUILD = (\{.*\});$", text, re.MULTILINE)
    assert match, "the worker carries no file list"
    build: dict[str, Any] = json.loads(match.group(1))
    return build


class _Tags(html.parser.HTMLParser):
    """Every start tag of a page, with its attributes, and the inline scripts' text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: dict[str, str] = {}
        """Inline script text by the script's id ("" for scripts without one)."""
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        self._script = attributes.get("id", "") if tag == "script" else None

    def handle_endtag(self, tag: str) -> None:
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts[self._script] = self.scripts.get(self._script, "") + data


def _tags(file: Path) -> _Tags:
    parser = _Tags()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def _address(site: Path, file: Path) -> str:
    return precache.page_address(file.relative_to(site).as_posix())


# ---- manifest and icons ----


def test_the_manifest_names_the_app_and_its_icons(built_site: Path) -> None:
    manifest = json.loads((built_site / webapp.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] == "Study Handbook"
    assert manifest["short_name"] == "Handbook"  # extra.app_short_name in mkdocs.yml
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == (
        "./",
        "./",
        "standalone",
    )
    assert manifest["theme_color"] == INDIGO
    assert manifest["background_color"] == "#ffffff"
    assert "id" not in manifest  # a relative id would be resolved against the host
    icons = {(icon["sizes"], icon["purpose"]): icon["src"] for icon in manifest["icons"]}
    assert set(icons) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for src in icons.values():
        assert not urlsplit(src).scheme and not src.startswith("/")  # works under any path
        assert (built_site / src).is_file()


def test_icons_are_drawn_from_the_logo_at_their_sizes(built_site: Path) -> None:
    icons = built_site / webapp.ICON_FOLDER
    for name, size in (("icon-192.png", 192), ("icon-512.png", 512)):
        width, height, alphas = _alphas((icons / name).read_bytes())
        assert (width, height) == (size, size)
        assert {0, 255} <= alphas  # the logo's rounded tile, transparent around it
    for name, size in (("maskable-512.png", 512), ("apple-touch-icon.png", 180)):
        width, height, alphas = _alphas((icons / name).read_bytes())
        assert (width, height) == (size, size)
        assert alphas == {255}  # opaque: launchers crop it, iOS would fill gaps with black
    # The maskable icon's corner is the primary colour; the logo sits within the safe zone.
    _, _, rows = _pixels((icons / "maskable-512.png").read_bytes())
    assert rows[0][:3].hex() == INDIGO[1:]
    assert rows[256][256 * 4 : 256 * 4 + 3] != rows[0][:3]
    assert rows[80][80 * 4 : 80 * 4 + 3] == rows[0][:3]  # outside the 40 % circle: background


def test_theme_colours_come_from_materials_palette() -> None:
    assert webapp.material_colour("indigo") == INDIGO
    assert webapp.material_colour("deep orange") == webapp.material_colour("deep-orange")
    with pytest.raises(webapp.WebAppError, match="no colour for the primary colour 'custom'"):
        webapp.material_colour("custom")


def test_the_colour_is_read_from_the_stylesheet_given(tmp_path: Path) -> None:
    sheet = tmp_path / "palette.css"
    sheet.write_text("[data-md-color-primary=indigo]{--md-primary-fg-color:#123456;}", "utf-8")
    assert webapp.material_colour("indigo", sheet) == "#123456"


# ---- pages ----


def _linked(tags: _Tags, base: str, rel: str) -> str:
    """The one ``<link rel=rel>`` of a page, resolved against ``base``."""
    found = [a["href"] for t, a in tags.tags if t == "link" and a.get("rel") == rel]
    assert len(found) == 1, f"{len(found)} <link rel={rel}>"
    return urljoin(base, found[0])


def test_every_page_links_the_manifest_and_registers_the_worker(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        tags = _tags(page)
        address = _address(built_site, page)
        base = "https://h/" + ("" if address == "./" else address)
        assert _linked(tags, base, "manifest") == "https://h/manifest.webmanifest", page
        apple = _linked(tags, base, "apple-touch-icon")
        assert apple == "https://h/assets/icons/apple-touch-icon.png", page
        colours = [
            (a.get("media"), a["content"]) for _, a in tags.tags if a.get("name") == "theme-color"
        ]
        assert colours == [
            ("(prefers-color-scheme: light)", INDIGO),
            ("(prefers-color-scheme: dark)", INDIGO),
        ]
        logos = [a for t, a in tags.tags if t == "img" and a.get("src", "").endswith("logo.svg")]
        assert {urljoin(base, a["src"]) for a in logos} == {"https://h/assets/logo.svg"}
        # sized (nothing moves as it loads) and silent: the link around it names the site
        assert all(
            (a.get("width"), a.get("height"), a.get("alt")) == ("24", "24", "") for a in logos
        )
        assert _linked(tags, base, "icon") == "https://h/assets/logo.svg"
        registration = tags.scripts[""]
        assert registration.count(".register(") == 1  # the inline scripts without an id
        assert '"serviceWorker" in navigator && location.protocol !== "file:"' in registration
        [worker] = re.findall(r'register\("([^"]+)"\)', registration)
        assert urljoin(base, worker) == "https://h/sw.js"


def test_the_offline_copy_has_no_worker_manifest_or_registration(built_site: Path) -> None:
    with zipfile.ZipFile(built_site / offline.ZIP_PATH) as archive:
        names = archive.namelist()
        pages = [n for n in names if n.endswith(".html")]
        assert len(pages) > 15
        for name in pages:
            text = archive.read(name).decode("utf-8")
            assert "serviceWorker" not in text, name
            assert 'rel="manifest"' not in text and "theme-color" not in text, name
    inside = {name.removeprefix(offline.FOLDER + "/") for name in names}
    assert precache.WORKER not in inside and webapp.MANIFEST not in inside
    assert not [name for name in inside if name.startswith(webapp.ICON_FOLDER)]
    assert "assets/logo.svg" in inside  # the header's logo still shows from disk


# ---- the worker's list ----


def _expected_shell(site: Path) -> set[str]:
    """What pages load, found with the standard library's HTML parser (not the build's)."""
    wanted = {"./", "search/search_index.json"}
    for page in site.rglob("*.html"):
        if page.relative_to(site).as_posix() == "404.html":
            continue
        base = "https://h/" + ("" if (a := _address(site, page)) == "./" else a)
        tags = _tags(page)
        for tag, attributes in tags.tags:
            loads = {"stylesheet", "icon"}  # not what only installing uses
            if tag == "link" and set(attributes.get("rel", "").split()) & loads:
                reference = attributes["href"]
            elif tag in ("script", "img") and attributes.get("src"):
                reference = attributes["src"]
            else:
                continue
            url = urljoin(base, reference)
            if url.startswith("https://h/"):
                wanted.add(url.removeprefix("https://h/") or "./")
        config = json.loads(tags.scripts["__config"])
        wanted.add(urljoin(base, config["search"]).removeprefix("https://h/"))
    return wanted


def test_the_worker_lists_every_file_for_offline_reading_with_its_hash(built_site: Path) -> None:
    build = _build_of(built_site)
    shell, groups = build["shell"], build["groups"]
    assert set(shell) == _expected_shell(built_site)
    assert set(groups) == {"fixture-team", "fixture-solo"}
    for slug, files in groups.items():
        on_disk = {_address(built_site, p) for p in (built_site / slug).rglob("*.html")}
        assert set(files) == on_disk
        assert f"{slug}/week-01/" in files and f"{slug}/progress/" in files
    listed = {**shell, **groups["fixture-team"], **groups["fixture-solo"]}
    for address, digest in listed.items():
        # only this site's own files, addressed relative to the worker's scope
        assert not urlsplit(address).scheme and not address.startswith("/"), address
        assert ".." not in address.split("/"), address
        file = address.split("?")[0]
        file = "index.html" if file == "./" else file + "index.html" if file.endswith("/") else file
        assert precache.digest((built_site / file).read_bytes()) == digest, address
    # Never thumbnails, calendars, the zip, the 404 page or the offline copy's shim; nor the
    # manifest and icons, which the browser keeps when it installs the app.
    never = ["ytimg", "calendar.ics", "downloads/", "sitemap", "404.html", "vendor/", "icons/"]
    never.append(webapp.MANIFEST)
    assert not [a for a in listed if any(word in a for word in never)]
    assert any("?v=" in address for address in shell)  # our assets, as pages ask for them
    assert build["version"] == precache.version(
        precache.Precache(shell, groups),
        (webassets.SOURCES / webassets.WORKER_SOURCE).read_text(encoding="utf-8"),
    )


def test_the_version_changes_with_any_file_or_the_worker(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("downloads"))
    source = (webassets.SOURCES / webassets.WORKER_SOURCE).read_text(encoding="utf-8")
    first = precache.version(precache.collect(site), source)
    assert precache.version(precache.collect(site), source) == first

    week = site / "fixture-solo" / "week-02" / "index.html"
    week.write_text(week.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_page = precache.version(precache.collect(site), source)
    assert after_page != first

    (site / "assets" / "handbook.css").write_text("body{}", encoding="utf-8")
    after_asset = precache.version(precache.collect(site), source)
    assert after_asset not in (first, after_page)

    changed_worker = source.replace("use strict", "use strict ")
    assert precache.version(precache.collect(site), changed_worker) != after_asset


def test_the_worker_is_published_filled_in(built_site: Path) -> None:
    text = (built_site / precache.WORKER).read_text(encoding="utf-8")
    assert precache.PLACEHOLDER not in text
    with pytest.raises(ValueError, match="exactly once"):
        precache.fill("no placeholder here", precache.Precache())


def test_pages_are_parsed_for_what_they_load() -> None:
    html = (
        '<link rel="canonical" href="https://example.org/a/"><link rel="prev" href="../b/">'
        '<link rel="stylesheet" href="../../assets/x.css?v=1"><script src="../../a.js"></script>'
        "<img src='https://i.ytimg.com/vi/x/mqdefault.jpg'><img src=\"data:image/png;base64,AA\">"
        '<script id="__config" type="application/json">{"search": "../../w.js"}</script>'
    )
    assert precache.loaded_by("a/week-01/", html) == {"assets/x.css?v=1", "a.js", "w.js"}


# ---- errors ----


def _config_without(work: Path, **theme: object) -> Path:
    scratch_project(work)
    config = work / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in theme.items():
        pattern = rf"^  {key}: .*$"
        replacement = f"  {key}: {value}" if value is not None else ""
        text = re.sub(pattern, replacement, text, flags=re.MULTILINE)
    config.write_text(text, encoding="utf-8")
    return config


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        (None, "theme.logo is not set: the web app's icons are made from an SVG logo"),
        ("assets/images/favicon.png", "theme.logo 'assets/images/favicon.png' is not an SVG file"),
        ("assets/nowhere.svg", "theme.logo 'assets/nowhere.svg' was not found"),
        ("assets/broken.svg", "the logo cannot be drawn"),
    ],
)
def test_a_missing_or_broken_logo_is_a_plain_build_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], logo: str | None, message: str
) -> None:
    config = _config_without(tmp_path / "project", logo=logo, favicon=None)
    (tmp_path / "project" / "overrides" / "assets" / "broken.svg").write_text("<svg", "utf-8")
    command = ["build", "--no-offline", "--content", str(HANDBOOK), "--config", str(config)]
    command += ["--docs", str(tmp_path / "project" / "build" / "docs")]
    command += ["--site-dir", str(tmp_path / "project" / "site")]
    assert cli.main(command) == 1
    err = capsys.readouterr().err
    assert f"mkdocs build failed: web app: {message}" in err
    assert "Traceback" not in err
