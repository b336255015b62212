"""The review desk's JSON API, against a real uvicorn server on 127.0.0.1."""
from __future__ import annotations

import threading

import httpx
import pytest
import yaml
from review_support import REPORTS, CliServer, ThreadServer, extracted


@pytest.fixture(scope="module")
def review_events():
    return extracted([REPORTS])


@pytest.fixture
def server(review_events, tmp_path):
    events, texts = review_events
    with ThreadServer(events, texts, tmp_path / "decisions.yaml") as srv:
        yield srv


@pytest.fixture
def client(server):
    with httpx.Client(base_url=server.url, timeout=10) as c:
        yield c


def _ids(client) -> list[str]:
    return [e["id"] for e in client.get("/api/events").json()["events"]]


def _one_line_error(resp, status: int) -> str:
    assert resp.status_code == status
    body = resp.json()
    assert list(body) == ["error"] and "\n" not in body["error"] and body["error"]
    return body["error"]


def test_events_lists_every_event_with_id_status_fields_and_evidence(client, review_events):
    got = client.get("/api/events").json()
    assert got["count"] == len(review_events[0]) == len(got["events"])
    first = got["events"][0]
    assert first["id"].startswith("rv-") and first["status"] == "unreviewed"
    assert {"event_type", "actor1_side", "location", "lat"} <= set(first["fields"])
    ev = first["evidence"][0]
    text = review_events[1][ev["doc"]]
    assert text[ev["start"]:ev["end"]] == ev["quote"]
    assert len(set(_ids(client))) == got["count"]


def test_a_decision_is_in_the_decisions_file_when_the_answer_comes(client, server):
    key = _ids(client)[0]
    resp = client.post(f"/api/events/{key}", json={"decision": "accept"})
    assert resp.status_code == 200 and resp.json()["status"] == "accepted"
    records = yaml.safe_load(server.store.path.read_text())["events"]
    assert [(r["key"], r["decision"], r["reviewer"]) for r in records] == [(key, "accept", "tester")]
    assert client.get(f"/api/events/{key}").json()["decision"]["decision"] == "accept"


def test_an_edit_changes_the_fields_and_names_them(client):
    key = next(e["id"] for e in client.get("/api/events").json()["events"]
               if e["fields"].get("location") == "Al Qaim")
    got = client.post(f"/api/events/{key}", json={
        "decision": "edit", "fields": {"place_id": "cur:al-qaim-crossing", "killed": 2,
                                       "event_date": "2024-02-07"}}).json()
    assert got["status"] == "edited"
    assert got["fields"]["location"] == "Al-Qaim border crossing" and got["fields"]["killed"] == 2
    assert {"place_id", "killed", "event_date"} <= set(got["decision"]["fields"])
    assert got["decision"]["original"]["event_date"] == "2024-02-08"


@pytest.mark.parametrize("body, status, says", [
    (b"{not json", 400, "malformed JSON"),
    (b"[1, 2]", 400, "expected a JSON object"),
    (b'{"decision": "maybe"}', 400, "must be one of"),
    (b'{"decision": "reject"}', 400, "needs a 'reason'"),
    (b'{"decision": "reject", "reason": "I do not like it"}', 400, "needs a 'reason'"),
    (b'{"decision": "edit", "fields": {"killed": "many"}}', 400, "killed"),
    (b'{"decision": "edit", "fields": {"event_type": "parade"}}', 400, "event_type"),
    (b'{"decision": "edit", "fields": {"place_id": "cur:nowhere"}}', 400, "not in the gazetteer"),
    (b'{"decision": "edit", "fields": [1]}', 400, "'fields' must be an object"),
    (b'{"decision": "accept", "fields": {"killed": 1}}', 400, "only for decision 'edit'"),
    (b'{"decision": "accept", "colour": "red"}', 400, "unknown key 'colour'"),
    (b'{"decision": "accept", "reviewer": ["a"]}', 400, "'reviewer' must be text"),
    (b'{"decision": "edit", "fields": {"lat": 34.1, "lon": null}}', 400, "lat and lon must be given together"),
])
def test_bad_decisions_are_a_4xx_with_one_line_of_json(client, server, body, status, says):
    key = _ids(client)[0]
    resp = client.post(f"/api/events/{key}", content=body, headers={"Content-Type": "application/json"})
    assert says in _one_line_error(resp, status)
    assert not server.store.path.exists()  # nothing was written


def test_unknown_ids_docs_and_paths_are_404(client):
    assert "no event" in _one_line_error(client.post("/api/events/rv-000000000000",
                                                     json={"decision": "accept"}), 404)
    _one_line_error(client.get("/api/events/rv-000000000000"), 404)
    _one_line_error(client.get("/api/report/no-such-report.txt"), 404)
    _one_line_error(client.get("/api/nothing-here"), 404)


def test_a_decision_not_sent_as_json_is_refused(client):
    key = _ids(client)[0]
    resp = client.post(f"/api/events/{key}", content=b'{"decision": "accept"}',
                       headers={"Content-Type": "text/plain"})
    assert "application/json" in _one_line_error(resp, 415)


def test_requests_naming_another_host_are_refused(client):
    resp = client.get("/api/events", headers={"Host": "attacker.example"})
    assert resp.status_code == 400


