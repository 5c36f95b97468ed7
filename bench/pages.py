"""What one uncached /api/events page costs, by way of getting it (issue 13): CPU milliseconds per page at
random depths, in this process, on one cursor.

    .venv/bin/python bench/pages.py                       # the serve-load store (out/serve-load-105000.duckdb)
    .venv/bin/python bench/pages.py --db out/other.duckdb --pages 200

Ways: the lookup by key (the page's events by id, then their mentions by id: network.events_page_of), the
same as one query joining both with the ids as a list parameter, a keyset (seek) page after the previous
page's last (date, event_id), LIMIT/OFFSET, and a slice of the page table (network.page_table, built once:
its time and size are printed too); plus FastAPI's encoding of a page against eventlens's own. Figures:
docs/reliability.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "out" / "serve-load-105000.duckdb"))
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args()
    if not os.path.exists(args.db):
        raise SystemExit(f"no store at {args.db}: run bench/serve_load.py once, or give --db")

    from fastapi.encoders import jsonable_encoder
    from fastapi.responses import JSONResponse

    from eventlens.serve import network
    from eventlens.serve.api import _json
    from eventlens.store import open_store

    con = open_store(args.db, read_only=True).cursor()
    ids = network.ordered_event_ids(con, {})
    keys = con.execute("SELECT date, event_id FROM events ORDER BY date NULLS LAST, event_id").fetchall()
    limit = args.limit
    start = time.perf_counter()
    table = network.page_table(con)
    built = time.perf_counter() - start

    def joined(offset):
        page = ids[offset:offset + limit]
        con.execute("""SELECT e.event_id, e.date, e.source_code, e.target_code, e.code, e.quad_class, e.goldstein,
                              e.plover_event, e.num_mentions, e.num_sources, e.num_articles, e.geo_full_name,
                              e.geo_lat, e.geo_lon, e.source_url, e.mention_id, m.content_hash, m.article_id,
                              m.sentence_index, json_extract_string(m.record, '$.source.name'),
                              json_extract_string(m.record, '$.target.name'), json_extract_string(m.record, '$.name'),
                              json_extract_string(m.record, '$.sentence')
                       FROM events e JOIN mentions m USING (mention_id) WHERE e.event_id = ANY(?)""", [page]).fetchall()

    def keyset(offset):
        day, event_id = keys[max(0, offset - 1)]
        con.execute("""WITH e AS (SELECT * FROM events e WHERE e.date > ? OR (e.date = ? AND e.event_id > ?)
                                  ORDER BY e.date NULLS LAST, e.event_id LIMIT ?)
                       SELECT e.*, json_extract_string(m.record, '$.sentence') FROM e JOIN mentions m USING (mention_id)""",
                    [day, day, event_id, limit]).fetchall()

    def offset_limit(offset):
        network.events_page(con, {}, offset=offset, limit=limit)

    ways = {"lookup_by_key": lambda o: network.events_page_of(con, ids, offset=o, limit=limit),
            "one_joined_query": joined, "keyset_seek": keyset, "limit_offset": offset_limit,
            "page_table_slice": lambda o: network.events_page_from(table, None, offset=o, limit=limit)}
    out = {"events": len(ids), "limit": limit, "pages": args.pages,
           "page_table": {"build_s": round(built, 2), "mb": round(table.nbytes / 1e6, 1)},
           "machine": f"{os.cpu_count()} cores (shared with other work while measured)", "cpu_ms_per_page": {}}
    rng = random.Random(3)
    for name, way in ways.items():
        way(rng.randrange(len(ids)))  # warm
        start = time.process_time()
        for _ in range(args.pages):
            way(rng.randrange(len(ids)))
        out["cpu_ms_per_page"][name] = round((time.process_time() - start) / args.pages * 1000, 2)
    page = network.events_page_from(table, None, offset=len(ids) // 2, limit=limit)
    for name, encode in (("fastapi_encoding", lambda: JSONResponse(content=jsonable_encoder(page)).body),
                         ("own_encoding", lambda: _json(page))):
        start = time.process_time()
        for _ in range(args.pages):
            encode()
        out["cpu_ms_per_page"][name] = round((time.process_time() - start) / args.pages * 1000, 2)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
