"""A report's news and its background (geo.extract.background): retellings, causes,
tallies and captions do not become events of their own."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from geo.extract import extract_text
from geo.extract.background import _DATA, sentence_role

DATA = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
ENTRIES = [(kind, e) for kind in ("retelling", "tally", "caption", "correction") for e in DATA[kind]]
EXAMPLES = [(e, x) for _k, e in ENTRIES for x in e["examples"]]


@pytest.mark.parametrize(("kind", "entry"), ENTRIES, ids=lambda v: v if isinstance(v, str) else v["covers"][:40])
def test_every_background_cue_says_what_it_covers_and_gives_an_example(kind, entry):
    assert entry["covers"] and entry["pattern"] and entry["examples"]


@pytest.mark.parametrize(("entry", "example"), EXAMPLES, ids=lambda v: v.get("text", v.get("covers", ""))[:40])
def test_each_background_example_is_told_as_documented(entry, example):
    assert sentence_role(example["text"], cause_clause=example.get("cause_clause", False)) == example["role"]


def events(text: str, published: dt.date = dt.date(2024, 2, 9)):
    return extract_text(text, doc="r.txt", published=published)


def test_an_attack_retold_as_what_a_strike_came_after_is_no_second_event():
    found = events("US aircraft struck a weapons depot near Albu Kamal on Thursday, officials said. "
                   "The strike came five days after a drone attack on US troops at Tower 22 in Jordan.")
    assert [(e.actor1_side, e.location) for e in found] == [("us", "Albu Kamal")]


def test_a_retelling_of_the_report_s_own_news_joins_it():
    found = events("Rockets hit the Ain al-Asad air base on Wednesday, wounding two contractors. "
                   "The base had been struck by the same groups in Iraq many times, and "
                   "officials said the rockets that hit Ain al-Asad came from the desert.")
    assert len(found) == 1 and len(found[0].sources) >= 1


def test_a_picture_caption_is_not_an_event():
    text = ("Mourners carry the coffin of a militia fighter killed in an air strike in Baghdad.\n\n"
            "Iraq's government condemned the funeral violence on Friday.")
    assert events(text) == []


def test_a_country_wide_tally_of_attacks_is_not_an_event():
    found = events("Iran-backed militias have attacked US forces in Iraq more than 150 times since October.")
    assert found == []


def test_precisely_told_background_is_kept_but_marked():
    found = events("US jets struck a militia depot near Mayadeen on Friday, February 9. The raid came a week "
                   "after rockets were fired at the Conoco gas field on February 2.")
    kept = [e for e in found if e.location and "Conoco" in e.location]
    assert kept and "told as background" in (kept[0].notes or "")


def test_a_lead_that_sums_up_strikes_joins_the_places_it_goes_on_to_name():
    found = events("Turkish jets struck targets across northern Iraq on Wednesday, the ministry said. "
                   "The jets hit the Gara region and the Qandil mountains on Wednesday.", dt.date(2024, 10, 24))
    assert sorted(e.location for e in found) == ["Gara", "Qandil"]  # no third point for "northern Iraq"
    found = events("US jets struck militia sites across Syria on Thursday, officials said. The jets struck "
                   "a depot near Albu Kamal and a camp near Mayadeen on Thursday.")
    assert sorted(e.location for e in found) == ["Albu Kamal", "Mayadeen"]


def test_a_blast_at_the_place_and_time_of_an_attack_is_that_attack():
    found = events("Rockets hit the Conoco gas field on Thursday. Explosions were heard at the Conoco gas "
                   "field on Thursday, residents said.")
    assert [(e.actor1_side, e.event_type) for e in found] == [("iran_aligned", "rocket_attack")]


def test_an_unexplained_blast_at_a_militia_base_is_an_explosion_of_unknown_side():
    found = events("A powerful explosion tore through the Kalsu base late on Friday, killing one PMF member.",
                   dt.date(2024, 4, 20))
    assert [(e.actor1_side, e.event_type, e.place_id) for e in found] == [("unknown", "explosion", "cur:kalsu")]


def test_a_claim_of_who_caused_a_blast_leaves_the_blast_of_unknown_cause():
    found = events("A powerful explosion tore through the Kalsu base late on Friday. A brigade commander said "
                   "he believed the base had been hit by an American air strike on Friday.", dt.date(2024, 4, 20))
    assert [(e.actor1_side, e.event_type) for e in found] == [("unknown", "explosion")]
    assert "blamed on us" in found[0].notes
