"""`eventlens serve` under load (issue 13), on loopback only, with a bounded number of requests.

    .venv/bin/python bench/serve_load.py                        # 100,000+ events, 2,000 requests per route
    .venv/bin/python bench/serve_load.py --requests 300 --events 20000   # a quick look

Builds a store of synthetic events through the store's writer (bench/synth_store.py; kept in out/ and
reused), starts `eventlens serve --host 127.0.0.1` with a token on a free port, and measures, with
`--clients` concurrent keep-alive connections:
  - requests/s and p50/p99 latency of /api/events (61 distinct filters and pages, as a dashboard's users
    repeat them; the server caches answers per store generation), of /api/events with every request a
    new page (no cache hits), /api/dyad and /api/network, and the errors (any status but 200);
  - /api/code under a burst of concurrent requests: how many were coded, how many got 503 with Retry-After,
    anything else (must be none);
  - /api/events while a POST /api/ingest job runs: latencies, and the job's time.
Prints one JSON document. Goals: /api/events >= 200 req/s, p99 < 200 ms, 0 errors. Figures: docs/reliability.md.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
HOST = "127.0.0.1"  # loopback only: this bench never listens on or talks to another address
TOKEN = "serve-load-bench-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "eventlens.cli", "serve", "--db", db, "--host", HOST,
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, EVENTLENS_TOKEN=TOKEN))
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            status, _, _ = request(port, "GET", "/api/summary")
            if status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("eventlens serve did not start")


def request(port: int, method: str, path: str, body=None, headers=None, conn=None):
    own = conn is None
    conn = conn or http.client.HTTPConnection(HOST, port, timeout=60)
    data = json.dumps(body).encode() if body is not None else None
    conn.request(method, path, body=data, headers={"Content-Type": "application/json", **(headers or {})})
    response = conn.getresponse()
    payload = response.read()
    if own:
        conn.close()
    return response.status, dict(response.getheaders()), payload


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def load(port: int, paths: list[str], total: int, clients: int, in_order: bool = False) -> dict:
    """`total` GET requests over `clients` keep-alive connections; latencies in ms."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    counter = iter(range(total))

    def client(seed: int):
        rng = random.Random(seed)
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                break
            path = paths[index % len(paths)] if in_order else rng.choice(paths)
            start = time.perf_counter()
            try:
                status, _, _ = request(port, "GET", path, conn=conn)
            except (OSError, http.client.HTTPException) as exc:
                status = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors[str(status)] = errors.get(str(status), 0) + 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {"requests": len(latencies), "clients": clients, "req_per_s": round(len(latencies) / wall, 1),
            "p50_ms": round(percentile(latencies, 50), 1), "p99_ms": round(percentile(latencies, 99), 1),
            "max_ms": round(max(latencies), 1), "errors": errors}


def code_burst(port: int, n: int) -> dict:
    results: list[tuple[int, str | None]] = []
    lock = threading.Lock()
    text = "Japan imposed sanctions on three Russian banks on Friday. Russia condemned the decision. " * 5

    def one():
        status, headers, _ = request(port, "POST", "/api/code", body={"text": text, "date": "2025-01-10"})
        with lock:
            results.append((status, headers.get("retry-after") or headers.get("Retry-After")))

    threads = [threading.Thread(target=one) for _ in range(n)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = [s for s, _ in results]
    return {"concurrent": n, "coded_200": statuses.count(200), "busy_503": statuses.count(503),
            "busy_with_retry_after": sum(1 for s, r in results if s == 503 and r),
            "other": sorted(s for s in statuses if s not in (200, 503)), "wall_s": round(time.perf_counter() - start, 1)}


def reads_during_ingest(port: int, articles: int) -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import build_corpus

    run = f"{time.time():.0f}"  # new articles on every run, so that the job codes them all
    body = {"articles": [{"id": f"{a.id}-{run}", "text": f"{a.text} (run {run})", "date": a.date.isoformat()}
                         for a in build_corpus(articles, words=200, seed=int(run) % 1000)]}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    start = time.perf_counter()
    status, _, payload = request(port, "POST", "/api/ingest", body=body, headers=auth)
    accepted_ms = (time.perf_counter() - start) * 1000
    assert status == 202, payload
    job = json.loads(payload)["job"]
    latencies, errors, state = [], 0, "queued"
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    while state in ("queued", "running"):
        t = time.perf_counter()
        s, _, _ = request(port, "GET", "/api/events?limit=50", conn=conn)
        latencies.append((time.perf_counter() - t) * 1000)
        errors += s != 200
        state = json.loads(request(port, "GET", f"/api/jobs/{job}", headers=auth)[2])["status"]
        time.sleep(0.02)
    _, _, final = request(port, "GET", f"/api/jobs/{job}", headers=auth)
    result = json.loads(final)["result"] or {}
    return {"articles": articles, "coded": result.get("articles"), "post_answered_ms": round(accepted_ms, 1),
            "job": json.loads(final)["status"],
            "job_s": round(time.perf_counter() - start, 1), "reads_meanwhile": len(latencies),
            "read_p50_ms": round(percentile(latencies, 50), 1), "read_p99_ms": round(percentile(latencies, 99), 1),
            "read_max_ms": round(max(latencies), 1), "read_errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=105_000)
    parser.add_argument("--requests", type=int, default=2000, help="per route")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--db", default=None, help="default: out/serve-load-EVENTS.duckdb (made once)")
    args = parser.parse_args()
    db = args.db or str(ROOT / "out" / f"serve-load-{args.events}.duckdb")
    made = None
    if not os.path.exists(db):
        from synth_store import synthesize

        os.makedirs(os.path.dirname(db), exist_ok=True)
        made = synthesize(db, args.events)
    port = free_port()
    server = start_server(db, port)
    try:
        _, _, summary = request(port, "GET", "/api/summary")
        counts = json.loads(summary)["counts"]
        rng = random.Random(5)
        from synth_store import COUNTRIES

        events_paths = ["/api/events?limit=50"] + [
            f"/api/events?limit=50&offset={rng.randrange(0, 5000)}" for _ in range(20)] + [
            f"/api/events?source={rng.choice(COUNTRIES)}&limit=50" for _ in range(20)] + [
            f"/api/events?source={rng.choice(COUNTRIES)}&target={rng.choice(COUNTRIES)}&code=1&since=2024-01-01"
            for _ in range(20)]
        dyad_paths = [f"/api/dyad?a={rng.choice(COUNTRIES)}&b={rng.choice(COUNTRIES)}" for _ in range(30)] + ["/api/dyad"]
        network_paths = ["/api/network", "/api/network?since=2024-01-01&until=2024-06-30",
                         "/api/network?level=actor&limit=300", "/api/network?code=19"]
        load(port, ["/api/events?limit=50"], 50, 2)  # warm up
        out = {"store": {"events": counts["events"], "mentions": counts["mentions"], "synthesized": made},
               "host": HOST, "machine": f"{os.cpu_count()} cores (shared with other work while measured)",
               "events": load(port, events_paths, args.requests, args.clients),
               # Every request a different page: answers cannot come from the server's cache.
               "events_uncached": load(port, [f"/api/events?limit=50&offset={i}" for i in
                                              rng.sample(range(100_000), max(50, args.requests // 4))],
                                       max(50, args.requests // 4), args.clients, in_order=True),
               "dyad": load(port, dyad_paths, max(50, args.requests // 4), args.clients),
               "network": load(port, network_paths, max(50, args.requests // 4), args.clients),
               "code_burst": code_burst(port, 24),
               "reads_during_ingest": reads_during_ingest(port, 40)}
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
