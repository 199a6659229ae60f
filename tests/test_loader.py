"""Loading content: every kind of bad input gives located messages, all at once."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import ContentError
from generator.loader import load_all, load_file
from tests.conftest import FIXTURES, ROOT

BAD = FIXTURES / "bad"


def messages(name: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_file(BAD.relative_to(ROOT) / name)
    return [str(problem) for problem in caught.value.problems]


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


EXPECTED = {
    "syntax.yaml": [
        "tests/fixtures/bad/syntax.yaml:8:1: YAML syntax error: did not find expected ',' "
        "or '}' (while parsing a flow mapping that starts on line 7)"
    ],
    "duplicate_key.yaml": [
        "tests/fixtures/bad/duplicate_key.yaml:9:9: months[0].weeks[0].title: "
        "duplicate key 'title' (first defined on line 8)"
    ],
    "unknown_key.yaml": [
        "tests/fixtures/bad/unknown_key.yaml:7:9: months[0].weeks[0].title: "
        "missing required key 'title'",
        "tests/fixtures/bad/unknown_key.yaml:8:9: months[0].weeks[0].titel: "
        "unknown key 'titel' (did you mean 'title'?); allowed keys: beginner_task, build, "
        "deliverable, end, enterprise_task, guidance, milestone, notes, number, optional, "
        "start, summary, through, title, topics, youtube",
    ],
    "wrong_type.yaml": [
        "tests/fixtures/bad/wrong_type.yaml:7:17: months[0].weeks[0].number: input should be "
        "a valid integer, unable to parse string as an integer, got 'one'",
        "tests/fixtures/bad/wrong_type.yaml:9:19: months[0].weeks[0].optional: input should "
        "be a valid boolean, unable to interpret input, got 'maybe'",
    ],
    "not_monday.yaml": [
        "tests/fixtures/bad/not_monday.yaml:3:8: start: 2026-01-20 is a Tuesday, "
        "but a roadmap starts on a Monday"
    ],
    "dates.yaml": [
        "tests/fixtures/bad/dates.yaml:9:13: months[0].deadline.date: deadline (the last "
        "Sunday of week 3) is Sat 2026-02-07, but the calendar says Sun 2026-02-08",
        "tests/fixtures/bad/dates.yaml:13:16: months[0].weeks[0].start: week 1 start is "
        "Tue 2026-01-20, but the calendar says Mon 2026-01-19",
        "tests/fixtures/bad/dates.yaml:16:17: months[0].weeks[0].milestone.date: "
        "Mon 2026-01-26 is outside week 1 (Mon 2026-01-19 to Sun 2026-01-25)",
    ],
    "numbering.yaml": [
        "tests/fixtures/bad/numbering.yaml:9:17: months[0].weeks[1].number: week 1 repeats "
        "an earlier week: weeks are numbered from 1 in order, expected week 2",
        "tests/fixtures/bad/numbering.yaml:11:17: months[0].weeks[2].number: week 4 skips "
        "a week: weeks are numbered from 1 in order, expected week 2",
    ],
    "empty_text.yaml": [
        "tests/fixtures/bad/empty_text.yaml:1:8: title: must not be empty",
        "tests/fixtures/bad/empty_text.yaml:8:16: months[0].weeks[0].title: must not be empty",
        "tests/fixtures/bad/empty_text.yaml:10:13: months[0].weeks[0].topics[0].text: "
        "must not be empty",
    ],
    "python_tag.yaml": [
        "tests/fixtures/bad/python_tag.yaml:1:8: title: YAML tag "
        "'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in content"
    ],
    "not_utf8.yaml": ["tests/fixtures/bad/not_utf8.yaml:1:11: not UTF-8: byte 0xe9"],
    # Limits (generator/limits.py): each crossing is one located problem, found before the
    # work it bounds; tests/test_limits.py has the worst case of each.
    "billion_laughs.yaml": [
        "tests/fixtures/bad/billion_laughs.yaml:7:27: lol5[3]: more than 50,000 values in "
        "one file (with aliases expanded)"
    ],
    "deep_nesting.yaml": [
        f"tests/fixtures/bad/deep_nesting.yaml:4:40: notes{'[0]' * 32}: "
        "nested more than 32 levels deep"
    ],
    "huge_through.yaml": [
        "tests/fixtures/bad/huge_through.yaml:8:18: months[0].weeks[0].through: input should "
        "be less than or equal to 1040, got 999999999"
    ],
    "far_future.yaml": [
        "tests/fixtures/bad/far_future.yaml:3:8: start: 9999-12-27 is outside the dates a "
        "handbook can use (1970-01-01 to 2199-12-31)",
        "tests/fixtures/bad/far_future.yaml:6:11: key_dates[0].date: 1900-01-01 is outside "
        "the dates a handbook can use (1970-01-01 to 2199-12-31)",
    ],
    "weeks_past_limit.yaml": [
        "tests/fixtures/bad/weeks_past_limit.yaml:10:18: months[0].weeks[1].through: week 4 "
        "would end on Sun 2200-01-05, after 2199-12-31, the last date a handbook can use"
    ],
    "bad_timezone.yaml": [
        "tests/fixtures/bad/bad_timezone.yaml:10:13: schedule.timezone: unknown time zone 'America'"
    ],
    # Mistakes YAML reads without an error. Plain text over several lines is one text: a
    # list item indented one space further joins the item above. One-line fields refuse
    # it; the summary (plain), the brief (folded) and a quoted note over lines are fine.
    "joined_lines.yaml": [
        "tests/fixtures/bad/joined_lines.yaml:13:16: months[0].weeks[0].title: this text "
        "continues onto line 14 as plain text, but it must be one line: join the lines",
        "tests/fixtures/bad/joined_lines.yaml:17:13: months[0].weeks[0].topics[1].text: this "
        "text continues onto line 18 as plain text, but it must be one line: join the lines",
        "tests/fixtures/bad/joined_lines.yaml:20:13: months[0].weeks[0].youtube[0]: this text "
        "continues onto line 21 as plain text; if line 21 is meant to be a new list item, "
        "indent its '-' like the others",
        "tests/fixtures/bad/joined_lines.yaml:23:17: months[0].weeks[0].youtube[1].one_of[0]: "
        "this text continues onto line 24 as plain text; if line 24 is meant to be a new list "
        "item, indent its '-' like the others",
    ],
    # Dates in another form than YYYY-MM-DD are text (or a number) to YAML: the message
    # shows the form, and a number is not read as seconds since 1970. Quoted ISO is fine.
    "date_format.yaml": [
        "tests/fixtures/bad/date_format.yaml:3:8: start: write dates as YYYY-MM-DD, "
        "e.g. 2026-01-26, got '26/01/2026'",
        "tests/fixtures/bad/date_format.yaml:6:11: key_dates[0].date: write dates as "
        "YYYY-MM-DD, e.g. 2026-01-26, got '2026-1-5'",
        "tests/fixtures/bad/date_format.yaml:8:11: key_dates[1].date: write dates as "
        "YYYY-MM-DD, e.g. 2026-01-26, got 'Jan 26 2026'",
        "tests/fixtures/bad/date_format.yaml:10:11: key_dates[2].date: write dates as "
        "YYYY-MM-DD, e.g. 2026-01-26, got 1767225600",
    ],
    # A mapping's first key dedented by one space: the parser stops on the line below
    # (it reads the next key as more of this one's value); the problem is on this line.
    "misaligned_key.yaml": [
        "tests/fixtures/bad/misaligned_key.yaml:10:10: YAML syntax error: the key 'text' "
        "starts in column 10, but the key below it, 'date' (line 11), in column 11: keys of "
        "one mapping must start in the same column"
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_is_reported_exactly(name: str) -> None:
    assert messages(name) == EXPECTED[name]


def test_every_bad_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(EXPECTED)


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = Path("/tmp/handbook-pwned")
    marker.unlink(missing_ok=True)
    messages("python_tag.yaml")
    assert not marker.exists()


def test_all_files_are_reported_in_one_run(tmp_path: Path) -> None:
    (tmp_path / "roadmaps").mkdir()
    for name in ("duplicate_key.yaml", "not_monday.yaml", "syntax.yaml"):
        shutil.copy(BAD / name, tmp_path / "roadmaps" / name)
    with pytest.raises(ContentError) as caught:
        load_all(tmp_path)
    assert [Path(p.file).name for p in caught.value.problems] == [
        "duplicate_key.yaml",
        "not_monday.yaml",
        "syntax.yaml",
    ]


def test_duplicate_slugs_across_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "roadmaps").mkdir()
    mini = FIXTURES / "mini" / "roadmaps" / "mini.yaml"
    shutil.copy(mini, tmp_path / "roadmaps" / "a.yaml")
    shutil.copy(mini, tmp_path / "roadmaps" / "b.yaml")
    with pytest.raises(ContentError) as caught:
        load_all(tmp_path)
    [problem] = caught.value.problems
    assert problem.path == "slug"
    assert "already used by" in problem.message


def test_items_sharing_a_progress_id_are_refused(tmp_path: Path) -> None:
    file = tmp_path / "ids.yaml"
    file.write_text(
        "title: T\nslug: t\nstart: 2026-01-19\nmonths:\n  - title: M\n    weeks:\n"
        "      - number: 1\n        title: W\n        topics: [Same thing, same-thing]\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_file(file)
    [problem] = caught.value.problems
    assert problem.path == "months[0].weeks[0]"
    assert "share the progress id 'same-thing'" in problem.message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_check_exits_2_without_traceback(name: str, tmp_path: Path) -> None:
    (tmp_path / "roadmaps").mkdir()
    shutil.copy(BAD / name, tmp_path / "roadmaps" / name)
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--content", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{tmp_path / 'roadmaps' / name}:")


# Paths the loader owns: whatever sits at a roadmap's place, the answer is one located line
# and exit 2, never a traceback, a hang (a pipe) or an endless read (a link to /dev/zero).
def _make_folder(file: Path) -> None:
    file.mkdir()


def _make_dangling_link(file: Path) -> None:
    file.symlink_to(file.parent / "gone.yaml")


def _make_link_loop(file: Path) -> None:
    file.symlink_to(file.name)


def _make_pipe(file: Path) -> None:
    os.mkfifo(file)


def _make_device_link(file: Path) -> None:
    file.symlink_to("/dev/zero")  # read, it never ends


NOT_A_FILE = {
    "folder": (_make_folder, "is a folder, not a roadmap file"),
    "dangling-link": (
        _make_dangling_link,
        "cannot be read: no such file (a link to a missing file)",
    ),
    "link-loop": (_make_link_loop, "cannot be read: too many levels of symbolic links"),
    "pipe": (_make_pipe, "is not a regular file (a device, pipe or socket)"),
    "device": (_make_device_link, "is not a regular file (a device, pipe or socket)"),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes and devices")
@pytest.mark.parametrize("kind", sorted(NOT_A_FILE))
def test_a_roadmap_that_is_not_a_file_is_one_located_line(kind: str, tmp_path: Path) -> None:
    make, message = NOT_A_FILE[kind]
    (tmp_path / "roadmaps").mkdir()
    file = tmp_path / "roadmaps" / "x.yaml"
    make(file)
    # In a process of its own: a loader that opened the pipe or read the device would hang
    # or fill the memory; the timeout turns that into a failure instead of a stuck run.
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--content", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{file}:1:1: {message}", "1 problem(s) found."]


def test_an_unreadable_roadmap_is_one_located_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Permissions do not stop root (which runs CI containers), so the refusal is simulated
    # where the loader opens the file.
    (tmp_path / "roadmaps").mkdir()
    file = tmp_path / "roadmaps" / "x.yaml"
    shutil.copy(FIXTURES / "mini" / "roadmaps" / "mini.yaml", file)
    real_open = os.open

    def deny(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path) == file:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    assert main(["check", "--content", str(tmp_path)]) == 2
    assert (
        capsys.readouterr().err.splitlines()[0] == f"{file}:1:1: cannot be read: permission denied"
    )


def test_a_read_error_is_one_located_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "x.yaml"
    file.write_text("title: T\n", encoding="utf-8")

    def fail(descriptor: int, size: int) -> bytes:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "read", fail)
    with pytest.raises(ContentError) as caught:
        load_file(file)
    assert [str(p) for p in caught.value.problems] == [
        f"{file}:1:1: cannot be read: input/output error"
    ]


def test_a_missing_content_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "contnet"
    assert main(["check", "--content", str(missing)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{missing}: no such folder"]


def test_a_content_folder_that_is_a_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "content"
    file.write_text("", encoding="utf-8")
    assert main(["render", "--content", str(file), "--docs", str(tmp_path / "docs")]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{file}: is a file, not a content folder"]


def test_a_roadmaps_folder_that_is_a_file_is_one_located_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "roadmaps").write_text("", encoding="utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 2
    assert (
        capsys.readouterr().err.splitlines()[0] == f"{tmp_path / 'roadmaps'}:1:1: is not a folder"
    )


def test_an_unlistable_roadmaps_folder_is_one_located_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    roadmaps = tmp_path / "roadmaps"
    roadmaps.mkdir()
    real_scandir = os.scandir

    def deny(path: Path) -> object:
        if Path(path) == roadmaps:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    assert main(["check", "--content", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{roadmaps}:1:1: cannot be read: permission denied"
    )


def test_unknown_keys_and_values_are_quoted_short(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    long_key = "k" * 5000
    file.write_text(
        f"title: T\nslug: t\nstart: 2026-01-19\n? {long_key}\n: 1\n"
        "months:\n  - title: M\n    weeks:\n      - {number: 1, title: W, optional: "
        + "m" * 5000
        + "}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_file(file)
    problems = [str(p) for p in caught.value.problems]
    assert all(len(p) < 400 for p in problems), problems
    assert problems[0].startswith(f"{file}:4:3: {'k' * 60}… (5,000 characters): unknown key ")
    assert problems[1].endswith(f"got '{'m' * 59}… (5,002 characters)")
