"""What ``geo store info`` prints: a store's figures, from its manifest alone."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

from geo.store.store import Store

__all__ = ["describe", "describe_json", "figures"]


def figures(store: Store) -> dict[str, Any]:
    """Counts, dates, size and inputs of a store (no partition file is opened)."""
    m = store.manifest
    files = m.files
    days = [d for f in files for d in (f.min_date, f.max_date) if d]
    kinds = Counter(i.kind for i in m.ingested)
    return {
        "store": str(store.root), "events": m.events, "files": len(files),
        "months": sorted(mo for mo in m.partitions),
        "first_date": min(days).isoformat() if days else None,
        "last_date": max(days).isoformat() if days else None,
        "bytes": sum(f.bytes for f in files),
        "inputs": len(m.ingested), "inputs_by_kind": dict(sorted(kinds.items())),
        "created": m.created, "updated": m.updated,
        "last_inputs": [i.to_dict() for i in m.ingested[-5:]],
    }


def describe_json(store: Store) -> str:
    return json.dumps(figures(store), indent=1, ensure_ascii=False)


def describe(store: Store) -> str:
    f = figures(store)
    kinds = ", ".join(f"{n} {k}" for k, n in f["inputs_by_kind"].items()) or "none"
    when = f"{f['first_date']} to {f['last_date']}" if f["first_date"] else "no dated events"
    lines = [
        f"store     {f['store']}",
        (f"events    {f['events']} in {f['files']} file{'s' if f['files'] != 1 else ''}, "
        f"{len(f['months'])} month partition{'s' if len(f['months']) != 1 else ''}"),
        f"dates     {when}",
        f"size      {_size(f['bytes'])}",
        f"inputs    {f['inputs']} ({kinds})",
        f"updated   {f['updated']} (created {f['created']})",
    ]
    for i in f["last_inputs"]:
        lines.append(f"  {i['at']}  {i['kind']:7s} {i['input']}  +{i['added']} "
                     f"merged {i['merged']}")
    return "\n".join(lines)


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return f"{n} B"
