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
    """A map page, with every JavaScript error and unserved (or attempted) request it produced."""

    def __init__(self, page, errors: list[str], unserved: list[str]) -> None:
        self.page, self.errors, self.unserved = page, errors, unserved

    @property
    def attempted(self) -> list[str]:
        """For a page opened with every request blocked: what it tried to fetch."""
        return self.unserved


def _watch_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


@pytest.fixture
def open_offline(chromium):
    """Open a map with every network request blocked; ``online`` says what the browser claims.

    Offline (the default), the page must not even try the network.  ``online=True`` is a
    browser that believes it is online while every request fails (a blocked CDN, a cut
    cable): the page may try its tile servers, and must then fall back to the outline.
    """
    contexts, strict = [], []

    def _open(path: Path, online: bool = False) -> OpenedMap:
        context = chromium.new_context(viewport={"width": 1280, "height": 800}, offline=not online,
                                       accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        errors = _watch_errors(page)
        attempted: list[str] = []
        harness.block_network(page, attempted)
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("window.geo && window.geo.map !== undefined")
        page.wait_for_timeout(300)
        if not online:
            strict.append(attempted)
        return OpenedMap(page, errors, attempted)

    yield _open
    for context in contexts:
        context.close()
    tried = [url for attempted in strict for url in attempted]
    if tried:
        pytest.fail(f"the page tried the network with every request blocked: {tried[:5]}")


@pytest.fixture
def open_map(chromium):
    pages = []

    def _open(path: Path) -> OpenedMap:
        page = chromium.new_page(viewport={"width": 1280, "height": 800})
        errors = _watch_errors(page)
        unserved: list[str] = []
        harness.route_offline(page, unserved)
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("window.geoEvents !== undefined || document.readyState === 'complete'")
        page.wait_for_timeout(300)
        pages.append(page)
        return OpenedMap(page, errors, unserved)

    yield _open
    for page in pages:
        page.close()
