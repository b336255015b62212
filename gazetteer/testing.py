"""Helpers for tests that use the gazetteer (ours and other features'), like geopandas.testing.

* :func:`isolated` points the gazetteer at a cache directory and away from the user's
  places files and config, and forgets the process-wide :func:`default_gazetteer`
  before and after; :func:`session_cache_dir` is one cache directory per pytest session,
  so the index is compiled once however many test files use it::

      @pytest.fixture(autouse=True)
      def _gazetteer(tmp_path_factory, monkeypatch):
          with isolated(monkeypatch, session_cache_dir(tmp_path_factory)):
              yield

* :class:`FakeNominatim` is a real HTTP server on 127.0.0.1 that answers ``/search`` like
  Nominatim from a dict of canned places, and records every request with its time.
"""
from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

__all__ = ["isolated", "session_cache_dir", "FakeNominatim"]


def session_cache_dir(tmp_path_factory) -> Path:
    """One cache directory for the whole pytest session (``tmp_path_factory`` fixture)."""
    return tmp_path_factory.getbasetemp() / "geo-cache"


@contextlib.contextmanager
def isolated(monkeypatch, cache_dir: str | Path) -> Iterator[Path]:
    """Use ``cache_dir`` for the index and Nominatim answers; no user places or config.

    ``monkeypatch`` is pytest's fixture (or a ``pytest.MonkeyPatch``); the process-wide
    :func:`default_gazetteer` is forgotten on entry and on exit.
    """
    from gazetteer import default_gazetteer

    cache_dir = Path(cache_dir)
    monkeypatch.setenv("GEO_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("GEO_CONFIG", str(cache_dir / "absent-config.toml"))
    monkeypatch.delenv("GEO_PLACES", raising=False)
    monkeypatch.delenv("GEO_NOMINATIM_URL", raising=False)
    default_gazetteer.cache_clear()
    try:
        yield cache_dir
    finally:
        default_gazetteer.cache_clear()


class FakeNominatim:
    """A Nominatim look-alike on 127.0.0.1 for tests; use as a context manager.

    ``places`` maps a query (case-insensitive) to ``(name, lat, lon, country_code, state)``
    tuples.  ``requests`` lists ``(monotonic time, query string)`` of every request.
    """

    def __init__(self, places: dict[str, list[tuple[str, float, float, str, str]]]) -> None:
        self.places = {k.casefold(): v for k, v in places.items()}
        self.requests: list[tuple[float, dict[str, list[str]]]] = []
        self.user_agents: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                url = urlsplit(self.path)
                query = parse_qs(url.query)
                fake.requests.append((time.monotonic(), query))
                fake.user_agents.append(self.headers.get("User-Agent", ""))
                if url.path.rstrip("/") not in ("/search", ""):
                    self.send_error(404)
                    return
                body = json.dumps(fake.answer(query.get("q", [""])[0])).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def answer(self, q: str) -> list[dict]:
        out = []
        for n, (name, lat, lon, cc, state) in enumerate(self.places.get(q.casefold(), []), 1):
            out.append({
                "place_id": 1000 + n, "osm_type": "node", "osm_id": 5000 + n,
                "lat": str(lat), "lon": str(lon), "name": name, "class": "place",
                "type": "village", "importance": 0.3,
                "display_name": f"{name}, {state}, {cc.upper()}",
                "address": {"village": name, "state": state, "country_code": cc.lower()},
            })
        return out

    def __enter__(self) -> FakeNominatim:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
