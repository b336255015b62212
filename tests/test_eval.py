"""`geo eval`: the shared matching rules, re-implemented in the package."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geo.cli import app
from geo.evaluate import load_gold, score
from geo.exc import InputError

runner = CliRunner()

GOLD = [
    {"doc": "a", "date": "2024-02-03", "date_tolerance_days": 1, "type": "airstrike", "actor1_side": "us",
     "country": "SY", "lat": 34.45, "lon": 40.92, "geo_level": "town", "killed": 2},
    {"doc": "a", "date": "2024-01-28", "date_tolerance_days": 0, "type": "drone_attack",
     "actor1_side": "iran_aligned", "country": "JO", "lat": 31.2, "lon": 36.5, "geo_level": "country",
     "killed": 3},
    {"doc": "a", "date": "2023-01-15", "date_tolerance_days": 16, "type": "airstrike", "actor1_side": "us",
     "country": "IQ", "lat": 33.0, "lon": 43.7, "geo_level": "country", "optional": True},
]


def pred(**kw):
    base = {"docs": {"a"}, "actor1_side": "us", "event_date": "2024-02-03", "event_type": "airstrike",
            "country": "SY", "lat": 34.46, "lon": 40.93, "killed": 2}
    base.update(kw)
    return base


def test_a_perfect_prediction_scores_one():
    preds = [pred(), pred(actor1_side="iran", event_date="2024-01-28", event_type="drone_attack",
                          country="JO", lat=None, lon=None, killed=3)]
    s = score(GOLD, preds)
    assert (s.precision, s.recall, s.f1, s.type_ok, s.killed_ok, s.killed_n) == (1, 1, 1, 2, 2, 2)


def test_town_events_need_to_be_within_25_km_and_the_date_within_tolerance():
    assert score(GOLD, [pred(lat=35.02, lon=40.45)]).matched == 0      # Mayadeen, ~85 km away
    assert score(GOLD, [pred(event_date="2024-02-05")]).matched == 0   # two days off, tolerance one
    assert score(GOLD, [pred(event_date=None)]).matched == 0


def test_sides_must_agree():
    assert score(GOLD, [pred(actor1_side="iran_aligned")]).matched == 0


def test_optional_events_never_count_against_either_side():
    s = score(GOLD, [pred(), pred(event_date="2023-01-20", country="IQ", lat=33.1, lon=43.8)])
    assert (s.matched, s.predicted, s.gold) == (1, 1, 2)


def test_out_of_scope_predictions_do_not_count_against_precision():
    s = score(GOLD, [pred(), pred(country="IR", lat=35.7, lon=51.4)])
    assert s.predicted == 1


def test_wrong_type_and_killed_are_counted_on_matched_events():
    s = score(GOLD, [pred(event_type="attack", killed=5)])
    assert (s.matched, s.type_ok, s.killed_ok, s.killed_n) == (1, 0, 0, 1)


def test_gold_files_are_checked(tmp_path):
    bad = tmp_path / "g.yaml"
    bad.write_text("events:\n  - {doc: a, date: 2024-01-01}\n", encoding="utf-8")
    with pytest.raises(InputError, match="actor1_side"):
        load_gold(bad)


def test_geo_eval_on_extracted_sample_reports(tmp_path):
    data = Path(__file__).parent / "data" / "reports"
    out = tmp_path / "out.geojson"
    result = runner.invoke(app, ["extract", str(data), "--manifest", str(data / "manifest.yaml"), "-q", "-o", str(out)])
    assert result.exit_code == 0
    result = runner.invoke(app, ["eval", str(data / "gold.yaml"), str(out), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["f1"] == 1.0
    text = runner.invoke(app, ["eval", str(data / "gold.yaml"), str(out)]).stdout
    assert text.strip().splitlines()[-1].startswith("events: precision 1.00 recall 1.00 f1 1.00")


def test_geo_eval_reports_unreadable_predictions_in_one_line(tmp_path):
    bad = tmp_path / "p.geojson"
    bad.write_text("not json", encoding="utf-8")
    data = Path(__file__).parent / "data" / "reports"
    result = runner.invoke(app, ["eval", str(data / "gold.yaml"), str(bad)])
    assert result.exit_code == 2 and "not JSON" in result.stderr


def test_anything_predicted_for_a_report_that_tells_no_event_counts_against_precision(tmp_path):
    from geo.evaluate import label, load_gold, score

    gold = tmp_path / "gold.yaml"
    gold.write_text("events:\n  - {doc: a, date: 2024-02-02, date_tolerance_days: 1, actor1_side: us,\n"
                    "     country: SY, lat: 35.0, lon: 40.45, geo_level: town}\n"
                    "docs_without_events: [b]\n", encoding="utf-8")
    preds = [{"docs": {"a"}, "event_date": "2024-02-02", "actor1_side": "us", "country": "SY",
              "lat": 35.0, "lon": 40.45},
             {"docs": {"b"}, "event_date": "2024-02-02", "actor1_side": "us", "country": "SY",
              "lat": 35.0, "lon": 40.45}]
    s = score(load_gold(gold), preds)
    assert (s.matched, s.predicted, s.gold) == (1, 2, 1)
    outcomes, missed = label(load_gold(gold), preds)
    assert sorted(o.label for o in outcomes) == ["hit", "miss"] and missed == []
