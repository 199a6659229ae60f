"""Content files → validated, dated roadmaps, or every problem at once.

Loading is the first stage of the pipeline. It reads each roadmap file as
strict UTF-8, parses it with ``yamlsource`` (which keeps positions), validates
it with the pydantic models, then checks its dates with ``weekdates.check``.
Problems from all stages and all files are gathered and raised together as
one ``ContentError``, each located as ``FILE:LINE:COL: key.path: message``,
so a contributor fixes a file in one pass instead of one error per run.

Anything in the content folder can be hostile or broken — a folder or a
dangling link named ``x.yaml``, a pipe, a 50 MB file, a billion laughs — so
every path problem and every limit of ``generator.limits`` is a located
content error too, found before the work it would cost.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import stat
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

import pydantic
import yaml
from pydantic_core import ErrorDetails

from generator import weekdates, yamlsource
from generator.errors import ContentError, ContentProblem, UsageError
from generator.limits import MAX_FILE_BYTES, MAX_PROBLEMS
from generator.model import FORM_TAGS, JoinedLines, Roadmap
from generator.yamlsource import Path

if typing.TYPE_CHECKING:
    from generator.team import Member


@dataclass(frozen=True)
class Loaded:
    """A roadmap that passed every check, with its dated weeks and source file."""

    file: str
    plan: weekdates.Plan
    members: tuple[Member, ...] = ()
    """The team members who share their progress on this roadmap (``generator.team``), by
    handle."""

    @property
    def roadmap(self) -> Roadmap:
        return self.plan.roadmap


def display_path(path: FsPath) -> str:
    """Path as shown in messages: relative to the working directory when inside it."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(FsPath.cwd()).as_posix()
    except (ValueError, OSError):  # outside it, or the working directory was removed
        return str(path)


