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
import itertools
import re
from collections import Counter
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


class Continuation(NamedTuple):
    """Where a plain (unquoted) scalar written over several lines continues.

    YAML joins such lines with spaces and gives no error, so a list item or a key
    indented one space off below a text becomes part of that text; which values may
    not run over lines is the model's to say (``model.Line``).
    """

    line: int
    """The first line (1-based) the text continues onto."""
    item: bool
    """Whether that line starts with ``- ``, as a list item does."""


@dataclass
class Source:
    """A parsed YAML document: plain data plus the position of every key path."""

    data: Any
    marks: dict[Path, Mark] = field(default_factory=dict)
    key_marks: dict[Path, Mark] = field(default_factory=dict)
    problems: list[SourceProblem] = field(default_factory=list)
    continued: dict[Path, Continuation] = field(default_factory=dict)
    """The key paths of text values written as plain scalars over several lines."""

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


def syntax_error(error: yaml.MarkedYAMLError, text: str) -> tuple[Mark, str]:
    """Where the syntax error ``error`` in ``text`` is, and what it is, in one line.

    One common mistake is placed where it was made rather than where the parser
    stopped: keys of one mapping that start in different columns (``_misaligned_key``).
    """
    if str(error.problem).startswith(_MISALIGNED_KEY_ERRORS) and error.problem_mark:
        found = _misaligned_key(_LINE_BREAK.split(text), error.problem_mark.line)
        if found is not None:
            return found
    mark = error.problem_mark or error.context_mark
    message = str(error.problem or error.context)
    if error.problem and error.context and error.context_mark:
        message += f" ({error.context} that starts on line {error.context_mark.line + 1})"
    where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    return where, f"YAML syntax error: {message}"


_MISALIGNED_KEY_ERRORS = (
    "mapping values are not allowed",  # after a plain value (LibYAML adds "in this context")
    "did not find expected key",  # after any other value, in LibYAML's words
    "expected <block end>, but found '<block mapping start>'",  # in PyYAML's
)
_KEY_LINE = re.compile(
    r"(?P<indent> *)(?P<dash>(?:- +)*)(?P<key>[^\s#-][^#]*?):"
    r"(?:[ \t]+(?:(?P<value>[^\s#].*)|#.*)?)?$"
)
"""A line that starts a key (``name: value``), perhaps as a list item (``- name: value``)."""


def _misaligned_key(lines: list[str], stop: int) -> tuple[Mark, str] | None:
    """The key at fault when the parser stops on line ``stop`` (0-based) because the key
    there and the key above it, of one mapping, start in different columns.

    The parser stops on the second key, where a key further right reads as more of
    the value above. But when the first key of a mapping is the one out of line (one
    space dedented, say), the mistake is on the line above. So the first key is
    named when it is the first of its mapping and the key after the two lines up with
    the second; the second key is named when the key after lines up with the first, or
    the first is a list item's (its column set by the dash). With no key after to
    tell, the one that is off the file's usual indentation step is named. None when
    the lines are not of this shape.
    """

    def content(index: int, step: int) -> int | None:
        """The nearest line from ``index`` on (or back) that is not blank or a comment."""
        while 0 <= index < len(lines):
            text = lines[index].lstrip(" \t")
            if text and not text.startswith("#"):
                return index
            index += step
        return None

    def column(index: int) -> int:
        """Where the line's key starts (after any list dashes), or its text."""
        match = _KEY_LINE.match(lines[index])
        if match is not None:
            return len(match["indent"]) + len(match["dash"])
        return len(lines[index]) - len(lines[index].lstrip(" "))

    here = _KEY_LINE.match(lines[stop]) if stop < len(lines) else None
    above_at = content(stop - 1, -1)
    if here is None or here["dash"] or above_at is None:
        return None
    above = _KEY_LINE.match(lines[above_at])
    if above is None or column(above_at) == column(stop):
        return None
    if column(stop) > column(above_at) and above["value"] is None:
        return None  # a key inside the first one's value: not this mistake
    parent_at = content(above_at - 1, -1)
    outer = column(parent_at) if parent_at is not None else -1
    if column(stop) <= outer:
        return None  # the second key belongs to a mapping further out: not this mistake
    below_at = content(stop + 1, 1)
    while below_at is not None and column(below_at) > column(stop):
        below_at = content(below_at + 1, 1)  # inside the value of the key stopped on
    below = column(below_at) if below_at is not None else None
    if above["dash"] or outer >= column(above_at) or below == column(above_at):
        first_at_fault = False
    elif below == column(stop):
        first_at_fault = True
    else:
        usual = 0 if parent_at is None else outer + _indent_step(lines)
        first_at_fault = not (column(above_at) == usual != column(stop))
    name, first = quote(here["key"]), quote(above["key"])
    if first_at_fault:
        return Mark(above_at + 1, column(above_at) + 1), (
            f"YAML syntax error: the key {first} starts in column {column(above_at) + 1}, but "
            f"the key below it, {name} (line {stop + 1}), in column {column(stop) + 1}: "
            "keys of one mapping must start in the same column"
        )
    return Mark(stop + 1, column(stop) + 1), (
        f"YAML syntax error: the key {name} starts in column {column(stop) + 1}, but the "
        f"key above it, {first} (line {above_at + 1}), in column {column(above_at) + 1}: "
        "keys of one mapping must start in the same column"
    )


