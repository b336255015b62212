"""The review desk's web server: one page and a small JSON API, on 127.0.0.1.

Starlette routes over a :class:`~geo.review.desk.ReviewDesk`; uvicorn serves them.
Leaflet comes from the ``xstatic-leaflet`` package, so the page loads nothing from the
internet.  Endpoints (documented in the README, "Reviewing events: geo review"):

    GET  /api/meta                   vocabularies, reject reasons, who is reviewing
    GET  /api/events                 every event: id, status, fields, evidence, diff
    GET  /api/events/{id}            one of them
    POST /api/events/{id}            {"decision": "accept"|"reject"|"edit", "reason", "fields"}
    GET  /api/report/{doc}           the report's text and the evidence spans in it
    GET  /api/places?name=NAME       gazetteer candidates for a place name
    GET  /api/places/nearest?lat=&lon=   the nearest gazetteer place (a click on the map)
    GET  /api/regions                country and governorate outlines (the offline base map)

Every error is a 4xx (or 500) with one line of JSON: ``{"error": "..."}``.  Bound to a
loopback address, the server answers only requests addressed to it by that name (no DNS
rebinding) and takes JSON only as ``application/json`` (no cross-site form posts); bound
to any other address it also requires the start-up token (header ``X-Geo-Token``, query
``?token=`` once, then a cookie).
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import secrets
import socket
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from gazetteer.regions import REGIONS_FILE
from geo.exc import ExportError, GeoError, InputError
from geo.review.desk import EDITABLE_FIELDS, Item, ReviewDesk, UnknownEvent
from geo.review.store import REJECT_REASONS, event_record
from geo.vocab import (
    DATE_PRECISIONS,
    EVENT_TYPE_LABELS,
    EVENT_TYPES,
    GEO_PRECISION_RADIUS_KM,
    GEO_PRECISIONS,
    SIDE_LABELS,
    SIDES,
)

__all__ = ["bind_socket", "create_app", "is_loopback", "item_json", "new_token", "serve"]

PAGE = Path(__file__).with_name("static") / "review.html"
#: Country and governorate outlines: the page's offline base map.
REGIONS = REGIONS_FILE
_MAX_BODY = 1_000_000


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(18)


def item_json(item: Item) -> dict[str, Any]:
    """One event as the API gives it."""
    ev = item.current
    fields = {k: v for k, v in event_record(ev).items() if k not in ("sources",)}
    d = item.decision
    return {
        "id": item.key,
        "status": item.status,
        "fields": fields,
        "confidence": ev.confidence,
        "docs": sorted({s.doc for s in ev.sources}),
        "evidence": [{"doc": s.doc, "quote": s.quote, "start": s.start, "end": s.end}
                     for s in item.extracted.sources],
        "diff": item.diff,
        "decision": None if d is None else {
            "decision": d.decision, "reason": d.reason, "fields": list(d.fields),
            "original": dict(d.original), "reviewer": d.reviewer, "decided_at": d.decided_at},
        "radius_km": GEO_PRECISION_RADIUS_KM.get(ev.geo_precision or "", None),
    }


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": " ".join(str(message).split())}, status_code=status)


def create_app(desk: ReviewDesk, token: str | None = None,
               loopback_names: tuple[str, ...] | None = ("127.0.0.1", "localhost", "[::1]"),
               ) -> Starlette:
    """The app over ``desk``.  ``token`` (when set) is required on every request;
    ``loopback_names`` (when set) are the only Host names answered."""

    def meta(request: Request) -> JSONResponse:
        return JSONResponse({
            "sides": [{"value": s, "label": SIDE_LABELS[s]} for s in SIDES],
            "event_types": [{"value": t, "label": EVENT_TYPE_LABELS[t]} for t in EVENT_TYPES],
            "date_precisions": list(DATE_PRECISIONS), "geo_precisions": list(GEO_PRECISIONS),
            "radius_km": GEO_PRECISION_RADIUS_KM, "reject_reasons": list(REJECT_REASONS),
            "editable": list(EDITABLE_FIELDS), "reviewer": desk.reviewer,
            "decisions": str(desk.store.path), "reports": sorted(desk.reports),
        })

    def events(request: Request) -> JSONResponse:
        items = [item_json(it) for it in desk.items()]
        return JSONResponse({"count": len(items), "events": items})

    def one(request: Request) -> JSONResponse:
        return JSONResponse(item_json(desk.item(request.path_params["id"])))

    async def decide(request: Request) -> JSONResponse:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            return _error(415, "send the decision as JSON (Content-Type: application/json)")
        body = await request.body()
        if len(body) > _MAX_BODY:
            return _error(413, "request too large")
        try:
            data = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            return _error(400, f"malformed JSON: {err}")
        if not isinstance(data, dict):
            return _error(400, 'expected a JSON object such as {"decision": "accept"}')
        extra = sorted(set(data) - {"decision", "reason", "fields", "reviewer"})
        if extra:
            return _error(400, f"unknown key {extra[0]!r}; expected decision, reason, fields")
        key = request.path_params["id"]
        from starlette.concurrency import run_in_threadpool

        item = await run_in_threadpool(desk.decide, key, data.get("decision"),
                                       data.get("reason"), data.get("fields"),
                                       data.get("reviewer"))
        return JSONResponse(item_json(item))

    def report(request: Request) -> JSONResponse:
        doc = request.path_params["doc"]
        text = desk.reports.get(doc)
        spans = []
        for it in desk.items():
            for s in it.extracted.sources:
                if s.doc != doc:
                    continue
                start, end = _locate(text, s.quote, s.start, s.end)
                spans.append({"event": it.key, "start": start, "end": end, "quote": s.quote,
                              "status": it.status})
        if text is None and not spans:
            return _error(404, f"no report {doc!r}")
        return JSONResponse({"doc": doc, "text": text, "spans": spans})

    def places(request: Request) -> JSONResponse:
        from gazetteer import default_gazetteer

        name = request.query_params.get("name", "")
        country = request.query_params.get("country") or None
        matches = default_gazetteer().lookup(name, country=country, limit=_limit(request))
        return JSONResponse({"name": name, "candidates": [m.to_dict() for m in matches]})

    def nearest(request: Request) -> JSONResponse:
        from gazetteer import default_gazetteer

        try:
            lat, lon = float(request.query_params["lat"]), float(request.query_params["lon"])
        except (KeyError, ValueError):
            return _error(400, "give lat and lon as numbers")
        return JSONResponse(default_gazetteer().reverse(lat, lon).to_dict())

    def regions(request: Request) -> Response:
        from starlette.responses import FileResponse

        return FileResponse(REGIONS, media_type="application/geo+json")

    def page(request: Request) -> Response:
        resp = HTMLResponse(PAGE.read_text(encoding="utf-8"),
                            headers={"Cache-Control": "no-store"})
        if token:
            resp.set_cookie("geo_token", token, httponly=True, samesite="strict")
        return resp

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        return _error(exc.status_code, exc.detail or "error")

    async def on_unknown(request: Request, exc: Exception) -> JSONResponse:
        return _error(404, str(exc))

    async def on_input(request: Request, exc: Exception) -> JSONResponse:
        return _error(400, str(exc))

    async def on_unwritable(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"decision not saved: {exc}")

    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error: {type(exc).__name__}: {exc}")

    from xstatic.pkg import leaflet

    middleware = []
    if loopback_names:
        middleware.append(Middleware(_HostGate, names=frozenset(loopback_names)))
    if token:
        middleware.append(Middleware(_TokenGate, token=token))
    routes = [
        Route("/", page),
        Route("/api/meta", meta),
        Route("/api/events", events),
        Route("/api/events/{id}", one, methods=["GET"]),
        Route("/api/events/{id}", decide, methods=["POST"]),
        Route("/api/report/{doc:path}", report),
        Route("/api/places", places),
        Route("/api/places/nearest", nearest),
        Route("/api/regions", regions),
        Mount("/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet"),
    ]
    return Starlette(routes=routes, middleware=middleware, exception_handlers={
        HTTPException: on_http, UnknownEvent: on_unknown, InputError: on_input,
        ExportError: on_unwritable,
        GeoError: on_input, Exception: on_crash})


class _HostGate:
    """ASGI middleware: answer only requests addressed to one of ``names`` (any port).

    A page on another site that points its own name at 127.0.0.1 (DNS rebinding) sends
    its own name as the Host, and is refused.
    """

    def __init__(self, app: Any, names: frozenset[str]) -> None:
        self.app, self.names = app, names

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            host = Request(scope).headers.get("host", "")
            name = host.rsplit("]", 1)[0] + "]" if host.startswith("[") else host.split(":")[0]
            if name not in self.names:
                await _error(400, f"this server answers only to {', '.join(sorted(self.names))}, "
                                  f"not {host!r}")(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _TokenGate:
    """ASGI middleware: every request must carry the start-up token."""

    def __init__(self, app: Any, token: str) -> None:
        self.app, self.token = app, token

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            req = Request(scope)
            given = (req.headers.get("x-geo-token") or req.query_params.get("token")
                     or req.cookies.get("geo_token") or "")
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                await _error(401, "this server needs the token printed when it started "
                                  "(open the URL it printed)")(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _limit(request: Request) -> int:
    try:
        return max(1, min(50, int(request.query_params.get("limit", "10"))))
    except ValueError:
        raise HTTPException(400, "limit must be a whole number") from None


def _locate(text: str | None, quote: str | None, start: int | None,
            end: int | None) -> tuple[int | None, int | None]:
    """Where the evidence is in ``text``: its offsets if they still hold, else a search."""
    if text is None or not quote:
        return start, end
    if start is not None and end is not None and text[start:end] == quote:
        return start, end
    at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 else (None, None)


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket on (host, port); port 0 picks a free one."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this: without it, a response written as headers then
    # body waits ~40 ms for the client's delayed ACK (Nagle), on every request.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as err:
        sock.close()
        hint = " (--port 0 picks a free port)" if port else ""
        raise InputError(f"cannot listen on {host}:{port}: {err.strerror or err}{hint}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(app: Starlette, sock: socket.socket) -> None:
    """Serve ``app`` on ``sock`` until interrupted (Ctrl+C)."""
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
