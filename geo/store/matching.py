"""Which stored events a new event may be: a vectorised pre-filter before the exact merge rules.

The merge rules (:func:`geo.extract.merge.same_event`) compare two Event objects; a store
of millions cannot be compared pair by pair in Python.  This module finds the candidate
pairs with numpy — same attacker side, spans within two days of each other, compatible
types, and places that pass the distance and containment tests of the rules (with a
hair of slack) — and ranks them as ``merge_events`` does (days apart, then kilometres,
then precision), so only a few candidates per new event reach the exact test.
"""
from __future__ import annotations

from typing import Any

__all__ = ["candidate_pairs"]

_PREC = {"site": 0, "town": 1, "admin1": 2, "country": 3}
_SLACK_DAYS = 2
_CHUNK_PAIRS = 2_000_000
_EARTH_KM = 6371.0088


def _codes(a: Any, b: Any, name: str) -> tuple[Any, Any]:
    """Integer codes of a text column in two tables, one dictionary for both (-1: null)."""
    import numpy as np
    import pyarrow as pa

    both = pa.concat_arrays([a.column(name).combine_chunks().cast(pa.large_string()),
                             b.column(name).combine_chunks().cast(pa.large_string())])
    enc = both.dictionary_encode()
    idx = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return idx[:len(a)], idx[len(a):]


def _columns(t: Any) -> dict[str, Any]:
    import numpy as np
    import pyarrow.compute as pc

    def days(name: str) -> Any:
        v = t.column(name).to_numpy(zero_copy_only=False).astype("datetime64[D]")
        return v.astype(np.int64), np.isnat(v)

    d, d_nat = days("event_date")
    s, s_nat = days("date_start")
    e, e_nat = days("date_end")
    day_prec = (t.column("date_precision").to_numpy(zero_copy_only=False) == "day")
    start = np.where(day_prec | s_nat, d, s)
    end = np.where(day_prec | e_nat, d, e)
    prec = _prec_codes(t)
    geom = t.column("geometry")
    x = pc.fill_null(pc.struct_field(geom, "x"), np.nan).to_numpy(zero_copy_only=False)
    y = pc.fill_null(pc.struct_field(geom, "y"), np.nan).to_numpy(zero_copy_only=False)
    return {"start": start, "end": end, "dated": ~d_nat, "day": day_prec & ~d_nat,
            "prec": prec, "x": x, "y": y}


def _prec_codes(t: Any) -> Any:
    import numpy as np

    enc = t.column("geo_precision").combine_chunks().dictionary_encode()
    lookup = np.array([_PREC.get(v, 4) for v in enc.dictionary.to_pylist()] + [4], dtype=np.int64)
    idx = enc.indices.fill_null(len(lookup) - 1).to_numpy(zero_copy_only=False)
    return lookup[idx]


