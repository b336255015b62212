"""The review page in real headless Chromium against the real `geo review` server."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from review_support import CliServer, copy_reports, many_events_file

pytestmark = pytest.mark.browser


def open_review(chromium, url: str):
    """The review page, with nothing allowed off 127.0.0.1 (every other request recorded)."""
    page = chromium.new_page(viewport={"width": 1400, "height": 850})
    page.geo_errors, page.geo_offsite = [], []
    page.on("pageerror", lambda exc: page.geo_errors.append(str(exc)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
               else (page.geo_offsite.append(route.request.url), route.abort()))
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']")
    return page


def decided(page, n: int) -> None:
    page.wait_for_function(f"(window.geoReviewDecisions || 0) >= {n}")


def heading(page) -> str:
    return page.inner_text("#detail h2")


def records(path) -> list[dict]:
    return yaml.safe_load(path.read_text())["events"]


def test_keyboard_review_survives_a_killed_server_and_reextraction(chromium, open_map, tmp_path):
    reports = copy_reports(tmp_path / "reports")
    decisions = tmp_path / "decisions.yaml"
    srv = CliServer(str(reports), "--decisions", str(decisions), "--reviewer", "kb")
    try:
        page = open_review(chromium, srv.url)
        assert f"{_lowest_confidence(srv.url):.2f}" in page.inner_text(".row.sel")  # lowest confidence first
        page.wait_for_function("document.querySelector('#report').dataset.event === current().id")
        assert page.inner_text("#report mark.cur") in srv_quote(page)
        first = page.evaluate("current().id")
        page.keyboard.press("a")
        decided(page, 1)
        second = page.evaluate("current().id")
        assert second != first
        page.keyboard.press("r")
        page.keyboard.press("1")
        decided(page, 2)
        for _ in range(8):  # to the Al Qaim strike, by keyboard
            if "Al Qaim" in heading(page):
                break
            page.keyboard.press("j")
        assert "Al Qaim" in heading(page)
        page.keyboard.press("e")
        page.keyboard.press("Alt+p")
        # each keystroke asks for candidates; wait for the answer to the whole name, not an
        # earlier one for "Al Q" still on screen
        with page.expect_response(lambda r: "/api/places" in r.url and "name=Al%20Qaim" in r.url):
            page.keyboard.type("Al Qaim")
        page.wait_for_function("document.querySelectorAll('#candidates option').length >= 2")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        assert "border crossing" in page.inner_text("#chosen")
        page.keyboard.press("Enter")
        decided(page, 3)
        recs = records(decisions)
        assert [r["decision"] for r in recs] == ["accept", "reject", "edit"]
        assert recs[1]["reason"] == "not an event" and recs[0]["reviewer"] == "kb"
        assert recs[2]["place_id"] == "cur:al-qaim-crossing" and recs[2]["original"]["place_id"] == "cur:al-qaim"

        srv.kill()  # mid-session: the next key press finds no server
        page.keyboard.press("a")
        page.wait_for_selector("#toast.err", state="visible")
        assert len(records(decisions)) == 3
        page.close()

        srv = CliServer(str(reports), "--decisions", str(decisions), "--reviewer", "kb")
        page = open_review(chromium, srv.url)
        assert "1 accepted · 1 corrected · 1 rejected" in page.inner_text("#counts")
        page.keyboard.press("a")
        decided(page, 1)
        page.keyboard.press("a")
        decided(page, 2)
        assert len(records(decisions)) == 5
        assert not page.geo_errors and not page.geo_offsite
        statuses = _statuses(srv.url)
        srv.stop()

        # The reports change around the evidence (a note at the top, other spacing): re-extract.
        for p in reports.glob("*.md"):
            head, _, body = p.read_text().partition("\n---\n")
            p.write_text(head + "\n---\nA note from the editors, added later.\n\n" + body.replace(". ", ".  "))
        srv = CliServer(str(reports), "--decisions", str(decisions))
        again = _statuses(srv.url)
        assert {k: v for k, v in again.items() if v != "unreviewed"} == \
               {k: v for k, v in statuses.items() if v != "unreviewed"}
        assert sum(v != "unreviewed" for v in again.values()) == 5
    finally:
        srv.stop()

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-c", "from geo.cli import main; main()", "build", "--reports",
                    str(reports), "--decisions", str(decisions), "--out", str(site)], check=True,
                   capture_output=True)
    built = json.loads((site / "events.geojson").read_text())["features"]
    quotes = {s["quote"] for f in built for s in f["properties"]["sources"]}
    rejected = recs[1]["sources"][0]["quote"]
    assert not any(" ".join(rejected.split()) == " ".join(q.split()) for q in quotes)
    assert any(f["properties"]["place_id"] == "cur:al-qaim-crossing" for f in built)
    shown = open_map(site / "index.html")
    layers = shown.page.inner_text(".leaflet-control-layers-overlays")
    assert "Unreviewed (3)" in layers
    assert not shown.errors


def srv_quote(page) -> str:
    return " ".join(e["quote"] for e in page.evaluate("current().evidence"))


def _lowest_confidence(url: str) -> float:
    import httpx

    return min(e["confidence"] for e in httpx.get(url.rstrip("/") + "/api/events").json()["events"])


def _statuses(url: str) -> dict[str, str]:
    import httpx

    return {e["id"]: e["status"] for e in httpx.get(url.rstrip("/") + "/api/events").json()["events"]}


def test_an_accepted_event_extracted_differently_is_shown_with_the_difference(chromium, tmp_path):
    reports = copy_reports(tmp_path / "reports")
    events = tmp_path / "extracted.geojson"
    subprocess.run([sys.executable, "-c", "from geo.cli import main; main()", "extract", str(reports),
                    "-q", "-o", str(events)], check=True)
    decisions = tmp_path / "decisions.yaml"
    srv = CliServer(str(events), "--decisions", str(decisions))
    try:
        page = open_review(chromium, srv.url)
        page.keyboard.press("a")
        decided(page, 1)
        key = records(decisions)[0]["key"]
        srv.stop()
        doc = json.loads(events.read_text())
        for feat in doc["features"]:
            if feat["properties"]["location"] == records(decisions)[0]["location"]:
                feat["properties"]["killed"] = 9  # what new rules might say
        events.write_text(json.dumps(doc))
        srv = CliServer(str(events), "--decisions", str(decisions))
        page = open_review(chromium, srv.url)
        assert page.evaluate("current().id") == key  # asked again, first
        assert page.inner_text("#status") == "changed since decided"
        assert "killed" in page.inner_text("#diff") and "→ 9" in page.inner_text("#diff")
        page.keyboard.press("a")
        decided(page, 1)
        assert records(decisions)[0]["killed"] == 9
        assert not page.geo_errors
    finally:
        srv.stop()


def test_a_list_of_5000_events_draws_only_the_rows_on_screen(chromium, tmp_path):
    path = many_events_file(tmp_path / "many.geojson", 5000)
    srv = CliServer(str(path), "--decisions", str(tmp_path / "d.yaml"))
    try:
        page = open_review(chromium, srv.url)
        assert "5000 events" in page.inner_text("#counts")
        assert page.locator(".row").count() < 80
        page.eval_on_selector("#list", "el => { el.scrollTop = el.scrollHeight; }")
        page.wait_for_function("document.querySelector('.row[data-i=\"4999\"]') !== null")
        assert page.locator(".row").count() < 80
        page.keyboard.press("j")  # the list follows the selection back to the top
        page.wait_for_selector('.row.sel[data-i="1"]')
        assert page.locator(".row").count() < 80
    finally:
        srv.stop()


def test_showing_only_events_to_review_each_decision_moves_to_the_next_one(chromium, tmp_path):
    decisions = tmp_path / "decisions.yaml"
    srv = CliServer(str(copy_reports(tmp_path / "reports")), "--decisions", str(decisions))
    try:
        page = open_review(chromium, srv.url)
        page.select_option("#filter", "todo")
        page.keyboard.press("Escape")  # leave the select: the keys are the page's again
        order = page.evaluate("state.order.slice()")
        for n in range(1, 4):
            page.keyboard.press("a" if n != 2 else "r")
            if n == 2:
                page.keyboard.press("3")
            decided(page, n)
        assert [r["key"] for r in records(decisions)] == order[:3]  # none skipped
        assert page.evaluate("current().id") == order[3]
        assert page.locator(".row").count() == len(order) - 3
    finally:
        srv.stop()


def test_a_place_is_chosen_by_clicking_a_candidate_or_any_point_on_the_map(chromium, tmp_path):
    decisions = tmp_path / "decisions.yaml"
    srv = CliServer(str(copy_reports(tmp_path / "reports")), "--decisions", str(decisions))
    try:
        page = open_review(chromium, srv.url)
        for _ in range(8):
            if "Al Qaim" in heading(page):
                break
            page.keyboard.press("j")
        page.keyboard.press("e")
        page.wait_for_selector("path.geo-candidate-cur_al-qaim-crossing")
        page.click("path.geo-candidate-cur_al-qaim-crossing", force=True)
        assert "cur:al-qaim-crossing" in page.inner_text("#chosen")
        page.keyboard.press("Control+Enter")
        decided(page, 1)
        assert records(decisions)[0]["place_id"] == "cur:al-qaim-crossing"

        page.keyboard.press("e")
        box = page.locator("#map").bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.7)
        page.wait_for_function("document.querySelector('#chosen').textContent.includes('clicked')")
        page.keyboard.press("Control+Enter")
        decided(page, 2)
        rec = records(decisions)[1]
        assert "place_id" not in rec and rec["location"].startswith("near ")
        assert "lat" in rec["fields"] and rec["original"]["place_id"]
    finally:
        srv.stop()
