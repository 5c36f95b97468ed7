"""The deduplication after an ingest (issue 13): the full rebuild against the incremental update, on the same
store and the same new articles.

    .venv/bin/python bench/dedup.py                       # 110,000 mentions, then 40 new articles
    .venv/bin/python bench/dedup.py --events 20000 --articles 5
    .venv/bin/python /an/older/checkout/bench/dedup.py    # a copy in an older checkout: its full rebuild (before)

Synthesizes a store of about `--events` mentions (bench/synth_store.py; kept in out/ and reused), copies it
twice, writes the same `--articles` new articles (10 mentions each, synthetic, over the store's actors and
dates) into each copy through the store's writer, then brings the events up to date in one copy with
`rebuild_events` (what every ingest did before) and in the other with `update_events`. Prints, for each, the
seconds and the bytes of write log (DuckDB's .wal, with automatic checkpoints off so that all of it is
counted), and whether the two copies' `events`, `event_mentions` and `actors` are equal row for row.
Figures: docs/reliability.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=110_000)
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()

    import datetime as dt

    from synth_store import record, synthesize

    from eventlens.models import Article
    from eventlens.store import StoreWriter, open_store, rebuild_events

    try:
        from eventlens.store import update_events
    except ImportError:  # an eventlens from before it (an older checkout): the full rebuild only
        update_events = None

    base = str(ROOT / "out" / f"dedup-{args.events}.duckdb")
    if not os.path.exists(base):
        os.makedirs(os.path.dirname(base), exist_ok=True)
        synthesize(base, args.events)
    rng = random.Random(40)
    new = []
    for a in range(args.articles):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        article = Article(id=f"new-{a}", text=f"A new article {a}.", date=day, source=f"outlet{a % 40}",
                          url=f"https://example.org/new/{a}")
        new.append((article, [record(rng, f"n{a}-{i}", article.id, i, day) for i in range(10)]))
    out = {"machine": f"{os.cpu_count()} cores (shared with other work while measured)"}
    tables = {}
    with tempfile.TemporaryDirectory(dir=ROOT / "out") as tmp:
        for how, bring_up_to_date in (("full_rebuild", rebuild_events), ("incremental_update", update_events)):
            if bring_up_to_date is None:
                continue
            path = os.path.join(tmp, f"{how}.duckdb")
            shutil.copy(base, path)
            con = open_store(path)
            con.execute("SET checkpoint_threshold = '100GB'")  # count the whole log
            writer = StoreWriter(con, coder_version="synthetic+1", batch_articles=64, command="ingest")
            for article, records in new:
                writer.add_records(article, records)
            writer.close()
            wal = os.path.getsize(path + ".wal") if os.path.exists(path + ".wal") else 0
            start = time.perf_counter()
            events = bring_up_to_date(con)
            seconds = time.perf_counter() - start
            log = (os.path.getsize(path + ".wal") if os.path.exists(path + ".wal") else 0) - wal
            mentions = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
            tables[how] = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                           for t in ("events", "event_mentions", "actors")}
            con.close()
            out[how] = {"mentions": mentions, "events": events, "seconds": round(seconds, 2),
                        "write_log_mb": round(log / 1e6, 2)}
    # The two copies got the same articles, but each its own ingest time: compare without date_added.
    for how in tables:
        tables[how]["events"] = [row[:6] + row[7:] for row in tables[how]["events"]]
    out["equal"] = tables["full_rebuild"] == tables["incremental_update"] if len(tables) == 2 else None
    out["new_articles"], out["new_mentions"] = args.articles, 10 * args.articles
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