def _km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    import numpy as np

    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def candidate_pairs(new: Any, stored: Any) -> tuple[Any, Any]:
    """(i, j) row positions of new events and stored events that may be one event.

    Sorted by ``i``, then closest first; a superset of what ``same_event`` accepts
    (apart from its rule that events sharing a report are never merged, which needs the
    sources and is left to the exact test).
    """
    import numpy as np

    if not new.num_rows or not stored.num_rows:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    side_n, side_s = _codes(new, stored, "actor1_side")
    type_n, type_s = _codes(new, stored, "event_type")
    cty_n, cty_s = _codes(new, stored, "country")
    adm_n, adm_s = _codes(new, stored, "admin1")
    pid_n, pid_s = _codes(new, stored, "place_id")
    both_types = np.concatenate([new.column("event_type").to_numpy(zero_copy_only=False),
                                 stored.column("event_type").to_numpy(zero_copy_only=False)])
    attack = int(np.concatenate([type_n, type_s])[both_types == "attack"][0]) \
        if (both_types == "attack").any() else -2
    sides = np.concatenate([new.column("actor1_side").to_numpy(zero_copy_only=False),
                            stored.column("actor1_side").to_numpy(zero_copy_only=False)])
    unknown = set(np.concatenate([side_n, side_s])[sides == "unknown"].tolist())
    cn, cs = _columns(new), _columns(stored)
    out_i, out_j, out_r = [], [], []
    for side in np.unique(side_n):
        if side < 0 or int(side) in unknown:
            continue
        ni = np.flatnonzero((side_n == side) & cn["dated"])
        sj = np.flatnonzero((side_s == side) & cs["dated"])
        if not len(ni) or not len(sj):
            continue
        sj = sj[np.argsort(cs["start"][sj], kind="stable")]
        s_start = cs["start"][sj]
        widest = int((cs["end"][sj] - cs["start"][sj]).max())
        lo = np.searchsorted(s_start, cn["start"][ni] - _SLACK_DAYS - widest, "left")
        hi = np.searchsorted(s_start, cn["end"][ni] + _SLACK_DAYS, "right")
        counts = hi - lo
        bounds = np.cumsum(counts)
        first = 0
        while first < len(ni):
            base = bounds[first - 1] if first else 0
            last = max(first + 1, int(np.searchsorted(bounds, base + _CHUNK_PAIRS, "right")))
            c = counts[first:last]
            total = int(c.sum())
            if total:
                ii = np.repeat(ni[first:last], c)
                offs = np.arange(total) - np.repeat(np.cumsum(c) - c, c) + np.repeat(lo[first:last], c)
                jj = sj[offs]
                keep = _compatible(ii, jj, cn, cs, type_n, type_s, attack, cty_n, cty_s,
                                   adm_n, adm_s, pid_n, pid_s)
                ii, jj = ii[keep], jj[keep]
                out_i.append(ii)
                out_j.append(jj)
                out_r.append(_rank(ii, jj, cn, cs))
            first = last
    if not out_i:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    i, j, r = np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_r)
    order = np.lexsort((r, i))
    return i[order], j[order]


def _compatible(ii: Any, jj: Any, cn: dict[str, Any], cs: dict[str, Any], type_n: Any,
                type_s: Any, attack: int, cty_n: Any, cty_s: Any, adm_n: Any, adm_s: Any,
                pid_n: Any, pid_s: Any) -> Any:
    import numpy as np

    ok = cs["end"][jj] >= cn["start"][ii] - _SLACK_DAYS
    tn, ts = type_n[ii], type_s[jj]
    ok &= (tn == ts) | (tn == attack) | (ts == attack)
    pn, ps = cn["prec"][ii], cs["prec"][jj]
    same_pid = (pid_n[ii] >= 0) & (pid_n[ii] == pid_s[jj])
    same_cty = cty_n[ii] == cty_s[jj]
    coarse = (same_cty & (cty_n[ii] >= 0) & ((pn == 3) | (ps == 3)))
    admin = (adm_n[ii] >= 0) & (adm_n[ii] == adm_s[jj]) & same_cty & ((pn == 2) | (ps == 2))
    d = _km(cn["y"][ii], cn["x"][ii], cs["y"][jj], cs["x"][jj])
    located = ~np.isnan(d)
    near = located & (pn <= 1) & (ps <= 1) & (d <= 50.0 * 1.001)
    regional = located & ((pn == 2) | (ps == 2)) & (np.maximum(pn, ps) == 2) & (d <= 120.0 * 1.001)
    return ok & (same_pid | coarse | admin | near | regional)


def _rank(ii: Any, jj: Any, cn: dict[str, Any], cs: dict[str, Any]) -> Any:
    """``merge._distance`` over arrays: days apart × 1000 + km + 100 × precision gap."""
    import numpy as np

    gap = np.maximum(0, np.maximum(cs["start"][jj] - cn["end"][ii], cn["start"][ii] - cs["end"][jj]))
    both_day = cn["day"][ii] & cs["day"][jj]
    gap = np.where(both_day, np.abs(cn["start"][ii] - cs["start"][jj]), gap).astype(np.float64)
    d = _km(cn["y"][ii], cn["x"][ii], cs["y"][jj], cs["x"][jj])
    d = np.where(np.isnan(d), 0.0, d)
    return gap * 1000 + d + 100 * np.abs(cn["prec"][ii] - cs["prec"][jj])
