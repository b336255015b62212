"""The event store at 10 million synthetic events: ingest, queries side by side with DuckDB
(spatial extension) and plain geopandas, peak memory, and the Dask engine by size and workers.

Targets (issue 12): a governorate + date-range query returning ~1 % in < 1 s end to end
from the CLI, at ≤ 1.5× DuckDB's time on the same data; ingest ≥ 200,000 events/s from
GeoParquet; memory bounded by the result, not the store.

    .venv/bin/python benchmarks/bench_store.py [--events 10000000] [--runs 5]
        [--dask-sizes 10000000,30000000] [--workers 1,2] [--data /tmp/geo-bench-store]

Generated inputs and stores are kept under --data (reused when present; delete it to
start afresh).  Every timing is a new process (end to end, Python start-up included);
peak RSS is the sum over the process and its children, sampled every 20 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

PERIOD_DAYS = 450  # each 10 M period starts 450 days after the last: months never touch
CHUNK = 1_000_000
SINCE, UNTIL = "2024-01-05", "2024-01-25"  # with Deir ez-Zor: about 1 % of a 10 M period
DEIR_EZ_ZOR = ["--region", "Deir ez-Zor", "--since", SINCE, "--until", UNTIL]
NARROW = ["--near", "Al-Tanf", "--radius-km", "25", "--since", "2024-02-01", "--until", "2024-02-07"]
SCAN = ["--region", "Anbar", "--side", "us", "--type", "airstrike"]  # every month, ~0.5 %


def measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB over the process tree, stdout) of one run of ``cmd``."""
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                        env={**os.environ, **(env or {})})
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                procs = [proc, *proc.children(recursive=True)]
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    t.join()
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return seconds, peak[0] / 1e6, out


def median_of(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float, str]:
    results = [measure(cmd, env) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results), results[-1][2])


