"""A point becomes the nearest town or site, with its governorate and country."""
from __future__ import annotations

import math

import pytest

from gazetteer import default_gazetteer
from gazetteer.testing import isolated, session_cache_dir
from geo.exc import InputError, PlaceNotFound


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp, isolated(mp, session_cache_dir(tmp_path_factory)):
        yield default_gazetteer()


def test_a_point_on_a_base_names_the_base(gaz):
    match = gaz.reverse(33.3205, 38.7005)
    assert match.place.id == "cur:tower-22"
    assert (match.place.admin1, match.place.country) == ("Mafraq", "JO")
    assert match.distance_km < 0.1 and match.method == "reverse"


def test_a_point_near_a_town_reports_its_governorate_and_country(gaz):
    match = gaz.reverse(35.03, 40.46)  # on the edge of Mayadin
    assert match.place.name == "Mayadeen"
    assert (match.place.admin1, match.place.country) == ("Deir ez-Zor", "SY")
    iraqi = gaz.reverse(34.38, 41.00).place  # Al Qaim, across the border
    assert (iraqi.country, iraqi.admin1) == ("IQ", "Al Anbar")


def test_reverse_never_answers_with_an_area_centre(gaz):
    match = gaz.reverse(35.0, 40.4)  # the curated governorate point of Deir ez-Zor
    assert match.place.kind not in ("governorate", "country", "region")
    assert match.distance_km > 0


def test_reverse_in_the_open_desert_finds_the_nearest_place_within_reach(gaz):
    match = gaz.reverse(32.0, 39.5)  # between Ruwayshid and the Saudi border
    assert match.distance_km < 250
    assert match.place.country in ("JO", "SA", "IQ")


def test_reverse_far_from_any_covered_country_is_place_not_found(gaz):
    with pytest.raises(PlaceNotFound, match="within 250 km"):
        gaz.reverse(-33.9, 151.2)


@pytest.mark.parametrize(("lat", "lon"), [
    (91, 40), (-90.5, 40), (35, 181), (35, -180.01), (math.nan, 40), (35, math.inf),
    ("abc", 40), (None, 40),
])
def test_bad_coordinates_are_input_errors_naming_the_value(gaz, lat, lon):
    with pytest.raises(InputError) as info:
        gaz.reverse(lat, lon)
    assert "expected" in str(info.value)


def test_reverse_accepts_numeric_strings(gaz):
    assert gaz.reverse("33.32", "38.70").place.id == "cur:tower-22"
