"""The embedded seed data set: curated events that load, cite their reports, and keep disputes."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from gazetteer.testing import isolated, session_cache_dir
from geo.pipeline import default_seeds_dir, seed_events

SEEDS = default_seeds_dir()
REPORTS = sorted((SEEDS / "reports").glob("*.md"))


@pytest.fixture(autouse=True)
def _gazetteer(tmp_path_factory, monkeypatch):
    with isolated(monkeypatch, session_cache_dir(tmp_path_factory)):
        yield


@pytest.fixture
def events():
    return seed_events()


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("---\n", 2)[1])


def _one(events, **want):
    found = [e for e in events if all(getattr(e, k) == v for k, v in want.items())]
    assert len(found) == 1, (want, [e.id for e in found])
    return found[0]


def test_the_seeds_are_the_repositorys():
    assert SEEDS == Path(__file__).resolve().parents[1] / "seeds"


def test_there_is_one_report_per_seed_document_with_front_matter():
    assert len(REPORTS) == 5
    for path in REPORTS:
        meta = _front_matter(path)
        assert {"title", "published", "based_on"} <= set(meta), path
        assert isinstance(meta["published"], dt.date)
        assert Path(meta["based_on"]).stem == path.stem


def test_every_seed_event_is_located_sourced_and_cites_a_report_we_ship(events):
    shipped = {p.stem for p in REPORTS}
    assert len(events) >= 10
    for ev in events:
        assert ev.located and ev.country in {"SY", "IQ", "JO"} and ev.geo_precision, ev.id
        assert ev.sources, ev.id
        for src in ev.sources:
            assert Path(src.doc).stem in shipped and src.published, (ev.id, src.doc)
    assert {Path(s.doc).stem for e in events for s in e.sources} == shipped


def test_the_tower_22_attack_is_one_event_carrying_both_claims(events):
    ev = _one(events, event_date=dt.date(2024, 1, 28))
    assert (ev.event_type, ev.location, ev.country, ev.admin1, ev.killed) == \
        ("drone_attack", "Tower 22", "JO", "Mafraq", 3)
    assert len(ev.sources) == 4
    killed = {(c.value, Path(c.doc).stem[:3]) for c in ev.disputed["killed"]}
    assert killed == {(3, "000"), (3, "001"), (3, "003"), (4, "002")}
    countries = {c.value for c in ev.disputed["country"]}
    assert countries == {"JO", "SY"}
    assert any("Al-Tanf" in str(c.value) for c in ev.disputed["location"])
    assert [c.value for c in ev.disputed["injured"]] == [4]


def test_the_november_2024_strikes_and_the_attack_that_preceded_them(events):
    nine = _one(events, event_date=dt.date(2024, 11, 11), event_type="airstrike")
    assert (nine.targets_count, nine.killed, nine.country) == (9, 4, "SY")
    assert "Wednesday" in nine.notes and "event_date" in nine.disputed
    second = _one(events, event_date=dt.date(2024, 11, 12))
    assert (second.admin1, second.killed_low, second.geo_precision) == ("Deir ez-Zor", 5, "admin1")
    rocket = _one(events, event_type="rocket_attack", location="Patrol Base Shaddadi")
    assert rocket.actor1_side == "iran_aligned" and rocket.geo_precision == "site"


def test_the_february_2024_strikes_are_coded_per_site(events):
    feb = [e for e in events if e.event_date == dt.date(2024, 2, 3)]
    assert sorted(e.place_id for e in feb) == ["cur:al-qaim", "cur:albu-kamal", "cur:deir-ez-zor"]
    assert all(len(e.sources) == 3 for e in feb)


def test_the_november_2023_strikes_near_albu_kamal_and_mayadeen(events):
    nov = [e for e in events if e.event_date == dt.date(2023, 11, 12)]
    assert sorted(e.place_id for e in nov) == ["cur:albu-kamal", "cur:mayadeen"]
    assert all(e.actor1_side == "us" and e.event_type == "airstrike" for e in nov)


def test_seed_ids_are_unique_and_stable(events):
    assert len({e.id for e in events}) == len(events)
    assert [e.id for e in seed_events()] == [e.id for e in events]
