"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` loses positions, silently keeps the last of two
duplicate keys and follows YAML 1.1, where ``21:00`` is the integer 1260 and
``no`` is ``False``. Content files are written by people who are not YAML
experts, so this module reads the parser's events itself, refuses anything but
plain mappings, sequences and scalars, and resolves scalars with the much
smaller YAML 1.2 core rules (``true``/``false``, decimal numbers, ISO dates).
Each value's position is recorded under its key path so that later stages
(pydantic validation, date checks) can point at the exact line and column.

Reading is bounded (``generator.limits``): nesting depth, the number of aliases
and the size of the document once aliases are expanded are counted event by
event before any data is built, so a "billion laughs" file or a million nested
brackets is refused at the event that crosses a limit, before anything is
expanded or recursed into.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from generator.limits import MAX_ALIASES, MAX_DEPTH, MAX_EXPANDED_CHARS, MAX_NODES

Path = tuple[str | int, ...]

_CORE_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    f"{_CORE_TAG}{name}"
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
}


class Mark(NamedTuple):
    """A 1-based line and column in a source file.

    A named tuple rather than a frozen dataclass: one is made for every value
    and key of a file, and a tuple is made about three times faster
    (parsing a 1,000-week roadmap, timed alone: 0.137 s → 0.126 s).
    """

    line: int
    column: int


@dataclass
class SourceProblem:
    """A problem found while reading, before any schema is applied."""

    mark: Mark
    path: Path
    message: str


class LimitExceeded(Exception):
    """The document crossed one of ``generator.limits`` while being read.

    Unlike the problems collected in ``Source.problems``, this stops reading at
    once: going on is exactly the unbounded work the limit exists to prevent.
    """

    def __init__(self, problem: SourceProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


_CORE_RESOLVERS = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ("~", "n", "N", "")),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
)


def _core_loader(base: type) -> type:
    """A loader on ``base`` (LibYAML's or the pure-Python safe loader) that resolves implicit
    scalars by the YAML 1.2 core schema (plus dates); only its parser's events and its
    resolver are used, never its composer or its Python-object constructor."""

    class Loader(base):  # type: ignore[misc]
        pass

    Loader.yaml_implicit_resolvers = {}
    for tag, pattern, first in _CORE_RESOLVERS:
        Loader.add_implicit_resolver(f"{_CORE_TAG}{tag}", re.compile(pattern), list(first))
    return Loader


# LibYAML's C parser is about 10x faster than the pure-Python one on large roadmaps
# (measured in bench/); both give the same events and positions.
_PythonLoader = _core_loader(yaml.SafeLoader)
_Loader = _core_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass
class Source:
    """A parsed YAML document: plain data plus the position of every key path."""

    data: Any
    marks: dict[Path, Mark] = field(default_factory=dict)
    key_marks: dict[Path, Mark] = field(default_factory=dict)
    problems: list[SourceProblem] = field(default_factory=list)

    def locate(self, path: Path, *, key: bool = False) -> tuple[Path, Mark]:
        """Return the longest known prefix of ``path`` and its position.

        ``key=True`` prefers the position of the key itself (for "unknown key"),
        otherwise the position of its value. A path that does not exist (a
        missing key) falls back to the mapping that should have held it.
        """
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if key and prefix in self.key_marks:
                return prefix, self.key_marks[prefix]
            if prefix in self.marks:
                return prefix, self.marks[prefix]
        return (), Mark(1, 1)


def quote(value: Any) -> str:
    """A value as messages quote it: its ``repr`` (escapes keep a message on one line),
    shortened when long so that a 2 MB value does not become a 2 MB message."""
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:60]}… ({len(text):,} characters)"


