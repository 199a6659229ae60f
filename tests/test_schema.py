"""The exported JSON Schema stays in sync with the models and is wired into content files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import schema
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
