"""JSON content files → data, keeping where each key and value starts, or a located error.

The JSON counterpart of ``yamlsource``: member files of the team board
(``generator.team``) come from pull requests, so reading one must never hang, exhaust
memory or end in a traceback, and every problem must name its line and column.
Python's ``json`` module reports a syntax error's position but keeps no positions of the
data it returns, resolves a key written twice to its last value in silence, recurses on
nesting and accepts ``NaN``. Here, nesting is counted before the parser sees the text,
duplicate keys and non-standard constants are refused with their places, and the
positions of keys and values are found on demand, by a walk over text already known to be
valid JSON, when a later check (the schema, the ids) needs to locate a problem.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator import loader
from generator.errors import ContentError, ContentProblem
from generator.yamlsource import Path

MAX_DIGITS = 20
"""Digits of a whole number: more than any count a content file holds (2**64 has 20)."""

_BRACKETS = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[\[\]{}]')
"""Strings (so that brackets inside them are skipped; an unterminated one ends at its
line, as JSON strings cannot hold a line break) and brackets."""
_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = json.JSONDecoder()
"""Reads one JSON string at a given offset (``raw_decode``), for keys and string values."""
_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null|-?Infinity|NaN")


@dataclass
class Source:
    """A JSON text and its data; where each key and value starts is found on demand (only a
    file with problems pays for it), and duplicate keys, which JSON parsers silently
    resolve to the last, are listed with their places."""

    text: str
    data: Any
    _values: dict[Path, int] | None = None
    _keys: dict[Path, int] = field(default_factory=dict)
    _duplicates: list[tuple[Path, int, int]] = field(default_factory=list)
    _lines: list[int] | None = None

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``path`` (its key with ``key``), or of the
        nearest enclosing one that exists (a missing key: the object that lacks it)."""
        values = self._index()
        for end in range(len(path), -1, -1):
            part = tuple(path[:end])
            offset = self._keys.get(part) if key and end == len(path) else None
            if offset is None:
                offset = values.get(part)
            if offset is not None:
                return self.position(offset)
        return 1, 1

    def duplicates(self) -> list[tuple[Path, int, int]]:
        """Each key written again in its object, with the offsets of the repeat and of the
        key's first writing."""
        self._index()
        return list(self._duplicates)

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based, in characters, as ``json`` counts them) of ``offset``."""
        if self._lines is None:
            self._lines = [0] + [match.end() for match in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1

    def _index(self) -> dict[Path, int]:
        if self._values is None:
            self._values = {}
            self._walk(0, ())
        return self._values

    def _walk(self, at: int, path: Path) -> int:
        """Record the value starting at or after ``at``; return the offset after it. The
        text is known to be JSON no deeper than the limit, so recursion is bounded."""
        text = self.text
        at = _skip_space(text, at)
        assert self._values is not None
        self._values[path] = at
        opener = text[at]
        if opener in "{[":
            closer, at, index = "}" if opener == "{" else "]", at + 1, 0
            seen: dict[str, int] = {}
            while True:
                at = _skip_space(text, at)
                if text[at] == closer:
                    return at + 1
                if text[at] == ",":
                    at = _skip_space(text, at + 1)
                if opener == "[":
                    at = self._walk(at, (*path, index))
                    index += 1
                    continue
                name, after = _STRING.raw_decode(text, at)
                inner = (*path, name)
                if name in seen:
                    self._duplicates.append((inner, at, seen[name]))
                seen.setdefault(name, at)
                self._keys[inner] = at
                colon = _skip_space(text, after)
                at = self._walk(colon + 1, inner)
        if opener == '"':
            return int(_STRING.raw_decode(text, at)[1])
        scalar = _SCALAR.match(text, at)
        return scalar.end() if scalar else at + 1


def _skip_space(text: str, at: int) -> int:
    space = _SPACE.match(text, at)
    return space.end() if space else at


def parse(raw: bytes, name: str, *, max_depth: int, depth_note: str = "") -> Source:
    """The JSON of ``raw``, or a located ContentError: not UTF-8, nested deeper than
    ``max_depth`` arrays and objects (counted before parsing; ``depth_note`` says what the
    format needs), not JSON, a non-standard constant, or a key written twice."""
    text = loader.decode(raw, name)
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                line, column = Source(text, None).position(match.start())
                message = f"nested more than {max_depth} deep (arrays and objects){depth_note}"
                raise ContentError([ContentProblem(name, line, column, "", message)])
        elif token in "]}":
            depth -= 1
    repeated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        made = dict(items)
        repeated = repeated or len(made) != len(items)
        return made

    try:
        data = json.loads(
            text, object_pairs_hook=pairs, parse_constant=_refuse_constant, parse_int=_integer
        )
    except json.JSONDecodeError as error:
        message = f"not JSON: {error.msg}"
        raise ContentError([ContentProblem(name, error.lineno, error.colno, "", message)]) from None
    except _Refused as error:
        found = re.search(error.where, text)
        line, column = Source(text, None).position(found.start() if found else 0)
        raise ContentError([ContentProblem(name, line, column, "", str(error))]) from None
    source = Source(text, data)
    if repeated:
        problems = []
        for path, offset, first in source.duplicates():
            line, column = source.position(offset)
            message = (
                f"duplicate key {path[-1]!r} (first defined on line {source.position(first)[0]})"
            )
            problems.append(ContentProblem(name, line, column, loader.format_path(path), message))
        raise ContentError(problems)
    return source


class _Refused(ValueError):
    """A value the JSON parser reads but content cannot hold; ``where`` finds it in the text."""

    def __init__(self, message: str, where: str) -> None:
        super().__init__(message)
        self.where = where


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"not JSON: {name} is not a number", rf"(?<![\w\"]){name}(?![\w\"])")


def _integer(digits: str) -> int:
    """A whole number, refused when longer than any count or version (Python converts long
    digit strings in quadratic time, and refuses over 4,300 digits with a traceback)."""
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _Refused(
            f"a number of {len(digits):,} digits is too long", f"[0-9]{{{MAX_DIGITS + 1}}}"
        )
    return int(digits)
