"""The reader's progress export: one roadmap's ticks, days, start date and notes, as a file.

The progress page exports what the browser keeps (``generator/web/``) as JSON in this
format, and imports it back (merged). A team member commits their own export, without
its notes, as ``content/team/<slug>/<handle>.json``, and the team board reads it. Its JSON
Schema (``content/schema/progress.schema.json``) is generated from this model, so the
browser, the board and the documentation cannot disagree.

Versions:

- **1** (until December 2026): ``done`` (ids) and ``start``.
- **2**: adds ``days`` (the reader's own calendar day each ticked item was ticked, for the
  activity calendar, streaks and pace) and ``notes`` (one plain-text note per week,
  with the moment it was last changed, so that an import keeps the newer of two notes).

Every version the browser ever wrote still imports; a newer one is refused with a message.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from generator.views.progress_ids import ID_PATTERN

FORMAT = "study-handbook-progress"
VERSION = 2
"""The version the browser writes today."""
SCHEMA_PATH = Path("content/schema/progress.schema.json")

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
WEEK_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*/w[0-9]{2,}$"
"""A note's key: the roadmap slug and the week, ``backend-2026/w05``."""
NOTE_LIMIT = 20_000
"""Characters of one note: several pages of text, far below what ``localStorage`` holds."""
ITEM_LIMIT = 20_000
"""Ticked ids in one export: far more than any roadmap has items."""

ItemId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=200)]
WeekId = Annotated[str, StringConstraints(pattern=WEEK_PATTERN, max_length=120)]


class Note(BaseModel):
    """The reader's note on one week: plain text, shown exactly as typed, never as markup."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Annotated[str, StringConstraints(max_length=NOTE_LIMIT)] = Field(
        description="The note, as typed (plain text; never read as Markdown or HTML)."
    )
    updated: dt.datetime = Field(
        description="When the note was last changed (ISO 8601 with the reader's offset): of "
        "two notes on one week, an import keeps the newer."
    )


class ProgressExport(BaseModel):
    """One roadmap's progress as the progress page exports it."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="Study Handbook progress export",
        json_schema_extra={"description": __doc__.split("\n\n")[0]},
    )

    format: Literal["study-handbook-progress"] = Field(description="Always this text.")
    version: Literal[1, 2] = Field(description="The format's version (2 since December 2026).")
    roadmap: Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)] = Field(
        description="The roadmap's slug, as in its address (`backend-2026`)."
    )
    exported: dt.date = Field(description="The reader's day of the export (YYYY-MM-DD).")
    start: dt.date | None = Field(
        default=None, description="The reader's own start date, or null: the roadmap's."
    )
    done: list[ItemId] = Field(
        max_length=ITEM_LIMIT,
        description="Ids of the ticked checklist items and watched videos, sorted.",
    )
    days: dict[ItemId, dt.date] = Field(
        default_factory=dict,
        max_length=ITEM_LIMIT,
        description="Version 2: id → the day it was ticked, in the reader's own calendar and "
        "time zone. Items ticked before version 2 have no day.",
    )
    notes: dict[WeekId, Note] = Field(
        default_factory=dict,
        description="Version 2: week (`backend-2026/w05`) → the reader's note. Private: "
        "never committed to a team's folder nor published.",
    )


def schema_document() -> str:
    """The export's JSON Schema as deterministic, pretty JSON text."""
    schema = ProgressExport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://study-handbook.local/progress.schema.json"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
