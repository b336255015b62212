"""Queries and exports over 1,000,000 synthetic events from a GeoParquet file.

Targets (issue 5): a governorate query and a 50 km radius query each < 1 s end to end
from GeoParquet; `geo export --format gpkg` of the million events < 30 s.

    .venv/bin/python benchmarks/bench_query.py [--events 1000000] [--runs 5]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def timed(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    geo = str(Path(sys.executable).with_name("geo"))
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "events.parquet"
        t0 = time.perf_counter()
        subprocess.run([py, str(ROOT / "benchmarks" / "synthetic.py"), str(args.events), str(src)],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"{args.events} synthetic events → {src.stat().st_size / 1e6:.1f} MB GeoParquet "
              f"in {time.perf_counter() - t0:.1f} s")
        subprocess.run([geo, "query", "--events", str(src), "--region", "Anbar", "--limit", "1"],
                       check=True, stdout=subprocess.DEVNULL)  # warm the file cache and the gazetteer index
        lib = ("import sys, time; from geo.query import Query, run_query, load_table; "
               "t=time.perf_counter(); r=run_query(load_table(sys.argv[1]), Query({q})); "
               "print(time.perf_counter()-t)")
        rows = [
            ("governorate (--region 'Deir ez-Zor'), CLI", timed(
                [geo, "query", "--events", str(src), "--region", "Deir ez-Zor", "--limit", "20"], args.runs)),
            ("50 km radius (--near Al-Tanf), CLI", timed(
                [geo, "query", "--events", str(src), "--near", "Al-Tanf", "--radius-km", "50",
                 "--limit", "20"], args.runs)),
            ("python -c 'import typer, pyarrow.parquet, shapely' (start-up floor)", timed(
                [py, "-c", "import typer, pyarrow.parquet, shapely"], args.runs)),
            ("python -c 'import pandas' (what the query path avoids)", timed(
                [py, "-c", "import pandas"], args.runs)),
        ]
        for label, q in (("governorate, library (load + filter)", "region='Deir ez-Zor'"),
                         ("50 km radius, library (load + filter)", "near='Al-Tanf', radius_km=50")):
            vals = [float(subprocess.run([py, "-c", lib.format(q=q), str(src)], check=True,
                                         capture_output=True, text=True).stdout) for _ in range(args.runs)]
            rows.append((label, statistics.median(vals)))
        rows.append(("geo export --format gpkg (all events)", timed(
            [geo, "export", "--events", str(src), "--format", "gpkg", "--out", str(Path(tmp) / "e.gpkg")],
            max(1, args.runs // 5))))
        print(f"median of {args.runs} runs (export: {max(1, args.runs // 5)}):")
        for label, value in rows:
            print(f"  {label:70s} {value:6.2f} s")


if __name__ == "__main__":
    main()
