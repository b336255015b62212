"""ACLED and UCDP GED exports into the event model; bad rows reported by line number."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from geo.cli import app
from geo.events_io import load_events
from geo.imports import read_acled, read_ucdp

DATA = Path(__file__).parent / "data" / "imports"
runner = CliRunner()


def test_acled_rows_become_events_with_our_codes():
    result = read_acled(DATA / "acled_sample.csv")
    by_loc = {e.location: e for e in result.events}
    strike = by_loc["Al Mayadin"]
    assert (strike.event_type, strike.actor1_side, strike.actor2_side) == ("airstrike", "us", "iran_aligned")
    assert strike.country == "SY" and strike.date_precision == "day" and strike.geo_precision == "town"
    assert by_loc["Ain al-Asad Air Base"].event_type == "rocket_attack"
    tower = by_loc["Tower 22"]
    assert tower.event_type == "drone_attack" and tower.killed == 3 and str(tower.event_date) == "2024-01-28"
    assert tower.sources[0].outlet == "Example Wire"


def test_imported_governorates_take_the_gazetteers_spelling():
    by_loc = {e.location: e for e in read_acled(DATA / "acled_sample.csv").events}
    shaddadi = by_loc["Ash Shaddadi"]  # ACLED writes "Al Hasakeh"
    assert shaddadi.admin1 == "Al-Hasakah" and shaddadi.event_type == "rocket_attack"
    assert shaddadi.actor1_side == "unknown" and shaddadi.actor2_side == "us"
    kamal = next(e for e in read_ucdp(DATA / "ucdp_sample.csv").events if e.killed == 6)
    assert kamal.admin1 == "Deir ez-Zor"  # UCDP writes "Deir ez-Zor governorate"


def test_acled_rows_that_cannot_be_read_are_reported_with_line_numbers():
    errors = read_acled(DATA / "acled_sample.csv").errors
    assert [e.line for e in errors] == [5, 6]
    assert "2024-02-30" in errors[0].message and "lat" in errors[1].message


def test_ucdp_precision_deaths_and_sources():
    result = read_ucdp(DATA / "ucdp_sample.csv")
    kamal = next(e for e in result.events if e.killed == 6)
    assert (kamal.killed_low, kamal.killed_high, kamal.geo_precision) == (5, 9, "town")
    assert kamal.actor1_side == "us" and kamal.actor2_side == "iran_aligned" and kamal.country == "SY"
    bag = next(e for e in result.events if e.country == "IQ")
    assert bag.date_precision == "month" and str(bag.date_end) == "2024-02-29"
    assert [e.line for e in result.errors] == [4]


def test_import_cli_writes_any_format_and_reports_skipped_rows(tmp_path):
    out = tmp_path / "acled.gpkg"
    result = runner.invoke(app, ["import", "acled", str(DATA / "acled_sample.csv"), "--out", str(out)])
    assert result.exit_code == 0
    assert "line 5" in result.output and "2 row(s) skipped" in result.output
    assert len(load_events(out)) == 4


def test_import_of_the_wrong_kind_of_file_exits_2_with_one_line():
    result = runner.invoke(app, ["import", "ucdp", str(DATA / "acled_sample.csv")])
    assert result.exit_code == 2 and "missing column" in result.output
    assert len(result.output.strip().splitlines()) == 1