def format_path(path: Iterable[str | int]) -> str:
    """Render a key path as ``phases[0].months[1].title``.

    A key that is not printable (a line break would split the one-line message) is
    quoted with its escapes, and a very long one is shortened.
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
            continue
        name = _clip(part if part.isprintable() else repr(part))
        text += f".{name}" if text else name
    return text


def roadmap_files(content_dir: FsPath) -> list[FsPath]:
    """The roadmap files of a content folder, in a stable order (none if it has none)."""
    return sorted((content_dir / "roadmaps").glob("*.yaml"))


def load_all(content_dir: FsPath, *, members: bool = True) -> list[Loaded]:
    """Load every roadmap of ``content_dir`` with its team members' files (unless
    ``members`` is False); raise one ContentError listing all problems of both."""
    _check_folders(content_dir)
    files = roadmap_files(content_dir)
    if not files:
        raise ContentError(
            [
                ContentProblem(
                    display_path(content_dir / "roadmaps"), 1, 1, "", "no *.yaml roadmap files"
                )
            ]
        )
    loaded: list[Loaded] = []
    problems: list[ContentProblem] = []
    for file in files:
        try:
            loaded.append(load_file(file))
        except ContentError as error:
            problems.extend(error.problems)
    problems.extend(_cross_file_problems(loaded))
    if not members:
        if problems:
            raise ContentError(problems)
        return loaded
    from generator import team  # it reads files through this module's helpers

    shared = team.load_members(content_dir, loaded, roadmaps_complete=not problems)
    problems.extend(shared.problems)
    if problems:
        raise ContentError(problems)
    return [
        dataclasses.replace(item, members=shared.by_roadmap.get(item.roadmap.slug, ()))
        for item in loaded
    ]


def _check_folders(content_dir: FsPath) -> None:
    """Refuse a content folder that is missing or not a folder as a usage error (a mistyped
    ``--content`` must not look like an empty handbook), and a roadmaps folder that is not
    a folder or cannot be listed as a content error (``glob`` would see no files)."""
    if not content_dir.is_dir():
        what = "is a file, not a content folder" if content_dir.exists() else "no such folder"
        raise UsageError(f"{display_path(content_dir)}: {what}")
    roadmaps = content_dir / "roadmaps"
    name = display_path(roadmaps)
    try:
        os.scandir(roadmaps).close()
    except FileNotFoundError:
        return  # reported as "no *.yaml roadmap files"
    except NotADirectoryError:
        raise ContentError([ContentProblem(name, 1, 1, "", "is not a folder")]) from None
    except OSError as error:
        problem = ContentProblem(name, 1, 1, "", f"cannot be read: {_reason(error)}")
        raise ContentError([problem]) from None


def load_file(file: FsPath) -> Loaded:
    """Read, validate and date one roadmap file."""
    name = display_path(file)
    text = decode(read_bounded(file, name), name)

    try:
        source = yamlsource.parse(text)
    except yaml.MarkedYAMLError as error:
        mark, message = yamlsource.syntax_error(error, text)
        raise ContentError([ContentProblem(name, mark.line, mark.column, "", message)]) from None
    except yamlsource.LimitExceeded as error:
        mark, where = error.problem.mark, format_path(error.problem.path)
        raise ContentError(
            [ContentProblem(name, mark.line, mark.column, where, str(error))]
        ) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, such as NUL
        # The reader stops at the first such character anywhere in the stream; LibYAML
        # reports its offset in bytes, PyYAML in characters, so it is looked up again here.
        code = error.character if isinstance(error.character, int) else 0
        offset = max(text.find(chr(code)), 0)
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        message = f"YAML does not allow the character U+{code:04X}"
        raise ContentError([ContentProblem(name, line, column, "", message)]) from None
    except yaml.YAMLError as error:
        message = " ".join(str(error).split())  # one line, whatever the error says
        raise ContentError([ContentProblem(name, 1, 1, "", f"YAML error: {message}")]) from None

    found = _Problems(name, source)
    for p in source.problems:
        found.add(p.path, p.message, mark=p.mark)
    if not isinstance(source.data, dict):
        found.add((), "a roadmap file must be a mapping of keys to values")
        raise found.error()

    _mark_joined_lines(source)
    try:
        roadmap = Roadmap.model_validate(source.data)
    except pydantic.ValidationError as error:
        refused = {p.path for p in source.problems}
        for detail in error.errors(include_url=False):
            path = _content_path(tuple(detail["loc"]), detail["type"])
            if refused and any(path[:end] in refused for end in range(len(path) + 1)):
                continue  # already reported: the value was refused while reading
            found.add(path, detail, key=detail["type"] == "extra_forbidden")
        raise found.error() from None
    if found:  # e.g. a refused tag whose value was dropped but validated fine
        raise found.error()

    for path, message in weekdates.check(roadmap):
        found.add(path, message)
    if found:
        raise found.error()
    return Loaded(file=name, plan=weekdates.plan(roadmap))


def _mark_joined_lines(source: yamlsource.Source) -> None:
    """Give each text written over several plain lines the type that tells the models so
    (``JoinedLines``), where it continues: one-line fields refuse it, saying where.

    ``yamlsource`` knows how a value was written, the models which fields are one
    line; the value itself carries the one to the other, so pydantic finds the field
    whatever form its entry takes (a plain item or ``{text: ...}``, inside a choice).
    """
    for path, continuation in source.continued.items():
        *parents, last = path
        holder = source.data
        for step in parents:
            holder = holder[step]
        if isinstance(holder[last], str):
            holder[last] = JoinedLines(holder[last], continuation.line, continuation.item)


class _Problems:
    """The problems of one file, of which the first ``MAX_PROBLEMS`` are described.

    Describing a problem (locating it, wording it, suggesting a key) costs far
    more than finding it, and a file with hundreds of problems is rewritten,
    not fixed line by line; the rest are counted in one closing line.
    """

    def __init__(self, name: str, source: yamlsource.Source) -> None:
        self.name = name
        self.source = source
        self.listed: list[ContentProblem] = []
        self.omitted = 0
        self.first_omitted: yamlsource.Mark | None = None

    def __bool__(self) -> bool:
        return bool(self.listed)

    def add(
        self,
        path: Path,
        message: str | ErrorDetails,
        *,
        key: bool = False,
        mark: yamlsource.Mark | None = None,
    ) -> None:
        """Describe a problem at ``path`` (``message`` may be a pydantic error, worded only
        when it is listed); ``mark`` overrides the position found from the path."""
        if len(self.listed) >= MAX_PROBLEMS:
            self.omitted += 1
            if self.first_omitted is None:
                self.first_omitted = mark or self.source.locate(path, key=key)[1]
            return
        mark = mark or self.source.locate(path, key=key)[1]
        text = message if isinstance(message, str) else _message(message)
        self.listed.append(
            ContentProblem(self.name, mark.line, mark.column, format_path(path), text)
        )

    def error(self) -> ContentError:
        """The ContentError that lists these problems (and counts the rest, at the first
        of them)."""
        problems = list(self.listed)
        if self.first_omitted is not None:
            line, column = self.first_omitted.line, self.first_omitted.column
            more = (
                f"{self.omitted:,} more problems in this file are not listed "
                f"(only the first {MAX_PROBLEMS} are)"
            )
            problems.append(ContentProblem(self.name, line, column, "", more))
        return ContentError(problems)


def decode(raw: bytes, name: str) -> str:
    """``raw`` as UTF-8 text (a byte-order mark allowed), or a ContentError at the first byte
    that is not UTF-8, located as every content problem is."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = f"not UTF-8: byte 0x{raw[error.start]:02x}"
        raise ContentError([ContentProblem(name, line, column, "", message)]) from None


