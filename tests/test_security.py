"""Attacks on the API and the CLI (issue 13), one test each: SQL injection through every API filter and
CLI option, path traversal, the token (constant-time, never logged, on every write route), request size
and time limits, DuckDB's external access off in `serve`, /api/code's bounded concurrency, and reads that
go on while an ingest job runs. The stored-XSS attack is in test_serve_xss.py (a browser)."""
from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from synth_store import synthesize  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventlens.cli import main  # noqa: E402
from eventlens.serve import create_app  # noqa: E402

TOKEN = "tok-9f8e7d6c5b4a39281706f5e4d3c2b1a0"
SQL_PAYLOADS = ["' OR 1=1 --", "JPN'; DROP TABLE events; --", "1 UNION SELECT text FROM articles", "\") OR (\"1\"=\"1",
                "JPN' || (SELECT string_agg(text, '') FROM articles) || '", "%", "_", "\\", "JPN\x00", "2025-01-01' OR '1'='1"]
TABLES = ("articles", "sentences", "mentions", "events", "event_mentions", "actors", "errors", "runs")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("security") / "store.duckdb")
    synthesize(path, events=600, per_article=20)
    return path


def fingerprint(db: str) -> dict:
    from eventlens.store import open_store

    con = open_store(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


@pytest.fixture(scope="module")
def client(db):
    # One app for the module: an app's readers share one read-only connection, and DuckDB lets a process
    # hold read-only or read-write connections to a file, not both, so a second app's job could not write.
    return TestClient(create_app(db=db, token=TOKEN), raise_server_exceptions=False)


def test_sql_injection_through_every_api_filter_is_refused_or_inert(client, db):
    before = fingerprint(db)
    routes = {"/api/events": ["source", "target", "code", "since", "until", "offset", "limit"],
              "/api/dyad": ["a", "b", "by", "code", "since", "until"],
              "/api/network": ["since", "until", "code", "level", "min_events", "limit"],
              "/api/map": ["source", "target", "code", "since", "until", "limit"],
              "/api/actors": ["limit"], "/api/article": ["id"],
              "/api/export": ["source", "target", "code", "since", "until", "limit"]}
    tried = 0
    for route, params in routes.items():
        for param in params:
            for payload in SQL_PAYLOADS:
                query = {param: payload} | ({"format": "csv"} if route == "/api/export" else {})
                response = client.get(route, params=query)
                tried += 1
                assert response.status_code in (200, 404, 422), (route, param, payload, response.text)
                if response.status_code == 200 and route == "/api/events":
                    assert response.json()["total"] == 0 or param in ("offset", "limit")
    for payload in SQL_PAYLOADS:
        from urllib.parse import quote

        response = client.get("/api/articles/" + quote(payload, safe=""))
        assert response.status_code in (404, 422), response.text
        tried += 1
    assert tried >= 250
    assert fingerprint(db) == before


def test_sql_injection_through_every_cli_option_is_refused_or_inert(db, tmp_path):
    before = fingerprint(db)
    runner = CliRunner()
    for payload in SQL_PAYLOADS:
        for args in (["events", "--source", payload], ["events", "--target", payload], ["events", "--code", payload],
                     ["events", "--since", payload], ["events", "--until", payload],
                     ["dyad", payload, "RUS"], ["dyad", "JPN", payload], ["dyad", "JPN", "RUS", "--code", payload],
                     ["dyad", "JPN", "RUS", "--since", payload], ["errors", "--run", payload],
                     ["export", "--format", "csv", "--out", str(tmp_path / "x.csv"), "--source", payload]):
            result = runner.invoke(main, [*args, "--db", db, "--format" if args[0] != "export" else "--limit",
                                          "jsonl" if args[0] != "export" else "5"])
            assert result.exit_code in (0, 2), (args, result.output, result.exception)
            assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), args
            rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
            assert len(rows) == 0 or args[0] == "errors" and payload == "%", (args, rows[:2])
    assert fingerprint(db) == before


@pytest.mark.parametrize("statement", [
    "DROP TABLE events", "SELECT 1; DROP TABLE events", "DELETE FROM events", "UPDATE articles SET text = ''",
    "WITH x AS (SELECT 1) DELETE FROM events", "COPY events TO '{out}/leak.csv'", "EXPORT DATABASE '{out}/dump'",
    "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM read_text('/etc/hostname')",
    "SELECT 1; COPY (SELECT * FROM articles) TO '{out}/leak2.csv'", "ATTACH '{out}/other.duckdb' AS o",
    "INSTALL httpfs", "LOAD httpfs", "SET enable_external_access = true", "PRAGMA enable_external_access=true",
    "SELECT * FROM glob('/etc/*')", "CREATE TABLE t AS SELECT 1", "CALL pragma_version(); DROP TABLE actors",
])
def test_sql_command_refuses_writes_and_file_access(db, tmp_path, statement):
    before = fingerprint(db)
    result = CliRunner().invoke(main, ["sql", statement.format(out=tmp_path), "--db", db, "--format", "csv"])
    assert result.exit_code == 2, (statement, result.output)
    assert "[E003]" in result.stderr
    assert not list(tmp_path.iterdir())
    assert fingerprint(db) == before


