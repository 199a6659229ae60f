"""How dates read on a page: the one home of date formats.

Every date a page shows is a :class:`Dates` value: a day or a span of days
on one roadmap's calendar, with a closed set of formats. Pages print its
text; the browser script may move it to the reader's personal start date
and reprint it, using the same patterns and names, which it receives in the
generated data (:func:`browser_formats`) rather than keeping a copy.
Names are spelled out here, not taken from the C library's locale, so a
build prints the same bytes on every machine.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""Short weekday names, Monday first (``date.weekday()`` order)."""
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY = "{weekday} {day} {month} {year}"
"""``Mon 19 Jan 2026``."""
DAY_IN_YEAR = "{weekday} {day} {month}"
"""``Mon 19 Jan``: the first day of a range that ends in the same year."""
SHORT = "{day} {month}"
"""``19 Jan``: table cells, where the heading already gives the year."""
SEPARATOR = " – "
"""Between the first and the last day of a range."""

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekdays as content writes them (``model.Weekday``), in the same order as ``WEEKDAYS``."""


class DateFormat(enum.StrEnum):
    """The ways a page prints a date; the browser script knows the same three by name."""

    DAY = "day"
    """One day with its year."""
    RANGE = "range"
    """First and last day; the first day's year only when the range crosses New Year."""
    SHORT = "short"
    """First and last day, day and month only."""


def _fill(pattern: str, day: dt.date) -> str:
    return pattern.format(
        weekday=WEEKDAYS[day.weekday()], day=day.day, month=MONTHS[day.month - 1], year=day.year
    )


def weekday_name(day: dt.date) -> str:
    """``Sunday``."""
    return WEEKDAY_NAMES[day.weekday()]


def format_day(day: dt.date) -> str:
    """``Mon 19 Jan 2026``."""
    return _fill(DAY, day)


def format_range(start: dt.date, end: dt.date) -> str:
    """``Mon 19 Jan – Sun 25 Jan 2026``; both years when the range crosses New Year."""
    first = _fill(DAY_IN_YEAR if start.year == end.year else DAY, start)
    return f"{first}{SEPARATOR}{_fill(DAY, end)}"


def format_short(start: dt.date, end: dt.date) -> str:
    """``19 Jan – 25 Jan``."""
    return f"{_fill(SHORT, start)}{SEPARATOR}{_fill(SHORT, end)}"


def format_month(day: dt.date) -> str:
    """``Jan 2026``: when a video was published."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def format_days(first: dt.date, last: dt.date) -> str:
    """``Mon 16 Nov – Fri 20 Nov`` or ``Sat 21 Nov``: the days of a run of sessions in a week."""
    if first == last:
        return _fill(DAY_IN_YEAR, first)
    return f"{_fill(DAY_IN_YEAR, first)}{SEPARATOR}{_fill(DAY_IN_YEAR, last)}"


@dataclass(frozen=True)
class Dates:
    """A day or a span of days of one roadmap, as a page prints it.

    ``roadmap`` is the slug whose personal start date may move it in the
    browser; ``end`` is None for a single day.
    """

    roadmap: str
    start: dt.date
    end: dt.date | None = None
    format: DateFormat = DateFormat.DAY

    @classmethod
    def day(cls, roadmap: str, day: dt.date) -> Dates:
        return cls(roadmap, day)

    @classmethod
    def span(cls, roadmap: str, start: dt.date, end: dt.date) -> Dates:
        return cls(roadmap, start, end, DateFormat.RANGE)

    @classmethod
    def short(cls, roadmap: str, start: dt.date, end: dt.date) -> Dates:
        return cls(roadmap, start, end, DateFormat.SHORT)

    @property
    def text(self) -> str:
        if self.end is None:
            return format_day(self.start)
        if self.format is DateFormat.SHORT:
            return format_short(self.start, self.end)
        return format_range(self.start, self.end)


def days_text(days: Sequence[str]) -> str:
    """Weekdays as a reader says them: ``Mon–Fri`` for a run of three or more, else a list."""
    indexes = sorted(WEEKDAY_KEYS.index(day) for day in days)
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{WEEKDAYS[indexes[0]]}–{WEEKDAYS[indexes[-1]]}"
    return ", ".join(WEEKDAYS[index] for index in indexes)


def browser_formats() -> dict[str, object]:
    """The patterns and names above, for the browser script's copy of :attr:`Dates.text`."""
    return {
        "day": DAY,
        "dayInYear": DAY_IN_YEAR,
        "short": SHORT,
        "separator": SEPARATOR,
        "weekdays": list(WEEKDAYS),
        "months": list(MONTHS),
    }