def read_bounded(
    file: FsPath, name: str, *, limit: int = MAX_FILE_BYTES, kind: str = "roadmap file"
) -> bytes:
    """The bytes of a roadmap file (or another ``kind`` of content file), or a located
    ContentError if it cannot be one.

    The file is opened without blocking (a named pipe would wait for a writer
    for ever) and must be a regular file no larger than ``limit`` bytes,
    checked before reading; at most one byte more is ever read, in case it grows.
    """

    def refuse(message: str) -> ContentError:
        return ContentError([ContentProblem(name, 1, 1, "", message)])

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(file, flags)
    except FileNotFoundError:
        link = " (a link to a missing file)" if file.is_symlink() else ""
        raise refuse(f"cannot be read: no such file{link}") from None
    except OSError as error:
        raise refuse(f"cannot be read: {_reason(error)}") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise refuse(f"is a folder, not a {kind}")
        if not stat.S_ISREG(info.st_mode):
            raise refuse("is not a regular file (a device, pipe or socket)")
        if info.st_size > limit:
            raise refuse(_too_large(info.st_size, limit, kind))
        chunks: list[bytes] = []
        size = 0
        while size <= limit and (chunk := os.read(descriptor, limit + 1)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise refuse(f"cannot be read: {_reason(error)}") from None
    finally:
        os.close(descriptor)
    if size > limit:
        raise refuse(_too_large(size, limit, kind))
    return b"".join(chunks)


def _too_large(size: int, limit: int, kind: str) -> str:
    return f"is {size:,} bytes; a {kind} may be at most {limit:,} bytes"


def _reason(error: OSError) -> str:
    """An OSError in plain words, without the path (the message is already located)."""
    return (error.strerror or type(error).__name__).lower()


def _clip(text: str, limit: int = 60) -> str:
    """``text`` shortened to about ``limit`` characters, saying how long it was."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def _cross_file_problems(loaded: list[Loaded]) -> list[ContentProblem]:
    seen: dict[str, str] = {}
    problems = []
    for item in loaded:
        slug = item.roadmap.slug
        if slug in seen:
            problems.append(
                ContentProblem(
                    item.file, 1, 1, "slug", f"slug {slug!r} is already used by {seen[slug]}"
                )
            )
        seen.setdefault(slug, item.file)
    return problems


def _content_path(loc: Path, kind: str) -> Path:
    """``loc`` without the names pydantic adds for the form of an entry (one item or a
    choice), which are not keys of the content; an unknown key of that name stays."""
    last = len(loc) - 1
    return tuple(
        part
        for index, part in enumerate(loc)
        if not (part in FORM_TAGS and (index < last or kind != "extra_forbidden"))
    )


def _message(detail: ErrorDetails) -> str:
    """A plain-words message for one pydantic error, in the style 'expected X, got Y'."""
    kind = detail["type"]
    loc = tuple(detail["loc"])
    value = detail.get("input")
    if kind == "missing":
        return f"missing required key {_content_path(loc, kind)[-1]!r}"
    if kind == "extra_forbidden":
        known = _known_keys(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return (
            f"unknown key {yamlsource.quote(str(loc[-1]))}{hint}; allowed keys: {', '.join(known)}"
        )
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        least = (detail.get("ctx") or {}).get("min_length", 1)
        return (
            "must list at least one entry" if least == 1 else f"must list at least {least} entries"
        )
    if kind == "string_type" and isinstance(value, dict):
        return "expected text, got a mapping (text that contains ': ' needs quotes)"
    message = str(detail["msg"]).removeprefix("Value error, ")
    if kind == "value_error" or isinstance(value, dict | list):
        return message
    return f"{message[:1].lower()}{message[1:]}, got {yamlsource.quote(value)}"


def _known_keys(loc: Path) -> list[str]:
    """Field names allowed at ``loc`` (a path into Roadmap as pydantic reports it, with the
    names of entry forms), for "did you mean" hints."""
    models: list[type[pydantic.BaseModel]] = [Roadmap]
    for part in loc:
        if isinstance(part, int):
            continue
        if part in FORM_TAGS:  # "choice" entries are the models with options
            models = [m for m in models if ("one_of" in m.model_fields) == (part == "choice")]
            continue
        models = [
            found
            for model in models
            if (field := model.model_fields.get(part)) is not None
            for found in _models_in(field.annotation)
        ]
    return sorted({name for model in models for name in model.model_fields})


def _models_in(annotation: Any) -> list[type[pydantic.BaseModel]]:
    """The pydantic models inside an annotation such as ``list[Annotated[Item, ...]] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        return [found for arg in typing.get_args(annotation) for found in _models_in(arg)]
    return []
