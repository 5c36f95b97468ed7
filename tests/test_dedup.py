"""Incremental deduplication (eventlens.store.dedup.update_events): after new articles, after articles coded
again, after writes that did not mark their articles, the store's `events`, `event_mentions` and `actors` equal
a full rebuild's on the same data, row for row; and the update writes little."""
import datetime as dt
import os
import random
import shutil
import sys
from pathlib import Path

import pytest

from eventlens.models import Article
from eventlens.store import StoreWriter, ingest_paths, open_store, rebuild_events, update_events

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from synth_store import record as synthetic_record, synthesize  # noqa: E402

DERIVED = ("events", "event_mentions", "actors")
# Few actors, codes and days: keys collide, groups merge, and a new date moves the anchors of its key.
ACTORS = [("JPNGOV", "JPN", "GOV"), ("JPN", "JPN", None), ("RUSGOV", "RUS", "GOV"), ("RUSMIL", "RUS", "MIL"),
          ("CHN", "CHN", None), ("IGOUNO", None, None), ("IGOEUR", None, None)]
CODES = ("042", "0431", "163", "173")
NAMES = ("the government", "officials", "the ministry")


def derived(con) -> dict:
    """The deduplicated tables, every row, in key order."""
    keys = {"events": "event_id", "event_mentions": "mention_id", "actors": "code"}
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY {keys[t]}").fetchall() for t in DERIVED}


def full_rebuild_of(con, tmp_path) -> dict:
    """The derived tables a full rebuild gives on the same stored data (on a copy, the store left alone)."""
    con.execute("CHECKPOINT")
    path = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    copy = tmp_path / f"full-{random.random():.8f}.duckdb"
    shutil.copy(path, copy)
    other = open_store(str(copy))
    try:
        rebuild_events(other)
        return derived(other)
    finally:
        other.close()
        copy.unlink()


def mention(rng: random.Random, rid: str, article_id: str, index: int, day: dt.date | None) -> dict:
    rec = synthetic_record(rng, rid, article_id, index, day or dt.date(2025, 1, 1))
    (s_code, s_country, s_sector), (t_code, t_country, t_sector) = rng.sample(ACTORS, 2)
    for role, code, country, sector in (("source", s_code, s_country, s_sector),
                                        ("target", t_code, t_country, t_sector)):
        rec[role].update(code=code, country=country, sector=sector, name=rng.choice(NAMES))
    if rng.random() < 0.15:
        rec["target"] = None
    code = rng.choice(CODES)
    rec.update(code=code, base_code=code[:3], root_code=code[:2])
    if day is None:
        rec.update(date=None, date_precision=None)
    return rec


def article(rng: random.Random, n: int, version: str = "") -> tuple[Article, list[dict]]:
    published = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(12))
    a = Article(id=f"art-{n}", text=f"Article {n}.", date=published, source=rng.choice(["wire", "paper", None]),
                url=rng.choice([f"https://news{n % 3}.example/{n}", None]))
    records = []
    for i in range(rng.randrange(1, 7)):
        day = None if rng.random() < 0.1 else published + dt.timedelta(days=rng.randrange(-4, 2))
        records.append(mention(rng, f"r{n}{version}-{i}", a.id, i, day))
    return a, records


def write(con, items, version: str = "test+1") -> None:
    writer = StoreWriter(con, coder_version=version, batch_articles=4)
    for a, records in items:
        writer.add_records(a, records)
    writer.close()


def test_after_new_articles_the_update_equals_a_full_rebuild(tmp_path):
    rng = random.Random(13)
    con = open_store(str(tmp_path / "s.duckdb"))
    write(con, [article(rng, n) for n in range(30)])
    update_events(con)  # a store's first update is a full rebuild (its writers did not keep marks before)
    assert derived(con) == full_rebuild_of(con, tmp_path)
    regrouped = 0
    n = 30
    for round_ in range(8):
        before = {row[0] for row in con.execute("SELECT event_id FROM events").fetchall()}
        write(con, [article(rng, n + i) for i in range(rng.randrange(1, 6))])
        n += 10
        if round_ == 3:  # killed between the write and the update: the next process finds the marks
            path = str(tmp_path / "s.duckdb")
            con.close()
            con = open_store(path)
        assert con.execute("SELECT count(*) FROM dedup_pending").fetchone()[0] > 0
        update_events(con)
        assert con.execute("SELECT count(*) FROM dedup_pending").fetchone()[0] == 0
        got = derived(con)
        assert got == full_rebuild_of(con, tmp_path), f"round {round_}"
        after = {row[0] for row in got["events"]}
        regrouped += len(before - after)
    assert regrouped > 0  # new dates did move existing groups, and the update followed them


