"""The progress export's format: the committed JSON Schema is the model's, and both
versions the browser ever wrote are accepted."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator import progress_export
from tests.conftest import ROOT


def test_the_committed_schema_is_current() -> None:
    committed = (ROOT / progress_export.SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == progress_export.schema_document(), "run: handbook schema"


def test_a_version_1_export_still_reads() -> None:
    export = progress_export.ProgressExport.model_validate(
        {
            "format": "study-handbook-progress",
            "version": 1,
            "roadmap": "backend-2026",
            "exported": "2026-11-02",
            "start": None,
            "done": ["backend-2026/w01/install-python"],
        }
    )
    assert export.days == {} and export.notes == {}


@pytest.mark.parametrize(
    "change",
    [
        {"version": 3},
        {"done": ["<script>"]},
        {"notes": {"backend-2026/w01": {"text": "x" * 20_001, "updated": "2026-12-06T10:00:00Z"}}},
        {"notes": {"../w01": {"text": "x", "updated": "2026-12-06T10:00:00Z"}}},
        {"surprise": 1},
    ],
)
def test_what_the_format_does_not_allow_is_refused(change: dict[str, object]) -> None:
    export = {
        "format": "study-handbook-progress",
        "version": 2,
        "roadmap": "backend-2026",
        "exported": "2026-12-06",
        "done": [],
    }
    with pytest.raises(ValidationError):
        progress_export.ProgressExport.model_validate({**export, **change})
