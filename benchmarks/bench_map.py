"""`geo map` of 10,000 events: render time, page size, and load time in headless Chromium.

Targets (issue 5): the map renders in < 10 s end to end and the page stays usable.

    .venv/bin/python benchmarks/bench_map.py [--events 10000] [--runs 3]
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from geo.export.geojson import write_geojson  # noqa: E402
from geo.model import Event  # noqa: E402
from geo.vocab import EVENT_TYPES, GEO_PRECISIONS  # noqa: E402


def make_events(n: int, seed: int = 0) -> list[Event]:
    """Events spread over Syria, Iraq and Jordan, 2023-10 to 2024-11."""
    import datetime as dt

    rnd = random.Random(seed)
    start = dt.date(2023, 10, 1)
    out = []
    for i in range(n):
        out.append(Event.from_dict({
            "event_date": (start + dt.timedelta(days=rnd.randrange(420))).isoformat(),
            "event_type": rnd.choice(EVENT_TYPES),
            "actor1_side": rnd.choice(["us", "iran_aligned", "iran_aligned", "israel", "isis"]),
            "actor1": f"Actor {rnd.randrange(40)}", "location": f"Place {i}",
            "country": rnd.choice(["SY", "IQ", "JO"]),
            "lat": round(rnd.uniform(30.5, 37.0), 5), "lon": round(rnd.uniform(36.0, 46.0), 5),
            "geo_precision": rnd.choice(GEO_PRECISIONS), "killed": rnd.choice([None, 0, 1, 3]),
            "sources": [{"doc": f"report-{i}.txt", "title": f"Report {i}", "outlet": "Synthetic",
                         "published": "2024-11-12", "quote": "A made-up sentence for the benchmark."}],
        }))
    return out


def page_load_seconds(html: Path, n: int) -> tuple[float, float]:
    """Seconds until every marker is registered, and to apply a date filter."""
    from harness import CHROMIUM, CHROMIUM_ARGS, route_offline
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        route_offline(page, [])
        t0 = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_function(f"window.geoEvents && window.geoEvents.length === {n}", timeout=120_000)
        loaded = time.perf_counter() - t0
        t1 = time.perf_counter()
        page.evaluate("window.geoDateFilter('2024-01-01', '2024-01-31')")
        filtered = time.perf_counter() - t1
        browser.close()
    return loaded, filtered


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "events.geojson", Path(tmp) / "map.html"
        write_geojson(make_events(args.events), src)
        geo = str(Path(sys.executable).with_name("geo"))
        renders, loads, filters = [], [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run([geo, "map", "--events", str(src), "--out", str(out)], check=True,
                           capture_output=True)
            renders.append(time.perf_counter() - t0)
            loaded, filtered = page_load_seconds(out, args.events)
            loads.append(loaded)
            filters.append(filtered)
        print(f"{args.events} events, median of {args.runs} runs:")
        print(f"  geo map (CLI, end to end)        {statistics.median(renders):6.2f} s  (target < 10 s)")
        print(f"  HTML size                        {out.stat().st_size / 1e6:6.2f} MB")
        print(f"  page load in Chromium (all markers registered) {statistics.median(loads):6.2f} s")
        print(f"  date filter applied to all markers             {statistics.median(filters):6.2f} s")


if __name__ == "__main__":
    main()
