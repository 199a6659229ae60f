"""The content schema: what a roadmap file may say, as pydantic models.

The models are the single source of truth for content. They reject unknown
keys (a typo must not silently drop a week's build task), empty text and wrong
types; the JSON Schema exported from them (``handbook schema``) lets editors
validate and complete content files as people type. Rules that need the whole
roadmap, such as week numbering and dates agreeing with the calendar, live in
``schedule.py`` because they are date arithmetic, not shape.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PositiveInt,
    StringConstraints,
    field_validator,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Required human text: surrounding spaces are ignored and it may not be empty."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
Clock = Annotated[str, StringConstraints(pattern=r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def slugify(text: str) -> str:
    """Make a stable, URL- and id-safe slug from free text (ASCII letters and digits only)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Item(Strict):
    """A checklist item a learner can tick.

    Written either as plain text, or as ``{text, id}`` when the item should
    keep its saved progress even if its wording is later edited.
    """

    text: Text
    id: Slug | None = Field(
        default=None,
        description="Stable id for saved progress; defaults to a slug of the text.",
    )

    @functools.cached_property
    def key(self) -> str:
        """The id progress is stored under: the explicit id or a slug of the text (computed
        once: validation, every page and the browser data all ask for it)."""
        return self.id or slugify(self.text) or "item"


