"""``make bench``: what people wait for, with each engine side by side.

For the real handbook and a synthetic one of 1,000 weeks, and for each engine (MkDocs with
Material, Zensical): what ``make build`` costs against the engine alone, what the second
``make build`` costs, and how long an edit takes to show in ``make serve``; for the real
handbook, what a reader's phone loads and Lighthouse's scores, on the site each engine
builds. Writes ``bench/results.json`` and ``bench/results.md`` and prints the report.

Every time is a median; figures compared with each other are measured in the same run, in
rounds. Nothing here is asserted by the tests: timings vary between machines, so they are
reported, not enforced. ``--quick`` (for development) leaves out the 1,000-week handbook and
Lighthouse, the two slow parts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench import assets, firstvisit, lighthouse, pages, preview, quota, synthetic

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
SITE_URL = "http://127.0.0.1:8000/"
"""The site_url renders use, as mkdocs.yml gives it without SITE_URL set."""
RESULTS_JSON = ROOT / "bench" / "results.json"
RESULTS_MD = ROOT / "bench" / "results.md"
PROJECT_FILES = ("mkdocs.yml", "overrides")
"""What a scratch project holds besides its content. Not the generator: it runs from the
installed package, and a copy in the project would be what ``python -m generator.cli``
imports there (the working directory comes first on the module path)."""
ENGINES = ("mkdocs", "zensical")
GENERATED = "mkdocs.generated.yml"
"""The generated configuration ``handbook build`` writes beside mkdocs.yml (``engine.py``)."""


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``action``, after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 4)


def run(command: Sequence[str | Path], cwd: Path) -> str:
    """Run a command quietly and return its output; fail loudly with it if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def project(name: str, content: Path) -> Path:
    """A scratch copy of the project's site configuration, with ``content`` as its content."""
    target = WORK / name
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for entry in PROJECT_FILES:
        source = ROOT / entry
        if source.is_dir():
            shutil.copytree(source, target / entry, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / entry)
    shutil.copytree(content, target / "content")
    return target


def handbooks(quick: bool) -> dict[str, Path]:
    """The content folders measured: the real one and (unless ``quick``) a synthetic
    1,000-week one, to see how the build scales."""
    if quick:
        return {"real": ROOT / "content"}
    big = WORK / "content-1000"
    shutil.rmtree(big, ignore_errors=True)
    synthetic.write(big, 1000)
    return {"real": ROOT / "content", "1000 weeks": big}


