"""Make untrusted text render literally in Markdown (and the HTML it becomes).

Content and API text (a week's title, a video's title) must never become
markup: ``<script>`` must show as text, ``*stars*`` must not turn italic and
a leading ``#`` must not start a heading. The site enables
``pymdownx.escapeall``, under which a backslash escapes *any* ASCII
punctuation, so the rule is simple and complete: backslash every punctuation
character, and collapse line breaks (a table cell or list item is one line).

The one piece of markup content may use is an inline code span in backticks,
because roadmaps name commands (`curl`); its inside is literal by definition.
"""

from __future__ import annotations

import functools
import re
import string

from markupsafe import Markup

_BACKSLASHED = str.maketrans({char: "\\" + char for char in string.punctuation})
_CODE = re.compile(r"`([^`]+)`")


def _escape_plain(text: str) -> str:
    return text.translate(_BACKSLASHED)


def markdown(text: object) -> Markup:
    """Escape ``text`` so Markdown renders it literally; already-trusted Markup passes through."""
    if isinstance(text, Markup):
        return text
    if isinstance(text, str):
        return _markdown_text(text)
    return _markdown_text(str(text))


@functools.lru_cache(maxsize=4096)
def _markdown_text(text: str) -> Markup:
    """The escaping of one text; cached, because pages repeat labels, dates and titles
    (a 1,000-week handbook escapes the same few hundred strings tens of thousands of times)."""
    value = " ".join(text.split())
    if "`" not in value:
        return Markup(_escape_plain(value))
    parts: list[str] = []
    position = 0
    for match in _CODE.finditer(value):
        parts.append(_escape_plain(value[position : match.start()]))
        parts.append(f"`{match.group(1)}`")
        position = match.end()
    parts.append(_escape_plain(value[position:]))
    return Markup("".join(parts))


def plain(text: str) -> str:
    """Drop the only markup content may carry (code-span backticks), for places like titles."""
    value = " ".join(text.split())
    return _CODE.sub(_inside, value) if "`" in value else value


def _inside(match: re.Match[str]) -> str:
    return match.group(1)
