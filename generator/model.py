"""The content schema: what a roadmap file may say, as pydantic models.

The models are the single source of truth for content. They reject unknown
keys (a typo must not silently drop a week's build task), empty text and wrong
types; the JSON Schema exported from them (``handbook schema``) lets editors
validate and complete content files as people type. Rules that need the whole
roadmap, such as week numbering and dates agreeing with the calendar, live in
``weekdates.py`` because they are date arithmetic, not shape.
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
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.limits import (
    MAX_BLOCK_WEEKS,
    MAX_DATE,
    MAX_REPEATED_CHARS,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    MAX_WEEK,
    MIN_DATE,
)


class JoinedLines(str):
    """Text that YAML read from several lines of plain (unquoted) text and joined with spaces.

    YAML gives no error when a list item is indented one space too far: its line
    becomes part of the text above it (``- a`` over `` - b`` reads as the one text
    ``a - b``). So the loader gives text written that way this type (``yamlsource``
    records where it continues), and the one-line fields below refuse it, saying where.
    Text that may run over several lines (``Text``: summaries, briefs) takes it as any text.
    """

    continues_on: int
    """The line (1-based) the text continues onto."""
    item: bool
    """Whether that line starts with ``- `` like a list item."""

    def __new__(cls, text: str, continues_on: int, item: bool) -> JoinedLines:
        joined = super().__new__(cls, text)
        joined.continues_on = continues_on
        joined.item = item
        return joined


def _one_line(value: Any) -> Any:
    """Refuse text written over several plain lines where the field is one line."""
    if isinstance(value, JoinedLines):
        line = value.continues_on
        if value.item:
            raise ValueError(
                f"this text continues onto line {line} as plain text; if line {line} is "
                "meant to be a new list item, indent its '-' like the others"
            )
        raise ValueError(
            f"this text continues onto line {line} as plain text, but it must be one line: "
            "join the lines"
        )
    return value


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS)
]
"""Required human text: surrounding spaces are ignored and it may not be empty. It may be
written over several lines (a summary, a brief), best as a folded block (``>``)."""

Line = Annotated[Text, BeforeValidator(_one_line)]
"""Text of one line: an item, a query, a label, a name, a note. Written over several lines
of plain text it is refused, as that is how YAML reads a misindented item or key."""

Title = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE_CHARS),
    BeforeValidator(_one_line),
]
"""The title of a roadmap, phase, month, week or session: one line that navigation or every
week page repeats, hence shorter than other text (see ``generator.limits``)."""

WeekNumber = Annotated[int, Field(ge=1, le=MAX_WEEK)]
"""A week number, 1 to ``MAX_WEEK``; also bounds month and phase numbers, which count
groups of weeks."""


def _within_dates(value: dt.date) -> dt.date:
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValueError(
            f"{value.isoformat()} is outside the dates a handbook can use "
            f"({MIN_DATE.isoformat()} to {MAX_DATE.isoformat()})"
        )
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _written_as_iso(value: Any) -> Any:
    """Refuse a date not written as YYYY-MM-DD, with a message that shows the form. YAML
    reads ``2026-01-26`` as a date; anything else arrives as text or a number, which
    pydantic would either refuse in its own words ("invalid character in year" for
    ``26/01/2026``) or read as seconds since 1970 (``1767225600``)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):  # quoted: checked as a date next
        return value
    raise PydanticCustomError("date_format", "write dates as YYYY-MM-DD, e.g. 2026-01-26")


Day = Annotated[dt.date, BeforeValidator(_written_as_iso), AfterValidator(_within_dates)]
"""A date written in content as YYYY-MM-DD, between ``MIN_DATE`` and ``MAX_DATE``: week
arithmetic on it stays inside Python's calendar."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
Clock = Annotated[str, StringConstraints(pattern=r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _text_length(value: Any) -> int:
    """Characters of text in a value: a model's fields, a list's items, a text."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, BaseModel):
        return sum(_text_length(getattr(value, name)) for name in type(value).model_fields)
    if isinstance(value, list | tuple):
        return sum(_text_length(item) for item in value)
    return 0


