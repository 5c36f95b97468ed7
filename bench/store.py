"""Figures of the event store.

  1. Ingest throughput against `eventlens code --format jsonl -o FILE` on the same corpus (target: the
     store costs at most 10% more wall time), each a separate child process.
  2. Store size per 1,000 articles.
  3. Deduplication and query times on a store of at least 100,000 events, made from the real coded
     mentions of (1) copied with shifted dates and fresh ids (the text of copied articles is left out).

    python bench/store.py            # 300 articles of ~500 words, 120,000 mentions
    python bench/store.py --quick    # 60 articles
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def write_corpus(path: Path, n: int, words: int) -> None:
    from corpus import build_corpus

    with open(path, "w", encoding="utf-8") as out:
        for a in build_corpus(n, words=words, seed=11):
            out.write(json.dumps({"id": a.id, "text": a.text, "date": a.date.isoformat(), "title": a.title,
                                  "source": a.source}) + "\n")


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return seconds


def throughput(corpus: Path, work: Path, processes: int, repeats: int) -> dict:
    cli = [sys.executable, "-m", "eventlens.cli"]
    code_s, ingest_s = [], []
    for i in range(repeats):
        # Alternate the order so that a warm page cache favours neither.
        runs = [("code", cli + ["code", str(corpus), "--format", "jsonl", "-o", str(work / f"out{i}.jsonl"),
                                "--processes", str(processes)]),
                ("ingest", cli + ["ingest", str(corpus), "--db", str(work / f"store{i}.duckdb"),
                                  "--processes", str(processes)])]
        for label, cmd in (runs if i % 2 == 0 else runs[::-1]):
            (code_s if label == "code" else ingest_s).append(timed(cmd))
    code_t, ingest_t = statistics.median(code_s), statistics.median(ingest_s)
    return {"processes": processes, "code_seconds": round(code_t, 2), "ingest_seconds": round(ingest_t, 2),
            "ingest_over_code": round(ingest_t / code_t - 1, 3), "runs": repeats}


def synthesize(db: str, target_mentions: int) -> dict:
    """Copy the stored mentions with dates shifted by whole weeks until the store holds `target_mentions`."""
    from eventlens.store import open_store

    con = open_store(db)
    base = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    copies = -(-target_mentions // base) - 1
    start = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    con.execute("""INSERT INTO articles SELECT a.content_hash || '~' || k, a.id || '~' || k, a.url, a.title, a.source,
                          a.publication_date + CAST(7 * k AS INTEGER), '', a.coder_version, a.n_events, a.ingested_at
                   FROM articles a, range(1, ? + 1) r(k)""", [copies])
    con.execute("""INSERT INTO mentions SELECT m.* REPLACE (
                          m.mention_id || '~' || k AS mention_id, m.content_hash || '~' || k AS content_hash,
                          m.date + CAST(7 * k AS INTEGER) AS date,
                          m.publication_date + CAST(7 * k AS INTEGER) AS publication_date)
                   FROM mentions m, range(1, ? + 1) r(k) WHERE NOT contains(m.mention_id, '~')""", [copies])
    con.execute("COMMIT")
    seconds = time.perf_counter() - start
    total = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    con.close()
    return {"mentions": total, "copies": copies, "synthesize_seconds": round(seconds, 2)}


def best_of(fn, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return round(min(times) * 1000, 1)


def query_times(db: str) -> dict:
    from eventlens.store import open_store, rebuild_events
    from eventlens.store import query

    con = open_store(db)
    start = time.perf_counter()
    events = rebuild_events(con)
    dedup_s = time.perf_counter() - start
    con.close()
    con = open_store(db, read_only=True)
    pair = con.execute("""SELECT source_country, target_country FROM events
                          WHERE source_country IS NOT NULL AND target_country IS NOT NULL
                            AND source_country <> target_country
                          GROUP BY ALL ORDER BY count(*) DESC LIMIT 1""").fetchone()
    first = con.execute("SELECT min(date) FROM events").fetchone()[0]
    figures = {
        "events": events,
        "dedup_rebuild_seconds": round(dedup_s, 2),
        "dyad_pair": f"{pair[0]}-{pair[1]}",
        "dyad_month_rows": len(query.dyad(con, pair[0], pair[1], by="month")),
        "dyad_month_ms": best_of(lambda: query.dyad(con, pair[0], pair[1], by="month")),
        "dyad_day_ms": best_of(lambda: query.dyad(con, pair[0], pair[1], by="day")),
        "events_filtered_rows": len(query.events(con, {"source": pair[0], "code": "1", "since": first.isoformat()})),
        "events_filtered_ms": best_of(lambda: query.events(con, {"source": pair[0], "code": "1",
                                                                 "since": first.isoformat()})),
        "events_first_100_ms": best_of(lambda: query.events(con, {"limit": 100})),
        "actors_ms": best_of(lambda: query.actors(con, 20)),
    }
    con.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="60 articles, one timing run")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=None, help="timing runs of code and ingest each")
    parser.add_argument("--events", type=int, default=120_000, help="mentions in the synthesized store")
    args = parser.parse_args()
    n = args.articles or (60 if args.quick else 300)
    repeats = args.repeats or (1 if args.quick else 3)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        write_corpus(corpus, n, args.words)
        result = {"articles": n, "words_per_article": args.words, "cpu_count": os.cpu_count()}
        result["throughput"] = throughput(corpus, work, args.processes, repeats)
        store = work / "store0.duckdb"
        size = store.stat().st_size
        result["store_bytes"] = size
        result["store_mb_per_1000_articles"] = round(size / n * 1000 / 2**20, 2)
        result["big_store"] = synthesize(str(store), args.events)
        result["big_store"].update(query_times(str(store)))
        result["big_store"]["store_mb"] = round(store.stat().st_size / 2**20, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
