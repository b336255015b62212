"""Every script and stylesheet of the page inlined, so the map opens with no network at all.

folium elements list the CDN files they need (``default_js``/``default_css``); here each
of those names is answered with the same library read from a Python package that ships
it — Leaflet and Leaflet.markercluster from the XStatic packages, Leaflet.heat from
folium's own package — and the links are dropped.  A name we cannot answer is an error,
never a silent CDN link.  Our own scripts (``static/``) are inlined in both modes.
"""
from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path
from typing import Any

from geo.exc import GeoError
from geo.mapping.jsdata import Raw

__all__ = ["inline_assets", "own_asset", "InlineAssets", "OwnAssets", "OWN_FILES"]

_STATIC = Path(__file__).resolve().parent / "static"


def _xstatic(module: str) -> Path:
    import importlib

    return Path(importlib.import_module(f"xstatic.pkg.{module}").BASE_DIR)


def _folium_templates() -> Path:
    import folium

    return Path(folium.__file__).resolve().parent / "templates"


#: folium's asset name → where the same file is in an installed package.
_JS = {
    "leaflet": lambda: _xstatic("leaflet") / "leaflet.js",
    "markerclusterjs": lambda: _xstatic("leaflet_markercluster") / "leaflet.markercluster.js",
    "leaflet-heat.js": lambda: _folium_templates() / "leaflet_heat.min.js",
}
_CSS = {
    "leaflet_css": lambda: _xstatic("leaflet") / "leaflet.css",
    "markerclustercss": lambda: _xstatic("leaflet_markercluster") / "MarkerCluster.css",
    "markerclusterdefaultcss":
        lambda: _xstatic("leaflet_markercluster") / "MarkerCluster.Default.css",
}
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", re.M)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[^)'\"]+)\1\)")


def _safe_in_script(text: str) -> str:
    """A library's text that cannot end the ``<script>``/``<style>`` element it sits in."""
    return re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.I)


@cache
def _read_js(name: str) -> str:
    return _safe_in_script(_SOURCE_MAP.sub("", _JS[name]().read_text(encoding="utf-8")))


@cache
def _read_css(name: str) -> str:
    path = _CSS[name]()

    def data_uri(m: re.Match[str]) -> str:
        img = path.parent / m.group(2)
        return f"url(data:image/png;base64,{base64.b64encode(img.read_bytes()).decode()})"

    text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
    return _safe_in_script(_CSS_URL.sub(data_uri, text))


@cache
def own_asset(name: str) -> str:
    """One of our own scripts or stylesheets from ``static/``, safe inside its element."""
    return _safe_in_script((_STATIC / name).read_text(encoding="utf-8"))


class InlineAssets(Raw):
    """``<style>`` and ``<script>`` blocks holding the libraries, in the order they must load."""

    def __init__(self, js: list[str], css: list[str]) -> None:
        parts = [f"<style>/* {n} */\n{_read_css(n)}</style>" for n in css]
        parts += [f"<script>/* {n} */\n{_read_js(n)}</script>" for n in js]
        super().__init__("\n".join(parts))


def _elements(root: Any) -> list[Any]:
    out, stack, seen = [], [root], set()
    while stack:
        el = stack.pop(0)
        if id(el) in seen:
            continue
        seen.add(id(el))
        out.append(el)
        stack.extend(getattr(el, "_children", {}).values())
    return out


def inline_assets(figure: Any) -> None:
    """Replace the CDN links every element of ``figure`` would add by the files themselves.

    Call it once the map is complete and before rendering.  Raises :class:`GeoError` if an
    element asks for a file that no installed package ships (nothing may load from a CDN).
    """
    js: list[str] = []
    css: list[str] = []
    for el in _elements(figure):
        for attr, known, names in (("default_js", _JS, js), ("default_css", _CSS, css)):
            for name, url in getattr(el, attr, None) or []:
                if name not in known:
                    raise GeoError(f"map asset {name!r} ({url}) has no offline copy; "
                                   f"expected one of: {', '.join(known)}")
                if name not in names:
                    names.append(name)
            if hasattr(el, attr):
                setattr(el, attr, [])
    order = list(_JS)  # Leaflet before its plugins
    js.sort(key=order.index)
    figure.header.add_child(InlineAssets(js, css), name="geo_inline_assets")


#: Our own files, in load order (each script only defines functions on ``window.geo``).
OWN_FILES = ("geo-map.css", "events.js", "grid.js", "basemap.js", "choropleth.js", "heat.js",
             "timeline.js", "table.js")


class OwnAssets(Raw):
    """Our stylesheet and scripts, inlined in every mode (they are part of the page)."""

    def __init__(self) -> None:
        parts = [f"<style>{own_asset(n)}</style>" if n.endswith(".css")
                 else f"<script>/* {n} */\n{own_asset(n)}</script>" for n in OWN_FILES]
        super().__init__("\n".join(parts))
