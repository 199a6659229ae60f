"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` loses positions, silently keeps the last of two
duplicate keys and follows YAML 1.1, where ``21:00`` is the integer 1260 and
``no`` is ``False``. Content files are written by people who are not YAML
experts, so this module composes the node graph, refuses anything but plain
mappings, sequences and scalars, and resolves scalars with the much smaller
YAML 1.2 core rules (``true``/``false``, decimal numbers, ISO dates).
Each value's position is recorded under its key path so that later stages
(pydantic validation, date checks) can point at the exact line and column.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]

_CORE_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    f"{_CORE_TAG}{name}"
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
}


# LibYAML's C parser is about 10x faster than the pure-Python one on large roadmaps
# (measured in bench/); both give the same nodes and positions.
_SafeBase: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _CoreLoader(_SafeBase):  # type: ignore[misc]
    """Safe loader whose implicit scalar types follow the YAML 1.2 core schema (plus dates)."""


_CoreLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
):
    _CoreLoader.add_implicit_resolver(f"{_CORE_TAG}{_tag}", re.compile(_pattern), list(_first))


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class SourceProblem:
    """A problem found while reading, before any schema is applied."""

    mark: Mark
    path: Path
    message: str


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


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def error_mark(exc: yaml.MarkedYAMLError) -> Mark:
    mark = exc.problem_mark or exc.context_mark
    return Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)


def parse(text: str) -> Source:
    """Compose ``text`` and convert it to plain Python data with positions.

    Raises ``yaml.MarkedYAMLError`` for syntax errors; every structural problem
    (duplicate keys, refused tags, non-string keys) is collected in
    ``Source.problems`` so that one run reports all of them.
    """
    source = Source(data=None)
    node = yaml.compose(text, Loader=_CoreLoader)
    if node is not None:
        source.data = _convert(node, (), source, set())
    return source


def _convert(node: yaml.Node, path: Path, source: Source, active: set[int]) -> Any:
    source.marks.setdefault(path, _mark(node))
    if node.tag not in _ALLOWED_TAGS:
        source.problems.append(
            SourceProblem(_mark(node), path, f"YAML tag {node.tag!r} is not allowed in content")
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
            source.problems.append(
                SourceProblem(_mark(key_node), path, f"keys must be text, got {key_node.value!r}")
            )
            continue
        child = (*path, key)
        if key in result:
            first = source.key_marks[child]
            source.problems.append(
                SourceProblem(
                    _mark(key_node),
                    child,
                    f"duplicate key {key!r} (first defined on line {first.line})",
                )
            )
            continue
        source.key_marks[child] = _mark(key_node)
        result[key] = _convert(value_node, child, source, active)
    return result


def _convert_scalar(node: yaml.Node, path: Path, source: Source) -> Any:
    value = node.value
    tag = node.tag.removeprefix(_CORE_TAG)
    try:
        if tag == "bool":
            return value.lower() == "true"
        if tag == "int":
            return int(value)
        if tag == "float":
            return float(value)
        if tag == "null":
            return None
        if tag == "timestamp":
            return dt.date.fromisoformat(value)
    except ValueError:
        source.problems.append(SourceProblem(_mark(node), path, f"not a valid {tag}: {value!r}"))
        return None
    return value