class _Document:
    """One document's events, read and counted (first pass), then turned into data (second).

    PyYAML's composer builds a node graph that is then walked again to make plain
    data; reading the events straight into data does the same work in two thirds of
    the time (a 1,000-week roadmap, timed alone: 0.126 s → 0.081 s). The first pass
    reads the events, resolves each scalar's tag and counts against
    ``generator.limits`` as it goes; only a document within every limit reaches
    the second pass, which builds the data and records positions and problems.
    An alias is read again from its anchor's events, as if written out, so every
    key path it makes has its own position and problems, as the composer's graph
    gave.
    """

    def __init__(self, loader: Any) -> None:
        # PyYAML's events; Any, as its stubs type each event's attributes on one subclass or
        # another, and events are told apart here by their exact class
        self.events: list[Any] = []
        self.tags: list[str] = []  # each event's resolved tag ("" for aliases and ends)
        self.ends: dict[int, int] = {}  # collection start → index after its end event
        self.anchors: dict[str | None, int] = {}  # anchor → index of its node's first event
        self._read(loader)

    # First pass -------------------------------------------------------------------------

    def _read(self, loader: Any) -> None:
        """Read the node events of the stream's only document (none: empty), bounded.

        The expanded size (values and characters of text, as if every alias were
        written out) is a running total: a node adds one value and its text, an
        alias adds the expanded size of the node it names, known because that node
        was finished before (an alias inside its own anchor counts one, and
        ``_value`` refuses it). Likewise the depth an alias reaches is its own plus
        the height of what it names. So every limit is checked at the event that
        crosses it, and nothing is expanded or recursed into before.
        """
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            return
        document = loader.get_event()
        events, tags, anchors, ends = self.events, self.tags, self.anchors, self.ends
        resolve = _scalar_resolver(loader)
        size: dict[int, tuple[int, int, int]] = {}  # anchored node → (values, chars, height)
        # open collections: [first event, values and chars before it, deepest level inside]
        open_: list[list[int]] = []
        values = chars = aliases = 0
        while True:
            event = loader.get_event()
            kind = type(event)
            index = len(events)
            level = len(open_) + 1  # of this node: the root is level 1
            if kind is ScalarEvent:
                if level > MAX_DEPTH + 1:
                    raise self._limit(event, f"nested more than {MAX_DEPTH} levels deep")
                values += 1
                chars += len(event.value)
                if values > MAX_NODES or chars > MAX_EXPANDED_CHARS:
                    raise self._too_large(event, values)
                tag = event.tag
                tags.append(resolve(event.value, event.implicit) if tag in _UNTAGGED else tag)
                if event.anchor is not None:
                    self._anchor(event, index)
                    size[index] = (1, len(event.value), 1)
                if open_ and open_[-1][3] < level:
                    open_[-1][3] = level
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if level > MAX_DEPTH + 1:
                    raise self._limit(event, f"nested more than {MAX_DEPTH} levels deep")
                values += 1
                if values > MAX_NODES:
                    raise self._too_large(event, values)
                tag = event.tag
                if tag in _UNTAGGED:
                    tag = _CORE_TAG + ("map" if kind is MappingStartEvent else "seq")
                tags.append(tag)
                if event.anchor is not None:
                    self._anchor(event, index)
                    size[index] = (1, 0, 1)
                open_.append([index, values - 1, chars, level])
            elif kind is AliasEvent:
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise self._limit(event, f"more than {MAX_ALIASES:,} aliases in one file")
                target = anchors.get(event.anchor)
                if target is None:
                    message = f"found undefined alias {event.anchor!r}"
                    raise ComposerError(None, None, message, event.start_mark)
                added, text, height = size.get(target, (1, 0, 1))
                if level + height - 1 > MAX_DEPTH + 1:
                    message = f"nested more than {MAX_DEPTH} levels deep (with aliases expanded)"
                    raise self._limit(event, message)
                values += added
                chars += text
                if values > MAX_NODES or chars > MAX_EXPANDED_CHARS:
                    raise self._too_large(event, values)
                tags.append("")
                if open_ and open_[-1][3] < level + height - 1:
                    open_[-1][3] = level + height - 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                start, values_before, chars_before, deepest = open_.pop()
                ends[start] = index + 1
                tags.append("")
                if start in size:  # anchored: its height counts from its own level, level - 1
                    height = deepest - (level - 1) + 1
                    size[start] = (values - values_before, chars - chars_before, height)
                if open_ and open_[-1][3] < deepest:
                    open_[-1][3] = deepest
            else:  # the document's end
                break
            events.append(event)
        if not loader.check_event(StreamEndEvent):
            raise ComposerError(
                "expected a single document in the stream",
                document.start_mark,
                "but found another document",
                loader.get_event().start_mark,
            )

    def _anchor(self, event: Any, index: int) -> None:
        anchor = event.anchor  # every node event has one
        if anchor in self.anchors:
            raise ComposerError(
                f"found duplicate anchor {anchor!r}; first occurrence",
                self.events[self.anchors[anchor]].start_mark,
                "second occurrence",
                event.start_mark,
            )
        self.anchors[anchor] = index

    def _too_large(self, event: Any, values: int) -> LimitExceeded:
        if values > MAX_NODES:
            return self._limit(
                event, f"more than {MAX_NODES:,} values in one file (with aliases expanded)"
            )
        return self._limit(
            event,
            f"more than {MAX_EXPANDED_CHARS:,} characters of text in one file "
            "(with aliases expanded)",
        )

    def _limit(self, event: Any, message: str) -> LimitExceeded:
        """The problem of crossing a limit at ``event`` (the next event after those read)."""
        mark = _event_mark(event) if event.start_mark else Mark(1, 1)
        return LimitExceeded(SourceProblem(mark, self._path_of_next(), message))

    def _path_of_next(self) -> Path:
        """The key path of the node the next event starts, worked out from the events read
        (only when a limit is crossed, so the first pass need not track it)."""
        # Each open collection: [is a mapping, children finished, its last key's text].
        open_: list[list[Any]] = []
        for event in self.events:
            kind = type(event)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                open_.append([kind is MappingStartEvent, 0, None])
                continue
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                open_.pop()
                if not open_:
                    break
                key = None  # a collection as a key has no text
            elif kind is AliasEvent:
                named = self.events[self.anchors[event.anchor]]
                key = named.value if type(named) is ScalarEvent else None
            else:
                key = event.value
            parent = open_[-1] if open_ else None
            if parent is not None:
                if parent[0] and parent[1] % 2 == 0:
                    parent[2] = key
                parent[1] += 1
        path: list[str | int] = []
        for mapping, finished, key in open_:
            if not mapping:
                path.append(finished)
            elif finished % 2 == 1 and key is not None:
                path.append(key)
        return tuple(path)

    # Second pass ------------------------------------------------------------------------

    def data(self, source: Source) -> Any:
        if not self.events:
            return None
        return self._value(0, (), source, set())[0]

    def _value(self, index: int, path: Path, source: Source, active: set[int]) -> tuple[Any, int]:
        """The data of the node (or alias) at ``index``, and the index after it."""
        event = self.events[index]
        after = self.ends.get(index, index + 1)
        if type(event) is AliasEvent:
            index = self.anchors[event.anchor]
            event = self.events[index]
        mark = _event_mark(event)
        if path not in source.marks:  # an alias expanded again keeps its first position
            source.marks[path] = mark
        tag = self.tags[index]
        if tag not in _ALLOWED_TAGS:
            message = f"YAML tag {quote(tag)} is not allowed in content"
            source.problems.append(SourceProblem(mark, path, message))
            return None, after
        kind = type(event)
        if kind is ScalarEvent:
            return _convert_scalar(event.value, tag, mark, path, source), after
        if index in active:  # an alias inside its own anchor would recurse for ever
            source.problems.append(SourceProblem(mark, path, "recursive YAML alias"))
            return None, after
        active.add(index)
        if kind is MappingStartEvent:
            value: Any = self._mapping(index + 1, path, source, active)
        else:
            value = []
            position, end = index + 1, self.ends[index] - 1
            while position < end:
                item, position = self._value(position, (*path, len(value)), source, active)
                value.append(item)
        active.discard(index)
        return value, after

    def _mapping(
        self, position: int, path: Path, source: Source, active: set[int]
    ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        events, ends = self.events, self.ends
        while type(events[position]) is not MappingEndEvent:
            written, written_tag = events[position], self.tags[position]
            if type(written) is AliasEvent:
                named = self.anchors[written.anchor]
                written, written_tag = events[named], self.tags[named]
            key_mark = _event_mark(written)
            if type(written) is ScalarEvent and written_tag == _STR_TAG:
                key: Any = written.value  # the usual case: text
                position += 1
            elif written_tag in _ALLOWED_TAGS:
                key, position = self._value(position, path, source, active)
            else:  # a key of a refused type is not read, only reported as not text
                key, position = None, ends.get(position, position + 1)
            if not isinstance(key, str):
                shown = written.value if type(written) is ScalarEvent else key
                message = f"keys must be text, got {quote(shown)}"
                source.problems.append(SourceProblem(key_mark, path, message))
                position = ends.get(position, position + 1)
                continue
            child = (*path, key)
            if key in result:
                first = source.key_marks[child]
                message = f"duplicate key {quote(key)} (first defined on line {first.line})"
                source.problems.append(SourceProblem(key_mark, child, message))
                position = ends.get(position, position + 1)
                continue
            source.key_marks[child] = key_mark
            result[key], position = self._value(position, child, source, active)
        return result


_UNTAGGED = (None, "!")
"""An event tag that leaves the type to the resolver (none, or YAML's non-specific "!")."""
_STR_TAG = f"{_CORE_TAG}str"


def _scalar_resolver(loader: Any) -> Callable[[str, tuple[bool, bool]], str]:
    """The tag of an untagged scalar, by ``loader``'s implicit resolvers (the core schema):
    what ``Resolver.resolve`` does for a scalar, without its per-call set-up."""
    table: dict[str | None, tuple[tuple[str, re.Pattern[str]], ...]] = {
        first: tuple(pairs) for first, pairs in loader.yaml_implicit_resolvers.items()
    }
    no_resolvers: tuple[tuple[str, re.Pattern[str]], ...] = ()

    def resolve(value: str, implicit: tuple[bool, bool]) -> str:
        if implicit[0]:
            for tag, pattern in table.get(value[:1], no_resolvers):
                if pattern.match(value):
                    return tag
        return _STR_TAG

    return resolve


def _event_mark(event: Any) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


def error_mark(exc: yaml.MarkedYAMLError) -> Mark:
    mark = exc.problem_mark or exc.context_mark
    return Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)


