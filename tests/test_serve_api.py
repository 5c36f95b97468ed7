"""The web API, in process: a store made from the bundled samples, queried through FastAPI's TestClient
and checked against the store itself; then a bounded schemathesis run against the OpenAPI document."""
from __future__ import annotations

import datetime as dt
import shutil
import warnings

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice that TestClient will move to httpx2
    from fastapi.testclient import TestClient

import schemathesis
from hypothesis import HealthCheck, given, settings

SANCTIONS = "Japan imposed sanctions on three Russian banks."


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    from eventlens.store import ingest_paths

    db = str(tmp_path_factory.mktemp("serve") / "samples.duckdb")
    stats = ingest_paths([str(ROOT / "samples")], db=db, default_date=dt.date(2025, 3, 1))
    assert stats.events > 10 and stats.skipped == 0
    return db


@pytest.fixture(scope="module")
def client(sample_db):
    from eventlens.serve import create_app

    return TestClient(create_app(db=sample_db), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def store(sample_db):
    from eventlens.store import open_store

    con = open_store(sample_db, read_only=True)
    yield con
    con.close()


def assert_error(response, status: int, code: str | None = None):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fix"}, body
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def all_events(client, **params):
    out, offset = [], 0
    while True:
        page = client.get("/api/events", params={**params, "offset": offset, "limit": 7}).json()
        out.extend(page["events"])
        offset += len(page["events"])
        if not page["events"] or offset >= page["total"]:
            return out, page["total"]


def test_code_gives_the_same_records_as_the_coder(client, code):
    response = client.post("/api/code", json={"text": SANCTIONS, "date": "2025-01-10"})
    assert response.status_code == 200
    body = response.json()
    assert body["articles"] == 1
    assert body["events"] == [e.to_dict() for e in code(SANCTIONS, "2025-01-10")]
    sanctions = [e for e in body["events"] if e["code"] == "163"]
    assert sanctions and sanctions[0]["source"]["code"] == "JPN" and sanctions[0]["target"]["code"].startswith("RUS")


def test_code_rejects_bad_input_in_the_error_shape(client):
    assert_error(client.post("/api/code", json={"text": "", "date": "2025-01-10"}), 422, "validation_error")
    error = assert_error(client.post("/api/code", json={"text": "x", "date": "January"}), 422, "validation_error")
    assert "date" in error["message"]
    assert_error(client.post("/api/code", content=b"not json", headers={"content-type": "application/json"}), 422)


def test_events_pages_cover_the_store_once(client, store):
    events, total = all_events(client)
    assert total == store.execute("SELECT count(*) FROM events").fetchone()[0]
    ids = [e["event_id"] for e in events]
    assert len(ids) == total == len(set(ids))
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated)


def test_events_filters_match_the_cli_semantics(client):
    events, total = all_events(client, source="FRA")
    assert total > 0 and all(e["source_code"].startswith("FRA") for e in events)
    events, _ = all_events(client, code="16")
    assert all(e["code"].startswith("16") for e in events)
    events, _ = all_events(client, since="2025-03-01", until="2025-03-31")
    assert events and all("2025-03-01" <= e["date"] <= "2025-03-31" for e in events)
    assert_error(client.get("/api/events", params={"code": "sixteen"}), 422, "validation_error")
    assert_error(client.get("/api/events", params={"limit": 0}), 422, "validation_error")


def test_each_event_links_to_its_sentence(client):
    events, _ = all_events(client)
    for event in events[:15]:
        article = client.get(f"/api/articles/{event['article_key']}").json()
        sentence = next(s for s in article["sentences"] if s["index"] == event["sentence_index"])
        assert sentence["text"] == event["sentence"]
        assert article["text"][sentence["start"]:sentence["end"]] == sentence["text"]


