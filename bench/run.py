"""``make bench``: how fast, how light, how frugal, measured side by side.

Writes ``bench/results.json`` and ``bench/results.md`` and prints the table.
Every time is the median of several runs; every comparison is a ratio of
figures measured in the same run on the same machine. Nothing here is
asserted by the tests: timings vary between machines, so they are reported,
not enforced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import itertools
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

from bench import assets, firstvisit, lighthouse, pages, quota, synthetic

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
SITE_URL = "http://127.0.0.1:8000/"
"""The site_url renders use, as mkdocs.yml gives it without SITE_URL set."""
RESULTS_JSON = ROOT / "bench" / "results.json"
RESULTS_MD = ROOT / "bench" / "results.md"
PROJECT_FILES = ("mkdocs.yml", "overrides", "generator")


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``action``, after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 4)


def run(command: Sequence[str | Path], cwd: Path) -> None:
    """Run a command quietly; fail loudly with its output if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{result.stdout}\n{result.stderr}")


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


def handbooks() -> dict[str, Path]:
    """The content folders measured: the real one and a synthetic 1,000-week one."""
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


def overhead_figures(name: str, content: Path, rounds: int) -> dict[str, Any]:
    """``handbook build`` (load, render, mkdocs build) versus ``mkdocs build`` alone, and a
    render right after a build.

    "cold": the render stamp is removed before each run, so the content is
    loaded, validated and rendered every time (the files are still not
    rewritten); "warm": nothing changed since the last build, the usual case
    of a rebuild, where the stamp lets the render stage skip its work.

    The four are measured in rounds, one of each per round, so that a machine
    slowing down or speeding up during the run (a shared machine does) weighs
    on all of them alike. The render here follows the builds of the round
    before, so it also meets the disk as they left it: on this benchmark's
    virtual machine, creating its 1,000 files took 0.04 s after other renders and
    up to 0.5 s after builds (each build deletes and rewrites thousands).
    """
    from generator import pipeline, writer

    root = project(f"overhead-{name.replace(' ', '-')}", content)
    python = sys.executable
    full = [python, "-m", "generator.cli", "build", "--no-offline", "--site-dir", "site"]
    alone = [python, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    stamp = root / "build" / "docs" / writer.STAMP
    folders = (WORK / f"ratio-docs-{n}" for n in itertools.count())
    for folder in WORK.glob("ratio-docs-*"):
        shutil.rmtree(folder)

    def render() -> None:  # as render_figures times it: in process, into a new folder
        pipeline.render_handbook(content, next(folders), SITE_URL)

    def cold() -> None:
        stamp.unlink(missing_ok=True)
        run(full, root)

    def warm() -> None:
        run(full, root)

    def mkdocs_alone() -> None:
        run(alone, root)

    actions = {"render": render, "cold": cold, "warm": warm, "alone": mkdocs_alone}
    times: dict[str, list[float]] = {key: [] for key in actions}
    for action in actions.values():  # warm-up: generates the pages mkdocs alone builds from
        action()
    for _ in range(rounds):
        for key, action in actions.items():
            start = time.perf_counter()
            action()
            times[key].append(time.perf_counter() - start)
    for folder in WORK.glob("ratio-docs-*"):
        shutil.rmtree(folder)
    cold_seconds, warm_seconds, alone_seconds = (
        round(statistics.median(times[key]), 4) for key in ("cold", "warm", "alone")
    )
    ratios = [r / a for r, a in zip(times["render"], times["alone"], strict=True)]
    return {
        "handbook_build_cold_seconds": cold_seconds,
        "handbook_build_warm_seconds": warm_seconds,
        "mkdocs_build_seconds": alone_seconds,
        "overhead_cold_percent": round((cold_seconds / alone_seconds - 1) * 100, 1),
        "overhead_warm_percent": round((warm_seconds / alone_seconds - 1) * 100, 1),
        "render_after_build_seconds": round(statistics.median(times["render"]), 4),
        "render_after_build_ratio": round(statistics.median(ratios), 3),
        "rounds": rounds,
    }


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


def page_weight(runs: int) -> dict[str, Any]:
    """Bytes of a week page and of our assets; requests it makes before anything scrolls."""
    root = project("weight", filled_content())
    # with the offline zip, as deployed: the home page links to it
    run([sys.executable, "-m", "generator.cli", "build", "--site-dir", "site"], root)
    site = root / "site"
    page = "backend-2026/week-44/index.html"
    data_script = site / "assets" / "handbook-data.js"
    ours = assets.measure()["totals"]
    figures: dict[str, Any] = {
        "page": page,
        "html_bytes": (site / page).stat().st_size,
        "our_js_css_bytes": ours,
        "generated_data_script_bytes": data_script.stat().st_size,
    }
    figures.update(_requests(site, page))
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
        tab.goto(base + page.removesuffix("index.html"), wait_until="networkidle")
        thumbnails = tab.locator(".hb-video img").count()
        browser.close()
    external = [url for url in seen if not url.startswith(base)]
    return {
        "requests_before_scroll": len(seen),
        "requests_to_other_hosts": len(external),
        "thumbnails_on_page": thumbnails,
        "thumbnails_loaded_before_scroll": sum("ytimg" in url for url in external),
    }


LIGHTHOUSE_PAGES = {"home": "", "overview": "backend-2026/", "week": "backend-2026/week-44/"}
"""The pages readers open most, on the site ``page_weight`` built (real content, videos)."""


def lighthouse_figures() -> dict[str, Any]:
    """Lighthouse's mobile scores for the pages readers open most (after ``page_weight``)."""
    return lighthouse.measure(WORK / "weight" / "site", LIGHTHOUSE_PAGES)


def first_visit_figures() -> dict[str, Any]:
    """Bytes of a first visit to each real roadmap's overview, with and without the service
    worker (on the site ``page_weight`` built)."""
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
            return firstvisit.measure(WORK / "weight" / "site", roadmaps, browser)
        finally:
            browser.close()


def builder_figures(name: str, runs: int) -> dict[str, Any]:
    """``mkdocs build`` versus ``zensical build`` on the pages the overhead step generated."""
    root = WORK / f"overhead-{name.replace(' ', '-')}"
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    zensical = [sys.executable, "-m", "zensical", "build", "--strict", "--clean"]
    mkdocs_seconds = median_seconds(lambda: run(mkdocs, root), runs)
    zensical_seconds = median_seconds(lambda: run(zensical, root), runs)
    return {
        "mkdocs_seconds": mkdocs_seconds,
        "zensical_seconds": zensical_seconds,
        "mkdocs_over_zensical": round(mkdocs_seconds / zensical_seconds, 1),
    }


def machine() -> dict[str, Any]:
    """Where and with what the figures were measured."""
    versions: dict[str, str | None] = {}
    for package in ("mkdocs", "mkdocs-material", "pydantic", "PyYAML", "Jinja2", "zensical"):
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
    }


