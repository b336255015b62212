"""The online fallback (geopy's Nominatim) against a fake Nominatim on 127.0.0.1."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gazetteer import Gazetteer
from gazetteer.testing import FakeNominatim, isolated, session_cache_dir
from geo.exc import OnlineLookupError, PlaceNotFound

CANNED = {
    "Tell Bazarin": [("Tell Bazarin", 36.61, 40.95, "sy", "Al-Hasakah Governorate")],
    "Qasr Muhaysin": [("Qasr Muhaysin", 34.91, 40.71, "sy", "Deir Ezzor Governorate")],
    "Xqarat Bilzuf": [("Xqarat Bilzuf", 33.9, 41.2, "iq", "Al Anbar")],
}


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    with isolated(monkeypatch, session_cache_dir(tmp_path_factory)):
        yield


@pytest.fixture()
def fake():
    with FakeNominatim(CANNED) as server:
        yield server


def _online(fake) -> Gazetteer:
    return Gazetteer(online=True, nominatim_url=fake.url)


def test_a_name_offline_lacks_is_found_online_with_canonical_admin1(fake):
    match = _online(fake).resolve("Tell Bazarin")
    assert match.method == "online" and match.score < 100
    place = match.place
    assert (place.name, place.lat, place.lon, place.country) == ("Tell Bazarin", 36.61, 40.95, "SY")
    assert place.admin1 == "Al-Hasakah"  # "Al-Hasakah Governorate" as the curated row spells it
    assert place.id.startswith("osm:") and "Nominatim" in place.source
    assert len(fake.requests) == 1


def test_requests_carry_a_descriptive_user_agent(fake):
    _online(fake).lookup("Tell Bazarin")
    assert fake.user_agents and "geo-events" in fake.user_agents[0]
    assert "python-requests" not in fake.user_agents[0]


def test_two_uncached_lookups_are_at_least_a_second_apart(fake):
    gaz = _online(fake)
    gaz.lookup("Qasr Muhaysin")
    gaz.lookup("Xqarat Bilzuf")
    assert len(fake.requests) == 2
    (first, _), (second, _) = fake.requests
    assert second - first >= 0.99


def test_the_second_call_is_served_from_the_disk_cache(fake):
    gaz = _online(fake)
    first = gaz.lookup("Xqarat Bilzuf", limit=3)
    requests = len(fake.requests)
    assert Gazetteer(online=True, nominatim_url=fake.url).lookup("Xqarat Bilzuf", limit=3) == first
    assert len(fake.requests) == requests  # a new gazetteer, same answer, no request


def test_names_found_offline_never_go_online(fake):
    gaz = _online(fake)
    assert gaz.resolve("Deir Ezzor").method == "exact"
    assert gaz.resolve("Dier Ezzor").method == "fuzzy"
    assert fake.requests == []


def test_nothing_found_online_is_place_not_found_and_is_cached_too(fake):
    gaz = _online(fake)
    with pytest.raises(PlaceNotFound):
        gaz.resolve("Qqqxxzz Wwwvvv")
    with pytest.raises(PlaceNotFound):
        Gazetteer(online=True, nominatim_url=fake.url).resolve("Qqqxxzz Wwwvvv")
    assert len(fake.requests) == 1


def test_offline_by_default_even_with_an_endpoint_configured(fake, monkeypatch):
    monkeypatch.setenv("GEO_NOMINATIM_URL", fake.url)
    with pytest.raises(PlaceNotFound):
        Gazetteer().resolve("Tell Bazarin")
    assert fake.requests == []


def test_an_unreachable_server_is_an_online_lookup_error():
    with FakeNominatim({}) as server:
        url = server.url
    gaz = Gazetteer(online=True, nominatim_url=url)
    with pytest.raises(OnlineLookupError) as info:
        gaz.resolve("Tell Somewhere Else")
    assert url in str(info.value) and "\n" not in str(info.value)


def test_the_rate_limit_holds_across_processes(fake):
    Gazetteer(online=True, nominatim_url=fake.url).lookup("Qasr Muhaysin")
    # Another process (a shell loop over the CLI) waits for the first process's request.
    code = ("from gazetteer import Gazetteer; import sys; "
            "Gazetteer(online=True, nominatim_url=sys.argv[1]).lookup('Tell Bazarin')")
    subprocess.run([sys.executable, "-c", code, fake.url], check=True, env=os.environ.copy())
    (first, _), (second, _) = fake.requests
    assert second - first >= 0.99
