"""A user's own places file (CSV or YAML) adds places and wins over the built-in ones."""
from __future__ import annotations

import pytest

from gazetteer import Gazetteer, default_gazetteer
from gazetteer.testing import isolated, session_cache_dir
from geo.exc import InputError, ValidationError

HEADER = "id,name,aliases,lat,lon,country,admin1,kind,population,code,source\n"


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    with isolated(monkeypatch, session_cache_dir(tmp_path_factory)):
        yield


@pytest.fixture()
def places_csv(tmp_path):
    path = tmp_path / "my-places.csv"
    path.write_text(
        HEADER
        + "cur:tower-22,Tower 22,T22,33.3001,38.7101,JO,Mafraq,military_base,,,my survey\n"
        + ",Tell Zaytun Outpost,Tal Zaytoun|تل الزيتون,35.101,40.602,SY,Deir Ezzor,"
          "military_base,,,my notes\n"
        + ",Mayadeen,,35.05,40.40,SY,Deir ez-Zor,city,,,my correction\n",
        encoding="utf-8")
    return path


def test_a_user_row_with_a_built_in_id_replaces_the_built_in(places_csv):
    gaz = Gazetteer(places_files=[places_csv])
    match = gaz.resolve("Tower 22")
    assert (match.place.lat, match.place.lon, match.place.source) == (33.3001, 38.7101, "my survey")
    assert gaz.get("cur:tower-22").lat == 33.3001
    assert all(m.place.lat != 33.32 for m in gaz.lookup("Tower 22"))
    assert gaz.reverse(33.3001, 38.7101).place.source == "my survey"


def test_a_user_row_naming_a_built_in_place_ranks_first(places_csv):
    gaz = Gazetteer(places_files=[places_csv])
    found = gaz.lookup("Al Mayadin")
    assert found[0].place.source == "my correction"
    assert any(m.place.id == "cur:mayadeen" for m in found[1:])  # still a candidate


def test_new_user_places_resolve_with_every_matching_rule(places_csv):
    gaz = Gazetteer(places_files=[places_csv])
    for spelling in ("Tell Zaytun Outpost", "tal zaytoun", "Tell Zaytun", "تل الزيتون",
                     "Tell Zaytoon outpost"):
        place = gaz.resolve(spelling).place
        assert place.id == "user:tell-zaytun-outpost", spelling
    assert place.admin1 == "Deir ez-Zor"  # the user's spelling, made canonical


def test_built_ins_are_untouched_without_the_file(places_csv):
    assert Gazetteer().resolve("Tower 22").place.lat == 33.32


def test_a_yaml_places_file_works_like_a_csv(tmp_path):
    path = tmp_path / "places.yaml"
    path.write_text(
        "places:\n"
        "  - name: Kharab al-Jir\n"
        "    aliases: [Kharab al Jir, Kherab al-Jir]\n"
        "    lat: 36.93\n    lon: 41.74\n    country: SY\n    admin1: Al-Hasakah\n"
        "    kind: military_base\n", encoding="utf-8")
    place = Gazetteer(places_files=[path]).resolve("Kherab al Jir").place
    assert (place.id, place.kind, place.lat) == ("user:kharab-al-jir", "military_base", 36.93)


def test_geo_places_and_the_config_file_feed_the_default_gazetteer(places_csv, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setenv("GEO_PLACES", str(places_csv))
    default_gazetteer.cache_clear()
    assert default_gazetteer().resolve("Tell Zaytun").place.id == "user:tell-zaytun-outpost"

    monkeypatch.delenv("GEO_PLACES")
    config = tmp_path / "config.toml"
    config.write_text(f'[gazetteer]\nplaces = ["{places_csv.name}"]\n', encoding="utf-8")
    monkeypatch.setenv("GEO_CONFIG", str(config))
    default_gazetteer.cache_clear()
    assert default_gazetteer().resolve("Tell Zaytun").place.id == "user:tell-zaytun-outpost"


@pytest.mark.parametrize(("row", "field"), [
    (",Nowhere,,,40.1,SY,,town,,,", "lat"),
    (",Nowhere,,95,40.1,SY,,town,,,", "lat"),
    (",Nowhere,,35,north,SY,,town,,,", "lon"),
    (",Nowhere,,35,40,Syria,,town,,,", "country"),
    (",Nowhere,,35,40,SY,,castle,,,", "kind"),
    (",,,35,40,SY,,town,,,", "name"),
    (",Nowhere,,35,40,SY,,town,many,,", "population"),
])
def test_a_bad_row_names_the_file_record_and_field(tmp_path, row, field):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Gazetteer(places_files=[path])
    err = info.value
    assert (err.file, err.record, err.field) == (str(path), 2, field)
    assert "bad.csv" in str(err) and "\n" not in str(err)


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("places.txt", "name\n", "unknown extension"),
    ("places.yaml", "- [not, a, mapping]\n", "expected a mapping"),
    ("places.yaml", "places: 3\n", "expected a list"),
    ("places.yaml", "places: [\n", "not valid YAML"),
    ("places.csv", "foo,bar\n1,2\n", "no header row"),
])
def test_unusable_places_files_are_clear_input_errors(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=expected):
        Gazetteer(places_files=[path])


def test_a_missing_places_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        Gazetteer(places_files=[tmp_path / "absent.csv"])
