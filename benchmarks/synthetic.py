"""Synthetic events at scale, for the benchmarks: `python benchmarks/synthetic.py N OUT.parquet`.

Vectorised with numpy (a million rows in seconds): the frame has the columns and dtypes
of :func:`geo.frame.to_frame`, so everything downstream treats it as real data.  Points
are drawn around the theatre's towns with a spread, so governorate and radius queries
select realistic shares.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (lat, lon, country, admin1) of places events cluster around
HUBS = [
    (35.336, 40.141, "SY", "Deir ez-Zor"), (34.452, 40.919, "SY", "Deir ez-Zor"),
    (35.020, 40.452, "SY", "Deir ez-Zor"), (36.058, 40.735, "SY", "Al-Hasakah"),
    (33.500, 38.620, "SY", "Homs"), (35.950, 39.010, "SY", "Raqqa"),
    (34.393, 40.989, "IQ", "Al Anbar"), (33.800, 42.440, "IQ", "Al Anbar"),
    (33.315, 44.366, "IQ", "Baghdad"), (36.191, 44.009, "IQ", "Erbil"),
    (32.600, 44.030, "IQ", "Babil"), (33.320, 38.700, "JO", "Mafraq"),
]
SIDES = np.array(["us", "iran_aligned", "iran_aligned", "israel", "isis", "unknown"])
TYPES = np.array(["airstrike", "drone_attack", "rocket_attack", "missile_attack", "attack"])
PRECISIONS = np.array(["site", "town", "town", "admin1", "country"])


def synthetic_frame(n: int, seed: int = 0):
    """``n`` valid events spread over Syria, Iraq and Jordan (EPSG:4326)."""
    import geopandas as gpd
    import pandas as pd

    from geo.frame import FRAME_COLUMNS

    rng = np.random.default_rng(seed)
    hub = rng.integers(0, len(HUBS), n)
    lat = np.array([h[0] for h in HUBS])[hub] + rng.normal(0, 0.35, n)
    lon = np.array([h[1] for h in HUBS])[hub] + rng.normal(0, 0.45, n)
    days = rng.integers(0, 420, n)
    dates = pd.Timestamp("2023-10-01") + pd.to_timedelta(days, unit="D")
    killed = rng.integers(-3, 6, n)
    ids = np.char.add("ev-syn", np.char.zfill(np.arange(n).astype(str), 8))
    data = {
        "id": ids, "event_date": dates.values.astype("datetime64[us]"),
        "date_precision": np.full(n, "day"),
        "date_start": pd.NaT, "date_end": pd.NaT,
        "event_type": TYPES[rng.integers(0, len(TYPES), n)],
        "actor1": np.full(n, "Synthetic actor"), "actor1_side": SIDES[rng.integers(0, len(SIDES), n)],
        "actor2": None, "actor2_side": np.full(n, "unknown"),
        "location": None, "place_id": None,
        "country": np.array([h[2] for h in HUBS])[hub], "admin1": np.array([h[3] for h in HUBS])[hub],
        "geo_precision": PRECISIONS[rng.integers(0, len(PRECISIONS), n)],
        "killed": pd.array(np.where(killed < 0, None, killed), dtype="Int64"),
        "killed_low": pd.array([None] * n, dtype="Int64"), "killed_high": pd.array([None] * n, dtype="Int64"),
        "injured": pd.array([None] * n, dtype="Int64"), "injured_low": pd.array([None] * n, dtype="Int64"),
        "injured_high": pd.array([None] * n, dtype="Int64"),
        "targets": None, "targets_count": pd.array([None] * n, dtype="Int64"),
        "confidence": pd.array([None] * n, dtype="Float64"),
        "sources": [[{"doc": "synthetic.txt"}]] * n, "notes": None, "disputed": [{}] * n,
    }
    df = pd.DataFrame(data, columns=list(FRAME_COLUMNS))
    for col in ("date_start", "date_end"):
        df[col] = pd.to_datetime(df[col])
    return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")


if __name__ == "__main__":
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    frame = synthetic_frame(count)
    from geo.export import export_frame

    export_frame(frame, out, out.suffix.lstrip(".") or "parquet")
    print(f"wrote {count} synthetic events to {out}")
