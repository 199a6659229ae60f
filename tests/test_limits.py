"""Every limit of generator/limits.py, crossed by the worst file of its kind.

Each crossing must be one ordinary located content error (exit 2, no traceback),
found before the work the limit bounds: the assertions check where reading
stopped (the position of the problem, bytes never read), never how long it took
(speed is measured by ``make bench``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import limits, loader
from generator.cli import main
from generator.errors import ContentError
from tests.conftest import ROOT

HEAD = "title: T\nslug: t\nstart: 2026-01-19\n"
ONE_WEEK = "months:\n  - title: M\n    weeks:\n      - number: 1\n        title: W\n"
VALID = HEAD + ONE_WEEK


def write(tmp_path: Path, text: str | bytes) -> Path:
    """A content folder under ``tmp_path`` whose one roadmap holds ``text``."""
    file = tmp_path / "roadmaps" / "x.yaml"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(text.encode() if isinstance(text, str) else text)
    return file


def refused(file: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The problems ``handbook check`` prints for the content folder holding ``file``."""
    assert main(["check", "--content", str(file.parent.parent)]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    lines = captured.err.splitlines()
    assert lines[-1].endswith("problem(s) found.")
    return lines[:-1]


def test_a_50_mb_file_is_refused_without_being_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    note = "  - " + "a" * 75 + "\n"
    file = write(tmp_path, VALID + "notes:\n" + note * (50 * 2**20 // len(note)))
    size = file.stat().st_size
    reads: list[int] = []
    real_read = os.read

    def counted_read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counted_read)
    assert refused(file, capsys) == [
        f"{file}:1:1: is {size:,} bytes; a roadmap file may be at most 2,097,152 bytes"
    ]
    assert reads == []


def test_a_file_that_grows_while_read_is_cut_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = write(tmp_path, VALID)
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> os.stat_result:  # as if it grew after fstat looked
        info = real_fstat(fd)
        with file.open("ab") as grow:
            grow.write(b"#" * (limits.MAX_FILE_BYTES + 1))
        return info

    monkeypatch.setattr(os, "fstat", stale_fstat)
    with pytest.raises(ContentError, match=r"is 2,097,\d+ bytes; a roadmap file may be"):
        loader.read_bounded(file, "x.yaml")


@pytest.mark.parametrize(
    ("nesting", "column"),
    [
        ("[" * 10**6 + "]" * 10**6, 40),  # a million nested flow lists (2 MB)
        ("{a: " * 400_000 + "b" + "}" * 400_000, 133),  # 400,000 nested flow mappings
    ],
    ids=["lists", "mappings"],
)
def test_a_million_nested_brackets_stop_inside_33_collections(
    nesting: str, column: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path, VALID + "notes: " + nesting + "\n")
    [problem] = refused(file, capsys)
    assert problem.startswith(f"{file}:9:{column}: notes")
    assert problem.endswith(": nested more than 32 levels deep")


def test_a_million_nested_block_lists_stop_inside_33_collections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path, VALID + "notes:\n" + "- " * 10**6 + "x\n")
    [problem] = refused(file, capsys)
    assert problem == f"{file}:10:65: notes{'[0]' * 32}: nested more than 32 levels deep"


def test_billion_laughs_stops_before_anything_is_expanded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    file = write(tmp_path, "\n".join(lines) + "\n" + VALID)
    # Levels 0-4 hold 12,350 values with their keys; line 6, the fifth level, adds 11,111
    # per alias: reading stopped at its fourth alias, and levels 6 to 9 (a billion values)
    # were never looked at.
    assert refused(file, capsys) == [
        f"{file}:6:25: a5[3]: more than 50,000 values in one file (with aliases expanded)"
    ]


def test_an_alias_of_a_long_text_counts_its_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "s: &s " + "x" * 900_000 + "\n"
    file = write(tmp_path, text + VALID + "notes: [" + ", ".join(["*s"] * 999) + "]\n")
    assert refused(file, capsys) == [
        f"{file}:10:13: notes[1]: more than 2,097,152 characters of text in one file "
        "(with aliases expanded)"
    ]


def test_more_than_a_thousand_aliases_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path, "x: &x a\n" + VALID + "notes: [" + ", ".join(["*x"] * 1001) + "]\n")
    column = len("notes: [") + 1000 * len("*x, ") + 1
    assert refused(file, capsys) == [
        f"{file}:10:{column}: notes[1000]: more than 1,000 aliases in one file"
    ]