def _repeated(what: str, value: Any) -> None:
    """Refuse ``value`` if pages would repeat more than ``MAX_REPEATED_CHARS`` of its text."""
    length = _text_length(value)
    if length > MAX_REPEATED_CHARS:
        raise ValueError(
            f"{what} holds {length:,} characters of text, which pages repeat; "
            f"at most {MAX_REPEATED_CHARS:,} are allowed"
        )


def slugify(text: str) -> str:
    """Make a stable, URL- and id-safe slug from free text (ASCII letters and digits only)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Item(Strict):
    """A checklist item a learner can tick.

    Written either as plain text, or as ``{text, id}`` when the item should
    keep its saved progress even if its wording is later edited.
    """

    text: Line
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


class ItemChoice(Strict):
    """Alternatives of which the learner does one ("Python *or* Node.js").

    A page shows them under "pick one"; each option can be ticked, and the
    choice counts once in progress, done when any option is.
    """

    one_of: list[CheckItem] = Field(min_length=2, description="The options; pick one.")


class QueryChoice(Strict):
    """Searches of which the learner follows one (the source's "… or …")."""

    one_of: list[Line] = Field(min_length=2, description="The alternative searches; pick one.")


def _form(value: Any) -> str:
    """Which form a list entry is written in: a choice (``one_of``) or a single one."""
    return "choice" if isinstance(value, dict) and "one_of" in value else "single"


CheckEntry = Annotated[
    Annotated[CheckItem, Tag("single")] | Annotated[ItemChoice, Tag("choice")],
    Discriminator(_form),
]
"""A checklist entry: one item, or a choice of items."""

SearchEntry = Annotated[
    Annotated[Line, Tag("single")] | Annotated[QueryChoice, Tag("choice")],
    Discriminator(_form),
]
"""A search query, or a choice of searches."""

FORM_TAGS = frozenset({"single", "choice"})
"""Names pydantic puts into error locations for the forms above; not keys of the content."""


class Milestone(Strict):
    """A milestone reached at the end of a week; an optional date must fall inside that week."""

    text: Line
    date: Day | None = None


def _text_as_milestone(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


MilestoneField = Annotated[
    Milestone, BeforeValidator(_text_as_milestone, json_schema_input_type=str | Milestone)
]


class Deadline(Strict):
    """A dated deadline, such as a project's deploy date: the last Sunday of its block."""

    label: Line = Field(
        description="What is due, e.g. 'Deploy deadline'; pages add the block's name."
    )
    date: Day
    emoji: Line | None = None


class Week(Strict):
    """One week of study, or a block of consecutive weeks sharing one plan.

    ``number`` is the first week; ``through`` the last week of a multi-week
    block. Each week of a block gets its own page, marked "part 1 of 2" etc.
    ``start``/``end`` are the dates the author wrote, checked against the
    computed calendar.
    """

    number: WeekNumber
    through: WeekNumber | None = Field(
        default=None, description="Last week of a multi-week block (e.g. 30 for 'Week 29-30')."
    )
    title: Title
    start: Day | None = Field(default=None, description="Stated first day; must be a Monday.")
    end: Day | None = Field(default=None, description="Stated last day; must be a Sunday.")
    optional: bool = False
    summary: Text | None = None
    topics: list[CheckEntry] = Field(default_factory=list)
    build: CheckEntry | None = None
    deliverable: CheckEntry | None = None
    beginner_task: CheckEntry | None = None
    enterprise_task: CheckEntry | None = None
    milestone: MilestoneField | None = None
    youtube: list[SearchEntry] = Field(
        default_factory=list,
        description="YouTube searches, resolved into videos of the last 'max_age_years' years "
        "(videos settings); a year such as '2022+' narrows that to 2022 or later.",
    )
    guidance: list[SearchEntry] = Field(default_factory=list, description="Web search queries.")
    notes: list[Line] = Field(default_factory=list)

    @model_validator(mode="after")
    def _through_after_number(self) -> Week:
        if self.through is not None and self.through <= self.number:
            raise ValueError(f"'through' ({self.through}) must be after 'number' ({self.number})")
        if self.last - self.number + 1 > MAX_BLOCK_WEEKS:
            raise ValueError(
                f"weeks {self.number}-{self.last} span {self.last - self.number + 1} weeks; "
                f"a block spans at most {MAX_BLOCK_WEEKS}"
            )
        if self.through is not None:  # each week of the block is a page showing all of it
            _repeated(f"the block of weeks {self.number}-{self.through}", self)
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
        """Every tickable item with its role, in page order (each option of a choice too)."""
        return [
            (role, item)
            for role in ROLES
            for entry in self.role_entries(role)
            for item in (entry.one_of if isinstance(entry, ItemChoice) else [entry])
        ]

    def role_entries(self, role: Role) -> list[Item | ItemChoice]:
        """The entries this week lists in ``role``: items and choices of items."""
        value = getattr(self, role.key)
        if role.many:
            return list(value)
        return [] if value is None else [value]

    def youtube_queries(self) -> list[str]:
        """Every YouTube query, each option of a choice included, in page order."""
        return [text for entry in self.youtube for text in _options(entry)]


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
    due: bool = False
    """Whether it is something the week must deliver by its end (shown under "due")."""


ROLES = (
    Role("topics", "Topics", None, many=True),
    Role("build", "Build", "example", due=True),
    Role("deliverable", "Deliverable", "example", due=True),
    Role("beginner_task", "Beginner task", "tip"),
    Role("enterprise_task", "Enterprise task", "example"),
)


def _options(entry: str | QueryChoice) -> list[str]:
    return list(entry.one_of) if isinstance(entry, QueryChoice) else [entry]


class Month(Strict):
    """A run of weeks inside a phase: a calendar month of study, a project or a sprint."""

    title: Title
    number: WeekNumber | None = None
    kind: Literal["month", "project", "sprint"] = "month"
    emoji: Line | None = None
    start: Day | None = Field(default=None, description="Stated first day, checked.")
    end: Day | None = Field(default=None, description="Stated last day, checked.")
    length: Line | None = Field(default=None, description="Stated length, e.g. '8 Weeks'.")
    summary: Text | None = None
    deadline: Deadline | None = Field(
        default=None, description="Must be the last Sunday of this block's last week."
    )
    brief: Text | None = Field(
        default=None, description="What the learner builds in this project, in a few sentences."
    )
    deliverables: list[Line] = Field(
        default_factory=list, description="What the project must deliver by its deadline."
    )
    weeks: list[Week] = Field(min_length=1)

    @model_validator(mode="after")
    def _brief_repeated(self) -> Month:
        _repeated("the brief with its deliverables", [self.brief, self.deliverables])
        return self

    @property
    def heading(self) -> str:
        """The month's name as readers see it, e.g. 'Month 1: Python Fundamentals'."""
        word = {"month": "Month", "project": "Project", "sprint": "Sprint"}[self.kind]
        return f"{word} {self.number}: {self.title}" if self.number else self.title


class Phase(Strict):
    """A phase of the roadmap: a titled run of months (or projects, or a sprint)."""

    title: Title
    number: WeekNumber | None = None
    emoji: Line | None = None
    start: Day | None = Field(default=None, description="Stated first day, checked.")
    end: Day | None = Field(default=None, description="Stated last day, checked.")
    summary: Text | None = None
    months: list[Month] = Field(min_length=1)

    @property
    def heading(self) -> str:
        """The phase's name as readers see it, e.g. 'Phase 1: Foundation'."""
        return f"Phase {self.number}: {self.title}" if self.number else self.title


class KeyDate(Strict):
    """A dated event on the overview; ``week`` ties it to a week it must fall in."""

    label: Line
    date: Day
    until: Day | None = None
    emoji: Line | None = None
    week: WeekNumber | None = Field(default=None, description="Week the date must fall in.")

    @model_validator(mode="after")
    def _until_after_date(self) -> KeyDate:
        if self.until is not None and self.until < self.date:
            raise ValueError(f"'until' ({self.until}) is before 'date' ({self.date})")
        return self


class Session(Strict):
    """A recurring meeting, in the schedule's time zone."""

    title: Title
    start: Clock
    end: Clock
    required: bool = False
    agenda: list[Line] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Session:
        if self.end <= self.start:
            raise ValueError(f"session ends ({self.end}) before it starts ({self.start})")
        return self


class Note(Strict):
    """A short labelled line, such as 'Daily: post a standup note'."""

    label: Line | None = None
    text: Line


class ScheduleDay(Strict):
    """What happens on a group of weekdays: sessions and notes."""

    name: Line
    emoji: Line | None = None
    days: list[Weekday] = Field(min_length=1)
    sessions: list[Session] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)


@functools.cache
def _zone_names() -> frozenset[str]:
    """The IANA time zone names this machine knows (read once; about 600)."""
    return frozenset(zoneinfo.available_timezones())


class Schedule(Strict):
    """The team's recurring weekly schedule."""

    timezone: Line = Field(description="IANA time zone, e.g. Africa/Nairobi.")
    zone_label: Line | None = Field(default=None, description="Short name shown, e.g. EAT.")
    days: list[ScheduleDay] = Field(min_length=1)

    @model_validator(mode="after")
    def _schedule_repeated(self) -> Schedule:
        _repeated("the schedule", self)
        return self

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        # Only names of the zone database: ZoneInfo itself would also try a folder of it
        # ("America") or a name too long for a file name, and fail with an OSError.
        if value not in _zone_names():
            raise ValueError(f"unknown time zone {value!r}")
        return value


class Pledge(Strict):
    """One line of the commitment: a bold lead and the rest of the sentence."""

    lead: Line
    text: Line


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


def _number_as_hours(value: Any) -> Any:
    return (
        {"min": value} if isinstance(value, int | float) and not isinstance(value, bool) else value
    )


class Hours(Strict):
    """A number of hours, or a range: ``20`` means at least 20, ``{min: 2, max: 3}`` 2 to 3."""

    min: Annotated[float, Field(gt=0, le=168)]
    max: Annotated[float, Field(gt=0, le=168)] | None = None

    @model_validator(mode="after")
    def _max_after_min(self) -> Hours:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"'max' ({self.max:g}) is below 'min' ({self.min:g})")
        return self


