"""Scoring extracted events against hand-coded ones: precision, recall, F1 and agreement.

The matching rules are the project's shared ones (``../shared/eval/score_events.py``),
written again here so that ``geo eval`` needs nothing outside the package:

* a prediction and a gold event of the same document match when the attacker sides
  agree (``iran`` counts as ``iran_aligned``; gold ``actor1_side_alt`` lists more), the
  date is within the gold ``date_tolerance_days`` (an undated prediction never matches),
  and the place agrees — within 25 km for ``site``/``town`` gold events, within 150 km or
  the same admin1 for ``admin1`` ones, the same country for ``country`` ones;
* pairs are taken best first (fewest days apart ×10 plus kilometres), one to one;
* only predictions in scope (SY, IQ, JO, or no country) count against precision;
  optional gold events never count against recall, and a prediction matched to one
  never counts against precision;
* on matched required events, the type agrees when it is the gold type or one of
  ``type_alt``; killed agrees when it equals a gold count that is set.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer.index import haversine_km
from geo.exc import InputError

__all__ = ["DocScore", "Outcome", "Scores", "label", "evaluate_files", "format_scores", "load_gold", "load_predictions", "score"]

SCOPE = frozenset({"SY", "IQ", "JO"})
_SIDE = {"iran": "iran_aligned", "iran-aligned": "iran_aligned", "iran_backed": "iran_aligned",
         "iran-backed": "iran_aligned", "irgc": "iran_aligned", "usa": "us", "united states": "us",
         "us_coalition": "us", "coalition": "us"}
_RADIUS_KM = {"site": 25.0, "town": 25.0, "admin1": 150.0}


@dataclass(frozen=True, slots=True)
class DocScore:
    doc: str
    matched: int
    predicted: int
    gold: int


@dataclass
class Scores:
    matched: int = 0
    predicted: int = 0
    gold: int = 0
    type_ok: int = 0
    killed_ok: int = 0
    killed_n: int = 0
    docs: list[DocScore] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "matched": self.matched, "predicted": self.predicted, "gold": self.gold,
                "type_ok": self.type_ok, "killed_ok": self.killed_ok, "killed_n": self.killed_n,
                "docs": [vars_(d) for d in self.docs]}


def vars_(d: DocScore) -> dict[str, Any]:
    return {"doc": d.doc, "matched": d.matched, "predicted": d.predicted, "gold": d.gold}


def _doc(name: Any) -> str:
    base = os.path.basename(str(name))
    return base.rsplit(".", 1)[0] if "." in base else base


def _side(v: Any) -> str | None:
    if not v:
        return None
    s = str(v).strip().lower()
    return _SIDE.get(s, s)


def _date(v: Any) -> dt.date | None:
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10]) if v else None
    except ValueError:
        return None


def _options(g: Mapping[str, Any], key: str) -> list[Any]:
    alt = g.get(key + "_alt") or []
    return [g.get(key), *(alt if isinstance(alt, list) else [alt])]


def pair_cost(g: Mapping[str, Any], p: Mapping[str, Any]) -> float | None:
    """How well prediction ``p`` fits gold event ``g`` (lower is better), None if not at all."""
    if _side(p.get("actor1_side")) not in {_side(v) for v in _options(g, "actor1_side")}:
        return None
    gd, pd = _date(g.get("date")), _date(p.get("event_date") or p.get("date"))
    if gd is None or pd is None:
        return None
    days = abs((gd - pd).days)
    if days > int(g.get("date_tolerance_days") or 0):
        return None
    level = g.get("geo_level", "town")
    if level == "country":
        return days * 10 if str(p.get("country") or "").upper() == str(g["country"]).upper() else None
    if p.get("lat") is None or p.get("lon") is None:
        return None
    km = haversine_km(float(g["lat"]), float(g["lon"]), float(p["lat"]), float(p["lon"]))
    same_admin1 = level == "admin1" and bool(g.get("admin1")) and \
        str(p.get("admin1") or "").lower() == str(g["admin1"]).lower()
    if km > _RADIUS_KM.get(level, 25.0) and not same_admin1:
        return None
    return days * 10 + km


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one prediction: ``hit`` (a required gold event), ``optional`` (an
    optional one: neither right nor wrong), ``miss`` (no gold event: a false positive) or
    ``out`` (outside the scope: not scored).  ``gold`` is the gold event it matched."""

    doc: str
    prediction: Mapping[str, Any]
    label: str
    gold: Mapping[str, Any] | None = None


