"""Extraction accuracy on every hand-coded set we have, with the project's scorer.

    .venv/bin/python benchmarks/bench_accuracy.py            # all sets, one line each
    .venv/bin/python benchmarks/bench_accuracy.py --shared   # also the seed reports in ../shared

Each set is a folder of reports with a ``gold.yaml`` coded in the schema of the shared
seed gold (``../shared/seeds/gold.yaml``); matching follows the shared scorer's rules
(``geo.evaluate``).  ``benchmarks/heldout`` was written after the rules and never used to
tune them: it is the fairest estimate of accuracy on unseen reporting.  The development
sets' own figures are optimistic, since their misses guided rule changes.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SETS = [
    ("seed restatements (seeds/reports, shared gold)", ROOT / "seeds" / "reports", ROOT.parent / "shared" / "seeds" / "gold.yaml"),
    ("sample reports (tests/data/reports)", ROOT / "tests" / "data" / "reports", ROOT / "tests" / "data" / "reports" / "gold.yaml"),
    ("development set A (benchmarks/devset)", ROOT / "benchmarks" / "devset", None),
    ("development set B (benchmarks/devset_b)", ROOT / "benchmarks" / "devset_b", None),
    ("development set C (benchmarks/devset_c)", ROOT / "benchmarks" / "devset_c", None),
    ("development set D (benchmarks/devset_d)", ROOT / "benchmarks" / "devset_d", None),
    ("development set F (benchmarks/devset_f)", ROOT / "benchmarks" / "devset_f", None),
    ("development set G (benchmarks/devset_g)", ROOT / "benchmarks" / "devset_g", None),
    ("development set H (benchmarks/devset_h)", ROOT / "benchmarks" / "devset_h", None),
    ("development set I (benchmarks/devset_i)", ROOT / "benchmarks" / "devset_i", None),
    ("development set J (benchmarks/devset_j)", ROOT / "benchmarks" / "devset_j", None),
    ("held out (benchmarks/heldout)", ROOT / "benchmarks" / "heldout", None),
    ("held out B (benchmarks/heldout_b)", ROOT / "benchmarks" / "heldout_b", None),
]


def predictions(folder: Path, manifest: Path | None = None, min_confidence: float | None = None
                ) -> tuple[list[dict], int]:
    """The events extracted from the reports of ``folder``, as the scorer reads them: those
    `geo extract` prints by default (``min_confidence`` None), or all at or above the one given."""
    from geo.extract import extract_paths
    from geo.extract.confidence import DEFAULT_MIN_CONFIDENCE

    floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    files = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt", ".html")
                   and p.name.lower() != "readme.md")
    preds = []
    for e in extract_paths(files, manifest=manifest, on_error=lambda m: None):
        if (e.confidence or 0.0) < floor:
            continue
        d = e.to_dict()
        d["docs"] = {s.doc.rsplit(".", 1)[0] for s in e.sources}
        preds.append(d)
    return preds, len(files)


def score_set(folder: Path, gold: Path, manifest: Path | None = None):
    from geo.evaluate import load_gold, score

    preds, n = predictions(folder, manifest)
    return score(load_gold(gold), preds), n


def available_sets(shared: bool = False) -> list[tuple[str, Path, Path, Path | None]]:
    """(label, folder, gold, manifest) of every set present."""
    sets = list(SETS)
    seeds = ROOT.parent / "shared" / "seeds"
    if shared and seeds.is_dir():
        sets.insert(0, ("seed reports (../shared/seeds)", seeds, seeds / "gold.yaml"))
    out = []
    for label, folder, gold in sets:
        gold = gold or folder / "gold.yaml"
        if folder.is_dir() and gold.is_file():
            manifest = folder / "manifest.yaml" if (folder / "manifest.yaml").is_file() else None
            out.append((label, folder, gold, manifest))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", action="store_true", help="also score ../shared/seeds (not in the repository)")
    args = parser.parse_args()
    print(f"{'set':48s} {'docs':>4s} {'P':>5s} {'R':>5s} {'F1':>5s}  matched/pred/gold  type  killed")
    for label, folder, gold, manifest in available_sets(args.shared):
        s, n = score_set(folder, gold, manifest)
        print(f"{label:48s} {n:4d} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  "
              f"{s.matched:3d}/{s.predicted:3d}/{s.gold:3d}       {s.type_ok}/{s.matched}  {s.killed_ok}/{s.killed_n}")


if __name__ == "__main__":
    main()
