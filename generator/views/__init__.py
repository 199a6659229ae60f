"""Page views: dated roadmaps → everything each page shows, already decided.

One module per page kind (``home``, ``overview``, ``week``, ``progress``,
``now``), each view carrying its output path and template, plus shared
value objects (``values``, ``dates``, ``keydates``), the one home of URL
patterns (``urls``) and of date formats (``dates``), progress-id rules
(``progress_ids``), the navigation (``nav``) and the browser's data
(``browser``). ``site.site`` gathers them all. Templates stay free of
logic, so every choice about what a page shows is made here, in plain
Python that tests can call directly. Views hold raw text; escaping happens
once, in the template environment.
"""
