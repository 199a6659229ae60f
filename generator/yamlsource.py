"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` loses positions, silently keeps the last of two
duplicate keys and follows YAML 1.1, where ``21:00`` is the integer 1260 and
``no`` is ``False``. Content files are written by people who are not YAML
experts, so this module composes the node graph, refuses anything but plain
mappings, sequences and scalars, and resolves scalars with the much smaller
YAML 1.2 core rules (``true``/``false``, decimal numbers, ISO dates).
Each value's position is recorded under its key path so that later stages
(pydantic validation, date checks) can point at the exact line and column.

Composing is bounded (``generator.limits``): nesting depth, the number of
aliases and the size of the document, all three as if every alias were written
out, are counted event by event while the node graph is built, so a "billion
laughs" file, a million nested brackets or a chain of anchors that each nest
the last is refused at the event that crosses a limit, before anything is
expanded or recursed into.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, Event, ScalarEvent

from generator.limits import MAX_ALIASES, MAX_DEPTH, MAX_EXPANDED_CHARS, MAX_NODES

Path = tuple[str | int, ...]

_CORE_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    f"{_CORE_TAG}{name}"
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
}


class Mark(NamedTuple):
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class SourceProblem:
    """A problem found while reading, before any schema is applied."""

    mark: Mark
    path: Path
    message: str


class LimitExceeded(Exception):
    """The document crossed one of ``generator.limits`` while being composed.

    Unlike the problems collected in ``Source.problems``, this stops reading at
    once: going on is exactly the unbounded work the limit exists to prevent.
    """

    def __init__(self, problem: SourceProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _BoundedComposer(Composer):
    """PyYAML's composer, counting as it goes: depth, aliases and the expanded size.

    The expanded size (values and characters of text, as if every alias were
    written out) is a running total: a node adds one value and its text, an
    alias adds the expanded size of the node it names, which is known because
    that node was finished before (an alias inside its own anchor counts one,
    and ``parse`` refuses it). Likewise the depth an alias reaches is its own
    level plus the height of the node it names: otherwise anchors that each
    nest the one before would build any depth from a few short lines. So every
    limit is checked at the event that crosses it, and the graph itself never
    grows beyond the file.
    """

    peek_event: Callable[[], Event]  # from the parser the composer is mixed with

    def __init__(self) -> None:
        Composer.__init__(self)  # explicitly: in the pure-Python loader, super() is SafeLoader
        self._path: list[str | int | None] = []  # None: the root, or a key being composed
        self._aliases = 0
        self._nodes = 0
        self._chars = 0
        self._deepest = 0  # the deepest level reached inside the node being composed
        # anchored node (by id) → its expanded values, characters of text and height
        self._expanded: dict[int, tuple[int, int, int]] = {}

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        path = self._path
        path.append(_step(index))
        level = len(path)  # of this node: the root, inside no collection, is level 1
        try:
            if isinstance(event, AliasEvent):
                self._aliases += 1
                if self._aliases > MAX_ALIASES:
                    raise self._limit(event, f"more than {MAX_ALIASES:,} aliases in one file")
                node = super().compose_node(parent, index)
                nodes, chars, height = self._expanded.get(id(node), (1, 0, 1))
                reach = level + height - 1
                if reach > MAX_DEPTH + 1:
                    message = f"nested more than {MAX_DEPTH} levels deep (with aliases expanded)"
                    raise self._limit(event, message)
                self._deepest = max(self._deepest, reach)
                self._count(event, nodes, chars)
                return node
            if level > MAX_DEPTH + 1:
                raise self._limit(event, f"nested more than {MAX_DEPTH} levels deep")
            nodes, chars, deepest = self._nodes, self._chars, self._deepest
            self._deepest = level
            self._count(event, 1, len(event.value) if isinstance(event, ScalarEvent) else 0)
            node = super().compose_node(parent, index)
            if event.anchor is not None:  # type: ignore[attr-defined]  # every node event has one
                height = self._deepest - level + 1
                self._expanded[id(node)] = (self._nodes - nodes, self._chars - chars, height)
            self._deepest = max(deepest, self._deepest)
            return node
        finally:
            path.pop()

    def _count(self, event: Event, nodes: int, chars: int) -> None:
        self._nodes += nodes
        self._chars += chars
        if self._nodes > MAX_NODES:
            raise self._limit(
                event, f"more than {MAX_NODES:,} values in one file (with aliases expanded)"
            )
        if self._chars > MAX_EXPANDED_CHARS:
            raise self._limit(
                event,
                f"more than {MAX_EXPANDED_CHARS:,} characters of text in one file "
                "(with aliases expanded)",
            )

    def _limit(self, event: Event, message: str) -> LimitExceeded:
        start = event.start_mark
        mark = Mark(start.line + 1, start.column + 1) if start else Mark(1, 1)
        path = tuple(step for step in self._path if step is not None)
        return LimitExceeded(SourceProblem(mark, path, message))


def _step(index: Any) -> str | int | None:
    """The key path step of a node composed at ``index`` (as the composer names it)."""
    if isinstance(index, int):
        return index
    if isinstance(index, yaml.ScalarNode):  # the key of a mapping value
        return str(index.value)
    return None  # the root, a key itself, or a value under a key that is not text


_CORE_RESOLVERS = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ("~", "n", "N", "")),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
)


