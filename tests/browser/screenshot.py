"""Screenshot a built map as users see it: `python tests/browser/screenshot.py MAP.html OUT.png`."""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import CHROMIUM, CHROMIUM_ARGS, route_offline  # noqa: E402

if __name__ == "__main__":
    page_path, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        unserved: list[str] = []
        route_offline(page, unserved)
        page.goto(page_path.as_uri())
        page.wait_for_timeout(1500)
        page.screenshot(path=str(out))
        browser.close()
    if unserved:
        sys.exit(f"not served: {unserved}")
