"""The offline copy: the whole handbook as one zip that works opened from disk.

``handbook build`` ends with this step (``--no-offline`` skips it; ``python -m
generator.offline`` runs it alone):
MkDocs builds the site a second time with ``OFFLINE=true``, which turns on
Material's offline plugin (``mkdocs.yml``): links end in ``.html`` instead of
directory URLs, and the search index is inlined as a script, run by the
vendored iframe-worker shim, because browsers allow neither ``fetch`` nor
web workers on ``file://``. The result is zipped into the published site at
``site/downloads/handbook-offline.zip``, which the home page links to.

The zip is deterministic (sorted entries, fixed timestamps and modes), so an
unchanged handbook gives a byte-identical download.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from generator import site
from generator.errors import HandbookError
from generator.views import urls

ZIP_PATH = urls.OFFLINE_ZIP
"""Site-relative path of the zip; the home page links to it."""

WORK_DIR = Path("build/offline-site")
"""Where the offline variant of the site is built before it is zipped."""

FOLDER = "study-handbook"
"""Top folder inside the zip: unpacking never spills files into the reader's folder."""

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def write_zip(site_dir: Path, target: Path) -> int:
    """Zip every file of ``site_dir`` under ``FOLDER/``; returns the number of files."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
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


def build(config: Path, work: Path, target: Path) -> int:
    """Build the offline site into ``work`` and zip it to ``target``; returns the file count."""
    if work.exists():
        shutil.rmtree(work)
    site.build(config, work, extra_env={"OFFLINE": "true"})
    return write_zip(work, target)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m generator.offline``: the ``make offline`` step."""
    parser = argparse.ArgumentParser(
        prog="python -m generator.offline",
        description="Build the offline copy of the handbook (run `handbook build` first).",
    )
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--work", type=Path, default=WORK_DIR)
    parser.add_argument("--output", type=Path, default=Path("site") / ZIP_PATH)
    args = parser.parse_args(argv)
    try:
        count = build(args.config, args.work, args.output)
    except HandbookError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    print(f"Offline copy: {count} files in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
