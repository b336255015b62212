"""Every export format, read back by a real reader; writes are atomic."""
from __future__ import annotations

import csv
from xml.etree import ElementTree as ET

import geopandas as gpd
import pytest

from geo.events_io import load_events
from geo.exc import ExportError
from geo.export import EXPORTERS, export_frame
from geo.export.acled_csv import ACLED_COLUMNS
from geo.export.kml import KML_NS
from geo.frame import to_frame
from geo.pipeline import seed_events

EVIL = "<b>Tom & Jerry's</b> \"quote\""


@pytest.fixture(scope="module")
def events():
    evs = seed_events()
    first = evs[0]
    from dataclasses import replace
    return [replace(first, notes=EVIL, actor1=EVIL).with_id(), *evs[1:]]


@pytest.mark.parametrize("fmt, ext", [("gpkg", "gpkg"), ("parquet", "parquet")])
def test_gis_formats_read_back_to_the_same_events(events, tmp_path, fmt, ext):
    path = tmp_path / f"e.{ext}"
    export_frame(to_frame(events), path, fmt)
    assert sorted(load_events(path), key=lambda e: e.id) == sorted(events, key=lambda e: e.id)
    frame = gpd.read_parquet(path) if fmt == "parquet" else gpd.read_file(path, layer="events")
    assert frame.crs.to_epsg() == 4326 and len(frame) == len(events)


def test_csv_has_acleds_columns_and_our_values(events, tmp_path):
    path = tmp_path / "e.csv"
    export_frame(to_frame(events), path, "csv")
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    assert len(rows) == len(events)
    tower = next(r for r in rows if r["location"] == "Tower 22")
    assert tower["iso"] == "400" and tower["country"] == "Jordan" and tower["fatalities"] == "3"
    assert tower["sub_event_type"] == "Air/drone strike" and "disputed" in tower["tags"]
    # an Iran-backed militia (3) against US forces (8): ACLED's actor-type codes
    assert (tower["inter1"], tower["inter2"], tower["interaction"]) == ("3", "8", "38")
    assert tower["time_precision"] == "1" and tower["geo_precision"] == "1"


def test_kml_has_one_placemark_per_located_event_and_escapes_text(events, tmp_path):
    path = tmp_path / "e.kml"
    export_frame(to_frame(events), path, "kml")
    root = ET.parse(path).getroot()
    marks = root.findall(f".//{{{KML_NS}}}Placemark")
    assert len(marks) == sum(e.located for e in events)
    texts = [m.findtext(f"{{{KML_NS}}}description") for m in marks]
    assert any(EVIL in t for t in texts)  # survived as text, not as markup


def test_a_failing_export_leaves_the_old_file_and_no_temporary(events, tmp_path, monkeypatch):
    path = tmp_path / "e.gpkg"
    path.write_bytes(b"old contents")

    def broken(frame, dest):
        from geo.atomic import atomic_path
        with atomic_path(dest) as tmp:
            tmp.write_bytes(b"half a file")
            raise ExportError("disk full")

    monkeypatch.setitem(EXPORTERS, "gpkg", broken)
    with pytest.raises(ExportError):
        export_frame(to_frame(events), path, "gpkg")
    assert path.read_bytes() == b"old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["e.gpkg"]


def test_export_cli_infers_every_format_from_the_extension(tmp_path):
    from typer.testing import CliRunner
    from geo.cli import app

    for ext in ("geojson", "gpkg", "parquet", "csv", "kml"):
        result = CliRunner().invoke(app, ["export", "--out", str(tmp_path / f"seed.{ext}")])
        assert result.exit_code == 0, result.output
        assert (tmp_path / f"seed.{ext}").stat().st_size > 0


def test_an_export_killed_midway_leaves_the_old_file_intact(tmp_path):
    """A real `geo export` process, killed while its GeoPackage is half written."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    import pandas as pd

    frame = to_frame(seed_events())
    big = gpd.GeoDataFrame(pd.concat([frame] * 10_000, ignore_index=True), crs=frame.crs)
    src, dest = tmp_path / "big.parquet", tmp_path / "out.gpkg"
    export_frame(big, src, "parquet")
    dest.write_bytes(b"old contents")
    geo = Path(sys.executable).with_name("geo")
    proc = subprocess.Popen([str(geo), "export", "--events", str(src), "--format", "gpkg",
                             "--out", str(dest)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".out.gpkg.") for p in tmp_path.iterdir()):
        assert proc.poll() is None, "the export finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    proc.kill()
    proc.wait()
    assert dest.read_bytes() == b"old contents"