def test_concurrent_posts_from_two_tabs_all_land(client, server):
    keys = _ids(client)
    errors: list[str] = []

    def tab(my_keys: list[str], decision: dict) -> None:
        with httpx.Client(base_url=server.url, timeout=20) as c:
            for _ in range(3):
                for k in my_keys:
                    r = c.post(f"/api/events/{k}", json=decision)
                    if r.status_code != 200:
                        errors.append(r.text)

    shared = keys[0]
    one = threading.Thread(target=tab, args=([shared, *keys[1::2]], {"decision": "accept"}))
    two = threading.Thread(target=tab, args=([shared, *keys[2::2]],
                                             {"decision": "reject", "reason": "out of scope"}))
    one.start(), two.start()
    one.join(), two.join()
    assert not errors
    records = yaml.safe_load(server.store.path.read_text())["events"]
    assert sorted(r["key"] for r in records) == sorted(keys)  # one record per event
    by_key = {r["key"]: r["decision"] for r in records}
    assert all(by_key[k] == "accept" for k in keys[1::2] if k != shared)
    assert all(by_key[k] == "reject" for k in keys[2::2] if k != shared)
    listed = {e["id"]: e["status"] for e in client.get("/api/events").json()["events"]}
    assert listed[shared] == {"accept": "accepted", "reject": "rejected"}[by_key[shared]]


def test_report_gives_the_text_and_where_each_event_s_evidence_is(client, review_events):
    doc = "rv02_mayadeen_rockets.md"
    got = client.get(f"/api/report/{doc}").json()
    assert got["text"] == review_events[1][doc]
    assert len({s["event"] for s in got["spans"]}) == 2
    assert all(got["text"][s["start"]:s["end"]] == s["quote"] for s in got["spans"])


def test_places_lists_gazetteer_candidates_and_the_nearest_place(client):
    got = client.get("/api/places", params={"name": "Al Qaim"}).json()["candidates"]
    assert [c["id"] for c in got[:2]] == ["cur:al-qaim", "cur:al-qaim-crossing"]
    near = client.get("/api/places/nearest", params={"lat": 33.32, "lon": 38.70}).json()
    assert near["id"] == "cur:tower-22"
    _one_line_error(client.get("/api/places/nearest", params={"lat": "north"}), 400)
    _one_line_error(client.get("/api/places", params={"name": ""}), 400)


def test_the_page_and_leaflet_are_served_by_the_app_itself(client):
    page = client.get("/")
    assert page.status_code == 200 and "<title>geo review</title>" in page.text
    assert "https://" not in page.text.replace("https://tile.openstreetmap.org", "")
    assert client.get("/leaflet/leaflet.js").status_code == 200
    assert client.get("/leaflet/leaflet.css").status_code == 200
    assert client.get("/api/regions").json()["type"] == "FeatureCollection"


def test_beyond_loopback_every_request_needs_the_printed_token(tmp_path):
    srv = CliServer(str(REPORTS), "--decisions", str(tmp_path / "d.yaml"), "--host", "0.0.0.0")
    try:
        token = next(line.split("token ")[1].split()[0] for line in srv.lines if " token " in line)
        assert srv.url.endswith(f"?token={token}")
        base = srv.url.split("?")[0].rstrip("/")
        assert httpx.get(base + "/api/events").status_code == 401
        assert httpx.get(base + "/api/events", headers={"X-Geo-Token": "wrong"}).status_code == 401
        assert httpx.get(base + "/api/events", headers={"X-Geo-Token": token}).status_code == 200
        with httpx.Client() as browser:  # the URL carries the token once, then a cookie does
            assert browser.get(f"{base}/?token={token}").status_code == 200
            assert browser.get(base + "/api/meta").status_code == 200
    finally:
        srv.stop()


def test_the_host_check_reads_ipv6_and_named_loopback_hosts(client, server):
    port = server.url.rsplit(":", 1)[1]
    assert client.get("/api/meta", headers={"Host": f"localhost:{port}"}).status_code == 200
    assert client.get("/api/meta", headers={"Host": f"[::1]:{port}"}).status_code == 200
    refused = client.get("/api/meta", headers={"Host": f"127.0.0.1.attacker.example:{port}"})
    assert "answers only to" in _one_line_error(refused, 400)


def test_an_edit_that_changes_nothing_is_recorded_as_an_acceptance(client, server):
    key = _ids(client)[0]
    fields = client.get(f"/api/events/{key}").json()["fields"]
    got = client.post(f"/api/events/{key}", json={"decision": "edit",
                                                  "fields": {"killed": fields.get("killed")}})
    assert got.json()["status"] == "accepted" and got.json()["decision"]["decision"] == "accept"


def test_a_decision_that_cannot_be_written_is_a_500_and_is_not_taken_as_made(client, server):
    key, other = _ids(client)[:2]
    assert client.post(f"/api/events/{key}", json={"decision": "accept"}).status_code == 200
    path = server.store.path
    before = path.read_text()
    path.unlink()
    path.mkdir()  # nothing, not even root, can rename a file onto a directory
    try:
        resp = client.post(f"/api/events/{other}", json={"decision": "accept"})
        assert "decision not saved" in _one_line_error(resp, 500)
        assert client.get(f"/api/events/{other}").json()["status"] == "unreviewed"
    finally:
        path.rmdir()
    path.write_text(before)
    assert client.post(f"/api/events/{other}", json={"decision": "accept"}).status_code == 200
    assert [r["key"] for r in yaml.safe_load(path.read_text())["events"]] == [key, other]
