"""Sides read from the whole report (geo.extract.attribution): the strikers other than the
US and the militias keep their unclaimed strikes, blame names the side, and Iran's own
forces are told apart from the groups it backs."""
from __future__ import annotations

import datetime as dt

from geo.extract import extract_text
from geo.extract.attribution import blamed_side


def events(text: str, published: dt.date = dt.date(2024, 10, 25)):
    return extract_text(text, doc="r.txt", published=published)


def test_a_strike_blamed_on_israel_is_israels():
    assert blamed_side("An air strike blamed on Israel hit a building in Damascus.") == "israel"
    assert blamed_side("a raid widely attributed to Jordan") == "jordan"
    assert blamed_side("The base was hit by a drone, officials said.") is None


def test_an_unclaimed_drone_in_a_report_of_turkish_strikes_is_turkish():
    found = events("Turkish jets struck PKK positions in the Gara region of northern Iraq on Wednesday, the "
                   "defence ministry said. On Thursday a drone hit a car near Qamishli, killing two people.")
    assert {e.actor1_side for e in found} == {"turkey"}


def test_an_unclaimed_rocket_attack_on_a_us_base_stays_with_the_militias():
    found = events("Turkish drones struck a village near Qamishli on Wednesday. On Thursday rockets hit "
                   "the Rumalyn landing zone.")
    sides = {e.location: e.actor1_side for e in found}
    assert sides.get("Rumalyn landing zone") == "iran_aligned"


def test_missiles_fired_from_iran_are_irans_own():
    found = events("The Revolutionary Guards fired ballistic missiles at Erbil on Monday night.",
                   dt.date(2024, 1, 16))
    assert [e.actor1_side for e in found] == ["iran"]


def test_an_unclaimed_air_strike_that_centcom_announces_is_american():
    found = events("CENTCOM said on Friday that an airstrike in Deir ez-Zor province had killed a senior "
                   "Islamic State leader.", dt.date(2024, 12, 21))
    assert [e.actor1_side for e in found] == ["us"]


def test_warplanes_the_report_later_attributes_to_jordan_are_jordans():
    found = events("Warplanes struck two houses in the village of Arman in Sweida province early on Thursday, "
                   "killing ten people. The Syrian Observatory attributed both strikes to Jordanian jets.",
                   dt.date(2024, 1, 19))
    assert [(e.actor1_side, e.location) for e in found] == [("jordan", "Arman")]


def test_an_air_strike_whose_air_force_the_report_never_names_is_no_event():
    assert events("Warplanes struck two houses in the village of Arman on Thursday.", dt.date(2024, 1, 19)) == []


def test_a_speaker_who_did_not_say_who_struck_is_not_the_striker():
    assert events("The Pentagon did not say who was behind the strikes near Albu Kamal on Friday.",
                  dt.date(2024, 2, 4)) == []
