"""Benchmark `geo extract`: reports per second on one core, and memory over many files.

    .venv/bin/python benchmarks/bench_extract.py            # speed + memory (takes ~2 min)
    .venv/bin/python benchmarks/bench_extract.py --speed    # speed only
    .venv/bin/python benchmarks/bench_extract.py --startup  # CPU time of a one-report run

Reports are generated from our own templates (~1,000 words each: event sentences with
places, dates, actors and casualties, mixed with background prose), so the numbers do
not depend on any outside text.  Speed is measured in-process (the gazetteer loaded
once, as in a long `geo extract DIR` run) over several rounds; the median is printed.
Memory is the peak RSS of a `geo extract DIR > /dev/null` child process over 2,000 and
20,000 small files: flat memory means the two peaks are about equal.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACES = ["Albu Kamal", "Mayadeen", "Al Qaim", "Deir ez-Zor", "Ain al-Asad air base", "Erbil airport",
          "Tower 22", "the Conoco gas field", "Patrol Base Shaddadi", "Al-Tanf", "Harir air base", "Hajin"]
AREAS = ["eastern Syria", "western Iraq", "Al Anbar", "Deir ez-Zor province", "northeastern Jordan"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
GROUPS = ["Kataib Hezbollah", "the Islamic Resistance in Iraq", "Iran-backed militants", "Harakat al-Nujaba"]
EVENTS = [
    "US jets struck {n} targets near {place} on {day}, Central Command said.",
    "{group} claimed a drone attack on {place} on {day} night.",
    "A rocket attack on {place} injured {n} American service members on {day}, officials said.",
    "On {day}, US aircraft bombed a weapons depot in {area}, which a war monitor said killed {n} fighters.",
    "The strikes hit a training camp west of {place}, according to local sources.",
    "US forces at {place} came under rocket fire on {day}, but no one was hurt.",
]
BACKGROUND = [
    "Militias have launched more than {big} attacks on US forces in the region since October.",
    "Officials warned that the attacks could spread and that Iran may feel compelled to respond.",
    "The United States keeps about 900 troops in Syria and 2,500 in Iraq to fight the Islamic State.",
    "Analysts say the groups will likely continue low-level attacks on American bases.",
    "The Pentagon has long said its troops are in the country at the invitation of the government.",
    "Diplomats in Baghdad and Washington held talks about the future of the coalition mission.",
    "The escalation has raised fears of a wider regional war involving Israel and Lebanon.",
    "Local residents described hearing several loud explosions before dawn, witnesses told reporters.",
]


def make_report(rng: random.Random, words: int = 1000) -> str:
    paras, count = ["US and militia exchange fire across the region", ""], 0
    while count < words:
        sent = []
        for _ in range(rng.randint(3, 5)):
            tpl = rng.choice(EVENTS if rng.random() < 0.35 else BACKGROUND)
            s = tpl.format(n=rng.randint(1, 9), place=rng.choice(PLACES), area=rng.choice(AREAS),
                           day=rng.choice(DAYS), group=rng.choice(GROUPS), big=rng.randint(100, 200))
            sent.append(s)
            count += len(s.split())
        paras.append(" ".join(sent))
        paras.append("")
    return "\n".join(paras)


def bench_speed(n: int = 200, rounds: int = 5) -> None:
    from geo.extract import extract_report_events, place_finder
    from geo.extract.reader import read_text

    rng = random.Random(7)
    texts = [make_report(rng) for _ in range(n)]
    words = statistics.mean(len(t.split()) for t in texts)
    place_finder()  # load the gazetteer outside the timing, as a long run does once
    pub = dt.date(2024, 2, 9)
    rates = []
    for r in range(rounds):
        start = time.perf_counter()
        events = 0
        for i, t in enumerate(texts):
            rep = read_text(t, doc=f"r{r}_{i}.txt", published=pub)
            events += len(extract_report_events(rep))
        rates.append(n / (time.perf_counter() - start))
    print(f"speed: {n} reports of ~{words:.0f} words, {rounds} rounds: median {statistics.median(rates):.0f} "
          f"reports/s (min {min(rates):.0f}, max {max(rates):.0f}); {events} events per round")


def bench_speed_written(rounds: int = 7) -> None:
    """Our hand-written reports (varied prose, not templates), every cache emptied before
    each round: the worst case, where no name or phrase has been seen before."""
    import gazetteer.normalise as normalise
    from geo.extract import extract_report_events, place_finder
    from geo.extract.actors import _find as actors_find
    from geo.extract.reader import read_report

    paths = sorted([*ROOT.glob("seeds/reports/*.md"), *ROOT.glob("tests/data/reports/r*.*"),
                    *ROOT.glob("benchmarks/devset/[0-9]*.md")])
    reports = [read_report(p, published=dt.date(2024, 2, 9)) for p in paths]
    words = sum(len(r.text.split()) for r in reports)
    finder = place_finder()
    for rep in reports[:3]:  # compile the lazily built patterns outside the timing
        extract_report_events(rep, finder)
    rates = []
    for _ in range(rounds):
        finder._lookup.cache_clear()
        finder.gaz._results.clear()
        normalise._tokens.cache_clear()
        normalise.query_keys.cache_clear()
        actors_find.cache_clear()
        start = time.perf_counter()
        for rep in reports:
            extract_report_events(rep, finder)
        rates.append(words / (time.perf_counter() - start))
    med = statistics.median(rates)
    print(f"speed, hand-written: {len(reports)} reports, {words} words, caches emptied each round, "
          f"{rounds} rounds: median {med:,.0f} words/s (min {min(rates):,.0f}, max {max(rates):,.0f}) "
          f"= {med / 1000:.0f} reports of 1,000 words/s")


def _peak_rss_of_run(directory: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([str(ROOT / ".venv/bin/geo"), "extract", str(directory), "--published", "2024-02-09", "-q"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024.0, elapsed


def bench_memory(sizes: tuple[int, ...] = (2000, 20000)) -> None:
    rng = random.Random(11)
    small = [make_report(rng, words=120) for _ in range(200)]
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            for i in range(size):
                sub = d / f"{i // 1000:03d}"
                sub.mkdir(exist_ok=True)
                (sub / f"r{i:06d}.txt").write_text(small[i % len(small)], encoding="utf-8")
            # each size runs in a fresh child; RUSAGE_CHILDREN keeps the max over children,
            # so measure the smaller size first
            peak, secs = _peak_rss_of_run(d)
            print(f"memory: {size} files: peak RSS {peak:.0f} MB (max over child runs so far), "
                  f"{size / secs:.0f} files/s end to end")


def bench_startup(runs: int = 15) -> None:
    """CPU time (user + system, not wall time: the machine is shared) of a whole
    `geo extract` of one short report in a new process: imports, data files, patterns."""
    report = ROOT / "tests" / "data" / "reports" / "r05_tower22_jordan.txt"
    cmd = [str(ROOT / ".venv/bin/geo"), "extract", str(report), "--published", "2024-01-29"]
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(f"startup: `geo extract` of one report, {runs} runs: median {statistics.median(times) * 1000:.0f} ms CPU "
          f"(min {min(times) * 1000:.0f})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true", help="speed only")
    parser.add_argument("--memory", action="store_true", help="memory only")
    parser.add_argument("--startup", action="store_true", help="start-up CPU time only")
    args = parser.parse_args()
    if args.startup:
        bench_startup()
        raise SystemExit
    if not args.memory:
        bench_speed()
        bench_speed_written()
    if not args.speed:
        bench_memory()