def test_more_values_than_the_limit_are_refused_where_they_cross_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path, VALID + "notes: [" + ",".join(["n"] * limits.MAX_NODES) + "]\n")
    # 21 values come before the list's items: item 49,979 is the 50,001st value of the file.
    [problem] = refused(file, capsys)
    assert problem == (
        f"{file}:9:{len('notes: [') + 2 * 49_979 + 1}: notes[49979]: "
        "more than 50,000 values in one file (with aliases expanded)"
    )


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        (
            "        through: 999999999\n",
            "9:18: months[0].weeks[0].through: input should be less than or equal to 1040, "
            "got 999999999",
        ),
        (
            "        through: 27\n",
            "7:9: months[0].weeks[0]: weeks 1-27 span 27 weeks; a block spans at most 26",
        ),
        (
            "key_dates:\n  - {label: K, date: 2026-01-19, week: 1000000000}\n",
            "10:40: key_dates[0].week: input should be less than or equal to 1040, got 1000000000",
        ),
    ],
    ids=["through", "block", "key-date-week"],
)
def test_week_numbers_and_blocks_are_bounded(
    yaml_text: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path, VALID + yaml_text)
    assert refused(file, capsys) == [f"{file}:{expected}"]


def test_a_week_number_of_4000_digits_is_quoted_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path, VALID.replace("number: 1", "number: " + "9" * 4000))
    assert refused(file, capsys) == [
        f"{file}:7:17: months[0].weeks[0].number: input should be less than or equal to 1040, "
        f"got {'9' * 60}… (4,000 characters)"
    ]


@pytest.mark.parametrize(
    ("start", "extra", "expected"),
    [
        (
            "9999-12-27",
            "",
            "3:8: start: 9999-12-27 is outside the dates a handbook can use "
            "(1970-01-01 to 2199-12-31)",
        ),
        (
            "2026-01-19",
            "end: 9999-12-31\n",
            "9:6: end: 9999-12-31 is outside the dates a handbook can use "
            "(1970-01-01 to 2199-12-31)",
        ),
        (
            "2199-12-30",
            "",
            "7:17: months[0].weeks[0].number: week 1 would end on Sun 2200-01-05, after "
            "2199-12-31, the last date a handbook can use",
        ),
    ],
    ids=["start", "end", "computed"],
)
def test_dates_written_and_computed_are_bounded(
    start: str, extra: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write(tmp_path, VALID.replace("2026-01-19", start) + extra)
    assert refused(file, capsys) == [f"{file}:{expected}"]


def test_titles_and_text_have_a_length(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = write(tmp_path, VALID.replace("title: T", "title: " + "t" * 121) + "goal: " + "g" * 2001)
    assert refused(file, capsys) == [
        f"{file}:1:8: title: string should have at most 120 characters, "
        f"got '{'t' * 59}… (123 characters)",
        f"{file}:9:7: goal: string should have at most 2000 characters, "
        f"got '{'g' * 59}… (2,003 characters)",
    ]


def test_only_the_first_hundred_problems_of_a_file_are_described(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = "".join(f"        k{i}: 1\n" for i in range(1000))
    file = write(tmp_path, VALID + keys)
    problems = refused(file, capsys)
    assert len(problems) == 101
    assert sum("unknown key" in p for p in problems) == 100
    # The first problem not described (the 101st key) says how many more there are.
    assert problems[-1] == (
        f"{file}:109:9: 900 more problems in this file are not listed (only the first 100 are)"
    )


def test_the_largest_handbook_measured_stays_within_the_limits(tmp_path: Path) -> None:
    """The limits must stay above the benchmarks' 1,000-week handbook (and the real one,
    which the content tests load)."""
    from bench import synthetic

    [loaded] = loader.load_all(synthetic.write(tmp_path, 1000).parent.parent)
    assert len(loaded.plan.weeks) == 1000
    assert ROOT.joinpath("content").is_dir()


LONG = "x" * 1000
REPEATED = {
    "block": (
        "        through: 2\n        notes: [" + ", ".join([LONG] * 5) + "]\n",
        "7:9: months[0].weeks[0]: the block of weeks 1-2 holds 5,001 characters of text, "
        "which pages repeat; at most 5,000 are allowed",
    ),
    "project": (
        "    brief: b\n    deliverables: [" + ", ".join([LONG] * 5) + "]\n",
        "5:5: months[0]: the brief with its deliverables holds 5,001 characters of text, "
        "which pages repeat; at most 5,000 are allowed",
    ),
    "schedule": (
        "schedule:\n  timezone: UTC\n  days:\n    - name: D\n      days: [mon]\n      notes:\n"
        + "".join(f"        - text: {LONG}\n" for _ in range(5)),
        "10:3: schedule: the schedule holds 5,007 characters of text, which pages repeat; "
        "at most 5,000 are allowed",
    ),
}


@pytest.mark.parametrize("kind", sorted(REPEATED))
def test_text_that_pages_repeat_is_bounded(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A block's entry, a project's brief and the schedule are written out on many pages;
    each holds at most 5,000 characters, so one file cannot make gigabytes of pages."""
    yaml_text, expected = REPEATED[kind]
    if kind == "project":  # the brief belongs to the month, before its weeks
        text = VALID.replace("    weeks:\n", yaml_text + "    weeks:\n")
    else:
        text = VALID + yaml_text
    file = write(tmp_path, text)
    assert refused(file, capsys) == [f"{file}:{expected}"]
