"""How much one content file may ask of the generator, and why each value was chosen.

Content is input from anyone who can open a pull request, and the build runs it
unattended, so every resource one roadmap file can make the generator spend —
bytes read, memory while parsing, recursion, pages written, date arithmetic — is
bounded here, in one place. Each limit sits far above what a real handbook needs
and far below what would make ``handbook check`` take more than about a second or
a build run for minutes. Crossing one is an ordinary content error
(``FILE:LINE:COL: key.path: message``, exit 2), never a hang or a traceback.

For scale, measured on the real curriculum (``content/roadmaps``): the largest
file is 17 KB, about 1,100 YAML values nested at most 8 deep, no aliases, 54
weeks, titles of at most 50 characters and other text of at most 226. The
benchmarks' synthetic 1,000-week handbook (``bench/synthetic.py``), the largest
plan anyone has built with the generator, is 490 KB and 25,600 values, and must
stay valid so that scaling can still be measured.

Where a limit can be checked before the work it bounds, it is: file size before
the file is read (``loader``), nesting depth, aliases and expanded size while the
YAML is read and before anything is expanded (``yamlsource``), week numbers
and dates before any date arithmetic (``model``, ``schedule``).
"""

from __future__ import annotations

import datetime as dt

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Size of a roadmap file: 2 MiB. Four times the 1,000-week synthetic handbook and over
100 times the largest real file; checked before reading, so a 50 MB file (or a link to
``/dev/zero``) costs nothing."""

MAX_DEPTH = 32
"""How many collections (lists and mappings, the file's own mapping included) may enclose
a value, with aliases expanded (a chain of anchors each nesting the last would otherwise
build any depth from a short file). The deepest value the model allows
(``phases[0].months[0].weeks[0].topics[0].one_of[0].text``) is inside 11, real files reach
8; 32 leaves room for a future shape while keeping the recursive reader and validator a
few hundred stack frames away from Python's recursion limit (a million ``[`` crashed the
C parser's composer before)."""

MAX_ALIASES = 1_000
"""YAML aliases (``*name``) in one file. Real files have none; a file that reuses a block
(a session, an agenda) once per week of a 20-year plan would need about 1,000. Anchors on
their own cost nothing, so only their uses are counted."""

MAX_NODES = 50_000
"""Values in a file once every alias is expanded (keys, scalars, lists and mappings each
count one): twice the 1,000-week synthetic handbook, 45 times the largest real file. It is
what stops the "billion laughs" file (nine levels of ten aliases, 10^9 values from 400
bytes) at its fifth level, before anything is expanded. At the limit, reading, validating
and reporting the worst file (every value a problem) takes about half a second."""

MAX_EXPANDED_CHARS = MAX_FILE_BYTES
"""Characters of scalar text in a file once every alias is expanded: no more than a file
without aliases could hold, so a 1 MB string referenced 1,000 times (a gigabyte of text
to validate and print) is refused while it is being read."""

MAX_WEEK = 1_040
"""Highest week number (``number``, ``through``, a key date's ``week``): twenty years of
weekly study, so the 1,000-week benchmark stays valid. It bounds the pages one file makes
(a block ``through: 999999999`` asked for a billion) and, with the date limits, keeps all
week arithmetic inside Python's calendar. The 1,000-week benchmark builds in about 25 s."""

MAX_BLOCK_WEEKS = 26
"""Weeks one entry may span (``through - number + 1``): half a year. Real blocks span 2;
a semester-long project written as one block spans about 16. Every week of a block is a
page repeating the entry, so this bounds how often one entry's text is written out
(a block of 1,040 weeks holding 2 MB of topics made 2 GB of Markdown)."""

MAX_REPEATED_CHARS = 5_000
"""Characters of text that pages repeat: a block's entry (on each of its weeks' pages), a
month's brief and deliverables (on each week of a project), the schedule (its sessions open
every week page). Ten times the largest real one (the 2026 roadmap's longest brief with
its deliverables holds 493, its schedule 374): a 2 MB schedule on each of 1,040 week pages
would have been 2 GB of pages; at 20,000 a file at every limit took 3 minutes to build."""

MIN_DATE = dt.date(1970, 1, 1)
"""Earliest date content may write: the Unix epoch, a round floor decades before any plan
this generator will date (the real ones start in 2026). Dates that start or end with a
week's arithmetic cannot fall below it, as weeks only count forward from ``start``."""

MAX_DATE = dt.date(2199, 12, 31)
"""Latest date content may write or the calendar may compute (every week's Sunday
included): two centuries ahead, so no plan written today is refused, while a start on
this day plus 1,040 weeks (2219) stays far below Python's year 9999, where week arithmetic
overflowed (``start: 9999-12-27`` ended in a traceback)."""

MAX_TITLE_CHARS = 120
"""Length of a title (roadmap, phase, month, week, session): a long sentence, 2.4 times the
longest real one. Every page's navigation lists every title of its roadmap, so the site
grows with weeks × weeks × title length: a file at every limit at once (1,040 weeks, titles
this long, 5,000 repeated characters on each week page) builds in about a minute, half of
it the offline copy (with 200-character titles: 3 minutes)."""

MAX_TEXT_CHARS = 2_000
"""Length of any other text (a summary, a brief, an item, a label): about 300 words, nine
times the longest real text; one value is meant to be read as a sentence or a paragraph."""

MAX_PROBLEMS = 100
"""Problems described per file; the rest are counted in one line. Describing one (finding
its line, wording it, suggesting the key that was meant) costs far more than finding it:
fifty thousand unknown keys took 4 s to describe and a screenful nobody reads, while a
file with a hundred problems is rewritten, not fixed line by line."""

MAX_MEMBER_BYTES = 1024 * 1024
"""Size of a team member's file (``content/team/<slug>/<handle>.json``): 1 MiB. A member who
ticked every item and video of the 2026 roadmap, each with its day, writes about 8 KB; the
format allows 20,000 ids, which a 1,000-week plan could come near. Checked before reading,
like a roadmap file's size."""

MAX_MEMBER_DEPTH = 8
"""How many JSON arrays and objects may enclose a value of a member file. The format nests
three deep (the file, ``notes``, one note); a file of a million ``[`` is refused by counting
brackets before the JSON parser (which recurses) sees it."""

MAX_MEMBERS = 100
"""Member files per roadmap: a large study group, not a school. The board's table has a cell
per week and member, so this bounds it (1,040 weeks of 100 members: 104,000 cells, a few MB
of page); more is a sign of a mistaken bulk commit, not of a team."""
