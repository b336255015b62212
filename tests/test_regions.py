"""Region polygons, offline: Natural Earth admin-1 governorates and outlines, named areas."""
from __future__ import annotations

import pytest
import shapely

from geo.exc import InputError, PlaceNotFound
from gazetteer.regions import REGIONS_FILE, all_regions, load_boundaries, region, region_geometry
from gazetteer.sources.curated import CuratedTable


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


def test_every_coded_governorate_of_the_gazetteer_has_a_shipped_polygon():
    coded = {p.id for p in CuratedTable().places() if p.kind == "governorate" and p.code}
    shipped = {r.id: r for r in all_regions() if r.kind == "governorate"}
    assert coded == set(shipped) and len(coded) == 14 + 18 + 12  # not Halabja: no code
    assert all(r.geometry.is_valid and r.precision_km > 0 for r in shipped.values())


def test_governorates_tile_their_country_without_overlaps():
    by_country = {}
    for r in all_regions():
        if r.kind == "governorate":
            by_country.setdefault(r.country, []).append(r.geometry)
    for cc, parts in by_country.items():
        outline = region(cc).geometry
        assert shapely.union_all(parts).symmetric_difference(outline).area < 0.02 * outline.area
        assert sum(p.area for p in parts) == pytest.approx(shapely.union_all(parts).area, rel=1e-6)


def test_region_geometry_gives_the_canonical_name_and_the_polygon():
    name, geom = region_geometry("Anbar")
    assert name == "Al Anbar" and geom.contains(shapely.Point(42.44, 33.80))
    assert region("Kirkuk").code == "IQ-KI"  # Natural Earth's IQ-TS, renamed


def test_a_governorate_without_a_shipped_polygon_asks_for_a_boundary_file():
    with pytest.raises(InputError, match="--boundaries"):
        region("Halabja Governorate")


def test_a_town_is_not_a_region_and_the_error_points_to_near():
    with pytest.raises(InputError, match="--near"):
        region("Al-Tanf")


def test_the_shipped_file_names_its_source_and_licence():
    text = REGIONS_FILE.read_text(encoding="utf-8")
    assert "Natural Earth" in text and "public domain" in text
    readme = (REGIONS_FILE.parent / "README.md").read_text(encoding="utf-8")
    assert "public domain" in readme and "Precision" in readme
