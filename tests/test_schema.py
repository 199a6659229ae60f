"""The exported JSON Schema stays in sync with the models and is wired into content files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import schema
from generator.cli import main
from tests.conftest import CONTENT, ROOT


def test_committed_schema_is_up_to_date() -> None:
    committed = (ROOT / schema.DEFAULT_PATH).read_text(encoding="utf-8")
    assert committed == schema.document(), "run: handbook schema"


def test_schema_describes_the_fixed_fields() -> None:
    document = json.loads(schema.document())
    assert {"title", "slug", "start"} <= set(document["required"])
    assert document["additionalProperties"] is False


@pytest.mark.parametrize("path", sorted((CONTENT / "roadmaps").glob("*.yaml")), ids=str)
def test_every_roadmap_names_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/roadmap.schema.json"


def test_schema_command_check_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "schema.json"
    assert schema.command(target, check=True) == 1
    assert schema.command(target, check=False) == 0
    assert schema.command(target, check=True) == 0


def _schema_command(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["schema", *argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.err


def test_an_output_whose_parent_is_a_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    target = tmp_path / "taken" / "deeper" / "schema.json"
    code, err = _schema_command(["--output", str(target)], capsys)
    assert code == 2
    assert err == f"cannot write {target}: {tmp_path / 'taken'} is a file, not a folder\n"


def test_a_folder_that_cannot_be_written_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, no folder is read-only; the refusal the kernel would give is simulated."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "write_text", refuse)
    target = tmp_path / "schema.json"
    code, err = _schema_command(["--output", str(target)], capsys)
    assert (code, err) == (2, f"cannot write {target}: permission denied\n")


@pytest.mark.parametrize("check", [[], ["--check"]], ids=["write", "check"])
def test_an_output_that_is_a_folder_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], check: list[str]
) -> None:
    code, err = _schema_command(["--output", str(tmp_path), *check], capsys)
    assert (code, err) == (2, f"cannot read {tmp_path}: it is a folder\n")