def markdown_report(results: dict[str, Any]) -> str:
    """The figures as a readable Markdown document."""
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {m['date']} on {m['platform']} ({m['processor']}, {m['cpus']} CPUs), "
        f"Python {m['python']}.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v) + ".",
        "",
        "## Render (load, validate, render into an empty folder)",
        "",
        "| handbook | median seconds | peak memory (MB) |",
        "| --- | --- | --- |",
    ]
    for name, figures in results["render"].items():
        lines.append(f"| {name} | {figures['seconds']} | {figures['peak_rss_mb']} |")
    lines += [
        "",
        "Render time (above) as a share of `mkdocs build` on the same pages (below), in this",
        "run; target at 1,000 weeks: at most 0.05. Beside it, a render timed right after the",
        "builds of each round below, which also meets the disk as those builds left it",
        "(median of each round's own ratio):",
        "",
        "| handbook | render / mkdocs build | render right after builds (s) | its ratio |",
        "| --- | --- | --- | --- |",
    ]
    for name, ratio in results.get("render_ratio", {}).items():
        figures = results["overhead"][name]
        lines.append(
            f"| {name} | {ratio} | {figures['render_after_build_seconds']} | "
            f"{figures['render_after_build_ratio']} |"
        )
    lines += [
        "",
        "## Overhead of the handbook over MkDocs",
        "",
        "Cold: content loaded, validated and rendered on every run. Warm: nothing changed",
        "since the last build, so the render stage finds its stamp current and skips.",
        "Medians of rounds in which each build runs once, in turn.",
        "",
        "| handbook | mkdocs build alone (s) | handbook build, cold (s) | overhead | "
        "handbook build, warm (s) | overhead |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, figures in results["overhead"].items():
        lines.append(
            f"| {name} | {figures['mkdocs_build_seconds']} | "
            f"{figures['handbook_build_cold_seconds']} | {figures['overhead_cold_percent']}% | "
            f"{figures['handbook_build_warm_seconds']} | {figures['overhead_warm_percent']}% |"
        )
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
    w = results["page_weight"]
    ours = w["our_js_css_bytes"]
    lines += [
        "",
        f"## Page weight ({w['page']}, with its videos)",
        "",
        f"- HTML: {w['html_bytes']} bytes",
        f"- our JS and CSS: {ours['ours']['raw']} bytes ({ours['ours']['gzip']} gzipped); "
        f"vendored offline shim: {ours['vendored']['raw']} bytes",
        f"- generated data script: {w['generated_data_script_bytes']} bytes",
        f"- requests before anything scrolls into view: {w['requests_before_scroll']} "
        f"({w['requests_to_other_hosts']} to other hosts; thumbnails on the page: "
        f"{w['thumbnails_on_page']}, loaded before scrolling: "
        f"{w['thumbnails_loaded_before_scroll']})",
    ]
    lines += firstvisit.table(results.get("first_visit", {}))
    lines += lighthouse_report(results.get("lighthouse", {}))
    lines += [
        "",
        "## Builders on the same generated pages",
        "",
        "| handbook | mkdocs build (s) | zensical build (s) | ratio |",
        "| --- | --- | --- | --- |",
    ]
    for name, figures in results["builders"].items():
        lines.append(
            f"| {name} | {figures['mkdocs_seconds']} | {figures['zensical_seconds']} | "
            f"{figures['mkdocs_over_zensical']}x |"
        )
    return "\n".join(lines) + "\n"


def lighthouse_report(figures: dict[str, Any]) -> list[str]:
    """Lighthouse's scores as a table, with the audits each page scores below 0.9 on."""
    lines = ["", "## Lighthouse (mobile preset, served gzipped like GitHub Pages)", ""]
    if "skipped" in figures:
        return [*lines, f"Not measured: {figures['skipped']}."]
    metrics = " | ".join(lighthouse.METRICS)
    header = f"| page | {' | '.join(lighthouse.CATEGORIES)} | {metrics} | audits below 0.9 |"
    lines += [header, "| --- " * (len(lighthouse.CATEGORIES) + len(lighthouse.METRICS) + 2) + "|"]
    for name, page in figures.items():
        if "error" in page:
            lines.append(f"| {name} | failed: {' '.join(page['error'])} |")
            continue
        scores = " | ".join(str(round(page["scores"][c] * 100)) for c in lighthouse.CATEGORIES)
        values = " | ".join(str(page["metrics"][m]) for m in lighthouse.METRICS)
        below = ", ".join(page["below_0.9"]) or "none"
        lines.append(f"| {name} | {scores} | {values} | {below} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (median)")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT)

    contents = handbooks()
    results: dict[str, Any] = {"machine": machine()}
    results["render"] = {name: render_figures(path, args.runs) for name, path in contents.items()}
    results["overhead"] = {
        name: overhead_figures(name, path, args.runs) for name, path in contents.items()
    }
    results["render_ratio"] = {
        name: round(
            results["render"][name]["seconds"] / results["overhead"][name]["mkdocs_build_seconds"],
            3,
        )
        for name in contents
    }
    results["noop"] = noop_figures(contents["real"])
    results["quota"] = quota.measure()
    results["page_weight"] = page_weight(args.runs)
    results["first_visit"] = first_visit_figures()
    results["lighthouse"] = lighthouse_figures()
    results["builders"] = {
        name: builder_figures(name, args.runs if name == "real" else max(1, args.runs // 2))
        for name in contents
    }

    RESULTS_JSON.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    report = markdown_report(results)
    RESULTS_MD.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
