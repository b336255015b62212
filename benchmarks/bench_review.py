"""`geo review`: keyboard review speed in Chromium, decision latency, a page of 5,000 events.

    .venv/bin/python benchmarks/bench_review.py [--runs 3] [--posts 300]

Measures, against the real `geo review` server on 127.0.0.1 (a child process):

1. the time to review 50 events with the keyboard alone in headless Chromium: press
   `a`, wait only for the page's own count of answered decisions, press again (no
   fixed waits), over 50 events; per-decision times from key press to the next event;
2. the server's latency per decision (POST → answer, the decisions file rewritten
   atomically each time), over ``--posts`` sequential decisions on a desk of 5,000
   events, as the file grows from 0 to ``--posts`` records: median and p95;
3. a page of 5,000 events: the /api/events payload, the time to load the page until it
   shows the first event, to go to the next event (`j`), to scroll the list to its
   middle, and to re-sort the whole list.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import harness  # noqa: E402
import httpx  # noqa: E402
from review_support import CliServer, copy_reports, many_events_file  # noqa: E402


def _page(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1")
               else r.abort())
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']")
    return page, time.perf_counter() - t0


def keyboard_review(browser, tmp: Path, n: int = 50) -> tuple[float, list[float]]:
    events = many_events_file(tmp / "sixty.geojson", 60)
    srv = CliServer(str(events), "--decisions", str(tmp / "kb.yaml"))
    try:
        page, _ = _page(browser, srv.url)
        per: list[float] = []
        t0 = time.perf_counter()
        for i in range(1, n + 1):
            t = time.perf_counter()
            page.keyboard.press("a")
            page.wait_for_function(f"(window.geoReviewDecisions || 0) >= {i}", polling="raf")
            per.append(time.perf_counter() - t)
        total = time.perf_counter() - t0
        page.close()
        return total, per
    finally:
        srv.stop()


def post_latency(tmp: Path, events: Path, posts: int) -> list[float]:
    """POST → answer, over one kept-alive connection (as the page's fetches are)."""
    import http.client
    import json
    import socket
    from urllib.parse import urlsplit

    srv = CliServer(str(events), "--decisions", str(tmp / "posts.yaml"))
    try:
        base = srv.url.rstrip("/")
        listed = httpx.get(base + "/api/events", timeout=60).json()["events"]
        ids = [e["id"] for e in listed][:posts]
        parts = urlsplit(base)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        conn.connect()
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        out = []
        for i, key in enumerate(ids):
            body = json.dumps({"decision": "reject", "reason": "not an event"} if i % 5 == 0
                              else {"decision": "accept"})
            t = time.perf_counter()
            conn.request("POST", f"/api/events/{key}", body=body,
                         headers={"Content-Type": "application/json"})
            resp = conn.getresponse()
            data = resp.read()
            out.append(time.perf_counter() - t)
            assert resp.status == 200, data
        conn.close()
        return out
    finally:
        srv.stop()


def big_page(browser, tmp: Path, events: Path) -> dict[str, float]:
    srv = CliServer(str(events), "--decisions", str(tmp / "big.yaml"))
    try:
        base = srv.url.rstrip("/")
        t = time.perf_counter()
        payload = httpx.get(base + "/api/events", timeout=60).content
        api_s = time.perf_counter() - t
        page, load_s = _page(browser, srv.url)
        timed = page.evaluate("""() => {
          const t0 = performance.now(); select(state.cur + 1); const next = performance.now() - t0;
          const list = document.getElementById('list');
          const t1 = performance.now(); list.scrollTop = list.scrollHeight / 2; renderList();
          const scroll = performance.now() - t1;
          const t2 = performance.now(); document.getElementById('sort').value = 'date';
          rebuildOrder(current().id); const sort = performance.now() - t2;
          return {next, scroll, sort, rows: document.querySelectorAll('.row').length};
        }""")
        page.close()
        return {"payload_mb": len(payload) / 1e6, "api_s": api_s, "load_s": load_s,
                "next_ms": timed["next"], "scroll_ms": timed["scroll"], "sort_ms": timed["sort"],
                "rows": timed["rows"]}
    finally:
        srv.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--posts", type=int, default=300)
    args = ap.parse_args()
    why = harness.missing_prerequisite()
    if why:
        sys.exit(f"cannot run: {why}")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as d, sync_playwright() as p:
        tmp = Path(d)
        copy_reports(tmp / "reports")
        browser = p.chromium.launch(executable_path=str(harness.CHROMIUM), headless=True,
                                    args=harness.CHROMIUM_ARGS)
        many = many_events_file(tmp / "many.geojson", 5000)
        totals, per_all, lat_all, pages = [], [], [], []
        for run in range(args.runs):
            run_dir = tmp / f"run{run}"
            run_dir.mkdir()
            total, per = keyboard_review(browser, run_dir)
            totals.append(total)
            per_all += per
            lat_all += post_latency(run_dir, many, args.posts)
            pages.append(big_page(browser, run_dir, many))
        browser.close()

    def q(xs: list[float], p: float) -> float:
        return statistics.quantiles(xs, n=100)[int(p) - 1]

    print(f"runs: {args.runs}")
    print(f"50 events by keyboard in Chromium: median {statistics.median(totals):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in totals)}); per decision median "
          f"{1000 * statistics.median(per_all):.0f} ms, p95 {1000 * q(per_all, 95):.0f} ms")
    print(f"server, {args.posts} decisions on a desk of 5,000 events: median "
          f"{1000 * statistics.median(lat_all):.1f} ms, p95 {1000 * q(lat_all, 95):.1f} ms, "
          f"max {1000 * max(lat_all):.1f} ms")
    for key, unit in (("payload_mb", "MB"), ("api_s", "s"), ("load_s", "s"), ("next_ms", "ms"),
                      ("scroll_ms", "ms"), ("sort_ms", "ms"), ("rows", "rows in the DOM")):
        vals = [pg[key] for pg in pages]
        print(f"5,000 events, {key}: median {statistics.median(vals):.2f} {unit} "
              f"(runs: {', '.join(f'{v:.2f}' for v in vals)})")


if __name__ == "__main__":
    main()