def render_figures(content: Path, runs: int) -> dict[str, Any]:
    """Seconds to load, validate and render into an empty folder; peak memory of that process."""
    docs = WORK / "render-docs"
    script = (
        "import resource, sys, shutil\n"
        "from pathlib import Path\n"
        "from generator import pipeline\n"
        "shutil.rmtree(sys.argv[2], ignore_errors=True)\n"
        "pipeline.render_handbook(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )

    from generator import pipeline

    # Each run writes into a folder that does not exist yet; deleting the previous run's
    # thousand files is the file system's work, not the render's, so it happens untimed.
    folders = iter(WORK / f"render-docs-{n}" for n in range(runs + 1))
    for folder in WORK.glob("render-docs-*"):
        shutil.rmtree(folder)

    def in_process() -> None:
        pipeline.render_handbook(content, next(folders), SITE_URL)

    peak = subprocess.run(
        [sys.executable, "-c", script, str(content), str(docs), SITE_URL],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = median_seconds(in_process, runs)
    for folder in WORK.glob("render-docs-*"):
        shutil.rmtree(folder)
    return {"seconds": seconds, "peak_rss_mb": round(int(peak.stdout.strip()) / 1024, 1)}


def engine_alone(engine: str) -> list[str]:
    """The engine's own build of the pages ``handbook build`` generated, from the generated
    configuration: the figure the handbook's overhead is measured against."""
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", GENERATED]
    return [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", GENERATED]


def in_rounds(actions: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median seconds of each action, run one of each per round, in the order given, after
    an untimed warm-up round: a shared machine slowing down or speeding up during the run
    then weighs on all of them alike."""
    times: dict[str, list[float]] = {key: [] for key in actions}
    for round_number in range(rounds + 1):
        for key, action in actions.items():
            start = time.perf_counter()
            action()
            if round_number:
                times[key].append(time.perf_counter() - start)
    return {key: round(statistics.median(values), 4) for key, values in times.items()}


def percent_over(figure: float, base: float) -> float:
    """How much longer ``figure`` is than ``base``, in percent."""
    return round((figure / base - 1) * 100, 1)


def build_figures(name: str, content: Path, engine: str, rounds: int) -> dict[str, Any]:
    """What ``handbook build --builder ENGINE`` costs, against the engine alone on the same
    pages, and what the second ``make build`` costs.

    - **cold** (``--no-offline``): the render stamp and the site's stamp are emptied first,
      and Zensical's cache removed (its own build runs with ``--clean``), so the content is
      loaded, rendered, handed over, built and finished every time;
    - **engine alone**: ``mkdocs build`` / ``zensical build --clean`` from the generated
      configuration the cold build wrote; the difference is the handbook's overhead;
    - **full, cold**: the same with the offline copy, as ``make build`` runs it;
    - **no change**: ``make build`` again right after it: everything is reused.
    """
    from generator import build, writer

    root = project(f"build-{name.replace(' ', '-')}-{engine}", content)
    handbook = [sys.executable, "-m", "generator.cli", "build", "--builder", engine]
    docs_stamp = root / "build" / "docs" / writer.STAMP
    site_stamp = root / "site" / build.MARKER

    def cold(options: Sequence[str]) -> Callable[[], None]:
        def action() -> None:
            docs_stamp.unlink(missing_ok=True)
            if site_stamp.parent.is_dir():  # emptied, not removed: the folder stays ours
                site_stamp.write_text("{}\n", encoding="utf-8")
            shutil.rmtree(root / ".cache", ignore_errors=True)  # Zensical's
            run([*handbook, *options], root)

        return action

    def no_change() -> None:
        if run(handbook, root).count("Up to date:") != 2:  # pages and site: else it would lie
            raise RuntimeError(f"{root}: a build right after a build did not reuse everything")

    medians = in_rounds(
        {
            "cold": cold(["--no-offline"]),
            "alone": lambda: run(engine_alone(engine), root),
            "full": cold([]),
            "no_change": no_change,
        },
        rounds,
    )
    return {
        "engine_alone_seconds": medians["alone"],
        "handbook_build_cold_seconds": medians["cold"],
        "overhead_percent": percent_over(medians["cold"], medians["alone"]),
        "full_build_cold_seconds": medians["full"],
        "no_change_build_seconds": medians["no_change"],
        "rounds": rounds,
    }


def preview_figures(name: str, content: Path, edits: int) -> dict[str, Any]:
    """Edit → served page in ``handbook serve``, with each engine, on one scratch project."""
    root = project(f"preview-{name.replace(' ', '-')}", content)
    figures: dict[str, Any] = {}
    for engine in ENGINES:
        medians = preview.measure(root, engine, edits)
        figures[engine] = {
            "title_edit_seconds": medians["title"],
            "topic_edit_seconds": medians["topic"],
            "edits": edits,
        }
    return figures


def noop_figures(content: Path) -> dict[str, Any]:
    """Files written by a render with nothing changed, and after a one-week change."""
    from generator import pipeline

    root = WORK / "noop"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(content, root / "content")
    docs = root / "docs"
    first = pipeline.render_handbook(root / "content", docs, SITE_URL)
    again = pipeline.render_handbook(root / "content", docs, SITE_URL)
    roadmap = root / "content" / "roadmaps" / "backend-2026.yaml"
    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.replace("title: Shell Scripting", "title: Shell Scripting!"), "utf-8")
    changed = pipeline.render_handbook(root / "content", docs, SITE_URL)
    return {
        "files": first.files,
        "written_when_unchanged": len(again.report.written),
        "written_after_one_week_change": len(changed.report.written),
        "pages_rewritten_after_one_week_change": changed.report.written,
    }


def filled_content() -> Path:
    """A copy of the real content whose lock was filled by a refresh against the fake API.

    Week pages then carry their video lists and thumbnails, as they do in production.
    """
    from generator.youtube import lock
    from tests.fakes.youtube_api import FakeYouTube

    folder = WORK / "content-videos"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "content" / "roadmaps", folder / "roadmaps")
    with FakeYouTube(keys=(quota.KEY,), today=quota.TODAY) as fake:
        filler = quota._Bench(folder, fake)
        filler.run(quota.TODAY)
    lock.save(lock.path_in(folder), filler.state)
    return folder


WEEK_PAGE = "backend-2026/week-44/"
"""The week page weighed: a project week with its videos."""
LIGHTHOUSE_PAGES = {"home": "", "overview": "backend-2026/", "week": WEEK_PAGE}
"""The pages readers open most."""


def weight_sites(content: Path) -> dict[str, Path]:
    """The handbook with its videos built by each engine, as deployed (offline copy
    included: the home page links to it), each in a project of its own."""
    sites = {}
    for engine in ENGINES:
        root = project(f"weight-{engine}", content)
        run([sys.executable, "-m", "generator.cli", "build", "--builder", engine], root)
        sites[engine] = root / "site"
    return sites


def page_weight(sites: dict[str, Path]) -> dict[str, Any]:
    """Bytes of the week page and of our assets; requests it makes before anything scrolls,
    per engine (our own JS and CSS are the same under both)."""
    figures: dict[str, Any] = {"page": WEEK_PAGE, "our_js_css_bytes": assets.measure()["totals"]}
    for engine, site in sites.items():
        figures[engine] = {
            "html_bytes": (site / WEEK_PAGE / "index.html").stat().st_size,
            "generated_data_script_bytes": (site / "assets" / "handbook-data.js").stat().st_size,
            **_requests(site, WEEK_PAGE),
        }
    return figures


def _requests(site: Path, page: str) -> dict[str, Any]:
    """Requests Chromium makes loading ``page`` (viewport 1280x800, no scrolling)."""
    from playwright.sync_api import sync_playwright

    seen: list[str] = []
    with pages.serving(site) as (base, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        # no internet here: answer thumbnails with an empty image, but count them
        context.route("https://**/*", lambda route: route.fulfill(status=204))
        tab = context.new_page()
        tab.on("request", lambda request: seen.append(request.url))
        tab.goto(base + page, wait_until="networkidle")
        thumbnails = tab.locator(".hb-video img").count()
        browser.close()
    external = [url for url in seen if not url.startswith(base)]
    return {
        "requests_before_scroll": len(seen),
        "requests_to_other_hosts": len(external),
        "thumbnails_on_page": thumbnails,
        "thumbnails_loaded_before_scroll": sum("ytimg" in url for url in external),
    }


def first_visit_figures(sites: dict[str, Path]) -> dict[str, Any]:
    """Bytes of a first visit to each real roadmap's overview, with and without the service
    worker, on each engine's site (a few seconds each: cheap enough to do for both)."""
    import yaml
    from playwright.sync_api import sync_playwright

    files = sorted((ROOT / "content" / "roadmaps").glob("*.yaml"))
    roadmaps = [str(yaml.safe_load(f.read_text(encoding="utf-8"))["slug"]) for f in files]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            return {
                engine: firstvisit.measure(site, roadmaps, browser)
                for engine, site in sites.items()
            }
        finally:
            browser.close()


def machine() -> dict[str, Any]:
    """Where and with what the figures were measured, and how busy the shared machine was."""
    versions: dict[str, str | None] = {}
    for package in ("mkdocs", "mkdocs-material", "zensical", "pydantic", "PyYAML", "Jinja2"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "versions": versions,
        "load_average_start": [round(load, 2) for load in os.getloadavg()],
    }


Row = tuple[str, dict[str, Any]]
"""One row of a side-by-side table: its label and a cell per engine."""


def side_by_side(rows: Sequence[Row], first: str = "handbook: figure") -> list[str]:
    """A Markdown table with one row per figure and one column per engine; a missing
    cell shows as a dash."""
    lines = [f"| {first} | {' | '.join(ENGINES)} |", "| --- " * (len(ENGINES) + 1) + "|"]
    for label, cells in rows:
        lines.append(f"| {label} | {' | '.join(str(cells.get(e, '–')) for e in ENGINES)} |")
    return lines


def _cells(by_engine: dict[str, Any], show: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    return {engine: show(figures) for engine, figures in by_engine.items()}


def build_rows(build: dict[str, Any]) -> list[Row]:
    """The build table's rows: per handbook, the engine alone, the handbook's cold build and
    its overhead, ``make build`` cold and again with nothing changed."""
    rows: list[Row] = []
    for name, by_engine in build.items():
        rows += [
            (f"{name}: engine alone (s)", _cells(by_engine, lambda f: f["engine_alone_seconds"])),
            (
                f"{name}: `handbook build --no-offline`, cold (s)",
                _cells(by_engine, lambda f: f["handbook_build_cold_seconds"]),
            ),
            (
                f"{name}: overhead of the handbook",
                _cells(by_engine, lambda f: f"{f['overhead_percent']}%"),
            ),
            (
                f"{name}: `handbook build` with the offline copy, cold (s)",
                _cells(by_engine, lambda f: f["full_build_cold_seconds"]),
            ),
            (
                f"{name}: `handbook build` again, nothing changed (s)",
                _cells(by_engine, lambda f: f["no_change_build_seconds"]),
            ),
        ]
    return rows


def preview_rows(figures: dict[str, Any]) -> list[Row]:
    """Per handbook, the two kinds of edit."""
    rows: list[Row] = []
    for name, by_engine in figures.items():
        rows += [
            (
                f"{name}: a week's title edited (s)",
                _cells(by_engine, lambda f: f["title_edit_seconds"]),
            ),
            (
                f"{name}: a week's topic edited (s)",
                _cells(by_engine, lambda f: f["topic_edit_seconds"]),
            ),
        ]
    return rows


def weight_rows(weight: dict[str, Any]) -> list[Row]:
    """The week page's bytes and requests, per engine."""
    by_engine = {engine: weight[engine] for engine in ENGINES if engine in weight}
    return [
        ("HTML (bytes)", _cells(by_engine, lambda f: f"{f['html_bytes']:,}")),
        (
            "generated data script (bytes)",
            _cells(by_engine, lambda f: f"{f['generated_data_script_bytes']:,}"),
        ),
        (
            "requests before anything scrolls (to other hosts)",
            _cells(
                by_engine,
                lambda f: f"{f['requests_before_scroll']} ({f['requests_to_other_hosts']})",
            ),
        ),
        (
            "thumbnails on the page / loaded before scrolling",
            _cells(
                by_engine,
                lambda f: f"{f['thumbnails_on_page']} / {f['thumbnails_loaded_before_scroll']}",
            ),
        ),
    ]


def first_visit_rows(figures: dict[str, Any]) -> list[Row]:
    """Per roadmap, bytes without and with the worker, per engine."""
    slugs = sorted({slug for by_slug in figures.values() for slug in by_slug})
    rows: list[Row] = []
    for slug in slugs:
        for label, key in (
            ("without the worker", "without_worker_bytes"),
            ("with the worker (saved for offline)", "with_worker_bytes"),
            ("added", "added_bytes"),
        ):
            cells = {e: f"{by_slug[slug][key]:,}" for e, by_slug in figures.items()}
            rows.append((f"{slug}: {label}", cells))
    return rows


def lighthouse_rows(figures: dict[str, Any]) -> list[Row]:
    """Per page, the four scores and the three figures behind performance, per engine."""
    names = [name for name in LIGHTHOUSE_PAGES if any(name in f for f in figures.values())]

    def scores(page: dict[str, Any]) -> str:
        if "error" in page:
            return f"failed: {' '.join(page['error'])}"
        return " / ".join(str(round(page["scores"][c] * 100)) for c in lighthouse.CATEGORIES)

    def metrics(page: dict[str, Any]) -> str:
        if "error" in page:
            return "–"
        return " / ".join(str(round(page["metrics"][m], 3)) for m in lighthouse.METRICS)

    rows: list[Row] = []
    for name in names:
        pages_of = {engine: by_page[name] for engine, by_page in figures.items()}
        rows += [
            (f"{name}: {' / '.join(lighthouse.CATEGORIES)}", _cells(pages_of, scores)),
            (f"{name}: {' / '.join(lighthouse.METRICS)}", _cells(pages_of, metrics)),
        ]
    return rows


def markdown_report(results: dict[str, Any]) -> str:
    """The figures as a readable Markdown document, the engines side by side."""
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {m['date']} on {m['platform']} ({m['processor']}, {m['cpus']} CPUs, shared "
        f"with other work), Python {m['python']}. Load average (1, 5, 15 min) at the start: "
        f"{', '.join(map(str, m['load_average_start']))}; at the end: "
        f"{', '.join(map(str, m.get('load_average_end', [])))}.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v) + ".",
    ]
    if results.get("quick"):
        lines += ["", "A `--quick` run: real content only, no Lighthouse."]
    lines += [
        "",
        "## `make build`: the handbook's build against the engine alone",
        "",
        "Cold: the render stamp and the site's stamp emptied (and Zensical's cache removed)",
        "before each run, so everything is loaded, rendered, built and finished. Engine alone:",
        "`python -m mkdocs build --strict` / `python -m zensical build --strict --clean` from",
        "the generated configuration, on the same pages. Nothing changed: `handbook build`",
        "right after the full build, which reuses the site. Medians of rounds in which each",
        f"build runs once, in turn ({', '.join(_round_counts(results['build']))}).",
        "",
        *side_by_side(build_rows(results["build"])),
        "",
        "## Edit → served page in `make serve`",
        "",
        "From saving the roadmap file to the served week page showing the edit (polled; what a",
        "reload would show), median of several edits, the server idle before each. A title is",
        "in every page's sidebar, so every page is rebuilt; a topic is on one page.",
        "",
        *side_by_side(preview_rows(results["preview"])),
    ]
    w = results["page_weight"]
    ours = w["our_js_css_bytes"]
    lines += [
        "",
        f"## Page weight ({w['page']}, with its videos)",
        "",
        f"Our JS and CSS, the same under both engines: {ours['ours']['raw']:,} bytes "
        f"({ours['ours']['gzip']:,} gzipped); vendored offline shim: "
        f"{ours['vendored']['raw']:,} bytes.",
        "",
        *side_by_side(weight_rows(w), "week page"),
        "",
        "## First visit to a roadmap's overview (gzip, as GitHub Pages serves it; bytes sent)",
        "",
        *side_by_side(first_visit_rows(results["first_visit"]), "roadmap"),
    ]
    lines += lighthouse_report(results["lighthouse"])
    lines += [
        "",
        "## Render (load, validate, render into an empty folder; for information)",
        "",
        "| handbook | median seconds | peak memory (MB) |",
        "| --- | --- | --- |",
    ]
    for name, figures in results["render"].items():
        lines.append(f"| {name} | {figures['seconds']} | {figures['peak_rss_mb']} |")
    noop = results["noop"]
    lines += [
        "",
        "## No-op rebuild (real content)",
        "",
        f"- files generated: {noop['files']}",
        f"- written by a render with nothing changed: {noop['written_when_unchanged']}",
        f"- written after changing one week's title: {noop['written_after_one_week_change']} "
        f"({', '.join(noop['pages_rewritten_after_one_week_change'])})",
    ]
    q = results["quota"]
    lines += [
        "",
        "## YouTube quota (real content, fake Data API; units)",
        "",
        f"{q['queries']} distinct queries from {q['query_uses']} uses in the content.",
        "",
        "| scenario | search.list | videos.list | units | naive (one search per use) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, key in (
        ("first full refresh", "first_full"),
        ("steady state, next day", "next_day"),
        ("steady state, 30-day re-verification", "reverify_day"),
        ("after 10% of stored videos died", "ten_percent_dead"),
    ):
        row = q[key]
        lines.append(
            f"| {label} | {row['search_calls']} | {row['videos_calls']} | {row['units']} | "
            f"{q['naive_per_build']} |"
        )
    return "\n".join(lines) + "\n"


def _round_counts(build: dict[str, Any]) -> list[str]:
    counts = {name: next(iter(by_engine.values()))["rounds"] for name, by_engine in build.items()}
    return [f"{name}: {n} round{'s' if n > 1 else ''}" for name, n in counts.items()]


def lighthouse_report(figures: dict[str, Any]) -> list[str]:
    """Lighthouse's scores side by side, then the audits each page scores below 0.9 on."""
    lines = ["", "## Lighthouse (mobile preset, served gzipped like GitHub Pages)", ""]
    if "skipped" in figures:
        return [*lines, f"Not measured: {figures['skipped']}."]
    for engine, by_page in figures.items():
        if "skipped" in by_page:
            lines += [f"Not measured with {engine}: {by_page['skipped']}.", ""]
    figures = {engine: by_page for engine, by_page in figures.items() if "skipped" not in by_page}
    lines += [
        "Median run of each page by performance score; scores out of 100, LCP and TBT in ms.",
        "",
        *side_by_side(lighthouse_rows(figures), "page"),
        "",
        "Audits scoring below 0.9:",
        "",
    ]
    for engine, by_page in figures.items():
        for name, page in by_page.items():
            below = ", ".join(page.get("below_0.9", [])) or "none"
            lines.append(f"- {engine}, {name}: {below}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--runs", type=int, default=5, help="rounds or edits per figure (median); 1,000 weeks: half"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="real content only, no Lighthouse; results go to bench/.work/quick/, so the "
        "committed ones are not overwritten",
    )
    args = parser.parse_args(argv)
    runs: int = args.runs
    WORK.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT)

    def rounds(name: str) -> int:  # a 1,000-week round takes minutes
        return runs if name == "real" else max(1, (runs + 1) // 2)

    contents = handbooks(args.quick)
    results: dict[str, Any] = {"machine": machine(), "quick": args.quick}
    results["build"] = {
        name: {engine: build_figures(name, path, engine, rounds(name)) for engine in ENGINES}
        for name, path in contents.items()
    }
    results["preview"] = {
        name: preview_figures(name, path, rounds(name)) for name, path in contents.items()
    }
    sites = weight_sites(filled_content())
    results["page_weight"] = page_weight(sites)
    results["first_visit"] = first_visit_figures(sites)
    results["lighthouse"] = (
        {"skipped": "a --quick run"}
        if args.quick
        else {engine: lighthouse.measure(site, LIGHTHOUSE_PAGES) for engine, site in sites.items()}
    )
    results["render"] = {name: render_figures(path, runs) for name, path in contents.items()}
    results["noop"] = noop_figures(contents["real"])
    results["quota"] = quota.measure()
    results["machine"]["load_average_end"] = [round(load, 2) for load in os.getloadavg()]

    folder = WORK / "quick" if args.quick else RESULTS_JSON.parent
    folder.mkdir(parents=True, exist_ok=True)
    report = markdown_report(results)
    (folder / RESULTS_JSON.name).write_text(
        json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    (folder / RESULTS_MD.name).write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
