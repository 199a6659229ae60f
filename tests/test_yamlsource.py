"""The YAML reader: core-schema scalars, positions, and structural refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.yamlsource import Mark, parse


def test_scalars_follow_the_yaml_1_2_core_schema() -> None:
    source = parse('a: 21:00\nb: no\nc: true\nd: 2026-01-19\ne: 12\nf: 1.5\ng: ~\nh: "x"\n')
    assert source.data == {
        "a": "21:00",  # YAML 1.1 would read 1260
        "b": "no",  # YAML 1.1 would read False
        "c": True,
        "d": dt.date(2026, 1, 19),
        "e": 12,
        "f": 1.5,
        "g": None,
        "h": "x",
    }
    assert source.problems == []


def test_positions_are_recorded_per_key_path() -> None:
    source = parse("title: A\nweeks:\n  - number: 1\n    title: B\n")
    assert source.marks[("weeks", 0, "title")] == Mark(4, 12)
    assert source.key_marks[("weeks", 0, "title")] == Mark(4, 5)
    assert source.locate(("weeks", 0, "missing")) == (("weeks", 0), Mark(3, 5))


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    source = parse("a: 1\nb: 2\na: 3\n")
    assert source.data == {"a": 1, "b": 2}
    [problem] = source.problems
    assert problem.mark == Mark(3, 1)
    assert problem.message == "duplicate key 'a' (first defined on line 1)"


def test_python_tags_are_refused_and_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    source = parse(f'x: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists()
    assert source.data == {"x": None}
    assert "is not allowed in content" in source.problems[0].message


def test_syntax_errors_raise_with_the_parser_mark() -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        parse("a: [1, 2\n")
    assert caught.value.problem_mark is not None


def test_self_referencing_alias_does_not_recurse_for_ever() -> None:
    source = parse("a: &x [*x]\n")
    assert any("recursive" in p.message for p in source.problems)
