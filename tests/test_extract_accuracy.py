"""Accuracy on our own sample reports (tests/data/reports), scored like the seed reports."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from geo.evaluate import load_gold, score, vars_
from geo.extract import extract_paths

DATA = Path(__file__).parent / "data" / "reports"


def _predictions():
    events = list(extract_paths([DATA], manifest=DATA / "manifest.yaml", on_error=lambda m: None))
    preds = []
    for e in events:
        d = e.to_dict()
        d["docs"] = {s.doc.rsplit(".", 1)[0] for s in e.sources}
        preds.append(d)
    return events, preds


def test_sample_reports_are_extracted_with_full_precision_and_recall():
    _, preds = _predictions()
    s = score(load_gold(DATA / "gold.yaml"), preds)
    assert (s.precision, s.recall) == (1.0, 1.0), [vars_(d) for d in s.docs]
    assert s.type_ok == s.matched and s.killed_ok == s.killed_n


def test_details_the_scorer_does_not_check():
    events, _ = _predictions()
    by_doc = {}
    for e in events:
        by_doc.setdefault(e.sources[0].doc, []).append(e)
    (asad,) = by_doc["r01_ain_al_asad.txt"]
    assert asad.injured == 2 and asad.location == "Ain al-Asad air base"
    (contradiction_strike, _attack) = sorted(by_doc["r09_contradiction.txt"], key=lambda e: e.event_type)
    assert contradiction_strike.event_date == dt.date(2023, 3, 12)
    assert "Tuesday" in contradiction_strike.notes
    assert "r08_no_events.txt" not in by_doc
    (html,) = by_doc["r11_page.html"]
    assert html.sources[0].outlet == "Example News" and "Mayadeen" in html.sources[0].title
