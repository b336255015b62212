"""`geo map` at scale, side by side with plain folium pages of the same events.

Targets (issue 10): 100,000 events generated in < 30 s; in headless Chromium the page
loads in < 10 s and a pan, a zoom or a date filter takes < 1 s.  Compared with folium's
own ways to draw that many points: a ``MarkerCluster`` of ``folium.Marker`` elements
(rendered at ``--plain-events``, default 20,000: at 100,000 folium alone takes minutes)
and a ``FastMarkerCluster`` of the same points.

    .venv/bin/python benchmarks/bench_map.py [--events 100000] [--runs 3] [--plain-events 20000]

Our page is opened with every request blocked (it needs none); the folium pages get their
CDN files from tests/browser/node_modules (``harness.route_offline``).  "Load" is the time
from navigation until the cluster icons are drawn and no cluster is still adding markers;
an action's time runs until the map has redrawn (the next animation frame after it).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import synthetic_frame  # noqa: E402

from geo.export import export_frame  # noqa: E402

SETTLE = """new Promise(r => { (function wait() {
  if (window.geo && geo.busy && geo.busy()) { setTimeout(wait, 20); }
  else { requestAnimationFrame(() => setTimeout(r, 0)); } })(); })"""
ZOOM = ("new Promise(r => { const m = window.geo ? geo.map : window.__map;"
        " m.once('moveend', () => r()); m.setZoom(m.getZoom() + 1, {animate: false}); })")
PAN = ("new Promise(r => { const m = window.geo ? geo.map : window.__map;"
       " m.once('moveend', () => r()); m.panBy([250, 120], {animate: false}); })")
FILTER = ["geo.setDates('2024-01-01', '2024-01-31')", "geo.setDates('2023-01-01', '2024-12-31')",
          "geo.setDates('2024-06-01', '2024-08-31')"]


def _expose_map(html: Path) -> None:
    """folium pages keep the map in a ``var map_…``: expose it as ``window.__map``."""
    import re

    text = html.read_text(encoding="utf-8")
    name = re.search(r"var (map_[0-9a-f]+) = L\.map\(", text).group(1)
    html.write_text(text.replace("</html>", f"<script>window.__map = {name};</script></html>"),
                    encoding="utf-8")


def browser_figures(html: Path, ours: bool, timeout_s: float = 120) -> dict[str, float]:
    """Seconds to load, and per action (median of three of each kind)."""
    from harness import CHROMIUM, CHROMIUM_ARGS, block_network, route_offline
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=ours)
        page = context.new_page()
        page.set_default_timeout(timeout_s * 1000)
        (block_network if ours else route_offline)(page, [])
        t0 = time.perf_counter()
        try:
            page.goto(html.as_uri(), wait_until="load")
            page.wait_for_function("document.querySelector('.marker-cluster, .geo-cluster') !== null",
                                   polling=100)
            page.evaluate(SETTLE)
        except PlaywrightTimeout:
            browser.close()
            return {"load": float("inf")}
        out["load"] = time.perf_counter() - t0

        def timed(js: str) -> float:
            t = time.perf_counter()
            page.evaluate(js)
            page.evaluate(SETTLE)
            return time.perf_counter() - t

        out["zoom"] = statistics.median(timed(ZOOM) for _ in range(3))
        out["pan"] = statistics.median(timed(PAN) for _ in range(3))
        if ours:
            out["filter"] = statistics.median(timed(js) for js in FILTER)
        browser.close()
    return out


def _leaflet_only(m):
    """A folium map that loads only Leaflet (no jQuery, Bootstrap, icon fonts), as ours does."""
    m.default_js = [js for js in m.default_js if js[0] == "leaflet"]
    m.default_css = [css for css in m.default_css if css[0] == "leaflet_css"]
    return m


def folium_pages(frame, n_plain: int, tmp: Path) -> dict[str, tuple[Path, float]]:
    """The plain folium pages: (path, seconds to build and write)."""
    import folium
    from folium.plugins import FastMarkerCluster, MarkerCluster

    points = [(p.y, p.x) for p in frame.geometry if p is not None]
    pages = {}
    t0 = time.perf_counter()
    m = _leaflet_only(folium.Map(location=(34, 40), zoom_start=6))
    # Leaflet's default marker: the default callback needs Leaflet.awesome-markers
    FastMarkerCluster(points, callback="function (row) { return L.marker(L.latLng(row[0], row[1])); }"
                      ).add_to(m)
    path = tmp / "fast.html"
    m.save(str(path))
    pages["folium FastMarkerCluster"] = (path, time.perf_counter() - t0)
    t0 = time.perf_counter()
    m = _leaflet_only(folium.Map(location=(34, 40), zoom_start=6))
    cluster = MarkerCluster().add_to(m)
    for i, (lat, lon) in enumerate(points[:n_plain]):
        # a tooltip, not a popup: folium's Popup needs jQuery
        folium.Marker((lat, lon), tooltip=f"event {i}").add_to(cluster)
    path = tmp / "plain.html"
    m.save(str(path))
    pages[f"folium MarkerCluster of Markers ({min(n_plain, len(points)):,} events)"] = (
        path, time.perf_counter() - t0)
    for path, _ in pages.values():
        _expose_map(path)
    return pages


def _fmt(x: float | None) -> str:
    return "—" if x is None else ("> timeout" if x == float("inf") else f"{x:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--plain-events", type=int, default=20_000)
    args = ap.parse_args()
    frame = synthetic_frame(args.events)
    geo = str(Path(sys.executable).with_name("geo"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        src, out = tmp / "events.parquet", tmp / "map.html"
        export_frame(frame, src, "parquet")
        gens, figs = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run([geo, "map", "--events", str(src), "--out", str(out)], check=True,
                           capture_output=True)
            gens.append(time.perf_counter() - t0)
            figs.append(browser_figures(out, ours=True))
        rows.append((f"geo map ({args.events:,} events)", statistics.median(gens),
                     out.stat().st_size, {k: statistics.median(f[k] for f in figs) for k in figs[0]}))
        for name, (path, built) in folium_pages(frame, args.plain_events, tmp).items():
            rows.append((name, built, path.stat().st_size, browser_figures(path, ours=False)))
    print(f"{args.events:,} events; geo map: median of {args.runs} runs; folium pages: one run")
    print("| page | generate | HTML | load | zoom | pan | date filter |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, gen, size, f in rows:
        print(f"| {name} | {gen:.2f} s | {size / 1e6:.1f} MB | {_fmt(f.get('load'))} | "
              f"{_fmt(f.get('zoom'))} | {_fmt(f.get('pan'))} | {_fmt(f.get('filter'))} |")


if __name__ == "__main__":
    main()
