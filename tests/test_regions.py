"""Region polygons, offline: countries from Natural Earth, governorates built from places."""
from __future__ import annotations

import pytest
import shapely

from geo.exc import PlaceNotFound
from gazetteer.regions import load_boundaries, region


@pytest.mark.parametrize("spelling", ["Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor province",
                                      "Deir al-Zour", "SY-DY", "دير الزور"])
def test_every_spelling_of_a_governorate_names_the_same_polygon(spelling):
    assert region(spelling).id == "cur:sy-deir-ez-zor"


@pytest.mark.parametrize("lat, lon, name", [
    (34.452, 40.919, "Deir ez-Zor"),    # Albu Kamal
    (35.020, 40.452, "Deir ez-Zor"),    # Mayadin
    (36.058, 40.735, "Al-Hasakah"),     # Shaddadi
    (34.393, 40.989, "Al Anbar"),       # Al Qaim
    (33.800, 42.440, "Al Anbar"),       # Ain al-Asad
    (33.320, 38.700, "Mafraq"),         # Tower 22
    (36.191, 44.009, "Erbil"),          # Erbil
])
def test_known_places_fall_inside_their_governorate(lat, lon, name):
    assert region(name).geometry.contains(shapely.Point(lon, lat))


def test_countries_and_named_areas_resolve_by_name_and_code():
    assert region("SY").kind == region("Syria").kind == "country"
    border = region("Iraq-Syria border")
    assert border.kind == "region"
    assert border.geometry.contains(shapely.Point(40.95, 34.42))      # the Al Qaim crossing
    assert not border.geometry.contains(shapely.Point(44.37, 33.31))  # Baghdad
    assert region("Euphrates valley").geometry.contains(shapely.Point(40.452, 35.02))


def test_an_unknown_region_suggests_close_names():
    with pytest.raises(PlaceNotFound) as err:
        region("Deir ez-Zorr provincee xyz")
    assert err.value.suggestions


def test_a_users_boundary_file_wins_for_its_names(tmp_path):
    path = tmp_path / "mine.geojson"
    path.write_text('{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
                    '{"name":"Deir ez-Zor","code":"SY-DY"},"geometry":{"type":"Polygon",'
                    '"coordinates":[[[40,35],[41,35],[41,36],[40,36],[40,35]]]}}]}', encoding="utf-8")
    assert region("Dayr az Zawr", boundaries=path).id == "user:Deir ez-Zor"
    assert len(load_boundaries(path)) == 1