def write_period(path: Path, period: int, n: int) -> None:
    """``n`` synthetic events (benchmarks/synthetic.py) shifted to period ``period``, as GeoParquet."""
    import pandas as pd
    import pyarrow.parquet as pq
    from synthetic import synthetic_frame

    from geo.store.files import frame_table, geo_metadata

    writer = None
    tmp = path.with_suffix(".tmp")
    for k in range(0, n, CHUNK):
        frame = synthetic_frame(min(CHUNK, n - k), seed=period * 1000 + k // CHUNK)
        frame["id"] = [f"ev-p{period}-{k + i:09d}" for i in range(len(frame))]
        frame["event_date"] = frame["event_date"] + pd.Timedelta(days=PERIOD_DAYS * period)
        table = frame_table(frame, "synthetic")
        table = table.replace_schema_metadata({b"geo": json.dumps(geo_metadata(None)).encode()})
        if writer is None:
            writer = pq.ParquetWriter(tmp, table.schema, compression="zstd")
        writer.write_table(table)
    writer.close()
    os.replace(tmp, path)


def duckdb_script(store: Path, polygon_wkt: str, bounds: tuple[float, ...]) -> str:
    """The same question in DuckDB SQL: rows of the area and dates, the summary, the left-out count."""
    ext = Path(sysconfig.get_paths()["purelib"]) / "duckdb_ext/extensions"
    spatial = next(ext.rglob("spatial.duckdb_extension"), None)
    if spatial is None:
        raise SystemExit("bench_store.py: DuckDB's spatial extension is not installed; "
                         "run .venv/bin/pip install -c constraints.txt -e '.[bench]' first")
    w, s, e, n = bounds
    return f"""
import duckdb
con = duckdb.connect()
con.execute("LOAD '{spatial}'")
src = "read_parquet('{store}/events/**/*.parquet', hive_partitioning = true)"
when = "event_date BETWEEN TIMESTAMP '{SINCE}' AND TIMESTAMP '{UNTIL}' AND month BETWEEN '{SINCE[:7]}' AND '{UNTIL[:7]}'"
area = ("geometry.x BETWEEN {w} AND {e} AND geometry.y BETWEEN {s} AND {n} AND "
        "ST_Contains(ST_GeomFromText('{polygon_wkt}'), ST_Point(geometry.x, geometry.y))")
cols = "id, event_date, event_type, actor1, actor1_side, actor2, location, country, admin1, geo_precision, killed"
con.execute(f"CREATE TEMP TABLE hits AS SELECT {{cols}} FROM {{src}} WHERE {{when}} AND geo_precision <> 'country' AND {{area}}")
print(con.execute("SELECT count(*), min(event_date), max(event_date), sum(killed) FROM hits").fetchall())
print(con.execute("SELECT * FROM hits ORDER BY event_date, id LIMIT 20").fetchall()[:1])
print(con.execute(f"SELECT count(*) FROM {{src}} WHERE {{when}} AND geo_precision = 'country' AND country = 'SY' AND geometry IS NOT NULL").fetchall())
"""


def geopandas_script(store: Path) -> str:
    return f"""
import geopandas as gpd, pandas as pd
from gazetteer.regions import region
r = region("Deir ez-Zor")
f = gpd.read_parquet("{store}/events", filters=[("event_date", ">=", pd.Timestamp("{SINCE}")),
                                              ("event_date", "<=", pd.Timestamp("{UNTIL}"))])
hits = f[f.within(r.geometry) & (f.geo_precision != "country")].sort_values(["event_date", "id"])
print(len(hits), hits.event_date.min(), hits.event_date.max(), hits.killed.sum())
print(int(((f.geo_precision == "country") & (f.country == "SY")).sum()))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dask-sizes", default="10000000")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--data", type=Path, default=Path("/tmp/geo-bench-store"))
    ap.add_argument("--queries-only", action="store_true",
                    help="only the 1 %% query against DuckDB (and the floors), on an existing store")
    args = ap.parse_args()
    geo = str(Path(sys.executable).with_name("geo"))
    py = sys.executable
    data = args.data
    data.mkdir(parents=True, exist_ok=True)
    sizes = sorted({args.events, *(int(s) for s in args.dask_sizes.split(","))})
    periods = -(-max(sizes) // args.events)
    rows = []

    for p in range(periods):
        src = data / f"period{p}.parquet"
        if not src.exists():
            t0 = time.perf_counter()
            write_period(src, p, args.events)
            print(f"generated {src} ({args.events:,} events, {src.stat().st_size / 1e6:.0f} MB) "
                  f"in {time.perf_counter() - t0:.0f} s", flush=True)

    # --- ingest ---------------------------------------------------------------------
    store = data / f"store-{args.events}"
    if not (store / "manifest.json").exists():
        shutil.rmtree(store, ignore_errors=True)
        subprocess.run([geo, "store", "init", str(store)], check=True, stdout=subprocess.DEVNULL)
        secs, rss, _ = measure([geo, "ingest", str(data / "period0.parquet"), "--store", str(store)])
        rows.append((f"geo ingest of {args.events:,} events from one GeoParquet file (empty store)",
                     f"{secs:.1f} s = {args.events / secs:,.0f} events/s", f"{rss:,.0f} MB"))
    size_mb = sum(f.stat().st_size for f in store.rglob("*.parquet")) / 1e6
    print(f"store {store}: {size_mb:.0f} MB", flush=True)

    if args.queries_only:
        _queries(geo, py, store, args, rows)
        return _print(rows, args)
    # incremental: a day's worth of new reports' events on dates already stored (the merge
    # path), and a new month (the append path); on copies, so the 10 M store stays as it is
    import pandas as pd
    from synthetic import synthetic_frame

    from geo.export.parquet import write_parquet

    new = synthetic_frame(1000, seed=99)
    new["id"] = [f"ev-new-{i}" for i in range(len(new))]
    new["sources"] = [[{"doc": f"new-{i}.txt"}] for i in range(len(new))]
    new["event_date"] = pd.Timestamp("2024-01-15")
    write_parquet(new, data / "day.parquet")
    later = synthetic_frame(100_000, seed=98)
    later["id"] = [f"ev-later-{i}" for i in range(len(later))]
    later["event_date"] = pd.Timestamp("2030-06-01")
    write_parquet(later, data / "later.parquet")
    for label, src in (("1,000 events on a stored day, merged into the 10 M store", "day.parquet"),
                       ("100,000 events of a new month, into the 10 M store", "later.parquet")):
        copy = data / "store-copy"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(store, copy)
        secs, rss, out = measure([geo, "ingest", str(data / src), "--store", str(copy)])
        rows.append((f"geo ingest: {label}", f"{secs:.1f} s ({out.strip().split(': ')[1].split(';')[0]})",
                     f"{rss:,.0f} MB"))
        shutil.rmtree(copy)

    _queries(geo, py, store, args, rows)
    _dask(geo, data, store, sizes, args, rows)
    _print(rows, args)


def _queries(geo: str, py: str, store: Path, args: argparse.Namespace,
             rows: list[tuple[str, str, str]]) -> None:
    """The 1 % query side by side with DuckDB and geopandas, and the floors."""
    data = args.data
    # --- queries, side by side ------------------------------------------------------
    subprocess.run([geo, "query", "--store", str(store), *DEIR_EZ_ZOR, "--limit", "1"], check=True,
                   stdout=subprocess.DEVNULL)  # warm the page cache and the gazetteer index
    from gazetteer.regions import region

    r = region("Deir ez-Zor")
    geo_cmd = [geo, "query", "--store", str(store), *DEIR_EZ_ZOR, "--limit", "20"]
    duck_cmd = [py, "-c", duckdb_script(store, r.geometry.wkt, r.geometry.bounds)]
    pairs = [(measure(geo_cmd), measure(duck_cmd)) for _ in range(args.runs)]  # alternated
    q1 = statistics.median(a[0] for a, _ in pairs)
    q1_rss, out = max(a[1] for a, _ in pairs), pairs[-1][0][2]
    duck = statistics.median(b[0] for _, b in pairs)
    duck_rss, dout = max(b[1] for _, b in pairs), pairs[-1][1][2]
    ratio = statistics.median(a[0] / b[0] for a, b in pairs)
    summary = out.strip().splitlines()[-1]
    n_hits = int(summary.split()[0])
    rows.append(((f"geo query --store: Deir ez-Zor, {SINCE} to {UNTIL} ({n_hits:,} events = "
                 f"{100 * n_hits / args.events:.2f} %)"), f"{q1:.2f} s", f"{q1_rss:,.0f} MB"))
    q2, q2_rss, out = median_of([geo, "query", "--store", str(store), *NARROW, "--limit", "20"], args.runs)
    rows.append((f"geo query --store: 25 km of Al-Tanf, one week ({int(out.strip().splitlines()[-1].split()[0]):,} events)",
                  f"{q2:.2f} s", f"{q2_rss:,.0f} MB"))
    speed, _, _ = median_of([py, "-c", "import numpy as np; np.sort(np.random.default_rng(0).random(10_000_000))"],
                            args.runs)
    rows.append((("machine speed check: numpy sort of 10 M floats, new process (compare between runs; "
                 "it includes the import of numpy)"), f"{speed:.2f} s", ""))
    floor, _, _ = median_of([py, "-c", "import typer, pyarrow.parquet, shapely"], args.runs)
    rows.append(("python -c 'import typer, pyarrow.parquet, shapely' (start-up floor)", f"{floor:.2f} s", ""))

    duck_n = int(dout.split("(")[1].split(",")[0])
    rows.append((f"DuckDB 1.4 + spatial, same store, same question, new process ({duck_n:,} events)",
                 f"{duck:.2f} s", f"{duck_rss:,.0f} MB"))
    rows.append(("**ratio geo / DuckDB**, median of the alternated pairs (target ≤ 1.5)",
                 f"**{ratio:.2f}**", ""))
    if args.queries_only:
        return
    gp, gp_rss, gout = median_of([py, "-c", geopandas_script(store)], max(1, args.runs // 2))
    rows.append(((f"plain geopandas: read_parquet(store/events, date filters) + within "
                 f"({int(gout.split()[0]):,} events)"), f"{gp:.2f} s", f"{gp_rss:,.0f} MB"))
    single = data / "period0.parquet"
    one, one_rss, _ = median_of([geo, "query", "--events", str(single), *DEIR_EZ_ZOR, "--limit", "20"],
                                max(1, args.runs // 2))
    rows.append(("geo query --events period0.parquet (the same events in one file, no store)",
                 f"{one:.2f} s", f"{one_rss:,.0f} MB"))



def _dask(geo: str, data: Path, store: Path, sizes: list[int], args: argparse.Namespace,
          rows: list[tuple[str, str, str]]) -> None:
    # --- Dask: by size and by workers -----------------------------------------------
    for size in sizes:
        d = data / f"store-{size}"
        if size != args.events and not (d / "manifest.json").exists():
            shutil.copytree(store, d)
            t0 = time.perf_counter()
            for p in range(1, -(-size // args.events)):
                subprocess.run([geo, "ingest", str(data / f"period{p}.parquet"), "--store", str(d)],
                               check=True, stdout=subprocess.DEVNULL)
            print(f"built {d} in {time.perf_counter() - t0:.0f} s", flush=True)
        base, base_rss, _ = median_of([geo, "query", "--store", str(d), *SCAN, "--limit", "5"],
                                      max(1, args.runs // 2))
        rows.append((f"{size / 1e6:.0f} M: geo query --store (arrow), all months: Anbar, us, airstrike",
                     f"{base:.2f} s", f"{base_rss:,.0f} MB"))
        for w in (int(x) for x in args.workers.split(",")):
            for label, query in (("1 % query", DEIR_EZ_ZOR), ("all months", SCAN)):
                secs, rss, _ = median_of([geo, "query", "--store", str(d), *query, "--limit", "5",
                                          "--engine", "dask", "--workers", str(w)], max(1, args.runs // 2))
                rows.append((f"{size / 1e6:.0f} M: --engine dask, {w} worker{'s' if w > 1 else ''}, {label}",
                             f"{secs:.2f} s", f"{rss:,.0f} MB"))


def _print(rows: list[tuple[str, str, str]], args: argparse.Namespace) -> None:
    print(f"\n{args.events:,} events per period; medians of {args.runs} runs "
          f"(geopandas, one-file and Dask rows: {max(1, args.runs // 2)}); "
          f"{os.cpu_count()} cores, shared with other jobs")
    print("| what | time | peak RSS |\n| --- | --- | --- |")
    for label, t, m in rows:
        print(f"| {label} | {t} | {m} |")


if __name__ == "__main__":
    main()
