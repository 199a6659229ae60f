"""The offline copy: the whole handbook as one zip that works opened from disk.

``handbook build`` ends with this step (``--no-offline`` skips it): the
engine builds the site a second time, from the generated offline configuration
and with ``OFFLINE=true``, which turns on the offline plugin (``mkdocs.yml``;
MkDocs' Material and Zensical both have it): links end in ``.html`` instead of
directory URLs, and the search index is inlined as a script, run by the
vendored iframe-worker shim, because browsers allow neither ``fetch`` nor
web workers on ``file://``. The result is zipped into the published site at
``site/downloads/handbook-offline.zip``, which the home page links to.

The zip is deterministic (sorted entries, fixed timestamps and modes), so an
unchanged handbook gives a byte-identical download.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from generator import engine
from generator.views import urls

ZIP_PATH = urls.OFFLINE_ZIP
"""Site-relative path of the zip; the home page links to it."""

WORK_DIR = Path("build/offline-site")
"""Where the offline variant of the site is built before it is zipped, relative to the
configuration's folder."""

FOLDER = urls.OFFLINE_FOLDER
"""Top folder inside the zip: unpacking never spills files into the reader's folder."""

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def write_zip(site_dir: Path, target: Path) -> int:
    """Zip every file of ``site_dir`` under ``FOLDER/`` (dot files, such as an engine's or
    our own markers, left out); returns the number of files."""
    files = sorted(
        p
        for p in site_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(site_dir).parts)
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    temporary.replace(target)
    return len(files)


def build(builder: str, config_file: Path, work: Path, target: Path) -> int:
    """Build the offline site from ``config_file`` (the generated offline configuration,
    whose ``site_dir`` is ``work``) and zip it to ``target``; returns the number of files."""
    if work.exists():
        shutil.rmtree(work)
    engine.build(builder, config_file, env=engine.OFFLINE_ENV)
    return write_zip(work, target)
