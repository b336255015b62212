"""`geo extract` from the command line: output, formats, stdin and bad input."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from geo.cli import app

DATA = Path(__file__).parent / "data" / "reports"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_extract_prints_a_feature_collection_with_sources():
    result = run("extract", str(DATA / "r05_tower22_jordan.txt"), "--published", "2024-01-29")
    assert result.exit_code == 0, result.output
    fc = json.loads(result.stdout)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    feat = fc["features"][0]
    assert feat["geometry"] == {"type": "Point", "coordinates": [38.7, 33.32]}
    props = feat["properties"]
    assert props["event_type"] == "drone_attack" and props["killed"] == 3
    src = props["sources"][0]
    assert src["doc"] == "r05_tower22_jordan.txt" and src["published"] == "2024-01-29"
    text = (DATA / "r05_tower22_jordan.txt").read_text(encoding="utf-8")
    assert text[src["start"]:src["end"]] == src["quote"]


def test_table_format_is_for_people():
    result = run("extract", str(DATA / "r07_second_day.txt"), "--published", "2024-02-09", "--format", "table")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("date") and "Albu Kamal" in result.stdout and len(lines) >= 3


def test_stdin_is_read_with_a_published_date():
    result = run("extract", "-", "--published", "2024-02-09",
                 input="US jets struck a depot near Mayadeen on Thursday.\n")
    assert result.exit_code == 0
    props = json.loads(result.stdout)["features"][0]["properties"]
    assert props["event_date"] == "2024-02-08" and props["sources"][0]["doc"] == "stdin"


def test_bad_files_get_one_line_each_and_the_rest_are_still_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    shutil.copy(DATA / "r04_conoco.txt", tmp_path / "r04_conoco.txt")
    shutil.copy(DATA / "r08_no_events.txt", tmp_path / "r08_no_events.txt")
    result = run("extract", str(tmp_path), "--published", "2024-02-05")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["features"]) == 1
    err = result.stderr.strip().splitlines()
    assert any("empty.txt: empty file" in line for line in err)
    assert any("image.txt: binary file" in line for line in err)
    assert any("binary.txt" in line for line in err)
    assert any("r08_no_events.txt: no strike or attack events" in line for line in err)
    assert "Traceback" not in result.output


def test_exit_status_is_non_zero_only_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "no report could be read" in result.stderr
    assert result.stdout == ""  # no empty FeatureCollection that would pass for a result


def test_an_output_file_survives_a_run_that_could_read_nothing(tmp_path):
    out = tmp_path / "events.geojson"
    out.write_text("earlier results", encoding="utf-8")
    for fmt in ("geojson", "table"):
        result = run("extract", str(tmp_path / "missing.txt"), "--format", fmt, "-o", str(out))
        assert result.exit_code == 2 and result.stderr.count("no report could be read") == 1
        assert out.read_text(encoding="utf-8") == "earlier results"
    assert [p.name for p in tmp_path.iterdir()] == ["events.geojson"]  # no temporary left


def test_bad_published_date_and_format_are_usage_errors():
    assert run("extract", str(DATA / "r04_conoco.txt"), "--published", "5 Feb").exit_code == 2
    result = run("extract", str(DATA / "r04_conoco.txt"), "--format", "xml")
    assert result.exit_code == 2 and "geojson or table" in result.stderr


def test_output_file_is_written_whole(tmp_path):
    out = tmp_path / "out.geojson"
    result = run("extract", str(DATA), "--manifest", str(DATA / "manifest.yaml"), "-q", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) >= 10
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]


def test_merge_joins_reports_and_keeps_their_disagreement():
    result = run("extract", str(DATA / "r05_tower22_jordan.txt"), str(DATA / "r06_tanf_four.txt"),
                 str(DATA / "r13_jordan_three.txt"), "--manifest", str(DATA / "manifest.yaml"), "--merge")
    assert result.exit_code == 0
    feats = json.loads(result.stdout)["features"]
    assert len(feats) == 1
    disputed = feats[0]["properties"]["disputed"]
    assert {(c["value"], c["by"]) for c in disputed["killed"]} >= {(3, "Example Daily"), (4, "Militia Watch")}


def test_help_has_an_example():
    result = run("extract", "--help")
    assert result.exit_code == 0 and "Example" in result.stdout


def test_a_truncated_report_is_read_with_a_warning(tmp_path):
    cut = tmp_path / "cut.txt"
    cut.write_text("US jets struck a depot near Mayadeen on Thursday, officials said.\n\n"
                   "The militia said it would answer the strike and that its fighters were already moving toward the", encoding="utf-8")
    result = run("extract", str(cut), "--published", "2024-02-09")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["features"]) == 1
    assert "cut.txt: text ends mid-sentence (truncated?)" in result.stderr


def test_an_html_report_is_extracted_by_the_geo_command_without_a_traceback():
    # the real executable, so a crash in the HTML reader's imports (lxml.html.clean moved
    # out of lxml) shows as it would to a user, not as an exception inside the test runner
    geo = Path(sys.executable).with_name("geo")
    done = subprocess.run([str(geo), "extract", str(DATA / "r11_page.html"), "--published", "2024-02-09"],
                          capture_output=True, text=True, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    places = {f["properties"]["location"] for f in json.loads(done.stdout)["features"]}
    assert "Mayadeen" in places


def test_min_confidence_keeps_only_the_events_trusted_that_much(tmp_path):
    report = tmp_path / "r.md"
    report.write_text("---\npublished: 2024-02-09\n---\nUS jets struck a depot near Albu Kamal on Thursday, "
                      "officials said.\n\nA blast was reportedly heard somewhere in Iraq, sources claimed.\n",
                      encoding="utf-8")
    every = json.loads(run("extract", str(report), "-q").stdout)["features"]
    confs = sorted(f["properties"]["confidence"] for f in every)
    assert confs and all(0.0 < c < 1.0 for c in confs)
    cut = confs[-1]
    kept = json.loads(run("extract", str(report), "-q", "--min-confidence", str(cut)).stdout)["features"]
    assert kept and all(f["properties"]["confidence"] >= cut for f in kept)
    assert len(json.loads(run("extract", str(report), "-q", "--min-confidence", "1").stdout)["features"]) == 0
