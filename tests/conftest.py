"""Shared fixtures: a real headless Chromium for the browser tests.

The browser tests need Debian's /usr/bin/chromium and the npm packages under
tests/browser/node_modules.  Without them they are skipped with the reason, except when
GEO_REQUIRE_BROWSER=1 (as in CI), where a missing prerequisite fails them.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
import harness  # noqa: E402


@pytest.fixture(scope="session")
def chromium():
    why = harness.missing_prerequisite()
    if why:
        if os.environ.get("GEO_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required but cannot run: {why}")
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(harness.CHROMIUM), headless=True,
                                    args=harness.CHROMIUM_ARGS)
        yield browser
        browser.close()


class OpenedMap:
    """A map page, with every JavaScript error and unserved request it produced."""

    def __init__(self, page, errors: list[str], unserved: list[str]) -> None:
        self.page, self.errors, self.unserved = page, errors, unserved


@pytest.fixture
def open_map(chromium):
    pages = []

    def _open(path: Path) -> OpenedMap:
        page = chromium.new_page(viewport={"width": 1280, "height": 800})
        errors: list[str] = []
        unserved: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        harness.route_offline(page, unserved)
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("window.geoEvents !== undefined || document.readyState === 'complete'")
        page.wait_for_timeout(300)
        pages.append(page)
        return OpenedMap(page, errors, unserved)

    yield _open
    for page in pages:
        page.close()
