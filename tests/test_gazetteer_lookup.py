"""Names as reports spell them resolve to the right place: spellings, scripts, typos, ranking."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from gazetteer import Gazetteer, Match, Place, default_gazetteer
from gazetteer.index import haversine_km
from gazetteer.testing import isolated, session_cache_dir
from geo.exc import InputError, PlaceNotFound, UnusableName

ROOT = Path(__file__).resolve().parents[1]

# True positions from public references, typed here independently of the curated table:
# towns from GeoNames (town centre), bases from Wikipedia / the project's gold file.
DEIR_EZ_ZOR = (35.3359, 40.1408)  # GeoNames 170794
ALBU_KAMAL = (34.4523, 40.9185)  # GeoNames 174448
MAYADIN = (35.0198, 40.4515)  # GeoNames 173480
AL_QAIM = (34.3925, 40.9895)  # GeoNames 92138
TOWER_22 = (33.32, 38.70)  # Wikipedia: Tower 22
SHADDADI = (36.0576, 40.7348)  # GeoNames 172837
AL_TANF = (33.50, 38.62)  # gold.yaml / Wikipedia: Al-Tanf

SPELLINGS = [
    ("Deir Ezzor", DEIR_EZ_ZOR), ("Deir ez-Zor", DEIR_EZ_ZOR), ("Dayr az-Zawr", DEIR_EZ_ZOR),
    ("Deir al-Zour", DEIR_EZ_ZOR), ("DEIR EZ ZOR", DEIR_EZ_ZOR), ("دير الزور", DEIR_EZ_ZOR),
    ("the city of Deir ez-Zor", DEIR_EZ_ZOR), ("Dayr al-Zor", DEIR_EZ_ZOR),
    ("Albu Kamal", ALBU_KAMAL), ("Abu Kamal", ALBU_KAMAL), ("Al Bukamal", ALBU_KAMAL),
    ("Boukamal", ALBU_KAMAL), ("Al-Bukamal", ALBU_KAMAL), ("البوكمال", ALBU_KAMAL),
    ("Mayadeen", MAYADIN), ("Al Mayadin", MAYADIN), ("al-Mayadeen", MAYADIN),
    ("Al Qaim", AL_QAIM), ("Al-Qa'im", AL_QAIM), ("Al-Qa’im", AL_QAIM), ("Al Kaim", AL_QAIM),
    ("Tower 22", TOWER_22), ("tower-22", TOWER_22),
    ("Shaddadi", SHADDADI), ("Patrol Base Shaddadi", SHADDADI), ("Ash Shaddadah", SHADDADI),
    ("al-Shaddadi", SHADDADI),
    ("Al-Tanf", AL_TANF), ("At Tanf", AL_TANF), ("Al-Tanf garrison", AL_TANF),
    ("the Tanf garrison", AL_TANF), ("التنف", AL_TANF),
]

SITES = [  # (name as reported, expected id, expected kind)
    ("Green Village", "cur:green-village", "military_base"),
    ("Mission Support Site Euphrates", "cur:mss-euphrates", "military_base"),
    ("al-Omar oil field", "cur:al-omar-oil-field", "oil_field"),
    ("Conoco gas field", "cur:conoco-gas-field", "oil_field"),
    ("Rumalyn landing zone", "cur:rumalyn-landing-zone", "military_base"),
    ("Ain al-Asad air base", "cur:ain-al-asad", "military_base"),
    ("Ayn al-Asad", "cur:ain-al-asad", "military_base"),
    ("Harir air base", "cur:harir-air-base", "military_base"),
    ("Erbil air base", "cur:erbil-air-base", "military_base"),
    ("Union III", "cur:union-iii", "military_base"),
    ("Victory base", "cur:victory-base", "military_base"),
    ("Camp Victory", "cur:victory-base", "military_base"),
    ("Akashat", "cur:akashat", "town"),
    ("Jurf al-Sakhar", "cur:jurf-al-sakhar", "town"),
    ("Jurf al-Sakhr", "cur:jurf-al-sakhar", "town"),
    ("Husaybah", "cur:husaybah", "town"),
    ("Rukban", "cur:rukban", "town"),
    ("Al-Qaim border crossing", "cur:al-qaim-crossing", "border_crossing"),
    ("Albu Kamal crossing", "cur:al-qaim-crossing", "border_crossing"),
    ("Syria", "cur:sy", "country"), ("Iraq", "cur:iq", "country"), ("Jordan", "cur:jo", "country"),
    ("Lebanon", "cur:lb", "country"), ("Israel", "cur:il", "country"),
    ("Palestine", "cur:ps", "country"), ("Turkey", "cur:tr", "country"),
    ("Türkiye", "cur:tr", "country"), ("Iran", "cur:ir", "country"),
    ("Saudi Arabia", "cur:sa", "country"), ("Kuwait", "cur:kw", "country"),
    ("Yemen", "cur:ye", "country"),
]

# Rough centres of a few governorates (typed from maps), for the "inside it" check.
GOVERNORATE_CENTRES = {
    "Deir ez-Zor province": ("SY-DY", (35.0, 40.3)),
    "Dayr az-Zawr governorate": ("SY-DY", (35.0, 40.3)),
    "Al Anbar": ("IQ-AN", (33.3, 42.0)), "Anbar province": ("IQ-AN", (33.3, 42.0)),
    "Hasakah province": ("SY-HA", (36.6, 40.9)), "Hassakeh governorate": ("SY-HA", (36.6, 40.9)),
    "Mafraq governorate": ("JO-MA", (32.3, 37.3)), "Homs province": ("SY-HI", (34.3, 37.8)),
    "Nineveh": ("IQ-NI", (36.0, 42.6)), "Rif Dimashq": ("SY-RD", (33.5, 36.8)),
}


@pytest.fixture(scope="module", autouse=True)
def _cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp, isolated(mp, session_cache_dir(tmp_path_factory)):
        yield


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def _km(place: Place, truth: tuple[float, float]) -> float:
    return haversine_km(place.lat, place.lon, *truth)


@pytest.mark.parametrize(("spelling", "truth"), SPELLINGS)
def test_report_spellings_resolve_within_10_km_of_the_true_position(gaz, spelling, truth):
    match = gaz.resolve(spelling)
    assert _km(match.place, truth) < 10, match


@pytest.mark.parametrize(("spelling", "place_id", "kind"), SITES)
def test_bases_sites_and_countries_resolve_to_their_curated_rows(gaz, spelling, place_id, kind):
    match = gaz.resolve(spelling)
    assert (match.place.id, match.place.kind) == (place_id, kind)


@pytest.mark.parametrize(("spelling", "expected"), GOVERNORATE_CENTRES.items())
def test_governorate_spellings_resolve_to_a_point_inside_the_governorate(gaz, spelling, expected):
    code, centre = expected
    place = gaz.resolve(spelling).place
    assert place.kind == "governorate" and place.code == code
    assert _km(place, centre) < 100


def _curated_rows() -> list[dict[str, str]]:
    with open(ROOT / "gazetteer" / "data" / "places.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_governorate_of_syria_iraq_and_jordan_is_curated_with_its_code():
    rows = [r for r in _curated_rows() if r["kind"] == "governorate"]
    by_country = {cc: [r for r in rows if r["country"] == cc] for cc in ("SY", "IQ", "JO")}
    assert {cc: len(v) for cc, v in by_country.items()} == {"SY": 14, "IQ": 19, "JO": 12}
    for row in rows:
        assert row["name"] == row["admin1"], row
        assert row["code"].startswith(f"{row['country']}-") or row["name"] == "Halabja", row
        assert row["geonames_admin1"], row


def test_every_curated_row_names_the_source_of_its_coordinates():
    rows = _curated_rows()
    assert all(row["source"].strip() for row in rows)
    assert len({row["id"] for row in rows}) == len(rows)


@pytest.mark.parametrize("row", [r for r in _curated_rows() if r["kind"] == "governorate"],
                         ids=lambda r: r["id"])
def test_each_governorate_resolves_by_name_and_aliases_with_the_province_suffix(gaz, row):
    for spelling in [row["name"], *row["aliases"].split("|")]:
        place = gaz.resolve(f"{spelling} province", country=row["country"]).place
        assert place.id == row["id"], spelling


def test_admin1_of_towns_and_sites_is_the_name_of_a_governorate_row(gaz):
    governorates = {(r["country"], r["name"]) for r in _curated_rows()
                    if r["kind"] == "governorate"}
    for row in _curated_rows():
        if row["country"] in ("SY", "IQ", "JO") and row["kind"] not in ("country", "governorate"):
            assert (row["country"], row["admin1"]) in governorates, row["id"]
    for name in ("Hajin", "Ramadi", "Irbid", "Qamishli", "Tadmur", "Halabja"):
        place = gaz.resolve(name).place
        assert (place.country, place.admin1) in governorates, place


def test_admin1_of_canonicalises_spellings_to_the_governorate_row_name(gaz):
    place = Place(id="x", name="Somewhere", kind="village", lat=35.1, lon=40.2,
                  country="SY", admin1="Deir Ezzor")
    assert gaz.admin1_of(place) == "Deir ez-Zor"
    assert gaz.admin1_of(gaz.resolve("Anbar province").place) == "Al Anbar"
    assert gaz.admin1_of(gaz.get("cur:sy")) is None
    assert gaz.resolve("Mayadeen").place.admin1 == "Deir ez-Zor"
    assert gaz.resolve("Tower 22").place.admin1 == "Mafraq"


@pytest.mark.parametrize(("typo", "truth"), [
    ("Dier Ezzor", DEIR_EZ_ZOR), ("Mayadien", MAYADIN), ("Abu Kamaal", ALBU_KAMAL),
    ("Albu Kamel", ALBU_KAMAL), ("Shadadi", SHADDADI), ("Shaddady", SHADDADI),
    ("Mayadin", MAYADIN), ("Dair Ezor", DEIR_EZ_ZOR), ("Tanff", AL_TANF),
])
def test_real_typos_still_resolve_near_the_place(gaz, typo, truth):
    assert _km(gaz.resolve(typo).place, truth) < 10


@pytest.mark.parametrize("typo", ["Dier Ezzor", "Mayadien", "Boukamla", "Akshat"])
def test_typos_no_rule_explains_take_the_fuzzy_path_with_a_score_below_100(gaz, typo):
    match = gaz.resolve(typo)
    assert match.method == "fuzzy" and match.score < 100
    assert gaz.lookup(typo, fuzzy=False) == []


@pytest.mark.parametrize("variant", ["Abu Kamaal", "Dair Ezor", "Shaddady"])
def test_variants_folded_by_transliteration_rules_score_below_an_exact_match(gaz, variant):
    match = gaz.resolve(variant)
    assert match.method in ("normalised", "fuzzy") and match.score < 100


def test_exact_spelling_scores_100_and_never_goes_fuzzy(gaz):
    match = gaz.resolve("Deir ez-Zor")
    assert (match.score, match.method) == (100, "exact")


def test_lookup_returns_candidates_best_first_with_every_field(gaz):
    found = gaz.lookup("Deir Ezzor", limit=5)
    assert [m.place.id for m in found[:2]] == ["cur:deir-ez-zor", "cur:sy-deir-ez-zor"]
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    data = found[0].to_dict()
    for key in ("id", "name", "kind", "lat", "lon", "country", "admin1", "population", "score",
                "source"):
        assert key in data
    assert isinstance(found[0], Match)


def test_ambiguous_names_rank_by_the_country_hint(gaz):
    # "Arbela" is an old name of both Erbil (Iraq) and Irbid (Jordan).
    assert gaz.resolve("Arbela").place.name == "Erbil"  # larger population without a hint
    assert gaz.resolve("Arbela", country="JO").place.name == "Irbid"
    assert gaz.resolve("arbela", country="iq").place.name == "Erbil"
    # Rukban: the camp (curated, Syria) and a GeoNames record on the Jordanian side.
    assert gaz.resolve("Rukban", country="JO").place.country == "JO"
    assert gaz.resolve("Rukban", country="SY").place.id == "cur:rukban"


def test_without_a_hint_the_theatre_beats_a_namesake_abroad(gaz):
    assert gaz.resolve("Hajin").place.country == "SY"
    assert gaz.resolve("Anbar").place.id == "cur:iq-al-anbar"
    assert gaz.resolve("Iraq").place.id == "cur:iq"


def test_kind_words_in_the_query_choose_between_a_town_and_its_namesakes(gaz):
    assert gaz.resolve("Homs").place.kind == "city"
    assert gaz.resolve("Homs province").place.kind == "governorate"
    assert gaz.resolve("Erbil").place.kind == "city"
    assert gaz.resolve("Erbil air base").place.id == "cur:erbil-air-base"
    assert gaz.resolve("Shaddadi").place.kind == "town"
    assert gaz.resolve("Shaddadi base").place.id == "cur:patrol-base-shaddadi"
    assert gaz.resolve("Deir Ezzor countryside").place.kind == "governorate"


@pytest.mark.parametrize("bad", [
    "", "   ", "x" * 10_000, "Deir\x00Ezzor", "Deir\x1bEzzor", "Deir\nEzzor", "!!!", "- ' ’ -",
    "...", "\u200b",
])
def test_unusable_names_raise_a_clear_input_error(gaz, bad):
    with pytest.raises(UnusableName) as info:
        gaz.lookup(bad)
    assert isinstance(info.value, InputError)
    message = str(info.value)
    assert "\n" not in message and len(message) < 200


def test_a_bad_country_hint_is_an_input_error(gaz):
    with pytest.raises(InputError, match="ISO 3166-1"):
        gaz.lookup("Homs", country="Syria")


def test_resolve_raises_place_not_found_naming_the_closest_names(gaz):
    with pytest.raises(PlaceNotFound) as info:
        gaz.resolve("Zzyzx Qwerty")
    assert info.value.name == "Zzyzx Qwerty"
    assert isinstance(info.value, LookupError)
    with pytest.raises(PlaceNotFound) as info:
        gaz.resolve("Mayadeenxx", fuzzy=False)
    assert any("Mayadeen" in s for s in info.value.suggestions)


def test_get_returns_places_by_id(gaz):
    assert gaz.get("cur:tower-22").name == "Tower 22"
    assert gaz.get("cur:sy-deir-ez-zor").code == "SY-DY"
    assert gaz.get("gn:174506").name == "Hajīn"
    assert gaz.get("gn:170794") is None  # replaced by the curated row citing it
    assert gaz.get("no:such-id") is None


def test_repeated_lookups_return_equal_answers_from_the_cache(gaz):
    first = gaz.lookup("Deir Ezzor")
    assert gaz.lookup("Deir Ezzor") == first
    first.clear()  # callers may mutate their list
    assert gaz.lookup("Deir Ezzor")


def test_a_trailing_country_name_acts_as_the_country_hint(gaz):
    assert gaz.resolve("Mayadin, Syria").place.id == "cur:mayadeen"
    assert gaz.resolve("Arbela, Jordan").place.name == "Irbid"
    assert gaz.resolve("Rukban, Jordan").place.country == "JO"
    assert gaz.resolve("Rukban, Jordan", country="SY").place.country == "SY"  # explicit wins
