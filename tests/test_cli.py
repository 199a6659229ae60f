"""The handbook command: subcommands, help, summaries and exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import FIXTURES, HANDBOOK, ROOT


def test_check_prints_one_line_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(HANDBOOK)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith("OK: 2 roadmaps valid (3 + 7 weeks)")


COMMANDS = ["check", "render", "build", "serve", "schema", "refresh", "linkcheck", "diff"]


@pytest.mark.parametrize("command", [*COMMANDS, "lock-diff", "team"])
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"usage: handbook {command}" in capsys.readouterr().out


def test_render_reports_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    args = ["render", "--content", str(HANDBOOK), "--docs", str(docs)]
    assert main(args) == 0
    assert "25 written, 0 unchanged, 0 removed" in capsys.readouterr().out
    assert main(args) == 0
    assert "Up to date: 25 files in" in capsys.readouterr().out


def test_content_is_shared_by_the_commands_that_read_it() -> None:
    """--content is defined once and every command that reads content takes it."""
    for command in ("check", "render", "build", "serve", "refresh", "diff"):
        with pytest.raises(SystemExit) as caught:
            main([command, "--content", "x", "--help"])
        assert caught.value.code == 0


def test_check_loads_neither_the_video_client_nor_mkdocs() -> None:
    """Each command imports only what it uses: checking content stays quick."""
    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        f"assert main(['check', '--content', {str(HANDBOOK)!r}]) == 0\n"
        "print('loaded:', *(m for m in ('googleapiclient', 'mkdocs', 'icalendar') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "loaded:"


def test_bad_content_exits_2_and_lists_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "roadmaps").mkdir()
    for name in ("dates.yaml", "empty_text.yaml"):
        shutil.copy(FIXTURES / "bad" / name, tmp_path / "roadmaps")
    assert main(["render", "--content", str(tmp_path), "--docs", str(tmp_path / "docs")]) == 2
    err = capsys.readouterr().err
    assert err.count(": must not be empty") == 3
    assert err.count("but the calendar says") == 2
    assert err.rstrip().endswith("6 problem(s) found.")
    assert not list((tmp_path / "docs").rglob("*"))  # not a page written


def test_missing_roadmaps_folder_is_a_content_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--content", str(tmp_path)]) == 2
    assert "no *.yaml roadmap files" in capsys.readouterr().err
