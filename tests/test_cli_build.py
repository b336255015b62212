"""`geo build` and `geo export`: deterministic outputs, one-line errors, untouched old files."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gazetteer.testing import isolated, session_cache_dir
from geo.cli import app
from geo.events_io import load_events
from geo.pipeline import build, default_seeds_dir, seed_events

runner = CliRunner()


@pytest.fixture(autouse=True)
def _gazetteer(tmp_path_factory, monkeypatch):
    with isolated(monkeypatch, session_cache_dir(tmp_path_factory)):
        yield


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A copy of the repository's seeds to spoil."""
    return Path(shutil.copytree(default_seeds_dir(), tmp_path / "seeds"))


def _one_line_error(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("geo: error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def _files(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def test_building_twice_gives_byte_identical_files(tmp_path):
    first, second = build(None, tmp_path / "a"), build(None, tmp_path / "b")
    assert _files(first.out_dir) == _files(second.out_dir)
    assert (tmp_path / "a" / "events.geojson").is_file() and (tmp_path / "a" / "index.html").is_file()
    assert first.events == second.events


def test_the_built_geojson_holds_every_seed_event(tmp_path):
    result = build(None, tmp_path)
    assert load_events(result.geojson) == sorted(seed_events(), key=lambda e: (e.event_date, e.id))


def test_build_prints_a_one_line_summary(tmp_path):
    result = runner.invoke(app, ["build", "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    n = len(seed_events())
    line, = result.stdout.strip().splitlines()
    assert line.startswith(f"built {n} events (") and str(tmp_path / "site" / "events.geojson") in line


def test_a_bad_seed_file_stops_the_build_and_keeps_the_old_output(seeds, tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out)]).exit_code == 0
    before = _files(out)
    events = seeds / "events.yaml"
    events.write_text(events.read_text().replace("2024-01-28", "2024-02-30", 1))
    result = runner.invoke(app, ["build", "--seeds", str(seeds), "--out", str(out)])
    line = _one_line_error(result)
    assert "events.yaml:" in line and "field 'event_date'" in line and "2024-02-30" in line
    assert _files(out) == before


def test_a_seeds_directory_without_events_is_named(tmp_path):
    result = runner.invoke(app, ["build", "--seeds", str(tmp_path), "--out", str(tmp_path / "o")])
    assert "no events.yaml" in _one_line_error(result)
    assert not (tmp_path / "o").exists()


def test_export_without_events_writes_the_seed_events(tmp_path):
    out = tmp_path / "seed.geojson"
    result = runner.invoke(app, ["export", "--format", "geojson", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text())["features"]) == len(seed_events())


def test_export_reads_an_events_file_and_infers_the_format(tmp_path):
    src = tmp_path / "a.geojson"
    build(None, tmp_path)  # writes tmp_path/events.geojson
    src.write_bytes((tmp_path / "events.geojson").read_bytes())
    out = tmp_path / "b.geojson"
    result = runner.invoke(app, ["export", "--events", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == src.read_bytes()


@pytest.mark.parametrize(("content", "expected"), [
    (None, "no such events file"),
    ('{"type": "FeatureCollection", "features": [}', "not valid JSON"),
    (('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, '
     '"properties": {"id": "ev-9", "event_date": "2024-02-03", "weapon": "drone"}}]}'),
     "record 1 (ev-9), field 'weapon'"),
    (('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": '
     '{"type": "Point", "coordinates": [200, 10]}, "properties": {}}]}'), "outside the world"),
])
def test_bad_events_give_exit_2_one_line_and_leave_the_output(tmp_path, content, expected):
    src = tmp_path / "in.geojson"
    if content is not None:
        src.write_text(content)
    out = tmp_path / "out.geojson"
    out.write_text("previous export")
    result = runner.invoke(app, ["export", "--events", str(src), "--out", str(out)])
    assert expected in _one_line_error(result)
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_unknown_format_is_exit_2_with_the_known_formats(tmp_path):
    result = runner.invoke(app, ["export", "--format", "shp", "--out", str(tmp_path / "x.shp")])
    assert "geojson" in _one_line_error(result)


def test_build_with_reports_adds_their_events_and_curated_records_confirm_matches(tmp_path):
    """A new report of a curated event confirms it; a report of a new event adds a point."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "wire.md").write_text(
        "---\ntitle: Drone attack at Tower 22\npublished: 2024-01-29\noutlet: Example Wire\n---\n"
        "Three US soldiers were killed on Sunday when a drone attack hit Tower 22, a US base in Jordan.\n"
        "Separately, a rocket attack on Ain al-Asad air base in Iraq injured two US personnel on Sunday.\n",
        encoding="utf-8")
    result = runner.invoke(app, ["build", "--reports", str(reports), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    feats = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))["features"]
    tower = [f for f in feats if f["properties"]["location"] == "Tower 22"]
    assert len(tower) == 1 and "wire.md" in {s["doc"] for s in tower[0]["properties"]["sources"]}
    assert tower[0]["properties"]["killed"] == 3
    asad = [f for f in feats if f["properties"]["country"] == "IQ" and f["properties"]["event_type"] == "rocket_attack"
            and f["properties"]["event_date"] == "2024-01-28"]
    assert len(asad) == 1 and asad[0]["properties"]["injured"] == 2
