"""List what the extractor got wrong on the development sets: each false positive with its
supporting sentence, date, place, side and confidence, and each required gold event missed.

    .venv/bin/python benchmarks/errors.py                 # every development set
    .venv/bin/python benchmarks/errors.py devset_h        # sets whose folder name contains this

Held-out sets are skipped unless named, so that reading their errors stays a deliberate act.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_accuracy import available_sets, predictions  # noqa: E402


def main(argv: list[str]) -> None:
    from geo.evaluate import label, load_gold

    wanted = argv[1:]
    for name, folder, gold, manifest in available_sets():
        if wanted and not any(w in str(folder) for w in wanted):
            continue
        if not wanted and "heldout" in folder.name:
            continue
        preds, _ = predictions(folder, manifest)
        outcomes, missed = label(load_gold(gold), preds)
        print(f"## {name}")
        for o in outcomes:
            if o.label != "miss":
                continue
            p = o.prediction
            quote = " | ".join(s["quote"][:160] for s in p.get("sources") or [])
            print(f"  FP {o.doc[:28]:28s} {p['event_date']} {p['date_precision']:5s} {p['actor1_side']:12s} "
                  f"{p['event_type']:14s} {p['location']} ({p['geo_precision']}) c={p.get('confidence')}\n"
                  f"       {quote}\n       notes: {p.get('notes')}")
        for g in missed:
            print(f"  FN {str(g['doc'])[:28]:28s} {g['date']} {g['actor1_side']:12s} {g.get('type', ''):14s} "
                  f"{g.get('place')} ({g.get('geo_level')})\n       {str(g.get('quote', ''))[:200]}")


if __name__ == "__main__":
    main(sys.argv)