def test_after_articles_coded_again_the_update_equals_a_full_rebuild(tmp_path):
    rng = random.Random(7)
    con = open_store(str(tmp_path / "s.duckdb"))
    first = [article(rng, n) for n in range(25)]
    write(con, first)
    update_events(con)
    # The same articles (same text and date) coded by another coder version: other actors, codes and dates,
    # fewer or more mentions; some keep their mention ids, some lose them. Plus new articles.
    recoded = []
    for a, _ in first[::3]:
        records = [mention(rng, f"r{a.id[4:]}-{i}", a.id, i, a.date + dt.timedelta(days=rng.randrange(-3, 1)))
                   for i in range(rng.randrange(0, 5))]
        recoded.append((a, records))
    write(con, recoded + [article(rng, 100 + n) for n in range(3)], version="test+2")
    update_events(con)
    assert derived(con) == full_rebuild_of(con, tmp_path)


def test_writes_that_did_not_mark_their_articles_are_found(tmp_path):
    rng = random.Random(3)
    con = open_store(str(tmp_path / "s.duckdb"))
    items = [article(rng, n) for n in range(20)]
    write(con, items)
    update_events(con)
    # New mentions without marks (a writer of an older eventlens), and an article removed outright.
    write(con, [article(rng, 50 + n) for n in range(4)])
    con.execute("DELETE FROM dedup_pending")
    gone = con.execute("SELECT content_hash FROM articles WHERE id = 'art-5'").fetchone()[0]
    for table in ("mentions", "sentences", "articles"):
        con.execute(f"DELETE FROM {table} WHERE content_hash = ?", [gone])
    update_events(con)
    assert derived(con) == full_rebuild_of(con, tmp_path)


def test_real_articles_ingested_in_two_runs_equal_a_full_rebuild(tmp_path):
    files = sorted(str(p) for p in (ROOT / "samples").iterdir() if p.is_file())
    assert len(files) >= 4
    db = str(tmp_path / "real.duckdb")
    ingest_paths(files[: len(files) // 2], db=db, default_date=dt.date(2025, 3, 1), processes=1)
    stats = ingest_paths(files, db=db, default_date=dt.date(2025, 3, 1), processes=1)
    assert stats.articles > 0  # the second run coded the rest
    con = open_store(db)
    try:
        got = derived(con)
        assert got["events"] and got["actors"]
        assert got == full_rebuild_of(con, tmp_path)
    finally:
        con.close()


def wal_bytes(path: str) -> int:
    return os.path.getsize(path + ".wal") if os.path.exists(path + ".wal") else 0


def test_the_update_after_a_small_ingest_writes_a_small_log(tmp_path):
    db = str(tmp_path / "big.duckdb")
    synthesize(db, 20_000, per_article=100)  # 20,000 mentions, fully deduplicated
    new = [article(random.Random(5), n) for n in range(3)]
    logs = {}
    for how in ("update", "rebuild"):
        path = str(tmp_path / f"{how}.duckdb")
        shutil.copy(db, path)
        con = open_store(path)
        con.execute("SET checkpoint_threshold = '1GB'")  # keep the whole log to measure it
        write(con, new)
        before = wal_bytes(path)
        (update_events if how == "update" else rebuild_events)(con)
        logs[how] = wal_bytes(path) - before
        if how == "update":
            assert derived(con) == full_rebuild_of(con, tmp_path)
        con.close()
    # The full rebuild rewrites the 20,000 events and their links; the update a few keys' worth.
    assert logs["rebuild"] > 2_000_000, logs
    assert logs["update"] < logs["rebuild"] / 20, logs
