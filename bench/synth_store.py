"""A large store, fast: synthetic event records written through the store's one writer
(eventlens.store.StoreWriter.add_records), then deduplicated. Used by bench/serve_load.py and bench/crash.py.

    .venv/bin/python bench/synth_store.py out/load.duckdb --events 100000

Each article carries `per_article` records over ~60 countries, 4 sectors, 20 CAMEO base codes and
three years of dates, so that nearly every mention is its own event.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

COUNTRIES = ("AFG ARM AUS AZE BEL BLR BRA CAN CHE CHN COL CUB DEU DNK EGY ESP ETH FIN FRA GBR GEO GRC IND IRN IRQ "
             "ISR ITA JOR JPN KEN KOR LBN LBY MAR MEX MLI NER NGA NLD NOR PAK PER PHL POL PRK PRT QAT ROU RUS SAU "
             "SDN SOM SRB SWE SYR THA TUR UKR USA VEN").split()
SECTORS = (None, "GOV", "MIL", "OPP")
CODES = ("010", "012", "020", "036", "040", "042", "051", "057", "061", "111", "112", "120", "130", "138",
         "141", "163", "172", "173", "190", "193")
QUAD = {"0": 1, "1": 3}


def _actor(country: str, sector: str | None, name: str) -> dict:
    return {"code": country + (sector or ""), "name": name, "country": country, "sector": sector,
            "text": name, "start": 0, "end": len(name), "via": "synthetic"}


def record(rng: random.Random, rid: str, article_id: str, index: int, day: dt.date, name=None) -> dict:
    s_c, t_c = rng.sample(COUNTRIES, 2)
    s_s, t_s = rng.choice(SECTORS), rng.choice(SECTORS)
    code = rng.choice(CODES)
    root = code[:2]
    quad = 1 if root < "06" else 2 if root < "09" else 3 if root < "14" else 4
    source = _actor(s_c, s_s, name or f"{s_c} {s_s or 'state'}")
    target = _actor(t_c, t_s, f"{t_c} {t_s or 'state'}")
    sentence = f"{source['name']} acted towards {target['name']} (synthetic sentence {index})."
    return {"id": rid, "article_id": article_id, "sentence_index": index, "sentence": sentence,
            "source": source, "target": target, "code": code, "base_code": code[:3], "root_code": root,
            "name": f"synthetic {code}", "plover": {"event": "CONSULT", "mode": None},
            "goldstein": round(rng.uniform(-10, 10), 1), "quad_class": quad, "date": day.isoformat(),
            "date_precision": "day", "date_expression": None, "publication_date": day.isoformat(),
            "publication_date_inferred": False, "publication_date_confidence": 1.0,
            "action_geo": {"type": 1, "full_name": t_c, "country_code": t_c, "fips": None, "adm1": None,
                           "lat": rng.uniform(-60, 70), "lon": rng.uniform(-170, 170), "feature_id": t_c},
            "source_geo": None, "target_geo": None, "speaker": None, "negated": False, "modality": "asserted",
            "evidence": {"source": [0, 3], "action": [[10, 16]], "target": None, "speaker": None},
            "rule": "synthetic", "confidence": 0.9, "attributes": {}, "coder_version": "synthetic+1"}


def synthesize(db: str, events: int = 100_000, per_article: int = 100, seed: int = 1,
               names: list[str] | None = None, texts: list[str] | None = None) -> dict:
    """Write about `events` mentions in articles of `per_article` records; returns the counts.
    `names` and `texts`, when given, are cycled into actor names and article texts (the XSS bench)."""
    from eventlens.models import Article
    from eventlens.store import StoreWriter, open_store, rebuild_events

    rng = random.Random(seed)
    start = time.perf_counter()
    con = open_store(db)
    writer = StoreWriter(con, coder_version="synthetic+1", batch_articles=50, command="ingest")
    first = dt.date(2023, 1, 1)
    n_articles = -(-events // per_article)
    for a in range(n_articles):
        day = first + dt.timedelta(days=rng.randrange(3 * 365))
        text = (texts[a % len(texts)] if texts else f"Synthetic article {a}.") + f" [{a}]"
        article = Article(id=f"synthetic-{a}", text=text, date=day, source=f"outlet{a % 40}",
                          url=f"https://example.org/{a}", title=f"Article {a}")
        records = [record(rng, f"r{a}-{i}", article.id, i, day + dt.timedelta(days=rng.randrange(-3, 1)),
                          name=names[(a + i) % len(names)] if names else None)
                   for i in range(per_article)]
        writer.add_records(article, records)
    writer.close()
    n_events = rebuild_events(con)
    mentions = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    con.close()
    return {"articles": n_articles, "mentions": mentions, "events": n_events,
            "seconds": round(time.perf_counter() - start, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    print(synthesize(args.db, args.events))


if __name__ == "__main__":
    main()
