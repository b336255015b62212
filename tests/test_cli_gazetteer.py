"""`geo gazetteer lookup|reverse`: exit codes, one-line errors and JSON shape, via CliRunner."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from gazetteer.testing import FakeNominatim, isolated, session_cache_dir
from geo.cli import app

runner = CliRunner()
FIELDS = {"id", "name", "lat", "lon", "country", "admin1", "kind", "score", "source"}


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    with isolated(monkeypatch, session_cache_dir(tmp_path_factory)):
        yield


def _run(*args: str):
    return runner.invoke(app, ["gazetteer", *args])


def _one_line_error(result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("geo: error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_lookup_prints_the_best_match():
    result = _run("lookup", "Deir Ezzor")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1
    assert "Deir ez-Zor" in result.stdout and "35.33600, 40.14100" in result.stdout


def test_lookup_json_is_one_object_with_the_documented_fields():
    result = _run("lookup", "Abu Kamal", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert isinstance(data, dict) and FIELDS <= data.keys()
    assert (data["id"], data["country"], data["admin1"]) == ("cur:albu-kamal", "SY", "Deir ez-Zor")
    assert (data["lat"], data["lon"], data["score"]) == (34.452, 40.919, 100.0)


def test_lookup_all_json_is_a_ranked_list():
    result = _run("lookup", "Deir Ezzor", "--all", "--json")
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) >= 2
    assert all(FIELDS <= item.keys() for item in data)
    assert [d["kind"] for d in data[:2]] == ["city", "governorate"]
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)


def test_lookup_all_text_prints_one_line_per_candidate():
    result = _run("lookup", "Shaddadi", "--all", "--limit", "2")
    assert result.exit_code == 0 and result.stdout.count("\n") == 2


def test_country_hint_changes_the_answer():
    data = json.loads(_run("lookup", "Arbela", "--country", "JO", "--json").stdout)
    assert data["name"] == "Irbid"


def test_an_unknown_name_exits_1_naming_the_closest_candidates():
    line = _one_line_error(_run("lookup", "Zubzab Wadi Xq"), 1)
    assert "no place matches" in line and "closest:" in line


def test_an_unknown_name_with_all_exits_1_too():
    _one_line_error(_run("lookup", "Qwzx Vvbn", "--all", "--json"), 1)


@pytest.mark.parametrize("bad", ["", "   ", "x" * 10_000, "Deir\x07Ezzor", "?!…", "'-'"])
def test_empty_or_unusable_names_exit_1_with_one_line(bad):
    line = _one_line_error(_run("lookup", bad), 1)
    assert len(line) < 200


def test_a_bad_country_code_exits_2():
    assert "ISO 3166-1" in _one_line_error(_run("lookup", "Homs", "--country", "Syria"), 2)


def test_places_option_adds_the_users_rows(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("name,lat,lon,country,kind\nTell Zaytun,35.1,40.6,SY,village\n",
                    encoding="utf-8")
    data = json.loads(_run("lookup", "Tel Zaytoun", "--places", str(path), "--json").stdout)
    assert (data["id"], data["lat"]) == ("user:tell-zaytun", 35.1)


def test_a_bad_places_file_exits_2_naming_file_and_field(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("name,lat,lon,country\nSomewhere,95,40,SY\n", encoding="utf-8")
    line = _one_line_error(_run("lookup", "Somewhere", "--places", str(path)), 2)
    assert "p.csv" in line and "'lat'" in line


def test_online_option_asks_the_configured_nominatim(monkeypatch):
    with FakeNominatim({"Tell Safouk": [("Tell Safouk", 36.4, 41.0, "sy", "Al-Hasakah")]}) as fake:
        monkeypatch.setenv("GEO_NOMINATIM_URL", fake.url)
        assert _run("lookup", "Tell Safouk").exit_code == 1  # offline by default
        result = _run("lookup", "Tell Safouk", "--online", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["lat"] == 36.4
    assert len(fake.requests) == 1


def test_reverse_names_the_nearest_site_with_admin1_and_country():
    result = _run("reverse", "33.32", "38.70", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert FIELDS <= data.keys() and "distance_km" in data
    assert (data["name"], data["admin1"], data["country"]) == ("Tower 22", "Mafraq", "JO")
    text = _run("reverse", "35.02", "40.45")
    assert text.exit_code == 0 and "Mayadeen" in text.stdout and "km away" in text.stdout


@pytest.mark.parametrize("args", [["95", "40"], ["35", "200"], ["north", "east"], ["nan", "40"]])
def test_reverse_with_bad_coordinates_exits_2_with_one_line(args):
    assert "expected" in _one_line_error(_run("reverse", *args), 2)


def test_reverse_accepts_negative_coordinates_and_reports_no_place_far_away():
    assert "within 250 km" in _one_line_error(_run("reverse", "-33.9", "151.2"), 1)


def test_commands_have_help_with_an_example():
    for command in ("lookup", "reverse"):
        result = _run(command, "--help")
        assert result.exit_code == 0 and "Example" in result.stdout
