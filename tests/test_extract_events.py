"""What counts as an event, who did it, where, when and how many: one sentence at a time."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import extract_text
from geo.extract.numbers import casualties, parse_number, target_count

PUB = dt.date(2024, 2, 9)  # Friday


def events(text: str, pub: dt.date = PUB):
    return extract_text(text, doc="t.txt", published=pub)


def only(text: str, pub: dt.date = PUB):
    found = events(text, pub)
    assert len(found) == 1, [(e.event_type, e.location, e.event_date) for e in found]
    return found[0]


# --- actors, sides and voice ---------------------------------------------------------

def test_active_voice_us_strike_on_a_governorate():
    ev = only("The US struck five targets in Al Anbar on Thursday.")
    assert (ev.actor1_side, ev.event_type, ev.admin1, ev.geo_precision) == ("us", "airstrike", "Al Anbar", "admin1")
    assert ev.event_date == dt.date(2024, 2, 8) and ev.targets_count == 5


def test_a_group_claiming_an_attack_is_its_actor():
    ev = only("Kataib Hezbollah claimed a rocket attack on Erbil airport on Wednesday.")
    assert ev.actor1 == "Kataib Hezbollah" and ev.actor1_side == "iran_aligned"
    assert ev.event_type == "rocket_attack" and ev.place_id == "cur:erbil-air-base"


def test_the_reporter_of_a_claim_is_not_its_actor():
    ev = only("The Islamic Resistance in Iraq said it targeted the Conoco gas field with drones on Sunday.")
    assert ev.actor1 == "Islamic Resistance in Iraq" and ev.event_type == "drone_attack"
    assert ev.geo_precision == "site" and ev.country == "SY"


def test_passive_voice_makes_the_target_the_victim():
    ev = only("US forces at Patrol Base Shaddadi came under rocket attack on Tuesday.")
    assert ev.actor1_side == "iran_aligned" and ev.actor2_side == "us"
    assert ev.event_type == "rocket_attack" and ev.location == "Patrol Base Shaddadi"


def test_an_attack_on_us_troops_is_attributed_to_the_other_side_when_no_one_claims_it():
    ev = only("A drone attack on Ain al-Asad air base injured two American contractors on Monday.")
    assert ev.actor1_side == "iran_aligned" and ev.injured == 2 and ev.event_type == "drone_attack"


def test_monitor_reports_casualties_without_becoming_the_actor():
    ev = only("On Monday US jets bombed a depot near Mayadeen, which the Syrian Observatory for Human "
              "Rights said killed four militia members.")
    assert ev.actor1_side == "us" and ev.killed == 4
    assert "SOHR" in (ev.notes or "")


# --- numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, killed, injured", [
    ("the raid killed at least five fighters of the group", 5, None),
    ("which killed 2 US sailors and wounded 5 others", 2, 5),
    ("Two US contractors were killed in a rocket attack", 2, None),
    ("No American troops were injured in the attack", None, 0),
    ("a rocket attack killed a US contractor and wounded six others", 1, 6),
    ("the raid left 12 dead", 12, None),
])
def test_casualties_in_digits_and_words(text, killed, injured):
    k, i = casualties(text)
    assert (k.value if k else None, i.value if i else None) == (killed, injured)


def test_at_least_keeps_its_floor_and_numbers_parse_from_words():
    k, _ = casualties("killing at least twenty-one fighters")
    assert (k.value, k.low) == (21, 21)
    assert parse_number("a dozen") == 12 and parse_number("nine") == 9
    assert target_count("85 air strikes hit nine targets") == 9


# --- what is not an event ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Militias have launched nearly 170 attacks on US forces in Syria since October 17.",
    "Coalition outposts in Syria came under hundreds of mortar and rocket attacks last year.",
    "Kataib Hezbollah threatened more attacks on US forces in Iraq if the strikes continue.",
    "The escalation could rapidly spread to Jordan, and Iran may feel compelled to strike US bases in Syria.",
    "Militias will likely continue rocket attacks on US bases in Iraq.",
    "Kataib Hezbollah denied carrying out the attack on Tower 22 on Sunday.",
    "The group has not attacked US forces in Syria since February.",
    "Washington carries out raids on Islamic State cells in Syria on a near-monthly basis.",
    "Israeli jets hit targets in Syria on an almost-weekly basis.",
    "Iran-aligned groups have regularly fired on American troops in Iraq.",
    "The raids are meant to deter more attacks on American forces in Syria.",
    "Attacks on US forces in Iraq and Syria will not be tolerated, the Pentagon said.",
])
def test_aggregates_threats_forecasts_denials_and_habits_are_not_events(text):
    assert events(text) == []


def test_background_with_neither_place_nor_time_is_not_an_event():
    assert events("Washington has answered attacks on its soldiers with force before.") == []


# --- places -----------------------------------------------------------------------------

def test_the_most_specific_place_wins_over_its_province_and_country():
    ev = only("On Sunday a US strike hit a camp west of Albu Kamal, in eastern Syria's Deir ez-Zor province.")
    assert ev.location == "Albu Kamal" and ev.geo_precision == "town" and ev.admin1 == "Deir ez-Zor"


def test_country_only_when_that_is_all_the_report_says():
    ev = only("US warplanes bombed seven targets in Syria on Tuesday.")
    assert (ev.country, ev.geo_precision, ev.targets_count) == ("SY", "country", 7)


def test_two_named_targets_are_two_events():
    found = events("On Sunday US jets struck a depot outside the town of Albu Kamal and a camp close to Mayadeen.")
    assert sorted(e.location for e in found) == ["Albu Kamal", "Mayadeen"]


def test_a_soldiers_home_town_is_not_an_event_location():
    text = ("On January 28, 2024, a drone attack on Tower 22 in Jordan killed three US soldiers.\n\n"
            "- Sgt. A. Example, 24, of Baghdad Street, Savannah, Georgia\n")
    ev = only(text)
    assert ev.location == "Tower 22" and ev.killed == 3


def test_a_table_row_is_an_event_at_its_place():
    text = ("On February 3rd, the US struck militia sites in Syria and Iraq.\n\n"
            "Location | Details |\n---|---|\n"
            "Al Qaim, Iraq | F-16 jets struck a logistics hub. |\n"
            "Mayadeen, Syria | F-15E jets dropped 6 bombs on a depot. |\n")
    found = events(text)
    assert sorted(e.location for e in found) == ["Al Qaim", "Mayadeen"]
    assert all(e.event_date == dt.date(2024, 2, 3) for e in found)


# --- one event per real event; dates ------------------------------------------------------------

def test_several_sentences_about_one_strike_make_one_event_with_all_its_evidence():
    text = ("US aircraft struck a weapons depot near Mayadeen on Tuesday, officials said.\n\n"
            "The strike destroyed the depot, and a war monitor said it killed three fighters.\n\n"
            "The strikes were the third this month.")
    ev = only(text)
    assert ev.killed == 3 and len(ev.sources) >= 2
    assert all(ev.sources[0].quote in text for _ in [0])
    src = ev.sources[0]
    assert text[src.start:src.end] == src.quote


def test_a_second_day_of_strikes_implies_the_day_before():
    found = events("On Thursday American jets bombed militia depots in Syria for the second straight day.")
    assert sorted(e.event_date for e in found) == [dt.date(2024, 2, 7), dt.date(2024, 2, 8)]


def test_a_report_without_a_date_is_dated_the_day_before_publication_and_says_so():
    ev = only("The US carried out two new precision airstrikes near Mayadeen, the Pentagon said.")
    assert ev.event_date == dt.date(2024, 2, 8) and ev.date_precision == "week"
    assert "no date" in ev.notes


def test_the_cause_of_a_reaction_is_dated_before_it_by_the_gap_the_report_gives():
    found = events("US jets struck militia sites near Al Qaim on Friday, February 2, four days after a missile "
                   "barrage on Ain al-Asad air base.", dt.date(2024, 2, 9))
    cause = next(e for e in found if e.actor1_side == "iran_aligned")
    assert cause.event_date == dt.date(2024, 1, 29) and "told as background" in cause.notes


def test_an_imprecise_cause_of_a_reaction_is_background_not_an_event():
    found = events("In February the US struck militia sites in Syria after a drone attack in Jordan killed three US soldiers.",
                   dt.date(2024, 2, 20))
    assert [(e.actor1_side, e.country, e.killed) for e in found] == [("us", "SY", None)]


def test_confidence_is_a_fraction_and_ids_are_stable():
    a = only("The US struck five targets in Al Anbar on Thursday.")
    b = only("The US struck five targets in Al Anbar on Thursday.")
    assert 0 <= a.confidence <= 1 and a.id == b.id


def test_a_trend_in_attacks_is_not_an_event():
    assert events("Rocket and drone fire on US outposts in Iraq rose steeply after the war in Gaza began.") == []
    assert events("Since the spring, attacks on the Conoco gas field have been rarer.") == []


def test_an_aggregate_subject_before_hit_is_not_an_event():
    assert events("Between May and July, dozens of rocket and drone attacks hit coalition bases in Syria.") == []


def test_soldiers_who_died_in_a_strike_are_its_victims_not_its_authors():
    found = events("In March the Pentagon struck militia depots, after two US soldiers died in a drone strike on Tower 22 "
                   "on March 3.", dt.date(2024, 3, 20))
    attack = next(e for e in found if e.event_type == "drone_attack")
    assert attack.actor1_side == "iran_aligned" and attack.place_id == "cur:tower-22" and attack.killed == 2
    assert not any(e.actor1_side == "us" and e.killed for e in found)


def test_in_answer_to_opens_a_cause_clause():
    found = events("The US Air Force bombed two depots near Mayadeen on Thursday in answer to attacks on US forces in Iraq.")
    assert [(e.actor1_side, e.country) for e in found if e.actor1_side == "us"] == [("us", "SY")]


def test_a_reaction_without_a_place_does_not_take_the_place_of_its_cause():
    found = events("American warplanes hit back on Friday in retaliation for Sunday's drone strike in "
                   "Jordan, which had killed three US troops.", dt.date(2024, 2, 3))
    # the strikes were not in Jordan: the report does not say where, so they are not placed;
    # the cause is background placed only to a country, so it is no event of this report
    assert found == []


def test_answered_a_with_b_tells_the_cause_and_the_reaction_apart():
    found = events("In February the United States answered a drone attack in Jordan, which had killed "
                   "three American soldiers, with a wave of 85 air strikes on militia sites in Syria "
                   "and in Iraq.", dt.date(2024, 2, 20))
    got = sorted((e.actor1_side, e.event_type, e.country, e.killed) for e in found)
    # the reaction keeps none of its cause's toll or place; the cause is background
    assert got == [("us", "airstrike", "IQ", None), ("us", "airstrike", "SY", None)]


def test_struck_back_for_an_attack_keeps_the_attacks_toll_and_place_off_the_strike():
    found = events("US jets hit militia depots in Syria on Friday. Washington struck back on Friday "
                   "for the attack that killed three soldiers at Tower 22 in Jordan.")
    strike = next(e for e in found if e.actor1_side == "us")
    assert (strike.country, strike.killed) == ("SY", None) and strike.actor1 == "US jets"
    attack = next(e for e in found if e.actor1_side == "iran_aligned")
    assert (attack.location, attack.killed) == ("Tower 22", 3) and attack.event_date < dt.date(2024, 2, 9)


def test_a_weapon_that_hit_after_a_longer_description_is_an_attack():
    ev = only("On Sunday three drones packed with explosives hit an American outpost near Al-Tanf base.")
    assert (ev.event_type, ev.actor1_side, ev.place_id) == ("drone_attack", "iran_aligned", "cur:al-tanf")


@pytest.mark.parametrize("text, killed, injured", [
    ("SOHR put the dead from those strikes at four militia members.", 4, None),
    ("Medics estimated the number of wounded at more than 40.", None, 40),
    ("The death toll rose to 6 by the evening.", 6, None),  # a toll of deaths is not of the wounded
])
def test_tolls_put_at_a_number(text, killed, injured):
    k, i = casualties(text)
    assert (k.value if k else None, i.value if i else None) == (killed, injured)


def test_rockets_fired_at_a_base_in_the_passive_are_an_attack_on_it():
    ev = only("At least three rockets were fired at Ain al-Asad air base on Monday.")
    assert (ev.event_type, ev.actor1_side, ev.place_id) == ("rocket_attack", "iran_aligned", "cur:ain-al-asad")
    assert ev.event_date == dt.date(2024, 2, 5)


def test_forces_that_shot_down_attack_drones_were_the_target():
    ev = only("US forces engaged two one-way attack drones over Ain al-Asad on Thursday.")
    assert (ev.event_type, ev.actor1_side, ev.actor2_side) == ("drone_attack", "iran_aligned", "us")


def test_the_group_blamed_for_an_attack_is_its_actor_not_the_government_that_blames():
    ev = only("The Pentagon blamed Kataib Hezbollah for the Jan. 28 drone attack on Tower 22.")
    assert (ev.actor1, ev.actor1_side, ev.location) == ("Kataib Hezbollah", "iran_aligned", "Tower 22")


def test_a_force_that_reports_its_losses_is_not_the_attacker():
    ev = only("The US-backed Syrian Democratic Forces said four of their fighters were killed on "
              "Sunday when an explosive drone struck the coalition base at the al-Omar oil field.")
    assert (ev.event_type, ev.actor1_side, ev.killed) == ("drone_attack", "iran_aligned", 4)
    assert "reported by SDF" in ev.notes


def test_a_dateline_is_where_the_reporter_filed_from_not_where_it_happened():
    ev = only("BAGHDAD (Reuters) - US jets struck a militia depot at Jurf al-Sakhar on Wednesday.")
    assert ev.location == "Jurf al-Sakhar" and ev.geo_precision == "town"


def test_troops_treated_for_injuries_are_counted_as_injured():
    ev = only("Eight US service members were treated for traumatic brain injuries after a drone "
              "attack on Rumalyn on Friday.")
    assert ev.injured == 8 and ev.event_type == "drone_attack"


def test_a_blast_nobody_is_said_to_have_caused_is_not_given_a_side():
    found = events("US jets struck a depot near Albu Kamal on Monday. On Tuesday a blast tore "
                   "through a militia base in Babil province, killing one person.")
    assert [(e.actor1_side, e.location) for e in found] == [("us", "Albu Kamal")]


def test_a_theatre_town_is_found_by_its_one_word_alternate_spelling():
    ev = only("US forces carried out an airstrike in Musayyib, in Babil province, on Tuesday.")
    assert ev.geo_precision == "town" and ev.admin1 == "Babil"


def test_a_toll_told_in_its_own_clause_belongs_to_the_attack_it_follows():
    ev = only("Three US soldiers were killed after a drone attack on Tower 22 on Sunday.")
    assert (ev.event_type, ev.killed, ev.location) == ("drone_attack", 3, "Tower 22")


def test_a_sentence_that_only_says_where_the_target_was_places_the_event():
    ev = only("Two US F-15 jets bombed a weapons depot in eastern Syria early on Thursday. "
              "An official said the depot was near the city of Mayadeen.")
    assert (ev.location, ev.geo_precision) == ("Mayadeen", "town") and len(ev.sources) == 2


def test_what_happened_after_which_is_a_reaction_not_a_cause():
    found = events("Explosions were heard inside the al-Omar oil field before dawn on Thursday, after which "
                   "American troops there struck back at militia positions near Mayadeen.")
    strike = next(e for e in found if e.actor1_side == "us")
    assert strike.location == "Mayadeen" and strike.event_date == dt.date(2024, 2, 8)


def test_that_before_a_plural_is_a_conjunction_not_a_reference():
    found = events("US jets bombed a depot near Albu Kamal on Thursday. The monitor reported that "
                   "explosions were heard at the Conoco gas field on Thursday.")
    # the explosions are no second target of the strike: an unclaimed attack on a coalition base
    assert sorted((e.actor1_side, e.location) for e in found) == [
        ("iran_aligned", "Conoco gas field"), ("us", "Albu Kamal")]


def test_a_time_that_dates_a_statement_does_not_date_the_next_event():
    found = events("US jets bombed a depot near Albu Kamal early on Thursday. Austin said in a statement "
                   "late Wednesday that the president ordered the strike. Later, US troops struck back "
                   "at militia positions near Mayadeen.")
    assert {e.location: e.event_date for e in found} == {"Albu Kamal": dt.date(2024, 2, 8),
                                                         "Mayadeen": dt.date(2024, 2, 8)}


def test_a_series_of_attacks_over_a_week_is_no_single_event():
    assert events("US troops fought off a series of drone attacks on bases in Syria this week.") == []


@pytest.mark.parametrize("text, killed, injured", [
    ("The monitor said nine people working with the militias, at least three of them Syrians, "
     "were killed in the raids.", 9, None),
    ("Four US soldiers, two of them officers, were wounded.", None, 4),
])
def test_a_toll_with_an_aside_counts_the_whole(text, killed, injured):
    k, i = casualties(text)
    assert (k.value if k else None, i.value if i else None) == (killed, injured)


def test_a_list_of_places_under_an_intro_line_gives_one_event_per_place():
    found = events("US bombers struck targets in Iraq and Syria on Friday.\n\n"
                   "The bombs fell on these places:\n\n"
                   "- Al Qaim, Iraq: militia positions near the crossing.\n"
                   "- Akashat, Iraq: a headquarters in the desert.\n"
                   "- Albu Kamal, Syria: depots on the Syrian side.\n")
    assert sorted(e.location for e in found) == ["Akashat", "Al Qaim", "Albu Kamal"]
    assert {e.event_date for e in found} == {dt.date(2024, 2, 9)} and {e.actor1_side for e in found} == {"us"}


def test_a_toll_told_in_the_next_sentence_belongs_to_the_event_before_it():
    ev = only("US forces carried out an airstrike on a militia site near Jurf al-Sakhar on Tuesday. "
              "Police said four members of the Popular Mobilisation Forces were killed and two wounded.")
    assert (ev.killed, ev.injured, len(ev.sources)) == (4, 2, 2)


def test_a_site_named_in_the_next_sentence_places_the_event():
    ev = only("A drone struck a small US outpost in Jordan on Sunday, killing three soldiers. "
              "The outpost, known as Tower 22, sits near the Syrian border.")
    assert (ev.location, ev.geo_precision, ev.killed) == ("Tower 22", "site", 3)


def test_a_street_named_for_a_country_is_not_that_country():
    ev = only("A US drone strike hit a building on Palestine Street in Baghdad on Thursday.")
    assert ev.location == "Baghdad" and ev.country == "IQ"


def test_the_guards_are_the_revolutionary_guards():
    found = events("Iran's Revolutionary Guards said they fired missiles at Erbil on Monday. "
                   "The Guards said they had also fired missiles at targets in Idlib province on Monday.")
    assert {e.actor1_side for e in found} == {"iran"}  # Iran's own forces, told apart from the groups it backs and len(found) == 2


def test_a_second_main_clause_after_and_tells_its_own_event():
    found = events("Three US troops were wounded when a drone hit Erbil air base on Monday, and US forces "
                   "answered hours later with strikes on three sites used by Kataib Hezbollah.")
    assert sorted((e.actor1_side, e.event_type) for e in found) == [
        ("iran_aligned", "drone_attack"), ("us", "airstrike")]


def test_a_gunship_that_hit_a_vehicle_is_a_strike_with_its_toll():
    ev = only("A US AC-130 gunship hit a launch vehicle near Abu Ghraib on Tuesday, killing one "
              "Kataib Hezbollah fighter.")
    assert (ev.event_type, ev.actor1_side, ev.killed, ev.geo_precision) == ("airstrike", "us", 1, "town")


def test_an_attack_named_after_since_is_a_time_anchor_not_an_event():
    assert events("It was the first use of ballistic missiles against US forces since attacks began "
                  "in October.") == []


def test_targets_named_one_by_one_after_the_strike_are_events_of_it():
    found = events("US forces carried out two strikes in eastern Syria on Sunday. The first target was a "
                   "training camp near Albu Kamal. The second was a safe house near Mayadeen.",
                   dt.date(2023, 11, 13))
    assert sorted(e.location for e in found if e.geo_precision == "town") == ["Albu Kamal", "Mayadeen"]
    assert {e.event_date for e in found} == {dt.date(2023, 11, 12)}


@pytest.mark.parametrize("text", [
    "The group said it sent three explosive drones against the al-Tanf garrison on Thursday.",
    "Two drones packed with explosives were flown at the al-Tanf garrison on Thursday.",
    "On Thursday a drone carrying explosives came down near the al-Tanf garrison.",
    "On Thursday three drones went after the al-Tanf garrison.",
    "On Thursday two drones were downed over the al-Tanf garrison.",
])
def test_ways_of_telling_a_drone_attack_on_a_base(text):
    ev = only(text)
    assert (ev.event_type, ev.actor1_side, ev.place_id) == ("drone_attack", "iran_aligned", "cur:al-tanf")


def test_the_same_base_is_the_base_named_before():
    found = events("Two drones hit Ain al-Asad air base on Tuesday. On Thursday a drone was sent at the "
                   "same base.")
    assert [(e.place_id, e.event_date.day) for e in found] == [("cur:ain-al-asad", 6), ("cur:ain-al-asad", 8)]


def test_a_cause_told_as_days_before_the_reaction_is_dated_by_the_gap():
    found = events("American jets bombed militia sites in Iraq early on Wednesday, four days after a missile "
                   "barrage on Ain al-Asad air base.")
    cause = next(e for e in found if e.actor1_side == "iran_aligned")
    assert (cause.event_date, cause.date_precision) == (dt.date(2024, 2, 3), "day")


def test_a_command_that_says_what_happened_is_not_the_attacker():
    ev = only("US Central Command has said that one of two drones aimed at al-Tanf on Wednesday left "
              "coalition troops with minor injuries.")
    assert ev.actor1_side == "iran_aligned" and ev.event_type == "drone_attack"


def test_whoever_an_attack_is_attributed_to_is_its_actor():
    ev = only("A rocket attack hit the Conoco gas field base on Tuesday night. The monitor "
              "attributed it to pro-Iran fighters.")
    assert ev.actor1_side == "iran_aligned" and ev.event_type == "rocket_attack"


def test_a_hyphenated_modifier_is_not_an_attack():
    assert events("Police found a land-attack cruise missile in Babil province on Jan. 3.") == []


def test_a_war_named_by_its_place_is_no_event_location():
    ev = only("Drones hit the Conoco gas field base on Thursday, the third day of attacks since the "
              "war in Gaza began.")
    assert ev.place_id == "cur:conoco-gas-field"


def test_a_country_that_owns_an_actor_is_not_the_place():
    ev = only("US F-15 jets struck a weapons store of Iran's Revolutionary Guards in eastern Syria on Thursday.")
    assert ev.country == "SY"


@pytest.mark.parametrize("text", [
    "Al-Tanf garrison: 17 attacks.",
    "For more than five weeks there has not been a single confirmed attack on US forces in Iraq.",
    "It was the third time this month that US forces have hit militia targets in Syria.",
    "The militias will keep up their harassment, roughly one attack a week, analysts said.",
    "In the Red Sea on Tuesday, the Houthis attacked three commercial vessels.",
])
def test_tallies_denials_counts_rates_and_far_away_events_are_not_coded_here(text):
    assert [e for e in events(text) if e.country in ("SY", "IQ", "JO")] == []


def test_the_time_nearest_the_trigger_dates_the_event():
    ev = only("The campaign that began in October peaked in late January, when a drone strike killed "
              "three US soldiers at Tower 22.", dt.date(2024, 2, 20))
    assert ev.event_date.month == 1 and ev.killed == 3


def test_a_broadcaster_and_a_seat_of_government_are_no_event_places():
    ev = only("Later on Thursday, broadcaster Al-Mayadeen said drones had hit the Shaddadi base.",
              dt.date(2023, 10, 27))
    assert ev.location == "Patrol Base Shaddadi"  # "the Shaddadi base", not the town of the broadcaster


def test_a_reference_point_far_from_the_place_is_not_the_place():
    ev = only("Drones struck Harir air base on Friday, some 77 kilometres northeast of Erbil city.")
    assert ev.place_id == "cur:harir-air-base"


def test_air_defences_that_intercepted_a_drone_tell_an_attack_on_their_base():
    ev = only("Air defences at the Conoco gas field base intercepted a drone on Saturday.")
    assert (ev.event_type, ev.actor1_side, ev.place_id) == ("drone_attack", "iran_aligned", "cur:conoco-gas-field")


def test_an_official_who_describes_an_attack_is_not_its_actor():
    ev = only("A US military official described a multi-rocket attack on American forces at Union III on Friday.")
    assert (ev.actor1_side, ev.event_type, ev.place_id) == ("iran_aligned", "rocket_attack", "cur:union-iii")


def test_some_of_the_missiles_brought_down_are_no_second_attack():
    found = events("Iran-backed militants fired ballistic missiles at Ain al-Asad air base on Saturday. "
                   "Thirteen of the missiles were brought down by air defences.")
    assert len(found) == 1 and found[0].place_id == "cur:ain-al-asad"


def test_the_zionist_regime_is_israel():
    ev = only("A Zionist regime airstrike hit a building in Sayyida Zaynab on Monday.", dt.date(2023, 12, 26))
    assert ev.actor1_side == "israel" and ev.location == "Sayyida Zaynab"


def test_syrian_rebels_are_not_iran_aligned():
    ev = only("Hayat Tahrir al-Sham and allied rebels attacked government lines west of Aleppo on Wednesday.",
              dt.date(2024, 11, 28))
    assert ev.actor1_side == "other"


def test_an_attack_that_is_only_condemned_is_no_new_event_in_the_capital():  # even with a day of its own
    found = events("A drone struck the Khor Mor gas field near Chamchamal on Friday. The president condemned "
                   "the attack in Baghdad on Saturday.")
    assert len(found) == 1


def test_the_toll_of_a_cause_stays_off_the_reaction():
    found = events("In February US forces mounted a large operation of 85 air strikes on militia targets in Syria "
                   "and Iraq, in reply to a drone attack on a base in Jordan that had killed three American troops.",
                   dt.date(2024, 2, 20))
    assert sorted((e.actor1_side, e.country, e.killed) for e in found) == [("us", "IQ", None), ("us", "SY", None)]


def test_a_toll_for_strikes_on_a_second_day_belongs_to_that_day():
    found = events("On Tuesday American aircraft hit targets in Syria for the second straight day. A war monitor said "
                   "the raids had killed at least five fighters in Deir Ezzor province.", dt.date(2024, 11, 12))
    tuesday = next(e for e in found if e.event_date == dt.date(2024, 11, 12))
    assert tuesday.killed == 5 and tuesday.geo_precision == "admin1"


def test_a_claim_of_strikes_on_several_bases_gives_one_attack_each():
    found = events("On Tuesday the Resistance said it had struck the base near al-Malikiyah and the base at "
                   "Rumailan with drones and missiles, and that a separate operation had targeted the "
                   "al-Shaddadi base.", dt.date(2024, 1, 3))
    assert {e.actor1_side for e in found} == {"iran_aligned"} and len(found) == 3
    assert "drone_attack" in {e.event_type for e in found}


@pytest.mark.parametrize("text", [
    "Amman has watched militias attack American positions in Iraq and Syria for three months.",
    "CENTCOM said in July that the group had claimed 153 attacks in Iraq and Syria.",
])
def test_attacks_told_over_months_or_by_the_hundred_are_no_event(text):
    assert events(text) == []


def test_troops_hurt_during_a_raid_were_the_raiders():
    ev = only("Seven US service members were injured during a nighttime raid in western Iraq on Thursday "
              "that killed 15 Islamic State militants.", dt.date(2024, 8, 31))
    assert ev.actor1_side == "us" and ev.killed == 15


def test_a_launch_point_is_not_where_the_rockets_hit():
    ev = only("On Sunday, rockets were fired from the town of Zummar in Nineveh province toward US forces "
              "at the Rumalyn landing zone.")
    assert ev.place_id == "cur:rumalyn-landing-zone"


def test_jordanian_warplanes_are_an_actor_and_the_missiles_they_fired_are_theirs():
    found = events("Israeli jets struck a building near Damascus on Monday. The missiles struck positions "
                   "near the Sayyida Zaynab shrine.", dt.date(2023, 12, 2))
    assert {e.actor1_side for e in found} == {"israel"}
    ev = only("Jordanian warplanes struck a village in Syria's Suwayda province on Thursday.")
    assert ev.actor1 and ev.actor1_side == "jordan"  # its own side (issue 13), no longer "other"


@pytest.mark.parametrize("text, killed, injured", [
    ("Two members of the Guards have been martyred in the strike.", 2, None),
    ("The death toll from the strikes has since risen to 18.", 18, None),
    ("Neither drone caused injuries.", 0, 0),
])
def test_more_ways_of_telling_a_toll(text, killed, injured):
    k, i = casualties(text)
    assert (k.value if k else None, i.value if i else None) == (killed, injured)


def test_an_operation_that_took_place_is_told_and_partners_negotiating_are_no_place():
    found = events("Seven US service members were injured during a raid with Iraqi forces in western Iraq on "
                   "Thursday, as Washington and Baghdad negotiate the coalition's future. The operation took "
                   "place in the desert of Anbar province.", dt.date(2024, 8, 31))
    assert len(found) == 1 and found[0].admin1 == "Al Anbar" and found[0].actor1_side == "us"


def test_raids_carried_out_by_jets_are_the_jets_raids():
    ev = only("The raids were carried out early on Sunday by two US F-16 fighter jets near Albu Kamal.",
              dt.date(2023, 10, 28))
    assert ev.actor1_side == "us" and ev.event_type == "airstrike"


def test_ground_held_by_militias_does_not_make_them_the_target():
    ev = only("On Sunday rockets fired from militia-held ground slammed into the al-Omar oil field base.")
    assert ev.actor1_side == "iran_aligned" and ev.event_type == "rocket_attack"


def test_soldiers_killed_in_an_attack_are_its_victims():
    ev = only("The three American soldiers killed in a drone attack on Tower 22 on Sunday were reservists.",
              dt.date(2024, 1, 30))
    assert (ev.actor1_side, ev.event_type, ev.location) == ("iran_aligned", "drone_attack", "Tower 22")


@pytest.mark.parametrize("text", [
    "We expect sporadic rocket fire at Ain al-Asad air base in September.",
    "Officials said the attack had not taken place inside Jordan on Sunday.",
    "Iraq's government condemned the Aug. 5 attack on Ain al-Asad air base.",
    "Most earlier drones and rockets aimed at the Conoco gas field had been shot down.",
])
def test_forecasts_denials_condemnations_and_summaries_are_not_new_events(text):
    assert events(text, dt.date(2024, 8, 20)) == []


def test_a_reaction_is_not_dated_by_the_cause_it_answers():
    found = events("US jets struck two sites near Albu Kamal, in response to a string of attacks on US forces "
                   "that began on October 17.", dt.date(2023, 10, 28))
    strike = next(e for e in found if e.actor1_side == "us")
    assert strike.event_date != dt.date(2023, 10, 17)


def test_a_timeline_in_the_present_tense_tells_events():
    ev = only("Nov. 21: US aircraft bomb two facilities of Kataib Hezbollah at Jurf al-Sakhar.",
              dt.date(2023, 11, 30))
    assert ev.actor1_side == "us" and ev.location == "Jurf al-Sakhar"


def test_a_group_that_reports_its_own_dead_was_the_target():
    ev = only("The PMF said four of its members had been killed in a strike on its base near Jurf al-Sakhar "
              "on Tuesday.")
    assert ev.actor1_side == "us" and ev.killed == 4


def test_a_group_that_says_on_telegram_its_fighters_attacked_is_the_attacker():
    ev = only("The Islamic Resistance in Iraq said on Telegram that its fighters had sent three drones against "
              "the al-Tanf garrison on Thursday.")
    assert (ev.actor1_side, ev.event_type) == ("iran_aligned", "drone_attack")


def test_bases_listed_between_dashes_stay_with_their_attack():
    found = events("The group said it had launched drones on Sunday against three bases — at Rukban, at the "
                   "Conoco gas field and at al-Tanf — all in Syria.")
    assert {e.place_id for e in found} == {"cur:rukban", "cur:conoco-gas-field", "cur:al-tanf"}


def test_forces_that_hit_targets_struck():
    ev = only("CENTCOM said its forces hit nine targets at two locations in Syria on Monday.", dt.date(2024, 11, 12))
    assert (ev.actor1_side, ev.event_type, ev.targets_count) == ("us", "airstrike", 9)


def test_an_american_strike_that_killed_members_is_american():
    ev = only("The PMF said on Wednesday that four of its members had been killed in an American strike "
              "on one of its sites in Babil province on Tuesday.", dt.date(2024, 7, 31))
    assert ev.actor1_side == "us" and ev.killed == 4


def test_a_town_south_of_the_capital_is_the_town():
    ev = only("US aircraft struck militia positions at Jurf al-Sakhar, south of Baghdad, overnight, killing five "
              "fighters.", dt.date(2024, 11, 22))
    assert (ev.location, ev.killed) == ("Jurf al-Sakhar", 5)


def test_a_launch_point_told_after_the_time_is_still_a_launch_point():
    ev = only("Rockets were fired late on Sunday from Zummar, a town in Nineveh province, towards the coalition "
              "base at Rumalyn.", dt.date(2024, 4, 22))
    assert ev.place_id == "cur:rumalyn-landing-zone"


def test_bulleted_targets_without_a_verb_are_places_of_the_strike():
    found = events("US aircraft struck three sites in Iraq early on Wednesday. Officials named the targets as:\n\n"
                   "- a Kataib Hezbollah compound at Jurf al-Sakhar, south of Baghdad;\n"
                   "- a site in the al-Qaim area, near the Syrian border;\n", dt.date(2024, 1, 24))
    assert {e.location for e in found if e.geo_precision == "town"} == {"Jurf al-Sakhar", "Al Qaim"}


def test_strikes_across_two_countries_are_placed_in_both():
    found = events("In February US forces mounted 85 air strikes on militia targets across Syria and Iraq.",
                   dt.date(2024, 2, 20))
    assert sorted(e.country for e in found) == ["IQ", "SY"]


@pytest.mark.parametrize("text", ["No one was hurt, the army said.", "No US troops were harmed.",
                                  "They caused neither damage nor injuries, officials said."])
def test_no_one_hurt_means_no_one_killed_or_injured(text):
    from geo.extract.numbers import casualties

    killed, injured = casualties(text)
    assert (killed.value, injured.value) == (0, 0)
