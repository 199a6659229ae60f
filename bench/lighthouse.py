"""Lighthouse (mobile preset) on the pages readers open most: home, an overview, a week with
videos, served as GitHub Pages serves them (``bench/pages.py``).

Lighthouse comes from npm (``lighthouse`` in package.json) and drives Debian's Chromium.
The machine has no internet, so YouTube's thumbnail host is mapped to a local HTTPS server
that answers every thumbnail with a placeholder of the real size (320×180): the page then
loads exactly what it loads in production, and no audit fails for a missing image. Scores
are recorded by ``make bench``; no test asserts them.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import ssl
import struct
import subprocess
import tempfile
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.pages import serving

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "lcp_ms": "largest-contentful-paint",
    "cls": "cumulative-layout-shift",
    "tbt_ms": "total-blocking-time",
}
"""The figures behind the performance score, by the name the results give them."""
RUNS = 3
"""Runs per page; the median run (by performance score) is reported."""


def placeholder_png(width: int = 320, height: int = 180) -> bytes:
    """A plain grey PNG of the thumbnails' real size (no image library needed)."""
    row = b"\x00" + b"\xcc\xcc\xcc" * width
    raw = zlib.compress(row * height, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


class _Thumbnails(http.server.BaseHTTPRequestHandler):
    image = placeholder_png()

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.image)))
        self.send_header("Cache-Control", "max-age=86400")
        self.end_headers()
        self.wfile.write(self.image)


@contextmanager
def _serving(server: http.server.ThreadingHTTPServer) -> Iterator[int]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _certificate(folder: Path) -> tuple[Path, Path]:
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=i.ytimg.com",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return key, cert


def available() -> str | None:
    """Why Lighthouse cannot run here, or None when it can."""
    if not LIGHTHOUSE.is_file():
        return "node_modules/lighthouse is missing (npm ci)"
    if shutil.which("node") is None or not Path(CHROMIUM).is_file():
        return "node or /usr/bin/chromium is missing"
    if shutil.which("openssl") is None:
        return "openssl is missing"
    return None


def measure(site: Path, pages: dict[str, str]) -> dict[str, Any]:
    """Category scores (0-1) per page of ``site``: name → site path, e.g. ``"week": "a/week-01/"``."""
    missing = available()
    if missing:
        return {"skipped": missing}
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        work = Path(scratch)
        key, cert = _certificate(work)
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(cert, key)
        thumbs = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Thumbnails)
        thumbs.socket = tls.wrap_socket(thumbs.socket, server_side=True)
        with _serving(thumbs) as thumb_port, serving(site) as (root, _):
            flags = " ".join(
                [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    "--ignore-certificate-errors",
                    f'--host-resolver-rules="MAP i.ytimg.com:443 127.0.0.1:{thumb_port}"',
                ]
            )
            for name, path in pages.items():
                runs = [_run(work, root + path, flags) for _ in range(RUNS)]
                reports = [report for report in runs if "error" not in report]
                if not reports:
                    results[name] = runs[0]
                    continue
                # Lighthouse's advice for a noisy machine: the median run by performance
                reports.sort(key=lambda report: report["scores"]["performance"])
                results[name] = {"path": path, "runs": len(reports), **reports[len(reports) // 2]}
    return results


def _run(work: Path, url: str, flags: str) -> dict[str, Any]:
    """One Lighthouse run of ``url``: scores, the metrics behind performance, weak audits."""
    report = work / "report.json"
    report.unlink(missing_ok=True)
    command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}"]
    command += ["--quiet", f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    environ = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, env=environ, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not report.is_file():
        return {"error": done.stderr.strip().splitlines()[-1:]}
    data = json.loads(report.read_text(encoding="utf-8"))
    failing = sorted(
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    )
    return {
        "scores": {c: data["categories"][c]["score"] for c in CATEGORIES},
        "metrics": {
            key: round(data["audits"][audit]["numericValue"], 3) for key, audit in METRICS.items()
        },
        "below_0.9": failing[:12],
    }