def _text_as_item(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


CheckItem = Annotated[Item, BeforeValidator(_text_as_item, json_schema_input_type=str | Item)]


class Milestone(Strict):
    """A milestone reached at the end of a week; an optional date must fall inside that week."""

    text: Text
    date: dt.date | None = None


def _text_as_milestone(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


MilestoneField = Annotated[
    Milestone, BeforeValidator(_text_as_milestone, json_schema_input_type=str | Milestone)
]


class Deadline(Strict):
    """A dated deadline, such as a project's deploy date: the last Sunday of its block."""

    label: Text = Field(
        description="What is due, e.g. 'Deploy deadline'; pages add the block's name."
    )
    date: dt.date
    emoji: Text | None = None


class Week(Strict):
    """One week of study, or a block of consecutive weeks sharing one plan.

    ``number`` is the first week; ``through`` the last week of a multi-week
    block. Each week of a block gets its own page, marked "part 1 of 2" etc.
    ``start``/``end`` are the dates the author wrote, checked against the
    computed calendar.
    """

    number: PositiveInt
    through: PositiveInt | None = Field(
        default=None, description="Last week of a multi-week block (e.g. 30 for 'Week 29-30')."
    )
    title: Text
    start: dt.date | None = Field(default=None, description="Stated first day; must be a Monday.")
    end: dt.date | None = Field(default=None, description="Stated last day; must be a Sunday.")
    optional: bool = False
    summary: Text | None = None
    topics: list[CheckItem] = Field(default_factory=list)
    build: CheckItem | None = None
    deliverable: CheckItem | None = None
    beginner_task: CheckItem | None = None
    enterprise_task: CheckItem | None = None
    milestone: MilestoneField | None = None
    youtube: list[Text] = Field(
        default_factory=list, description="YouTube search queries, resolved into recent videos."
    )
    guidance: list[Text] = Field(default_factory=list, description="Web search queries.")
    notes: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _through_after_number(self) -> Week:
        if self.through is not None and self.through <= self.number:
            raise ValueError(f"'through' ({self.through}) must be after 'number' ({self.number})")
        return self

    @model_validator(mode="after")
    def _unique_item_ids(self) -> Week:
        seen: dict[str, str] = {}
        for role, item in self.items():
            if item.key in seen:
                raise ValueError(
                    f"{seen[item.key]} and {role.key} share the progress id {item.key!r}; "
                    "give one of them an explicit 'id'"
                )
            seen[item.key] = role.key
        return self

    @property
    def last(self) -> int:
        """The last week number this entry covers."""
        return self.through or self.number

    def items(self) -> list[tuple[Role, Item]]:
        """Every tickable item with its role, in page order."""
        return [(role, item) for role in ROLES for item in self.role_items(role)]

    def role_items(self, role: Role) -> list[Item]:
        """The items this week lists in ``role``."""
        value = getattr(self, role.key)
        if role.many:
            return list(value)
        return [] if value is None else [value]


@dataclass(frozen=True)
class Role:
    """A kind of tickable item a week lists: its key in content, its name, how a page sets it off.

    The roles are defined once, here, in page order; the model's validation, the
    week views, the calendar and the tests all read this table.
    """

    key: str
    label: str
    box: str | None
    """Admonition type that frames the item on a week page; None for a plain section."""
    many: bool = False
    """Whether a week lists several (a list) or at most one."""


ROLES = (
    Role("topics", "Topics", None, many=True),
    Role("build", "Build", "example"),
    Role("deliverable", "Deliverable", "example"),
    Role("beginner_task", "Beginner task", "tip"),
    Role("enterprise_task", "Enterprise task", "example"),
)


class Month(Strict):
    """A run of weeks inside a phase: a calendar month of study, a project or a sprint."""

    title: Text
    number: PositiveInt | None = None
    kind: Literal["month", "project", "sprint"] = "month"
    emoji: Text | None = None
    start: dt.date | None = Field(default=None, description="Stated first day, checked.")
    end: dt.date | None = Field(default=None, description="Stated last day, checked.")
    length: Text | None = Field(default=None, description="Stated length, e.g. '8 Weeks'.")
    summary: Text | None = None
    deadline: Deadline | None = Field(
        default=None, description="Must be the last Sunday of this block's last week."
    )
    weeks: list[Week] = Field(min_length=1)

    @property
    def heading(self) -> str:
        """The month's name as readers see it, e.g. 'Month 1: Python Fundamentals'."""
        word = {"month": "Month", "project": "Project", "sprint": "Sprint"}[self.kind]
        return f"{word} {self.number}: {self.title}" if self.number else self.title


class Phase(Strict):
    """A phase of the roadmap: a titled run of months (or projects, or a sprint)."""

    title: Text
    number: PositiveInt | None = None
    emoji: Text | None = None
    start: dt.date | None = Field(default=None, description="Stated first day, checked.")
    end: dt.date | None = Field(default=None, description="Stated last day, checked.")
    summary: Text | None = None
    months: list[Month] = Field(min_length=1)

    @property
    def heading(self) -> str:
        """The phase's name as readers see it, e.g. 'Phase 1: Foundation'."""
        return f"Phase {self.number}: {self.title}" if self.number else self.title


class KeyDate(Strict):
    """A dated event on the overview; ``week`` ties it to a week it must fall in."""

    label: Text
    date: dt.date
    until: dt.date | None = None
    emoji: Text | None = None
    week: PositiveInt | None = Field(default=None, description="Week the date must fall in.")

    @model_validator(mode="after")
    def _until_after_date(self) -> KeyDate:
        if self.until is not None and self.until < self.date:
            raise ValueError(f"'until' ({self.until}) is before 'date' ({self.date})")
        return self


class Session(Strict):
    """A recurring meeting, in the schedule's time zone."""

    title: Text
    start: Clock
    end: Clock
    required: bool = False
    agenda: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Session:
        if self.end <= self.start:
            raise ValueError(f"session ends ({self.end}) before it starts ({self.start})")
        return self


class Note(Strict):
    """A short labelled line, such as 'Daily: post a standup note'."""

    label: Text | None = None
    text: Text


class ScheduleDay(Strict):
    """What happens on a group of weekdays: sessions and notes."""

    name: Text
    emoji: Text | None = None
    days: list[Weekday] = Field(min_length=1)
    sessions: list[Session] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)


class Schedule(Strict):
    """The team's recurring weekly schedule."""

    timezone: Text = Field(description="IANA time zone, e.g. Africa/Nairobi.")
    zone_label: Text | None = Field(default=None, description="Short name shown, e.g. EAT.")
    days: list[ScheduleDay] = Field(min_length=1)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value


class Pledge(Strict):
    """One line of the commitment: a bold lead and the rest of the sentence."""

    lead: Text
    text: Text


class Commitment(Strict):
    """What each learner commits to when following the roadmap."""

    intro: Text
    pledges: list[Pledge] = Field(min_length=1)
    closing: Text | None = None


class VideoSettings(Strict):
    """How YouTube queries of this roadmap are resolved into videos."""

    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(?:-[A-Za-z]{2})?$")] = "en"
    region: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    safe_search: Literal["none", "moderate", "strict"] = "moderate"
    per_query: Annotated[int, Field(ge=1, le=10)] = Field(
        default=3, description="Videos shown for each query."
    )
    spares: Annotated[int, Field(ge=0, le=20)] = Field(
        default=3,
        description="Verified runner-up videos kept per query, to replace dead ones without a new search.",
    )
    min_minutes: Annotated[int, Field(ge=0, le=600)] = Field(
        default=4, description="Shortest video worth showing, in minutes."
    )
    max_age_years: Annotated[int, Field(ge=1, le=10)] = Field(
        default=3, description="Oldest video worth showing, in years before today."
    )


class Roadmap(Strict):
    """A dated learning roadmap: the root of one content file.

    A roadmap is split into ``phases`` (each holding months), or, when it has
    no phases, directly into ``months``.
    """

    title: Text
    slug: Slug = Field(description="URL segment of the roadmap: /<slug>/week-NN/.")
    start: dt.date = Field(description="Monday of week 1.")
    end: dt.date | None = Field(default=None, description="Stated end date, checked.")
    goal: Text | None = None
    summary: Text | None = None
    notes: list[Text] = Field(default_factory=list)
    key_dates: list[KeyDate] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    months: list[Month] = Field(default_factory=list)
    schedule: Schedule | None = None
    commitment: Commitment | None = None
    videos: VideoSettings = Field(default_factory=VideoSettings)

    @field_validator("start")
    @classmethod
    def _start_is_monday(cls, value: dt.date) -> dt.date:
        if value.weekday() != 0:
            raise ValueError(
                f"{value.isoformat()} is a {value:%A}, but a roadmap starts on a Monday"
            )
        return value

    def week_entries(self) -> Iterator[Week]:
        """Every week entry (a week or a block) in file order."""
        for month in self.months:
            yield from month.weeks
        for phase in self.phases:
            for month in phase.months:
                yield from month.weeks

    @model_validator(mode="after")
    def _phases_or_months(self) -> Roadmap:
        if bool(self.phases) == bool(self.months):
            raise ValueError("a roadmap needs either 'phases' or 'months' (exactly one of them)")
        return self
