"""Content is inert in every HTML context the theme puts it in.

A roadmap (and a lock) whose every text field carries markup aimed at a
different context — the ``<title>``, attributes, links, images, comments,
Markdown — is built into a whole site with MkDocs and Material. Every page
is then parsed: nothing in it may be an element, attribute or URL that came
from content, and the payloads must still read literally, as text.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Route

from generator.model import VideoSettings
from generator.youtube import lock, query
from generator.youtube.lock import Entry, Lock, StoredVideo
from tests.conftest import build_site, serving
from tests.search import search

PAYLOADS = (
    "</title><script>hbx({n})</script>",
    '"><img src=x onerror=hbx({n})>',
    "' onmouseover='hbx({n})' x='",
    "<hb-x data-n={n}>{n}</hb-x>",
    "[link {n}](javascript:hbx({n}))",
    "![img {n}](https://evil.example/{n}.png)",
    "<!-- {n} --><style>*{{}}</style>",
    "`</code><script>hbx({n})</script>`",
    "&lt;hb-x&gt; &amp; &#60;{n}",
    "*a{n}* _b_ # c | d \\\\e",
    "javascript:hbx({n})",
    "{{{{ n }}}} {{% if %}} ${{n}}",
)
"""Markup aimed at each context; ``{n}`` makes each field's payload its own."""


def _payloads() -> Iterator[str]:
    for n in itertools.count(1):
        yield f"P{n} " + PAYLOADS[n % len(PAYLOADS)].format(n=n)


def hostile_roadmap() -> dict[str, Any]:
    """A valid roadmap with a payload in every text field the model has."""
    p = _payloads().__next__
    week = {
        "summary": p(),
        "topics": [p(), {"one_of": [p(), p()]}],
        "build": p(),
        "deliverable": p(),
        "beginner_task": p(),
        "enterprise_task": {"one_of": [p(), p()]},
        "youtube": [p(), {"one_of": [p(), p()]}],
        "guidance": [p(), {"one_of": [p(), p()]}],
        "notes": [p()],
    }
    return {
        "title": p(),
        "slug": "hostile",
        "start": dt.date(2026, 11, 2),
        "goal": p(),
        "summary": p(),
        "notes": [p(), p()],
        "time_budget": {"per_week": 10, "per_day": {"min": 1, "max": 2}},
        "key_dates": [
            {"label": p(), "date": dt.date(2026, 11, 4), "emoji": p()},
            {"label": p(), "date": dt.date(2026, 11, 15)},
        ],
        "phases": [
            {
                "title": p(),
                "emoji": p(),
                "summary": p(),
                "months": [
                    {
                        "title": p(),
                        "emoji": p(),
                        "length": p(),
                        "summary": p(),
                        "weeks": [
                            {
                                "number": 1,
                                "title": "W1 </title><script>hbx(0)</script> *a* & b",
                                "milestone": p(),
                                **week,
                            },
                        ],
                    },
                    {
                        "kind": "project",
                        "number": 1,
                        "title": p(),
                        "brief": p(),
                        "deliverables": [p(), p()],
                        "deadline": {"label": p(), "emoji": p(), "date": dt.date(2026, 11, 15)},
                        "weeks": [
                            {"number": 2, "title": "W2 &lt;hb-x&gt; &#60;", "youtube": [p()]}
                        ],
                    },
                ],
            }
        ],
        "schedule": {
            "timezone": "Africa/Nairobi",
            "zone_label": p(),
            "days": [
                {
                    "name": p(),
                    "emoji": p(),
                    "days": ["mon", "tue"],
                    "sessions": [{"title": p(), "start": "09:00", "end": "10:00", "agenda": [p()]}],
                    "notes": [{"label": p(), "text": p()}],
                }
            ],
        },
        "commitment": {"intro": p(), "pledges": [{"lead": p(), "text": p()}], "closing": p()},
    }