def test_path_traversal_through_ingest_and_export_touches_no_file(client, db, tmp_path):
    import gc

    gc.collect()  # the CLI tests' read-only connections (closed at exit by the CLI) must go before a write
    headers = {"Authorization": f"Bearer {TOKEN}"}
    evil = [{"id": "../../../../tmp/eventlens-evil", "text": "Japan imposed sanctions on Russia.",
             "url": "file:///etc/passwd", "source": "../../etc/passwd", "title": "/etc/shadow"}]
    for field in ("path", "file", "paths"):  # the API takes articles, never paths: unknown fields are ignored
        response = client.post("/api/ingest", json={"articles": evil, field: "/etc/passwd"}, headers=headers)
        assert response.status_code == 202, response.text
        job = client.app.state.settings.jobs.wait(response.json()["job"], timeout=120)
        assert job.status == "done", job.error
    assert not Path("/tmp/eventlens-evil").exists()
    stored = client.get("/api/article", params={"id": "../../../../tmp/eventlens-evil"}).json()
    assert "root:" not in json.dumps(stored)
    for fmt in ("../../etc/passwd", "/etc/passwd", "csv/../../x", "..%2F..%2Fetc%2Fpasswd"):
        assert client.get("/api/export", params={"format": fmt}).status_code == 422
    response = client.get("/api/export", params={"format": "csv", "limit": 3})
    assert response.status_code == 200 and "events.csv" in response.headers["content-disposition"]
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2Fapi.py", "/api/articles/..%2F..%2Fetc%2Fpasswd",
                 "/static//etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"):
        response = client.get(path)
        assert response.status_code == 404, (path, response.status_code)
        assert "root:" not in response.text and "import" not in response.text


def test_the_token_is_compared_in_constant_time(client, monkeypatch):
    import hmac

    from eventlens.serve import app as app_module

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(app_module.hmac, "compare_digest", lambda a, b: calls.append((len(a), len(b))) or real(a, b))
    for given in ("x", TOKEN[:-1], TOKEN + "x", "y" * 500):
        assert client.post("/api/ingest", json={"articles": [{"text": "x"}]},
                           headers={"Authorization": f"Bearer {given}"}).status_code == 401
    # Every comparison went through hmac.compare_digest, on digests of one length: no length shows either.
    assert len(calls) == 4 and set(calls) == {(32, 32)}


def test_the_token_is_never_logged_or_echoed(client, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    for given in (TOKEN, TOKEN + "-wrong"):
        response = client.post("/api/ingest", json={"articles": [{"text": "x"}]},
                               headers={"Authorization": f"Bearer {given}"})
        assert TOKEN not in response.text
        response = client.get("/api/jobs/" + "0" * 32, headers={"Authorization": f"Bearer {given}"})
        assert TOKEN not in response.text
    out = capsys.readouterr()
    assert TOKEN not in caplog.text and TOKEN not in out.out and TOKEN not in out.err


def test_serve_never_logs_the_token(db, tmp_path):
    import socket
    import subprocess
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "eventlens.cli", "serve", "--db", db, "--port", str(port)],
                                   stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ, EVENTLENS_TOKEN=TOKEN))
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/summary", timeout=2).read()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        for given in (TOKEN, "wrong"):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/jobs/{'0' * 32}",
                                             headers={"Authorization": f"Bearer {given}"})
            try:
                urllib.request.urlopen(request, timeout=10)
            except urllib.error.HTTPError as err:
                assert err.code in (401, 404)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert "writes on" in log.read_text()
    assert TOKEN not in log.read_text()


