"""Loading content: every kind of bad input gives located messages, all at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
