"""Generated files → the docs folder, touching only what differs.

Writing compares bytes first, so a rebuild with unchanged content rewrites
nothing (MkDocs' live reload and file watchers stay quiet), and files that
are no longer generated (pages of removed weeks) are deleted: the docs
folder always holds exactly one build's output.

Deleting what was not generated is only safe in a folder the handbook owns, so
a folder with no stamp that holds files this render would not write (``--docs ~``
or ``--docs content`` by mistake) is refused before anything is written or
deleted; any other folder is claimed with a stamp at once, so a first render
that is interrupted still leaves a folder the next render may clean.

A stamp (``.render-stamp.json``, a dot file MkDocs does not publish) records
a digest of everything the output depends on and the size and modification
time of each file written. When neither the inputs nor the files have changed
since, ``pipeline.render_handbook`` skips loading and rendering altogether:
measured in bench/, that is most of what the handbook adds to a rebuild.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import UsageError

STAMP = ".render-stamp.json"


@dataclass
class WriteReport:
    """What a render did to the docs folder."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.written)} written, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed"
        )


def write_tree(files: Mapping[str, str], out_dir: Path) -> WriteReport:
    """Make ``out_dir`` hold exactly ``files`` (pages, data, calendars), touching only what differs."""
    report = WriteReport()
    claim(out_dir, STAMP, "render into a new or empty folder", files)
    present = set(_files(out_dir))  # listed once: a new file is written without trying to read it
    folders: set[Path] = set()
    for path in sorted(files):
        target = out_dir / path
        data = files[path].encode("utf-8")
        exists = path in present
        if exists:
            try:
                if target.read_bytes() == data:
                    report.unchanged.append(path)
                    continue
            except FileNotFoundError:  # deleted since it was listed
                exists = False
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        if exists:  # replaced whole, so a reader (MkDocs' live reload) never sees half a page
            temporary = target.with_name(f".{target.name}.tmp")
            temporary.write_bytes(data)
            temporary.replace(target)
        else:  # a new file: no reader has an old version to keep
            target.write_bytes(data)
        report.written.append(path)
    for stale in sorted(present - {*files, STAMP}):
        (out_dir / stale).unlink()
        report.removed.append(stale)
    # folders left empty go too, deepest first (os.walk lists without a stat per file)
    for folder, _, names in os.walk(out_dir, topdown=False):
        if folder != str(out_dir) and not names and not os.listdir(folder):
            os.rmdir(folder)
    return report


def claim(folder: Path, marker: str, advice: str, ours: Collection[str] = ()) -> None:
    """Make ``folder`` ours to empty: new, empty or holding only ``ours`` (paths this run
    writes), it is created and marked with ``marker``; holding anything else and no marker,
    it is someone else's and is refused, with nothing touched.

    The docs folder is marked by the render stamp, the site folder by ``build.MARKER``
    (MkDocs empties the site folder but keeps dot files, so the marker stays).
    """
    if (folder / marker).exists():
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        foreign = [path for path in _files(folder) if path not in ours]
    except OSError as error:
        raise UsageError(f"{folder}: cannot use the folder: {error.strerror}") from None
    if foreign:
        raise UsageError(
            f"{folder}: holds files the handbook did not write, which it would delete "
            f"(such as {foreign[0]}); {advice} (or remove them)"
        )
    (folder / marker).write_text("{}\n", encoding="utf-8")


def files_in(out_dir: Path) -> list[str]:
    """Every file below ``out_dir``, as posix paths relative to it."""
    return _files(out_dir)


def _files(out_dir: Path) -> list[str]:
    """Every file below ``out_dir``, as posix paths relative to it."""
    found = []
    for folder, _, names in os.walk(out_dir):
        relative = Path(folder).relative_to(out_dir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        found += [prefix + name for name in names]
    return found


def digest(folders: Iterable[Path], extra: Iterable[str] = ()) -> str:
    """SHA-256 over every file below ``folders`` (names and bytes) and ``extra`` strings."""
    hasher = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            hasher.update(path.relative_to(folder).as_posix().encode() + b"\0")
            hasher.update(path.read_bytes() + b"\0")
    for text in extra:
        hasher.update(text.encode() + b"\0")
    return hasher.hexdigest()


def _state(out_dir: Path, paths: Iterable[str]) -> dict[str, list[int]] | None:
    state: dict[str, list[int]] = {}
    for path in paths:
        try:
            info = (out_dir / path).stat()
        except FileNotFoundError:
            return None
        state[path] = [info.st_size, info.st_mtime_ns]
    return state


def save_stamp(out_dir: Path, inputs: str, paths: Iterable[str], name: str = STAMP) -> None:
    """Record that ``out_dir`` now holds ``paths``, made from inputs with digest ``inputs``
    (the render's stamp by default; the built site's is its marker, ``build.MARKER``)."""
    stamp = {"inputs": inputs, "files": _state(out_dir, sorted(paths))}
    (out_dir / name).write_text(json.dumps(stamp, sort_keys=True) + "\n", encoding="utf-8")


def unchanged_since_stamp(out_dir: Path, inputs: str, name: str = STAMP) -> list[str] | None:
    """The files of the last run if its inputs and outputs are untouched since; else None."""
    try:
        stamp = json.loads((out_dir / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("inputs") != inputs:
        return None
    recorded = stamp.get("files")
    if not isinstance(recorded, dict) or _state(out_dir, recorded) != recorded:
        return None
    return sorted(recorded) if set(_files(out_dir)) == {*recorded, name} else None