HoursField = Annotated[
    Hours, BeforeValidator(_number_as_hours, json_schema_input_type=float | Hours)
]


class TimeBudget(Strict):
    """How much time the roadmap asks of a learner; week pages repeat it."""

    per_week: HoursField | None = Field(default=None, description="Hours a week, e.g. 20.")
    per_day: HoursField | None = Field(
        default=None, description="Hours of study a day, e.g. {min: 2, max: 3}."
    )


class Roadmap(Strict):
    """A dated learning roadmap: the root of one content file.

    A roadmap is split into ``phases`` (each holding months), or, when it has
    no phases, directly into ``months``.
    """

    title: Title
    slug: Slug = Field(description="URL segment of the roadmap: /<slug>/week-NN/.")
    start: Day = Field(description="Monday of week 1.")
    start_suggested: bool = Field(
        default=False,
        description="True when the source plan is undated and 'start' is the editors' "
        "suggestion: pages say so and point readers to setting their own start date.",
    )
    end: Day | None = Field(default=None, description="Stated end date, checked.")
    goal: Text | None = None
    summary: Text | None = None
    notes: list[Line] = Field(default_factory=list)
    key_dates: list[KeyDate] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    months: list[Month] = Field(default_factory=list)
    schedule: Schedule | None = None
    commitment: Commitment | None = None
    time_budget: TimeBudget | None = None
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
