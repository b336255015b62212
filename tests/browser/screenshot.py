"""Screenshot a built map as users see it, with no network.

    python tests/browser/screenshot.py MAP.html OUT.png [--view map|counts|heat|timeline|table]
        [--cdn]

Every request is blocked (the page needs none), except with ``--cdn``, where the CDN
files are served from node_modules and tiles are blank.  ``--view`` switches on what the
picture is of: the governorate counts, the heat map, a date range dragged on the
timeline, or the table with a row's popup open.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import CHROMIUM, CHROMIUM_ARGS, block_network, route_offline  # noqa: E402


def _drag(page, start: float, end: float) -> None:
    box = page.locator(".geo-timeline-chart").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end, y, steps=6)
    page.mouse.up()


VIEWS = {
    "map": lambda page: None,
    "counts": lambda page: page.get_by_label("Counts by governorate").check(),
    "heat": lambda page: page.get_by_label("Heat map").check(),
    "timeline": lambda page: _drag(page, 0.55, 0.75),
    "table": lambda page: (page.click(".geo-table-toggle"),
                           page.locator(".geo-table tbody tr").nth(2).click()),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--view", choices=sorted(VIEWS), default="map")
    ap.add_argument("--cdn", action="store_true")
    args = ap.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=not args.cdn)
        page = context.new_page()
        failed: list[str] = []
        (route_offline if args.cdn else block_network)(page, failed)
        page.goto(args.page.resolve().as_uri())
        page.wait_for_timeout(1500)
        VIEWS[args.view](page)
        page.wait_for_timeout(1200)
        page.screenshot(path=str(args.out))
        browser.close()
    if failed:
        sys.exit(f"requests not served: {failed}")


if __name__ == "__main__":
    main()
