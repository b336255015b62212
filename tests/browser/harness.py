"""Open a built map in Debian's headless Chromium, with no network or with CDNs served locally.

``block_network`` is for the self-contained page (the default): every request that is
not for a ``file:``, ``data:``, ``blob:`` or ``about:`` URL is aborted and recorded, so a
test can say that the page asked the network for nothing.

``route_offline`` is for pages written with ``--cdn``.  These machines reach no CDN: every
request the page makes is answered here — Leaflet and Leaflet.markercluster from
``node_modules`` (installed from the npm registry by ``npm ci --prefix tests/browser``),
Leaflet.heat from the folium package, map tiles with one blank PNG — and any request we
cannot answer is recorded, so a test fails on a missing asset instead of passing on a
half-loaded page.  Used by ``tests/conftest.py`` and by ``screenshot.py``.
"""
from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

#: CDN URL → file under node_modules.  One row per CDN the maps use.
CDN_TO_NPM: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^https://cdn\.jsdelivr\.net/npm/leaflet@[\d.]+/(?P<path>[^?#]+)"), "leaflet/{path}"),
    (re.compile(r"^https://cdnjs\.cloudflare\.com/ajax/libs/leaflet\.markercluster/[\d.]+/(?P<path>[^?#]+)"),
     "leaflet.markercluster/dist/{path}"),
]
TILE_HOSTS = re.compile(r"^https?://([a-z]\.)?(tile\.openstreetmap\.org|basemaps\.cartocdn\.com|"
                        r"server\.arcgisonline\.com)/")
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
CONTENT_TYPES = {".js": "application/javascript", ".css": "text/css", ".png": "image/png"}


def blank_png(size: int = 256) -> bytes:
    """A transparent ``size``×``size`` PNG, built by hand so no imaging library is needed."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x00" * (size * 4) for _ in range(size))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


BLANK_TILE = blank_png()


def _folium_file(url: str) -> Path | None:
    m = re.match(r"^https://cdn\.jsdelivr\.net/gh/python-visualization/folium@[^/]+/folium/(?P<path>[^?#]+)", url)
    if not m:
        return None
    import folium

    return Path(folium.__file__).resolve().parent / m.group("path")


def local_file(url: str) -> Path | None:
    folium_copy = _folium_file(url)
    if folium_copy is not None:
        return folium_copy
    for pattern, target in CDN_TO_NPM:
        m = pattern.match(url)
        if m:
            return NODE_MODULES / target.format(**m.groupdict())
    return None


def route_offline(page, unserved: list[str]) -> None:
    """Answer every request of ``page`` locally; record the URLs we could not serve."""
    def handle(route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
            return
        if TILE_HOSTS.match(url):
            route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
            return
        path = local_file(url)
        if path is not None and path.is_file():
            route.fulfill(status=200, body=path.read_bytes(),
                          content_type=CONTENT_TYPES.get(path.suffix, "application/octet-stream"))
            return
        unserved.append(url)
        route.abort()

    page.route("**/*", handle)


def block_network(page, attempted: list[str]) -> None:
    """Abort every request of ``page`` that would leave the machine, and record its URL."""
    def handle(route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
            return
        attempted.append(url)
        route.abort()

    page.route("**/*", handle)
    # requests the router may not see (a context set offline fails them first)
    page.on("request", lambda req: None if req.url.startswith(LOCAL_SCHEMES) or req.url in attempted
            else attempted.append(req.url))


def missing_prerequisite() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium)"
    if not (NODE_MODULES / "leaflet").is_dir():
        return "tests/browser/node_modules missing (npm ci --prefix tests/browser)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright (Python) is not installed"
    return None