def parse(text: str) -> Source:
    """Read ``text`` into plain Python data with positions.

    Raises ``yaml.MarkedYAMLError`` for syntax errors and ``LimitExceeded`` when
    the document crosses a limit; every structural problem (duplicate keys,
    refused tags, non-string keys) is collected in ``Source.problems`` so that
    one run reports all of them.
    """
    return _parse(text, _Loader)


def _parse(text: str, loader_class: type) -> Source:
    source = Source(data=None)
    loader = loader_class(text)
    try:
        document = _Document(loader)
    finally:
        loader.dispose()
    source.data = document.data(source)
    return source


def _convert_scalar(value: str, full_tag: str, mark: Mark, path: Path, source: Source) -> Any:
    tag = full_tag.removeprefix(_CORE_TAG)
    if tag == "str":
        return value
    # An explicit tag (``!!bool yes``, ``!!float nan``) must be written as the core schema
    # writes that type: Python's own parsers would accept far more ("1_000", "inf").
    if not any(re.fullmatch(_CORE_PATTERNS[kind], value) for kind in _WRITTEN_AS.get(tag, ())):
        source.problems.append(SourceProblem(mark, path, f"not a valid {tag}: {quote(value)}"))
        return None
    try:
        if tag == "bool":
            return value.lower() == "true"
        if tag == "int":
            return int(value)
        if tag == "float":
            return float(value)
        if tag == "timestamp":
            return dt.date.fromisoformat(value)
    except ValueError:  # a date that does not exist, an integer of more than 4,300 digits
        source.problems.append(SourceProblem(mark, path, f"not a valid {tag}: {quote(value)}"))
    return None


_CORE_PATTERNS = {tag: pattern for tag, pattern, _ in _CORE_RESOLVERS}
_WRITTEN_AS = {
    "bool": ("bool",),
    "int": ("int",),
    "float": ("float", "int"),
    "null": ("null",),
    "timestamp": ("timestamp",),
}
"""The core-schema patterns a scalar with each explicit tag may match."""