def _core_loader(base: type) -> type:
    """A loader on ``base`` (LibYAML's or the pure-Python safe loader) that composes with
    ``_BoundedComposer`` and resolves implicit scalars by the YAML 1.2 core schema (plus
    dates); only its events and nodes are used, never its Python-object constructor."""

    class Loader(_BoundedComposer, base):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            base.__init__(self, stream)  # type: ignore[misc]
            _BoundedComposer.__init__(self)

    Loader.yaml_implicit_resolvers = {}
    for tag, pattern, first in _CORE_RESOLVERS:
        Loader.add_implicit_resolver(f"{_CORE_TAG}{tag}", re.compile(pattern), list(first))
    return Loader


# LibYAML's C parser where it is installed, else PyYAML's own: both give the same events
# and positions. Composing is always PyYAML's Python composer, bounded above.
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


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def error_mark(exc: yaml.MarkedYAMLError) -> Mark:
    mark = exc.problem_mark or exc.context_mark
    return Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)


def parse(text: str) -> Source:
    """Compose ``text`` and convert it to plain Python data with positions.

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
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is not None:
        source.data = _convert(node, (), source, set())
    return source


def _convert(node: yaml.Node, path: Path, source: Source, active: set[int]) -> Any:
    if path not in source.marks:  # an alias expanded again keeps its first position
        source.marks[path] = _mark(node)
    if node.tag not in _ALLOWED_TAGS:
        source.problems.append(
            SourceProblem(
                _mark(node), path, f"YAML tag {quote(node.tag)} is not allowed in content"
            )
        )
        return None
    if id(node) in active:  # an alias that contains itself would recurse for ever
        source.problems.append(SourceProblem(_mark(node), path, "recursive YAML alias"))
        return None
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, path, source, active | {id(node)})
    if isinstance(node, yaml.SequenceNode):
        inner = active | {id(node)}
        return [_convert(item, (*path, i), source, inner) for i, item in enumerate(node.value)]
    return _convert_scalar(node, path, source)


def _convert_mapping(
    node: yaml.MappingNode, path: Path, source: Source, active: set[int]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, path, source, active) if key_node.tag in _ALLOWED_TAGS else None
        if not isinstance(key, str):
            # a scalar key is quoted as written, a list or mapping as read (not as nodes)
            shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else key
            message = f"keys must be text, got {quote(shown)}"
            source.problems.append(SourceProblem(_mark(key_node), path, message))
            continue
        child = (*path, key)
        if key in result:
            first = source.key_marks[child]
            source.problems.append(
                SourceProblem(
                    _mark(key_node),
                    child,
                    f"duplicate key {quote(key)} (first defined on line {first.line})",
                )
            )
            continue
        source.key_marks[child] = _mark(key_node)
        result[key] = _convert(value_node, child, source, active)
    return result


def _convert_scalar(node: yaml.Node, path: Path, source: Source) -> Any:
    value = node.value
    tag = node.tag.removeprefix(_CORE_TAG)
    if tag == "str":
        return value
    # An explicit tag (``!!bool yes``, ``!!float nan``) must be written as the core schema
    # writes that type: Python's own parsers would accept far more ("1_000", "inf").
    if not any(re.fullmatch(_CORE_PATTERNS[kind], value) for kind in _WRITTEN_AS.get(tag, ())):
        source.problems.append(
            SourceProblem(_mark(node), path, f"not a valid {tag}: {quote(value)}")
        )
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
        source.problems.append(
            SourceProblem(_mark(node), path, f"not a valid {tag}: {quote(value)}")
        )
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
