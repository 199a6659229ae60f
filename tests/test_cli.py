"""The handbook command: subcommands, help, summaries and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import CONTENT, FIXTURES


def test_check_prints_one_line_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(CONTENT)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith("OK: 2 roadmaps valid (54 + 25 weeks)")


@pytest.mark.parametrize("command", ["check", "render", "build", "serve", "schema"])
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"usage: handbook {command}" in capsys.readouterr().out


def test_render_reports_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    assert main(["render", "--content", str(FIXTURES / "mini"), "--docs", str(docs)]) == 0
    assert "11 written, 0 unchanged, 0 removed" in capsys.readouterr().out
    assert main(["render", "--content", str(FIXTURES / "mini"), "--docs", str(docs)]) == 0
    assert "Up to date: 11 files in" in capsys.readouterr().out


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
    assert not (tmp_path / "docs").exists()


def test_missing_roadmaps_folder_is_a_content_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--content", str(tmp_path)]) == 2
    assert "no *.yaml roadmap files" in capsys.readouterr().err