def test_every_write_route_needs_the_token(db):
    read_only = TestClient(create_app(db=db))
    writable = TestClient(create_app(db=db, token=TOKEN))
    checked = []
    spec = writable.get("/openapi.json").json()["paths"]
    for path, operations in spec.items():
        methods = {m.upper() for m in operations}
        writes = bool(methods & {"POST", "PUT", "PATCH", "DELETE"}) and path != "/api/code"  # code stores nothing
        if not (writes or path == "/api/jobs/{job_id}"):
            continue
        method = sorted(methods & {"POST", "PUT", "PATCH", "DELETE"} or {"GET"})[0]
        url = path.replace("{job_id}", "0" * 32)
        body = {"articles": [{"text": "Japan imposed sanctions on Russia."}]}
        assert writable.request(method, url, json=body).status_code == 401, path
        assert writable.request(method, url, json=body, headers={"Authorization": "Bearer no"}).status_code == 401
        assert read_only.request(method, url, json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 403
        checked.append(path)
    assert "/api/ingest" in checked and "/api/jobs/{job_id}" in checked


def test_request_size_limits_on_every_route(client):
    big = b'{"text": "' + b"x" * 1_100_000 + b'"}'
    spec = client.get("/openapi.json").json()
    posted = []
    for path, operations in spec["paths"].items():
        for method in {m.upper() for m in operations} & {"POST", "PUT", "PATCH"}:
            response = client.request(method, path, content=big, headers={"content-type": "application/json"})
            assert response.status_code == 413, path
            posted.append(path)
    assert {"/api/code", "/api/ingest"} <= set(posted)
    # Every string parameter of every route is bounded (a pattern, a length or a choice).
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            for param in operation.get("parameters", []):
                schema = param["schema"]
                options = schema.get("anyOf", [schema])
                for option in options:
                    if option.get("type") == "string" and option.get("format") != "date":
                        assert {"pattern", "maxLength", "enum", "const"} & set(option), (path, param["name"])


def test_request_time_limits(db, monkeypatch):
    from eventlens.serve.app import ApiError

    app = create_app(db=db)
    settings = app.state.settings
    settings.query_timeout = 0.3
    start = time.monotonic()
    with pytest.raises(ApiError) as raised:
        with settings.reader() as con:
            con.execute("SELECT count(*) FROM range(100000000000) a")
    assert raised.value.status == 503 and raised.value.code == "query_timeout"
    assert time.monotonic() - start < 5
    # /api/code: a text over its time budget is stopped (E011) instead of holding the coder.
    settings.article_timeout = 0.001
    response = TestClient(app, raise_server_exceptions=False).post(
        "/api/code", json={"text": "Japan condemned Russia. " * 400})
    assert response.status_code == 422 and response.json()["error"]["code"] == "E011", response.text


def test_duckdb_external_access_is_off_in_serve(db, tmp_path):
    import shutil

    import duckdb

    # A copy of its own: the other tests' apps keep their read-only connections to the module's store
    # until they have been idle a while, and a process may not hold those beside a read-write one.
    db = shutil.copy(db, tmp_path / "store.duckdb")
    settings = create_app(db=str(db)).state.settings
    with settings.reader() as con:
        assert con.execute("SELECT current_setting('enable_external_access')").fetchone()[0] is False
        for statement in ("SELECT * FROM read_csv('/etc/passwd')", "COPY events TO '/tmp/eventlens-leak.csv'",
                          "ATTACH '/tmp/eventlens-other.duckdb'"):
            with pytest.raises(duckdb.Error):
                con.execute(statement)
    # The ingest job's read-write connection, which the readers share during a write, has none either.
    import gc

    gc.collect()
    with settings.writer() as con:
        with pytest.raises(duckdb.Error):
            con.execute("SELECT * FROM read_csv('/etc/passwd')")
    settings.close()  # this second app's connection must go before the module's app opens the store again
    assert not os.path.exists("/tmp/eventlens-leak.csv")


def test_code_has_bounded_concurrency_with_retry_after(db):
    client = TestClient(create_app(db=db), raise_server_exceptions=False)
    slots = client.app.state.settings.code_slots
    taken = 0
    while slots.acquire(blocking=False):  # as if that many requests were coding or waiting
        taken += 1
    try:
        response = client.post("/api/code", json={"text": "Japan imposed sanctions on Russia."})
        assert response.status_code == 503 and response.json()["error"]["code"] == "busy"
        assert int(response.headers["retry-after"]) > 0
    finally:
        for _ in range(taken):
            slots.release()
    assert taken >= 2
    assert client.post("/api/code", json={"text": "Japan imposed sanctions on Russia."}).status_code == 200


def test_reads_go_on_while_an_ingest_job_runs(client):
    import gc

    gc.collect()
    headers = {"Authorization": f"Bearer {TOKEN}"}
    articles = [{"id": f"load-{i}", "text": f"Japan imposed sanctions on Russia on day {i}. " * 30} for i in range(40)]
    response = client.post("/api/ingest", json={"articles": articles}, headers=headers)
    assert response.status_code == 202
    job_id = response.json()["job"]
    latencies, statuses = [], []
    while True:
        status = client.get(f"/api/jobs/{job_id}", headers=headers).json()["status"]
        statuses.append(status)
        if status in ("done", "failed"):
            break
        start = time.monotonic()
        got = client.get("/api/events", params={"limit": 20})
        assert got.status_code == 200, got.text
        latencies.append(time.monotonic() - start)
        time.sleep(0.05)
    assert statuses[-1] == "done", client.app.state.settings.jobs.get(job_id).error
    assert "running" in statuses and len(latencies) >= 3
    assert sorted(latencies)[len(latencies) // 2] < 1.0  # the median read is not held up by the job
    # The write's log is folded into the store (read-only connections cannot, and would replay it each open).
    wal = Path(client.app.state.settings.db + ".wal")
    deadline = time.monotonic() + 10
    while wal.exists() and wal.stat().st_size > 100_000 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not wal.exists() or wal.stat().st_size <= 100_000
