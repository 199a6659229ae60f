"""Which items of a week can be ticked, and the id each tick is saved under.

The id is part of the reader's saved progress (``localStorage`` and export
files), so it must not change when content is reworded or reordered: it is
the roadmap slug, the first week of the item's entry, and the item's key
(an explicit ``id`` or a slug of its text). Week pages, the browser data
and the progress page all take ids from here, so a box ticked on a week
page is the item counted on the overview.
"""

from __future__ import annotations

from generator.model import Item
from generator.schedule import DatedWeek

WEEK_DONE = Item(text="I have worked through this week", id="week-done")
"""The one item of a week whose content lists no checklist (many project weeks), so that
every week can be ticked off and counts toward progress."""


def check_id(slug: str, week: int, item: Item) -> str:
    """Stable progress id of an item: roadmap slug, first week of its entry, item key."""
    return f"{slug}/w{week:02d}/{item.key}"


def week_items(week: DatedWeek) -> list[tuple[int, Item]]:
    """Every tickable item of a week page, with the week number its progress id counts from.

    Content items belong to their entry, so both pages of a two-week block share
    them; the fallback ``WEEK_DONE`` belongs to each week on its own.
    """
    items = week.entry.items()
    if not items:
        return [(week.number, WEEK_DONE)]
    return [(week.entry.number, item) for _, item in items]


def week_ids(slug: str, week: DatedWeek) -> list[str]:
    """The progress ids of every tickable item of a week page, in page order."""
    return [check_id(slug, number, item) for number, item in week_items(week)]