def hostile_lock(roadmap: dict[str, Any]) -> Lock:
    """Videos for every query of week 1, with payloads for titles and channels."""
    texts = [q for q in roadmap["phases"][0]["months"][0]["weeks"][0]["youtube"]]
    queries = [t for q in texts for t in (q["one_of"] if isinstance(q, dict) else [q])]
    entries = {}
    for n, text in enumerate(queries):
        video = StoredVideo(
            id=f"hostile{n:04d}",
            title=f"V{n} " + PAYLOADS[n % len(PAYLOADS)].format(n=100 + n),
            channel=f"C{n} " + PAYLOADS[(n + 1) % len(PAYLOADS)].format(n=200 + n),
            published=dt.date(2025, 1, 1),
            seconds=600,
            verified=dt.date(2026, 11, 1),
        )
        entries[query.key(text, VideoSettings())] = Entry(
            searched=dt.date(2026, 11, 1), videos=(video,)
        )
    return Lock(queries=entries)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """The hostile roadmap, built by each engine."""
    work = tmp_path_factory.mktemp(f"hostile-{engine}")
    content = work / "content"
    (content / "roadmaps").mkdir(parents=True)
    roadmap = hostile_roadmap()
    (content / "roadmaps" / "hostile.yaml").write_text(
        yaml.safe_dump(roadmap, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    lock.save(lock.path_in(content), hostile_lock(roadmap))
    return build_site(content, work / "project", engine)


class _Collector(HTMLParser):
    """Every element, attribute and script text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in: str | None = None
        self.title = ""
        self.h1 = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "title":
            self.title += data


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data"}


def _problems(page: str, collector: _Collector) -> list[str]:
    found = []
    for tag, attrs in collector.tags:
        if tag in {"hb-x", "style"}:
            found.append(f"{page}: element <{tag}> from content")
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"{page}: event attribute {name} on <{tag}>")
            if name in {"x", "hbx", "data-n"}:
                found.append(f"{page}: attribute {name} on <{tag}> from content")
            # Material's own search "share" button is the one javascript: link of the theme
            if (
                name in URL_ATTRIBUTES
                and value
                and value != "javascript:void(0)"
                and re.search(r"(?i)^\s*javascript:|evil\.example|hbx\(", value)
            ):
                found.append(f"{page}: {name}={value!r} on <{tag}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            found.append(f"{page}: <img src=x> from content")
    found += [f"{page}: script from content" for s in collector.scripts if "hbx(" in s]
    return found


def test_no_element_attribute_or_url_comes_from_content(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 7
    problems = []
    for page in pages:
        collector = _Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        problems += _problems(str(page.relative_to(hostile_site)), collector)
    assert problems == []


def test_the_search_index_holds_only_escaped_text(hostile_site: Path) -> None:
    """The themes' search shows titles and text as HTML: the index must hold escaped text
    (Material's ``search/search_index.json`` lists ``docs``, Zensical's ``search.json``
    ``items``)."""
    material = hostile_site / "search" / "search_index.json"
    if material.is_file():
        docs = json.loads(material.read_text("utf-8"))["docs"]
    else:
        docs = json.loads((hostile_site / "search.json").read_text("utf-8"))["items"]
    problems = []
    for doc in docs:
        for field in ("title", "text"):
            collector = _Collector()
            collector.feed(doc[field])
            problems += _problems(f"search {doc['location']} {field}", collector)
    assert problems == []
    assert any("hbx(" in doc["text"] for doc in docs)  # indexed, as text


def test_titles_read_literally_in_the_title_and_heading(hostile_site: Path) -> None:
    roadmap = hostile_roadmap()
    for number, month in ((1, 0), (2, 1)):
        week_title = roadmap["phases"][0]["months"][month]["weeks"][0]["title"]
        page = (hostile_site / "hostile" / f"week-0{number}" / "index.html").read_text("utf-8")
        collector = _Collector()
        collector.feed(page)
        assert collector.title == f"Week {number} · {week_title} - Study Handbook"
        heading = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", page, re.S)
        assert heading is not None
        text = html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip()
        assert text == f"Week {number} · {week_title}"
    overview = (hostile_site / "hostile" / "index.html").read_text(encoding="utf-8")
    assert html.escape(roadmap["title"], quote=False) in overview


def test_the_calendar_and_data_keep_the_text(hostile_site: Path) -> None:
    roadmap = hostile_roadmap()
    data = (hostile_site / "assets" / "handbook-data.js").read_text(encoding="utf-8")
    payload = json.loads(data.split("window.handbookData=", 1)[1].rstrip().removesuffix(";"))
    assert payload["roadmaps"]["hostile"]["title"] == roadmap["title"]
    ics = (hostile_site / "hostile" / "calendar.ics").read_text(encoding="utf-8")
    assert "hbx(" in ics  # plain text in a text format; calendar apps show it as such


WATCH = """
window.hbxCalls = [];
window.hbx = n => window.hbxCalls.push(String(n));
"""
"""Every payload calls ``hbx(n)``: a page that runs content as script records it here."""

LIVE_PROBLEMS = """() => [
  ...window.hbxCalls.map(n => "ran hbx(" + n + ")"),
  ...[...document.querySelectorAll("hb-x, style:not(head style)")].map(e => "element <" + e.localName + ">"),
  ...[...document.scripts].filter(e => e.text.includes("hbx(")).map(() => "script from content"),
  ...[...document.querySelectorAll("*")].flatMap(e => [...e.attributes]
      .filter(a => a.name.startsWith("on") || ["x", "hbx", "data-n"].includes(a.name))
      .map(a => "attribute " + a.name + " on <" + e.localName + ">")),
  ...[...document.querySelectorAll("[href^='javascript:' i]:not([href='javascript:void(0)']), img[src='x']")]
      .map(e => "url on <" + e.localName + ">"),
]"""
"""What the live page holds that came from content, after every script has run."""


def test_the_live_pages_run_no_content(hostile_site: Path, browser: Browser) -> None:
    """Our script and Material's build parts of each page in the browser (progress lines,
    "This week", local times, search results), from data that holds content text: after
    they ran, nothing from content may be an element, attribute, URL or script call, and
    nothing may be fetched from a host the payloads name."""

    with serving(hostile_site) as base:
        problems, outside, pages = _visit_live(hostile_site, base, browser)
    assert len(pages) >= 7
    assert problems == []
    assert not [url for url in outside if "evil.example" in url]


def _visit_live(
    hostile_site: Path, base: str, browser: Browser
) -> tuple[list[str], list[str], list[Path]]:
    """Every page of the served hostile site, then search results: what each live page
    holds that came from content, and every URL requested from another host."""
    context = browser.new_context(timezone_id="America/New_York")
    outside: list[str] = []

    def only_this_site(route: Route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_site)
    context.add_init_script(WATCH)
    problems: list[str] = []
    try:
        tab = context.new_page()
        tab.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        # during week 1, so "This week" lines carry the week's title
        tab.clock.set_fixed_time(dt.datetime(2026, 11, 3, 12, tzinfo=dt.UTC))
        pages = sorted(hostile_site.rglob("*.html"))
        for file in pages:
            path = file.relative_to(hostile_site).as_posix().removesuffix("index.html")
            if path.startswith("downloads/"):
                continue
            tab.goto(base + path, wait_until="load")
            problems += [f"/{path}: {p}" for p in tab.evaluate(LIVE_PROBLEMS)]
        # a week title was filled in by our script, and reads literally
        assert "<script>hbx(" in tab.locator(".hb-now").first.inner_text()
        # The themes render search results from the index as HTML (on the real clock,
        # which their search debounce needs)
        tab.close()
        tab = context.new_page()
        for words in ("hbx", "P1", "script onerror", "javascript"):
            tab.goto(base + "hostile/", wait_until="load")
            search(tab, words)
            tab.wait_for_timeout(1000)  # the search's debounce, and its results drawn
            problems += [f"search {words!r}: {p}" for p in tab.evaluate(LIVE_PROBLEMS)]
    finally:
        context.close()
    return problems, outside, pages
