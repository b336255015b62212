"""`geo review` on the command line, and --decisions on `geo map` and `geo export`."""
from __future__ import annotations

import json

import pytest
from review_support import REPORTS, extracted
from typer.testing import CliRunner

from geo.cli import app
from geo.review import DecisionStore, ReviewDesk

runner = CliRunner()


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """An events file of the review reports, and decisions on four of its eight events."""
    tmp = tmp_path_factory.mktemp("reviewed")
    events_file = tmp / "extracted.geojson"
    assert runner.invoke(app, ["extract", str(REPORTS), "-q", "-o", str(events_file)]).exit_code == 0
    events, texts = extracted([events_file])
    desk = ReviewDesk(events, DecisionStore(tmp / "decisions.yaml"), texts, reviewer="dana")
    items = sorted(desk.items(), key=lambda it: it.extracted.location or "")
    desk.decide(items[0].key, "accept")
    desk.decide(items[1].key, "edit", fields={"killed": 4, "notes": "toll from the ministry"})
    desk.decide(items[2].key, "reject", reason="background/duplicate")
    desk.decide(items[3].key, "reject", reason="out of scope")
    return events_file, tmp / "decisions.yaml", items


def test_stats_print_accepted_corrected_rejected_and_the_precision(reviewed):
    _, decisions, _ = reviewed
    result = runner.invoke(app, ["review", "--stats", str(decisions)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:5] == ["decided: 4", "accepted: 1", "corrected: 1 (killed 1, notes 1)",
                         "rejected: 2 (background/duplicate 1, out of scope 1)",
                         "precision: 50.0% (accepted or corrected / decided)"]
    assert "reviewers: dana 4" in lines


@pytest.mark.parametrize("args, says", [
    (["review"], "give reports or events files"),
    (["review", "no-such-report.txt", "--no-browser"], "no such report or events file"),
    (["review", "--stats", "no-such-decisions.yaml"], "no such decisions file"),
    (["map", "--decisions", "no-such-decisions.yaml", "--out", "x.html"], "no such decisions file"),
])
def test_bad_input_is_one_line_and_exit_status_2(tmp_path, args, says, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_a_port_in_use_is_one_line(tmp_path):
    from geo.review.server import bind_socket

    busy = bind_socket("127.0.0.1", 0)
    try:
        result = runner.invoke(app, ["review", str(REPORTS), "--no-browser", "--decisions",
                                     str(tmp_path / "d.yaml"), "--port", str(busy.getsockname()[1])])
    finally:
        busy.close()
    assert result.exit_code == 2 and "cannot listen on 127.0.0.1" in result.stderr


def test_map_with_decisions_draws_unreviewed_events_in_their_own_layer(reviewed, tmp_path):
    events_file, decisions, _ = reviewed
    out = tmp_path / "map.html"
    result = runner.invoke(app, ["map", "--events", str(events_file), "--decisions", str(decisions),
                                 "--out", str(out)])
    assert result.exit_code == 0 and "mapped 6 events" in result.output
    assert "Unreviewed (4)" in out.read_text()
    only = tmp_path / "only.html"
    result = runner.invoke(app, ["map", "--events", str(events_file), "--decisions", str(decisions),
                                 "--reviewed-only", "--out", str(only)])
    assert "mapped 2 events" in result.output and "Unreviewed" not in only.read_text()


def test_export_with_decisions_gives_the_reviewed_events(reviewed, tmp_path):
    events_file, decisions, items = reviewed
    out = tmp_path / "reviewed.geojson"
    result = runner.invoke(app, ["export", "--events", str(events_file), "--decisions", str(decisions),
                                 "--reviewed-only", "--out", str(out)])
    assert result.exit_code == 0, result.output
    props = [f["properties"] for f in json.loads(out.read_text())["features"]]
    assert sorted(p["location"] for p in props) == sorted(it.extracted.location for it in items[:2])
    assert any(p["killed"] == 4 and p["notes"] == "toll from the ministry" for p in props)
    signed = tmp_path / "signed.geojson"
    assert runner.invoke(app, ["export", "--decisions", str(decisions), "--out", str(signed)]).exit_code == 0
    assert len(json.loads(signed.read_text())["features"]) == 2


def test_the_review_page_is_opened_in_the_browser_unless_told_not_to(tmp_path):
    import time

    from review_support import CliServer

    opened = tmp_path / "opened.txt"
    srv = CliServer(str(REPORTS), "--decisions", str(tmp_path / "d.yaml"),
                    browser=f"sh -c 'echo %s > {opened}'")
    try:
        for _ in range(100):
            if opened.exists() and opened.read_text().strip():
                break
            time.sleep(0.05)
        assert opened.read_text().strip() == srv.url + "/"
    finally:
        srv.stop()


def test_ctrl_c_stops_the_server_cleanly_and_keeps_the_decisions(tmp_path):
    import signal

    import httpx
    from review_support import CliServer

    decisions = tmp_path / "d.yaml"
    srv = CliServer(str(REPORTS), "--decisions", str(decisions))
    key = httpx.get(srv.url + "/api/events").json()["events"][0]["id"]
    assert httpx.post(f"{srv.url}/api/events/{key}", json={"decision": "accept"}).status_code == 200
    srv.proc.send_signal(signal.SIGINT)
    assert srv.proc.wait(timeout=20) == 0
    assert "Traceback" not in srv.proc.stderr.read()
    assert f"stopped; 1 decision in {decisions}" in srv.proc.stdout.read()
    srv.stop()
    assert DecisionStore(decisions).get(key).decision == "accept"


def test_the_events_of_a_store_are_reviewed_like_an_events_file(tmp_path):
    import httpx
    from review_support import CliServer

    from geo.store import ingest, init_store

    store = tmp_path / "store"
    init_store(store)
    ingest(store, [REPORTS])
    srv = CliServer("--store", str(store), "--decisions", str(tmp_path / "d.yaml"))
    try:
        events = httpx.get(srv.url + "/api/events").json()["events"]
        assert events and all(e["status"] == "unreviewed" for e in events)
    finally:
        srv.stop()
