"""The event store: a partitioned GeoParquet dataset that grows with each ingest.

    from geo.store import init_store, ingest, open_store
    init_store("war-store")
    ingest("war-store", ["reports/", "acled-2024.csv"])
    open_store("war-store").frame()

See :mod:`geo.store.ingest` for how new events merge into stored ones and
:mod:`geo.store.scan` for how a query reads only what it needs.
"""
from __future__ import annotations

from geo.store.ingest import IngestSummary, ingest
from geo.store.manifest import Manifest, StoreError
from geo.store.store import Store, init_store, open_store

__all__ = ["IngestSummary", "Manifest", "Store", "StoreError", "ingest", "init_store", "open_store"]
