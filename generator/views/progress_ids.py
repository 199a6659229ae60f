"""What a reader can tick on a week page, and the id each tick is saved under.

The id is part of the reader's saved progress (``localStorage`` and export
files), so it must not change when content is reworded or reordered:

- a checklist item: the roadmap slug, the first week of its entry, and the
  item's key (an explicit ``id`` or a slug of its text). Both pages of a
  two-week block show the entry, so they share its ids;
- a video: the roadmap slug and the video's id, wherever it is shown, because
  having watched a video is a fact about the video, not about a page.

Progress counts *units*: a unit is done when any of its ids is ticked. An
item is a unit of one id; a choice ("pick one") is one unit of its options;
a search's videos are one unit (watching one of them covers the search), and
a choice of searches is one unit of all their videos. Week pages, the
browser data and the progress page all take ids and units from here, so a
box ticked on a week page is what the overview counts.

A week's *note* (the reader's own text) is kept under the week's key,
``<slug>/wNN`` with the week page's own number: unlike a block's ticks, the
two pages of a two-week block have a note each, because a note is about the
week the reader lived, not about the material.
"""

from __future__ import annotations

from generator.model import Item

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*/(?:w[0-9]{2,}/[a-z0-9-]+|video/[A-Za-z0-9_-]{11})$"
"""Every progress id matches this; the browser refuses imported ids that do not."""

WEEK_DONE = "week-done"
"""Key of the one item of an entry whose content lists no checklist (many project weeks),
so that every week can be ticked off and counts toward progress."""


def item_id(slug: str, entry: int, item: Item) -> str:
    """Progress id of a checklist item of the entry that starts in week ``entry``."""
    return f"{slug}/w{entry:02d}/{item.key}"


def done_id(slug: str, entry: int) -> str:
    """Progress id of an entry's "I have worked through this week" item."""
    return f"{slug}/w{entry:02d}/{WEEK_DONE}"


def video_id(slug: str, video: str) -> str:
    """Progress id of a watched video of roadmap ``slug``."""
    return f"{slug}/video/{video}"


def week_key(slug: str, week: int) -> str:
    """Key of the reader's note on week ``week`` of roadmap ``slug`` (``backend-2026/w05``):
    the export's ``notes`` are keyed by it (``progress_export.WEEK_PATTERN``)."""
    return f"{slug}/w{week:02d}"
