"""The review library: stable keys, sticky decisions, the decisions file, the reviewed set."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from review_support import REPORTS, copy_reports, extracted

from geo.exc import InputError
from geo.model import Event, Source
from geo.review import (
    DecisionStore,
    ReviewDesk,
    apply_decisions,
    assign_keys,
    match_decisions,
    review_stats,
)
from geo.review.keys import normalise_quote


@pytest.fixture(scope="module")
def review_events():
    return extracted([REPORTS])


def _by_place(desk: ReviewDesk, name: str):
    return next(it for it in desk.items() if it.extracted.location == name)


def test_key_ignores_case_punctuation_spacing_and_offsets():
    a = Event(event_type="airstrike", sources=(Source(doc="r.txt", quote="The US struck  “five” targets.",
                                                      start=10, end=40),))
    b = Event(event_type="drone_attack", sources=(Source(doc="r.txt", quote="the US struck \"five\" targets",
                                                         start=99, end=128),))
    c = Event(sources=(Source(doc="other.txt", quote="The US struck five targets."),))
    assert normalise_quote("The US  struck “five”!") == "the us struck five"
    assert assign_keys([a])[0] == assign_keys([b])[0]
    assert assign_keys([a])[0] != assign_keys([c])[0]


def test_two_events_resting_on_one_sentence_get_distinct_keys():
    src = (Source(doc="r.txt", quote="Strikes hit a depot near Albu Kamal and a camp near Mayadeen."),)
    one = Event(location="Albu Kamal", place_id="cur:albu-kamal", sources=src)
    two = Event(location="Mayadeen", place_id="cur:mayadeen", sources=src)
    keys = assign_keys([one, two])
    assert len(set(keys)) == 2
    assert assign_keys([two, one]) == keys[::-1]  # not by order


def test_each_decision_is_in_the_file_when_decide_returns(review_events, tmp_path):
    events, texts = review_events
    path = tmp_path / "decisions.yaml"
    desk = ReviewDesk(events, DecisionStore(path), texts, reviewer="dana")
    keys = [it.key for it in desk.items()]
    desk.decide(keys[0], "accept")
    assert [r["key"] for r in yaml.safe_load(path.read_text())["events"]] == keys[:1]
    desk.decide(keys[1], "reject", reason="out of scope")
    records = yaml.safe_load(path.read_text())["events"]
    assert [(r["key"], r["decision"], r.get("reason"), r["reviewer"]) for r in records] == [
        (keys[0], "accept", None, "dana"), (keys[1], "reject", "out of scope", "dana")]
    assert all(r["decided_at"].endswith("Z") for r in records)
    assert not [p for p in tmp_path.iterdir() if p.name != "decisions.yaml"]  # no temporaries


def test_decisions_survive_reextraction_of_changed_report_text(review_events, tmp_path):
    events, texts = review_events
    path = tmp_path / "decisions.yaml"
    desk = ReviewDesk(events, DecisionStore(path), texts)
    qaim, tanf = _by_place(desk, "Al Qaim"), _by_place(desk, "Al-Tanf garrison")
    desk.decide(qaim.key, "accept")
    desk.decide(tanf.key, "reject", reason="not an event")
    # The reports again, with a new first paragraph and other spacing: every offset moves.
    reports = copy_reports(tmp_path / "reports")
    for p in reports.glob("*.md"):
        head, _, body = p.read_text().partition("\n---\n")
        p.write_text(head + "\n---\nAn editor's note added at the top of the page.\n\n"
                     + body.replace(". ", ".  "))
    again, _ = extracted([reports])
    assert {s.start for e in again for s in e.sources} != {s.start for e in events for s in e.sources}
    desk2 = ReviewDesk(again, DecisionStore(path))
    assert _by_place(desk2, "Al Qaim").status == "accepted"
    assert _by_place(desk2, "Al-Tanf garrison").status == "rejected"
    assert sum(it.status == "unreviewed" for it in desk2.items()) == len(again) - 2


def test_rejected_event_stays_rejected_when_the_rules_change_it(review_events, tmp_path):
    events, texts = review_events
    store = DecisionStore(tmp_path / "d.yaml")
    desk = ReviewDesk(events, store, texts)
    key = desk.items()[0].key
    desk.decide(key, "reject", reason="background/duplicate")
    changed = [dataclasses.replace(e, killed=(e.killed or 0) + 5, event_type="attack")
               for e in events]
    item = next(it for it in match_decisions(changed, DecisionStore(tmp_path / "d.yaml"))
                if it.key == key)
    assert item.status == "rejected"
    assert apply_decisions(changed, DecisionStore(tmp_path / "d.yaml")).rejected == 1


def test_accepted_event_extracted_differently_is_asked_again_with_the_difference(review_events, tmp_path):
    events, texts = review_events
    desk = ReviewDesk(events, DecisionStore(tmp_path / "d.yaml"), texts)
    mayadeen = _by_place(desk, "Mayadeen")
    desk.decide(mayadeen.key, "accept")
    same = match_decisions(events, DecisionStore(tmp_path / "d.yaml"))
    assert next(it for it in same if it.key == mayadeen.key).status == "accepted"
    recoded = [dataclasses.replace(e, killed=7) if e.location == "Mayadeen" else e for e in events]
    item = next(it for it in match_decisions(recoded, DecisionStore(tmp_path / "d.yaml"))
                if it.key == mayadeen.key)
    assert item.status == "changed"
    assert item.diff == {"killed": [6, 7]}


def test_corrections_stay_when_a_changed_event_is_accepted_again(review_events, tmp_path):
    events, texts = review_events
    desk = ReviewDesk(events, DecisionStore(tmp_path / "d.yaml"), texts)
    qaim = _by_place(desk, "Al Qaim")
    desk.decide(qaim.key, "edit", fields={"targets": "two weapons depots"})
    recoded = [dataclasses.replace(e, killed=1) if e.location == "Al Qaim" else e for e in events]
    desk2 = ReviewDesk(recoded, DecisionStore(tmp_path / "d.yaml"))
    assert desk2.item(qaim.key).status == "changed"
    after = desk2.decide(qaim.key, "accept")
    assert after.status == "edited"
    assert (after.current.killed, after.current.targets) == (1, "two weapons depots")


def test_event_whose_evidence_grew_keeps_its_decision(review_events, tmp_path):
    events, texts = review_events
    desk = ReviewDesk(events, DecisionStore(tmp_path / "d.yaml"), texts)
    conoco = _by_place(desk, "Conoco gas field")
    desk.decide(conoco.key, "accept")
    extra = Source(doc=conoco.extracted.sources[0].doc, quote="The rockets caused no damage, the monitor added.")
    grown = [dataclasses.replace(e, sources=(*e.sources, extra)) if e.location == "Conoco gas field" else e
             for e in events]
    item = next(it for it in match_decisions(grown, DecisionStore(tmp_path / "d.yaml"))
                if it.extracted.location == "Conoco gas field")
    assert item.key == conoco.key
    assert item.status == "changed" and "sources" in item.diff


def test_edit_with_a_gazetteer_place_brings_its_coordinates(review_events, tmp_path):
    events, texts = review_events
    desk = ReviewDesk(events, DecisionStore(tmp_path / "d.yaml"), texts)
    qaim = _by_place(desk, "Al Qaim")
    item = desk.decide(qaim.key, "edit", fields={"place_id": "cur:al-qaim-crossing", "killed": 2})
    ev = item.current
    assert (ev.place_id, ev.location, ev.geo_precision, ev.killed) == (
        "cur:al-qaim-crossing", "Al-Qaim border crossing", "site", 2)
    assert (round(ev.lat, 3), round(ev.lon, 3)) == (34.435, 40.945)
    assert item.status == "edited"
    assert item.decision.original["place_id"] == "cur:al-qaim"
    with pytest.raises(InputError, match="killed"):
        desk.decide(qaim.key, "edit", fields={"killed": -1})
    with pytest.raises(InputError, match="cannot be edited"):
        desk.decide(qaim.key, "edit", fields={"sources": []})


def test_reviewed_set_keeps_accepted_and_corrected_drops_rejected_marks_unreviewed(review_events, tmp_path):
    events, texts = review_events
    store = DecisionStore(tmp_path / "d.yaml")
    desk = ReviewDesk(events, store, texts)
    items = desk.items()
    desk.decide(items[0].key, "accept")
    desk.decide(items[1].key, "edit", fields={"notes": "checked against the statement"})
    desk.decide(items[2].key, "reject", reason="wrong report")
    got = apply_decisions(events, DecisionStore(tmp_path / "d.yaml"))
    assert len(got.events) == len(events) - 1 and got.rejected == 1
    assert items[2].extracted not in got.events
    assert any(e.notes == "checked against the statement" for e in got.events)
    assert got.unreviewed == {it.extracted.id for it in items[3:]}
    assert len(got.without_unreviewed()) == 2


def test_stats_count_corrections_by_field_and_rejections_by_reason(review_events, tmp_path):
    events, texts = review_events
    desk = ReviewDesk(events, DecisionStore(tmp_path / "d.yaml"), texts)
    items = desk.items()
    desk.decide(items[0].key, "accept")
    desk.decide(items[1].key, "edit", fields={"place_id": "cur:al-qaim-crossing", "killed": 3})
    desk.decide(items[2].key, "reject", reason="not an event")
    desk.decide(items[3].key, "reject", reason="not an event")
    st = review_stats(DecisionStore(tmp_path / "d.yaml"))
    assert (st.accepted, st.edited, st.rejected) == (1, 1, 2)
    assert st.edited_fields == {"place": 1, "killed": 1}
    assert st.reasons == {"not an event": 2}
    assert st.precision == 0.5


@pytest.mark.parametrize("text, message", [
    ("events: [", "not valid YAML"),
    ("- just a list\n", "expected a decisions file"),
    ("events:\n- {key: rv-1, decision: maybe}\n", "'maybe' is not one of"),
    ("events:\n- {decision: accept}\n", "needs its 'key'"),
    ("events:\n- {key: rv-1, decision: accept, killed: lots}\n", "field 'killed'"),
])
def test_a_broken_decisions_file_is_one_line_naming_the_problem(tmp_path, text, message):
    path = tmp_path / "d.yaml"
    path.write_text(text)
    with pytest.raises(InputError, match=message) as err:
        DecisionStore(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_decisions_file_is_a_curated_events_file_plus_the_review(review_events, tmp_path):
    events, texts = review_events
    path = tmp_path / "d.yaml"
    desk = ReviewDesk(events, DecisionStore(path), texts)
    desk.decide(desk.items()[0].key, "accept")
    from geo.events_io import load_events

    record = yaml.safe_load(path.read_text())["events"][0]
    stripped = tmp_path / "curated.yaml"
    body = {k: v for k, v in record.items()
            if k not in ("key", "decision", "reason", "fields", "original", "reviewer", "decided_at")}
    stripped.write_text(yaml.safe_dump({"events": [body]}, allow_unicode=True))
    assert load_events(stripped)[0].sources == desk.items()[0].extracted.sources
    assert Path(path).read_text().startswith("# Review decisions")


def test_an_events_file_given_with_its_reports_is_reviewed_once_with_their_text(review_events, tmp_path):
    from geo.export.geojson import write_geojson
    from geo.review.inputs import load_inputs

    events, texts = review_events
    file = tmp_path / "extracted.geojson"
    write_geojson(events[:3], file)
    got = load_inputs([file, REPORTS])
    docs_in_file = {s.doc for e in events[:3] for s in e.sources}
    assert set(got.texts) == set(texts)
    assert len(got.events) == 3 + sum(1 for e in events if e.sources[0].doc not in docs_in_file)
    assert len({k for k in assign_keys(got.events)}) == len(got.events)