def test_article_spans_point_at_the_words(client, store):
    key = store.execute("SELECT content_hash FROM articles ORDER BY n_events DESC LIMIT 1").fetchone()[0]
    article = client.get(f"/api/articles/{key}").json()
    assert article["events"]
    text = article["text"]
    for event in article["events"]:
        kinds = {span["kind"] for span in event["spans"]}
        assert "action" in kinds
        source = next(span for span in event["spans"] if span.get("role") == "source")
        if event["source"]["text"]:
            assert text[source["start"]:source["end"]] == event["source"]["text"]
    by_id = client.get("/api/article", params={"id": article["id"]}).json()
    assert by_id["article_key"] == key
    assert_error(client.get("/api/articles/no-such-article"), 404, "not_found")


def test_dyad_defaults_to_the_busiest_pair_and_counts_both_directions(client):
    body = client.get("/api/dyad").json()
    a, b = body["a"], body["b"]
    events, _ = all_events(client)

    def country(code):
        return code[:3] if code and not code.startswith("IGO") else code

    between = [e for e in events if e["date"] and e["target_code"]
               and {country(e["source_code"]), country(e["target_code"])} == {a, b}]
    assert sum(row["events"] for row in body["rows"]) == len(between) > 0
    assert {row["direction"] for row in body["rows"]} <= {f"{a} -> {b}", f"{b} -> {a}"}
    for row in body["rows"]:
        assert row["events"] == sum(row[k] for k in ("verbal_cooperation", "material_cooperation",
                                                        "verbal_conflict", "material_conflict"))
    alone = client.get("/api/dyad", params={"b": "BLR"}).json()
    assert alone["a"] == "BLR" and alone["b"] not in (None, "BLR") and alone["rows"]


def test_network_edges_summarise_the_events(client):
    net = client.get("/api/network", params={"level": "actor"}).json()
    events, _ = all_events(client)
    for edge in net["edges"][:10]:
        matching = [e for e in events if e["source_code"] == edge["source"] and e["target_code"] == edge["target"]]
        assert edge["events"] == len(matching)
        assert edge["mean_goldstein"] == pytest.approx(sum(e["goldstein"] for e in matching) / len(matching), abs=1e-3)
    ids = {node["id"] for node in net["nodes"]}
    assert all(edge["source"] in ids and edge["target"] in ids for edge in net["edges"])
    later = client.get("/api/network", params={"since": "2025-04-01"}).json()
    assert sum(e["events"] for e in later["edges"]) < sum(e["events"] for e in client.get("/api/network").json()["edges"])


def test_map_points_have_coordinates_and_the_world_has_countries(client):
    points = client.get("/api/map").json()["points"]
    assert points and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in points)
    world = client.get("/api/world").json()
    ids = {feature["id"] for feature in world["features"]}
    assert {"JPN", "RUS", "NGA", "FRA", "BLR"} <= ids


def test_actors_and_summary(client, store):
    actors = client.get("/api/actors", params={"limit": 5}).json()["actors"]
    assert len(actors) == 5 and actors[0]["mentions"] >= actors[-1]["mentions"]
    summary = client.get("/api/summary").json()
    assert summary["counts"]["events"] == store.execute("SELECT count(*) FROM events").fetchone()[0]
    assert summary["writable"] is False


def test_export_formats(client, store):
    total = store.execute("SELECT count(*) FROM events").fetchone()[0]
    csv_text = client.get("/api/export", params={"format": "csv"}).text
    assert len(csv_text.strip().splitlines()) == total + 1
    gdelt = client.get("/api/export", params={"format": "gdelt", "limit": 3})
    assert gdelt.status_code == 200 and len(gdelt.text.strip().splitlines()) == 3
    parquet = client.get("/api/export", params={"format": "parquet"})
    assert parquet.content[:4] == b"PAR1"
    assert_error(client.get("/api/export", params={"format": "xlsx"}), 422, "validation_error")