def _indent_step(lines: list[str]) -> int:
    """How far the file usually indents a key's block under it (2 if it never does)."""
    steps: Counter[int] = Counter()
    for line, after in itertools.pairwise(lines):
        key = _KEY_LINE.match(line)
        if key is not None and key["value"] is None and after.strip(" \t"):
            step = len(after) - len(after.lstrip(" ")) - len(key["indent"]) - len(key["dash"])
            if step > 0:
                steps[step] += 1
    return steps.most_common(1)[0][0] if steps else 2


def parse(text: str) -> Source:
    """Compose ``text`` and convert it to plain Python data with positions.

    Raises ``yaml.MarkedYAMLError`` for syntax errors (``syntax_error`` words
    them) and ``LimitExceeded`` when the document crosses a limit; every
    structural problem (duplicate keys, refused tags, non-string keys) is
    collected in ``Source.problems`` so that one run reports all of them.
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
        source.data = _Converter(source, text).value(node, (), set())
    return source


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as a line break (YAML 1.1, which both parsers follow)."""


class _Converter:
    """The node graph as plain data, its positions and problems recorded in ``source``."""

    def __init__(self, source: Source, text: str) -> None:
        self.source = source
        self.text = text
        self._lines: list[str] | None = None  # split only if a plain text runs over lines

    def value(self, node: yaml.Node, path: Path, active: set[int]) -> Any:
        source = self.source
        if path not in source.marks:  # an alias expanded again keeps its first position
            source.marks[path] = _mark(node)
        if node.tag not in _ALLOWED_TAGS:
            message = f"YAML tag {quote(node.tag)} is not allowed in content"
            source.problems.append(SourceProblem(_mark(node), path, message))
            return None
        if id(node) in active:  # an alias that contains itself would recurse for ever
            source.problems.append(SourceProblem(_mark(node), path, "recursive YAML alias"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, active | {id(node)})
        if isinstance(node, yaml.SequenceNode):
            inner = active | {id(node)}
            return [self.value(item, (*path, i), inner) for i, item in enumerate(node.value)]
        plain = isinstance(node, yaml.ScalarNode) and not node.style  # LibYAML: "", else None
        if plain and node.end_mark.line > node.start_mark.line:
            source.continued[path] = self._continuation(node)
        return _convert_scalar(node, path, source)

    def _mapping(self, node: yaml.MappingNode, path: Path, active: set[int]) -> dict[str, Any]:
        source = self.source
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag not in _ALLOWED_TAGS:
                key = None
            elif isinstance(key_node, yaml.ScalarNode):  # the usual case: text
                key = _convert_scalar(key_node, path, source)
            else:
                key = self.value(key_node, path, active)
            if not isinstance(key, str):
                # a scalar key is quoted as written, a list or mapping as read (not as nodes)
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else key
                message = f"keys must be text, got {quote(shown)}"
                source.problems.append(SourceProblem(_mark(key_node), path, message))
                continue
            child = (*path, key)
            if key in result:
                first = source.key_marks[child]
                message = f"duplicate key {quote(key)} (first defined on line {first.line})"
                source.problems.append(SourceProblem(_mark(key_node), child, message))
                continue
            source.key_marks[child] = _mark(key_node)
            result[key] = self.value(value_node, child, active)
        return result

    def _continuation(self, node: yaml.Node) -> Continuation:
        """The first line after its first that a plain scalar continues onto (blank lines
        inside it are read as line breaks, not as text)."""
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        lines = self._lines
        for number in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(lines))):
            rest = lines[number].lstrip(" \t")
            if rest:
                return Continuation(number + 1, rest == "-" or rest.startswith(("- ", "-\t")))
        return Continuation(node.start_mark.line + 2, item=False)


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