def label(gold: Sequence[Mapping[str, Any]], predictions: Sequence[Mapping[str, Any]]
          ) -> tuple[list[Outcome], list[Mapping[str, Any]]]:
    """Each prediction's outcome under the scorer's rules, and the required gold events
    nothing matched (the misses against recall).  ``score`` counts exactly these; error
    listings and confidence calibration read them one by one."""
    outcomes: list[Outcome] = []
    unmatched: list[Mapping[str, Any]] = []
    for doc in sorted({_doc(g["doc"]) for g in gold}):
        golds = [g for g in gold if _doc(g["doc"]) == doc and not g.get("_none")]
        mine = [p for p in predictions if doc in p["docs"]]
        preds = [p for p in mine if not p.get("country") or str(p["country"]).upper() in SCOPE]
        outcomes += [Outcome(doc, p, "out") for p in mine if p not in preds]
        pairs = sorted((c, gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)
                       if (c := pair_cost(g, p)) is not None)
        match: dict[int, int] = {}
        taken_g: set[int] = set()
        for _, gi, pi in pairs:
            if gi in taken_g or pi in match:
                continue
            taken_g.add(gi)
            match[pi] = gi
        for pi, p in enumerate(preds):
            g = golds[match[pi]] if pi in match else None
            kind = "miss" if g is None else ("optional" if g.get("optional") else "hit")
            outcomes.append(Outcome(doc, p, kind, g))
        unmatched += [g for gi, g in enumerate(golds) if gi not in taken_g and not g.get("optional")]
    return outcomes, unmatched


def score(gold: Sequence[Mapping[str, Any]], predictions: Sequence[Mapping[str, Any]]) -> Scores:
    """Score predictions (event property dicts with ``docs``, ``lat``/``lon``) against gold."""
    out = Scores()
    outcomes, _ = label(gold, predictions)
    for doc in sorted({_doc(g["doc"]) for g in gold}):
        mine = [o for o in outcomes if o.doc == doc]
        required = sum(1 for g in gold if _doc(g["doc"]) == doc and not g.get("optional") and not g.get("_none"))
        hits = [o for o in mine if o.label == "hit"]
        for o in hits:
            g, p = o.gold, o.prediction
            out.type_ok += str(p.get("event_type")) in {str(t) for t in _options(g, "type")}
            if g.get("killed") is not None:
                out.killed_n += 1
                out.killed_ok += p.get("killed") == g.get("killed")
        predicted = sum(1 for o in mine if o.label in ("hit", "miss"))
        out.docs.append(DocScore(doc, len(hits), predicted, required))
        out.matched += len(hits)
        out.predicted += predicted
        out.gold += required
    return out


def load_gold(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Gold events from YAML or JSON: a list, or a mapping with ``events:`` (and optionally
    ``docs_without_events:``, reports where any prediction counts against precision)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot read gold file {p}: {err.strerror or err}") from None
    try:
        if p.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except Exception as err:  # noqa: BLE001 - any parse error is the same user mistake
        raise InputError(f"gold file {p} is not valid YAML/JSON: {str(err).splitlines()[0]}") from None
    events = data.get("events") if isinstance(data, dict) else data
    if not isinstance(events, list):
        raise InputError(f"gold file {p}: expected a list of events (or 'events:' with a list)")
    for i, g in enumerate(events, 1):
        missing = [k for k in ("doc", "date", "actor1_side", "country") if not isinstance(g, dict) or k not in g]
        if missing:
            raise InputError(f"gold file {p}, event {i}: missing field '{missing[0]}'")
    # documents that tell no in-scope event: whatever is predicted for them is wrong
    nothing = data.get("docs_without_events") or [] if isinstance(data, dict) else []
    return [*events, *({"doc": d, "_none": True} for d in nothing)]


def load_predictions(paths: Iterable[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """Event properties from GeoJSON FeatureCollections (as ``geo extract`` prints them)."""
    preds: list[dict[str, Any]] = []
    for path in paths:
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except OSError as err:
            raise InputError(f"cannot read predictions {p}: {err.strerror or err}") from None
        except json.JSONDecodeError as err:
            raise InputError(f"predictions {p} are not JSON (expected a GeoJSON FeatureCollection): {err}") from None
        if not isinstance(data, dict) or not isinstance(data.get("features"), list):
            raise InputError(f"predictions {p}: expected a GeoJSON FeatureCollection with 'features'")
        for feat in data["features"]:
            props = dict(feat.get("properties") or {})
            geom = feat.get("geometry") or {}
            if geom.get("type") == "Point":
                props["lon"], props["lat"] = geom["coordinates"][:2]  # GeoJSON order is lon, lat
            docs = {_doc(s["doc"] if isinstance(s, dict) else s) for s in props.get("sources") or []
                    if (isinstance(s, dict) and s.get("doc")) or isinstance(s, str)}
            if props.get("doc"):
                docs.add(_doc(props["doc"]))
            props["docs"] = docs
            preds.append(props)
    return preds


def evaluate_files(gold: str | os.PathLike[str], predictions: Iterable[str | os.PathLike[str]]) -> Scores:
    return score(load_gold(gold), load_predictions(predictions))


def format_scores(s: Scores) -> str:
    lines = [f"{d.doc}: matched {d.matched} of {d.gold} gold, {d.predicted} predicted in scope" for d in s.docs]
    if s.matched:
        lines.append(f"matched events: type agrees {s.type_ok}/{s.matched}, killed agrees {s.killed_ok}/{s.killed_n}")
    lines.append(f"events: precision {s.precision:.2f} recall {s.recall:.2f} f1 {s.f1:.2f} "
                 f"(matched {s.matched}, predicted {s.predicted}, gold {s.gold})")
    return "\n".join(lines)