def test_errors_share_one_shape(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_body_size_limit(client):
    big = {"text": "word " * 250_000}
    assert_error(client.post("/api/code", json=big), 413, "body_too_large")

    def chunks():  # no Content-Length: the limit must hold while the body streams
        for _ in range(40):
            yield b"x" * 50_000

    assert_error(client.post("/api/code", content=chunks(), headers={"content-type": "application/json"}),
                 413, "body_too_large")


def test_writes_need_a_configured_token(sample_db, tmp_path):
    from eventlens.serve import create_app

    payload = {"articles": [{"id": "api-test", "date": "2025-01-10", "text": SANCTIONS}]}
    read_only = TestClient(create_app(db=sample_db))
    assert_error(read_only.post("/api/ingest", json=payload, headers={"Authorization": "Bearer x"}), 403,
                 "writes_disabled")

    db = str(tmp_path / "copy.duckdb")
    shutil.copy(sample_db, db)
    writable = TestClient(create_app(db=db, token="s3cret"))
    assert_error(writable.post("/api/ingest", json=payload), 401, "unauthorized")
    assert_error(writable.post("/api/ingest", json=payload, headers={"Authorization": "Bearer wrong"}), 401)
    before = writable.get("/api/summary").json()["counts"]["articles"]
    done = ingest_job(writable, payload)
    assert done["result"]["articles"] == 1 and done["result"]["mentions"] >= 1, done
    assert writable.get("/api/summary").json()["counts"]["articles"] == before + 1
    stored = writable.get("/api/events", params={"source": "JPN", "code": "163"}).json()["events"]
    assert any(e["article_id"] == "api-test" and e["date"] == "2025-01-10" for e in stored)
    again = ingest_job(writable, payload)["result"]
    assert again["articles"] == 0 and again["unchanged"] == 1
    assert_error(writable.get(f"/api/jobs/{done['job']}"), 401)  # the job's status needs the token too


def ingest_job(client, payload, token="s3cret"):
    """POST /api/ingest answers 202 with a job at once; poll it until it has finished."""
    import time

    headers = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/ingest", json=payload, headers=headers)
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] in ("queued", "running", "done") and len(job["job"]) == 32
    deadline = time.monotonic() + 120
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.1)
        job = client.get(f"/api/jobs/{job['job']}", headers=headers).json()
    assert job["status"] == "done", job
    return job


def test_without_a_store_coding_works_and_queries_say_why(tmp_path):
    from eventlens.serve import create_app

    client = TestClient(create_app(db=str(tmp_path / "absent.duckdb")))
    assert client.get("/api/summary").json()["store"] is False
    error = assert_error(client.get("/api/events"), 404, "E020")
    assert "ingest" in error["fix"]
    assert client.post("/api/code", json={"text": SANCTIONS}).status_code == 200


def test_dashboard_is_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for asset in ("/static/app.js", "/static/util.js", "/static/charts.js", "/static/style.css"):
        assert client.get(asset).status_code == 200
    # Nothing the page loads may come from elsewhere.
    assert "http://" not in page.text and "https://" not in page.text


def test_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/code", "/api/events", "/api/dyad", "/api/actors", "/api/network", "/api/articles/{key}",
                 "/api/ingest", "/api/jobs/{job_id}", "/api/export", "/api/map"):
        assert path in paths


def test_serve_binds_to_loopback_by_default():
    from eventlens.cli_serve import _is_loopback, serve_command

    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1" and _is_loopback(host.default)
    assert not _is_loopback("0.0.0.0")


def test_api_conforms_to_its_openapi_document(sample_db):
    """Schemathesis generates requests from the OpenAPI document for every operation (a few each) and
    checks every response: no 5xx, status and body as documented, schema-valid requests accepted.
    Driven by hand: schemathesis's pytest plugin does not run under pytest 9."""
    from eventlens.serve import create_app

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db=sample_db))
    failures, examples = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=5, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            nonlocal examples
            examples += 1
            case.call_and_validate()

        try:
            check()
        except Exception as exc:  # collect every operation's failure, not just the first
            failures.append(f"{operation.label}: {exc}")
    assert examples >= 30
    assert not failures, "\n\n".join(failures)
