"""Gazetteer speed: cold CLI lookup vs a bare `import typer`, and 100,000 in-process lookups.

Run: .venv/bin/python benchmarks/bench_gazetteer.py [--runs N]

Targets (issue 2): a cold `geo gazetteer lookup "Deir Ezzor"` within 3x the time of
`python -c "import typer"`; 100,000 in-process lookups of report spellings in < 1 s.
Figures are medians of several runs (the machines are small and noisy).  The compiled
index is warmed first: "cold" means a new process, not a first-ever run.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SPELLINGS = [
    "Deir Ezzor", "Deir ez-Zor", "Dayr az-Zawr", "Deir al-Zour", "Albu Kamal", "Abu Kamal",
    "Al Bukamal", "Boukamal", "Mayadeen", "Al Mayadin", "Al Qaim", "Al-Qa'im", "Tower 22",
    "Shaddadi", "Patrol Base Shaddadi", "Al-Tanf", "At Tanf", "Syria", "Iraq", "Jordan",
    "Deir Ezzor province", "Anbar", "Erbil", "Ain al-Asad air base", "Jurf al-Sakhar",
    "Dier Ezzor", "Mayadien", "دير الزور", "Hasakah", "Rukban",
]


def _median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# A typer app with one command taking an argument and options, doing nothing: typer's
# own start-up and argument parsing (it imports pydantic to coerce parameters), which every
# `geo` command pays before any of our code runs.
TYPER_FLOOR = (
    "import typer\n"
    "app = typer.Typer()\n"
    "@app.command()\n"
    "def lookup(name: str, country: str = '', json: bool = False) -> None:\n"
    "    print(name)\n"
    "app()\n"
)


def cold_cli(runs: int) -> None:
    geo = str(BIN / "geo")
    lookup = [geo, "gazetteer", "lookup", "Deir Ezzor"]
    subprocess.run(lookup, check=True, capture_output=True)  # compile the index if needed
    typer_s = _median_seconds([sys.executable, "-c", "import typer"], runs)
    version_s = _median_seconds([geo, "--version"], runs)
    floor_s = _median_seconds([sys.executable, "-c", TYPER_FLOOR, "Deir Ezzor"], runs)
    lookup_s = _median_seconds(lookup, runs)
    print(f"cold CLI, median of {runs} runs:")
    print(f"  python -c 'import typer'          {typer_s * 1000:7.1f} ms")
    print(f"  geo --version                     {version_s * 1000:7.1f} ms")
    print(f"  no-op typer command with args     {floor_s * 1000:7.1f} ms  (typer's floor)")
    print(f"  geo gazetteer lookup 'Deir Ezzor' {lookup_s * 1000:7.1f} ms")
    print(f"  ratio lookup / import typer       {lookup_s / typer_s:7.2f}  (target <= 3)")
    print(f"  ratio no-op typer command / import typer {floor_s / typer_s:5.2f}")
    print(f"  lookup minus typer's floor        {(lookup_s - floor_s) * 1000:7.1f} ms")


def in_process(runs: int, n: int = 100_000) -> None:
    from gazetteer import Gazetteer, default_gazetteer

    default_gazetteer().lookup("Deir Ezzor")  # load the index outside the timing
    warm, fresh = [], []
    for _ in range(runs):
        gaz = default_gazetteer()
        start = time.perf_counter()
        for i in range(n):
            gaz.lookup(SPELLINGS[i % len(SPELLINGS)])
        warm.append(time.perf_counter() - start)
        # A new Gazetteer each run: its result cache starts empty (key caches stay warm).
        gaz = Gazetteer()
        start = time.perf_counter()
        for i in range(n):
            gaz.resolve(SPELLINGS[i % len(SPELLINGS)], country=("SY", None)[i % 2])
        fresh.append(time.perf_counter() - start)
    print(f"{n:,} in-process lookups of {len(SPELLINGS)} report spellings, median of {runs}:")
    print(f"  default_gazetteer().lookup        {statistics.median(warm):7.3f} s  (target < 1 s)")
    print(f"  new Gazetteer().resolve +country  {statistics.median(fresh):7.3f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cold_cli(args.runs)
    in_process(max(3, args.runs // 2))
