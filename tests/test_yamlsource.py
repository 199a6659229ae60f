"""The YAML reader: core-schema scalars, positions, and structural refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator import yamlsource
from generator.limits import MAX_ALIASES, MAX_DEPTH, MAX_NODES
from generator.yamlsource import LimitExceeded, Mark, SourceProblem, parse
from tests.conftest import ROOT


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


# Limits (generator/limits.py): a document exactly at a limit reads, one more is refused
# while composing, with the position and key path where it crossed; LibYAML's parser and
# the pure-Python one (used where LibYAML is missing) behave the same.
LOADERS = [
    pytest.param(yamlsource._Loader, id="libyaml"),
    pytest.param(yamlsource._PythonLoader, id="python"),
]


def nested(depth: int) -> str:
    """A document whose innermost value sits inside ``depth`` collections (the root too)."""
    return "a: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n"


@pytest.mark.parametrize("loader", LOADERS)
def test_nesting_up_to_the_limit_reads(loader: type) -> None:
    source = yamlsource._parse(nested(MAX_DEPTH), loader)
    assert source.problems == []


@pytest.mark.parametrize("loader", LOADERS)
def test_nesting_past_the_limit_stops_where_it_crosses(loader: type) -> None:
    with pytest.raises(LimitExceeded) as caught:
        yamlsource._parse(nested(MAX_DEPTH + 1), loader)
    # The value refused is the "x" inside 33 collections, after "a: " and 32 brackets.
    assert caught.value.problem == SourceProblem(
        Mark(1, 4 + MAX_DEPTH), ("a", *[0] * MAX_DEPTH), "nested more than 32 levels deep"
    )


@pytest.mark.parametrize("loader", LOADERS)
def test_aliases_up_to_the_limit_read(loader: type) -> None:
    text = "x: &x a\ny: [" + ", ".join(["*x"] * MAX_ALIASES) + "]\n"
    assert yamlsource._parse(text, loader).data["y"] == ["a"] * MAX_ALIASES


@pytest.mark.parametrize("loader", LOADERS)
def test_one_alias_more_is_refused(loader: type) -> None:
    text = "x: &x a\ny: [" + ", ".join(["*x"] * (MAX_ALIASES + 1)) + "]\n"
    with pytest.raises(LimitExceeded, match="more than 1,000 aliases") as caught:
        yamlsource._parse(text, loader)
    assert caught.value.problem.path == ("y", MAX_ALIASES)


@pytest.mark.parametrize("loader", LOADERS)
def test_values_up_to_the_limit_read_and_one_more_is_refused(loader: type) -> None:
    # The root mapping, key and list are three values; the items make up the rest.
    items = MAX_NODES - 3
    assert len(yamlsource._parse(f"a: [{','.join(['1'] * items)}]", loader).data["a"]) == items
    with pytest.raises(LimitExceeded, match="more than 50,000 values") as caught:
        yamlsource._parse(f"a: [{','.join(['1'] * (items + 1))}]", loader)
    assert caught.value.problem.path == ("a", items)


def test_expanded_size_counts_every_use_of_an_anchor() -> None:
    # 65 values around 818 uses of a list of 61 values: 49,963, and one use more crosses.
    base = "x: &x [" + ",".join(["1"] * 60) + "]\n"
    uses = (MAX_NODES - 65) // 61
    assert len(parse(base + "y: [" + ",".join(["*x"] * uses) + "]\n").data["y"]) == uses
    with pytest.raises(LimitExceeded):
        parse(base + "y: [" + ",".join(["*x"] * (uses + 1)) + "]\n")


@pytest.mark.parametrize("loader", LOADERS)
def test_nesting_counts_aliases_expanded(loader: type) -> None:
    """Anchors that each nest the one before build any depth from a few lines: the depth
    an alias reaches is its own plus the height of what it names."""

    def chain(links: int) -> str:
        lines = ["a0: &a0 x"]
        lines += [f"a{k}: &a{k} [*a{k - 1}]" for k in range(1, links + 1)]
        return "\n".join(lines) + "\n"

    # a31 is a list at level 2 around 30 more lists around "x": inside 32 collections
    assert yamlsource._parse(chain(MAX_DEPTH - 1), loader).problems == []
    with pytest.raises(LimitExceeded, match="32 levels deep \\(with aliases expanded\\)") as caught:
        yamlsource._parse(chain(MAX_DEPTH), loader)
    assert caught.value.problem.path == (f"a{MAX_DEPTH}", 0)
    assert caught.value.problem.mark == Mark(MAX_DEPTH + 1, 12)  # the alias "*a31"


def test_a_recursive_alias_does_not_count_as_an_expansion() -> None:
    source = parse("a: &x [1, *x, *x]\nb: *x\n")
    assert source.data == {"a": [1, None, None], "b": [1, None, None]}
    assert [p.message for p in source.problems] == ["recursive YAML alias"] * 4


def test_limits_keep_positions_and_scalars_identical_to_libyaml() -> None:
    text = (ROOT / "content" / "roadmaps" / "backend-2026.yaml").read_text(encoding="utf-8")
    assert yamlsource._parse(text, yamlsource._PythonLoader) == parse(text)


def test_explicit_tags_accept_only_what_the_core_schema_writes() -> None:
    source = parse(
        "a: !!bool yes\nb: !!float nan\nc: !!int 1_000\nd: !!null x\ne: !!timestamp 2026-W04-1\n"
        "f: !!float 1\ng: !!int 12\nh: !!timestamp 2026-02-30\ni: !!str 12\nj: !!map x\n"
    )
    assert source.data == dict.fromkeys("abcdehj") | {"f": 1.0, "g": 12, "i": "12"}
    assert [(p.path, p.message) for p in source.problems] == [
        (("a",), "not a valid bool: 'yes'"),
        (("b",), "not a valid float: 'nan'"),
        (("c",), "not a valid int: '1_000'"),
        (("d",), "not a valid null: 'x'"),
        (("e",), "not a valid timestamp: '2026-W04-1'"),
        (("h",), "not a valid timestamp: '2026-02-30'"),
        (("j",), "not a valid map: 'x'"),
    ]


def test_keys_that_are_not_text_are_quoted_as_written_or_as_read() -> None:
    source = parse("1: a\n[x, y]: b\n? {k: v}\n: c\n!!python/none z: d\nok: e\n")
    assert source.data == {"ok": "e"}
    assert [(p.mark, p.message) for p in source.problems] == [
        (Mark(1, 1), "keys must be text, got '1'"),
        (Mark(2, 1), "keys must be text, got ['x', 'y']"),
        (Mark(3, 3), "keys must be text, got {'k': 'v'}"),
        (Mark(5, 1), "keys must be text, got 'z'"),
    ]


# Plain text over several lines: YAML joins the lines with spaces and says nothing, so a
# misindented list item becomes part of the item above. The reader records where such text
# continues; which fields must be one line is the model's to say (tests/test_loader.py).
@pytest.mark.parametrize("loader", LOADERS)
def test_plain_text_over_several_lines_is_recorded_where_it_continues(loader: type) -> None:
    source = yamlsource._parse(
        "items:\n"
        "  - async python 2022+\n"
        "   - node.js async await 2022+\n"  # one space further: part of the item above
        "  - one line\n"
        "title: two\n"
        "\n"
        "  lines\n"  # after a blank line: the text goes on on line 7
        "flow: [a\n  b, c]\n"
        "folded: >\n  x\n  y\n"
        "literal: |\n  x\n  y\n"
        'quoted: "x\n  y"\n',
        loader,
    )
    assert source.data["items"] == ["async python 2022+ - node.js async await 2022+", "one line"]
    assert source.data["title"] == "two\nlines"
    assert source.continued == {
        ("items", 0): yamlsource.Continuation(3, item=True),
        ("title",): yamlsource.Continuation(7, item=False),
        ("flow", 0): yamlsource.Continuation(9, item=False),
    }


def syntax_error(text: str, loader: type) -> tuple[Mark, str]:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yamlsource._parse(text, loader)
    return yamlsource.syntax_error(caught.value, text)


WEEK = "week:\n  title: W\n  milestone:\n"


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("lines", "at", "first", "second"),
    [
        # the first key dedented by one space: the parser stops a line below, on 'date'
        (["   text: a", "    date: b"], Mark(4, 4), "'text' starts in column 4", "'date' (line 5)"),
        (['   text: "a"', "    date: b"], Mark(4, 4), "'text' starts in column 4", "'date'"),
        (["   text: a", "    date: b", "    other: c"], Mark(4, 4), "'text'", "'date'"),
        # the first key indented one space further: the parser also stops a line below
        (["     text: a", "    date: b", "    other: c"], Mark(4, 6), "'text'", "'date'"),
    ],
)
def test_a_mapping_whose_first_key_is_out_of_line_is_reported_on_that_key(
    loader: type, lines: list[str], at: Mark, first: str, second: str
) -> None:
    mark, message = syntax_error(WEEK + "\n".join(lines) + "\n", loader)
    assert mark == at
    assert message.startswith(f"YAML syntax error: the key {first}")
    assert f"the key below it, {second}" in message
    assert message.endswith("keys of one mapping must start in the same column")


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("lines", "at", "key"),
    [
        (["    text: a", "     date: b"], Mark(5, 6), "'date'"),  # one space further
        (["    text: a", "     date: b", "    other: c"], Mark(5, 6), "'date'"),  # 'other' agrees
        (["    text: a", "    date: b", "     other: c"], Mark(6, 6), "'other'"),  # not the first
    ],
)
def test_a_key_further_right_than_the_one_above_is_reported_on_itself(
    loader: type, lines: list[str], at: Mark, key: str
) -> None:
    mark, message = syntax_error(WEEK + "\n".join(lines) + "\n", loader)
    assert mark == at
    assert message.startswith(f"YAML syntax error: the key {key} starts in column 6, but the key")


@pytest.mark.parametrize("loader", LOADERS)
def test_a_list_items_next_key_further_right_is_reported_on_itself(loader: type) -> None:
    mark, message = syntax_error("items:\n  - number: 1\n     title: W\n", loader)
    assert mark == Mark(3, 6)
    assert "the key 'title' starts in column 6, but the key above it, 'number' (line 2)" in message


def test_other_syntax_errors_keep_the_parsers_words() -> None:
    mark, message = syntax_error("a: [1, 2\n", yamlsource._Loader)
    assert mark == Mark(2, 1)
    assert message.startswith("YAML syntax error: did not find expected ',' or ']'")
