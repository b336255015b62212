"""Fit the confidence model on the development sets and print its reliability table.

    .venv/bin/python benchmarks/calibrate.py            # fit, write geo/extract/data/confidence.yaml, print tables
    .venv/bin/python benchmarks/calibrate.py --check    # only the tables, with the weights as they are
    .venv/bin/python benchmarks/calibrate.py --check --heldout   # also the held-out sets (do this once)

Each extracted event of a development set is labelled by the project's scorer
(``geo.evaluate.label``): right when it matches a required gold event, wrong when it
matches none; events matched to optional gold events or outside the scope are left out.
A logistic regression (L2-regularised, fitted by Newton's method on numpy) maps the
extractor's evidence (``geo.extract.confidence.FEATURES``) to the probability of being
right.  "Calibrated" is then measured, not assumed: the table gives, per confidence bin,
how many events fell in it and what share of them were right.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_accuracy import ROOT, available_sets, predictions  # noqa: E402

DATA = ROOT / "geo" / "extract" / "data" / "confidence.yaml"
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def rows(heldout: bool) -> tuple[list[dict[str, float]], list[int], list[float]]:
    """(features, label, confidence) of every labelled event in the chosen sets."""
    from geo.evaluate import label, load_gold
    from geo.extract import confidence as model

    feats, ys, confs = [], [], []
    for _name, folder, gold, manifest in available_sets():
        if ("heldout" in folder.name) != heldout:
            continue
        model.RECORDER = {}
        preds, _ = predictions(folder, manifest, min_confidence=0.0)
        outcomes, _missed = label(load_gold(gold), preds)
        for o in outcomes:
            if o.label in ("hit", "miss"):
                feats.append(model.RECORDER[o.prediction["id"]])
                ys.append(int(o.label == "hit"))
                confs.append(float(o.prediction["confidence"]))
        model.RECORDER = None
    return feats, ys, confs


def fit(feats: list[dict[str, float]], ys: list[int], l2: float = 1.0) -> tuple[float, dict[str, float]]:
    from geo.extract.confidence import FEATURES

    x = np.array([[1.0] + [f[k] for k in FEATURES] for f in feats])
    y = np.array(ys, dtype=float)
    w = np.zeros(x.shape[1])
    reg = np.eye(x.shape[1]) * l2
    reg[0, 0] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), {k: round(float(v), 4) for k, v in zip(FEATURES, w[1:])}


def table(title: str, ys: list[int], confs: list[float]) -> str:
    lines = [f"{title}: {len(ys)} events, {sum(ys)} right", "| confidence | events | right | share right |",
             "| --- | --- | --- | --- |"]
    for lo, hi in zip(BINS, BINS[1:]):
        inbin = [y for y, c in zip(ys, confs) if lo <= c < hi]
        share = f"{sum(inbin) / len(inbin):.2f}" if inbin else "–"
        lines.append(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {len(inbin)} | {sum(inbin)} | {share} |")
    high = [y for y, c in zip(ys, confs) if c >= 0.8]
    if high:
        lines.append(f"| **≥ 0.8** | {len(high)} | {sum(high)} | **{sum(high) / len(high):.2f}** |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not fit: use the weights as they are")
    parser.add_argument("--heldout", action="store_true", help="also tabulate the held-out sets")
    args = parser.parse_args()
    if not args.check:
        feats, ys, _ = rows(heldout=False)
        intercept, weights = fit(feats, ys)
        import yaml

        body = yaml.safe_dump({"intercept": round(intercept, 4), "weights": weights}, sort_keys=False)
        DATA.write_text("# Weights of the confidence model (geo/extract/confidence.py), fitted by\n"
                        f"# benchmarks/calibrate.py on {dt.date.today()} over {len(ys)} labelled events of the\n"
                        "# development sets (not the held-out ones).  Refit after changing the rules.\n" + body,
                        encoding="utf-8")
        from geo.extract import confidence as model

        model._weights.cache_clear()
    _feats, ys, confs = rows(heldout=False)
    print(table("development sets", ys, confs))
    if args.heldout:
        _feats, ys, confs = rows(heldout=True)
        print()
        print(table("held-out sets", ys, confs))


if __name__ == "__main__":
    main()
