"""The event store: batch writes, deduplication, idempotent ingest, recode and the queries."""
import datetime as dt
import json
from pathlib import Path

import pytest

from eventlens.errors import UsageError
from eventlens.models import Article
from eventlens.store import StoreWriter, ingest_paths, open_store, rebuild_events, recode_store
from eventlens.store import query
from eventlens.store.schema import content_hash

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = str(ROOT / "samples")
TABLES = ("articles", "sentences", "mentions", "events", "event_mentions", "actors")


def actor(code, country, sector, name=None):
    return {"code": code, "name": name or code, "country": country, "sector": sector, "text": name or code,
            "start": 0, "end": 3, "via": "test"}


def record(rid, source, target, code, date, sentence_index=1, goldstein=-2.0, quad=3):
    return {"id": rid, "article_id": "a", "sentence_index": sentence_index, "sentence": f"sentence {sentence_index}",
            "source": source, "target": target, "code": code, "base_code": code[:3], "root_code": code[:2],
            "name": "test", "plover": {"event": "ACCUSE", "mode": None}, "goldstein": goldstein,
            "quad_class": quad, "date": date, "date_precision": "day" if date else None, "date_expression": None,
            "publication_date": date, "publication_date_inferred": False, "publication_date_confidence": 1.0,
            "action_geo": None, "source_geo": None, "target_geo": None, "speaker": None, "negated": False,
            "modality": "asserted", "evidence": {"source": [0, 3], "action": [[200, 206]], "target": None,
                                                 "speaker": None},
            "rule": "test", "confidence": 0.9, "attributes": {}, "coder_version": "test+1"}


JPN = actor("JPNGOV", "JPN", "GOV", "Japanese government")
RUS = actor("RUSGOV", "RUS", "GOV", "Russian government")
RUS_MIL = actor("RUSMIL", "RUS", "MIL")
UN = actor("IGOUNO", None, None, "United Nations")
EU = actor("IGOEUR", None, None, "European Union")


def store_with(tmp_path, articles):
    """A store holding (Article, records) pairs written through StoreWriter, deduplicated."""
    con = open_store(str(tmp_path / "t.duckdb"))
    writer = StoreWriter(con, coder_version="test+1", batch_articles=2)
    for article, records in articles:
        writer.add_records(article, records)
    writer.close()
    rebuild_events(con)
    return con


def art(n, source=None, url=None, date="2025-01-10"):
    return Article(id=f"a{n}", text=f"article number {n} " + "x" * 300, date=dt.date.fromisoformat(date),
                   source=source, url=url)


def test_same_event_from_several_articles_is_one_event(tmp_path):
    con = store_with(tmp_path, [
        (art(1, source="Wire A"), [record("r1", JPN, RUS, "163", "2025-01-10")]),
        (art(2, url="https://b.example.com/x"), [record("r2", JPN, RUS, "1631", "2025-01-11")]),
        (art(3, source="Wire A"), [record("r3", JPN, RUS, "163", "2025-01-10"),
                                   record("r3b", JPN, RUS, "163", "2025-01-10", sentence_index=4)]),
        (art(4, source="Wire C"), [record("r4", JPN, RUS, "163", "2025-01-13")]),  # two days on: another event
        (art(5, source="Wire C"), [record("r5", JPN, RUS_MIL, "163", "2025-01-10")]),  # other target sector
        (art(6, source="Wire C"), [record("r6", RUS, JPN, "163", "2025-01-10")]),  # other direction
    ])
    rows = con.execute("SELECT first_date, last_date, num_mentions, num_articles, num_sources, target_code "
                       "FROM events ORDER BY num_mentions DESC, first_date, target_code").fetchall()
    assert rows[0] == (dt.date(2025, 1, 10), dt.date(2025, 1, 11), 4, 3, 2, "RUSGOV")
    assert len(rows) == 4
    assert sorted(r[2] for r in rows[1:]) == [1, 1, 1]
    # Every mention links to exactly one event, and keeps its article and sentence.
    linked = con.execute("""SELECT count(*), count(DISTINCT em.event_id) FROM event_mentions em
                            JOIN mentions m USING (mention_id) WHERE m.sentence_index IS NOT NULL""").fetchone()
    assert linked == (7, 4)


def test_a_day_apart_does_not_chain(tmp_path):
    con = store_with(tmp_path, [(art(i, source=f"s{i}"), [record(f"r{i}", JPN, RUS, "112", f"2025-01-{10 + i:02d}")])
                                for i in range(4)])
    groups = con.execute("SELECT first_date, last_date, num_mentions FROM events ORDER BY first_date").fetchall()
    assert groups == [(dt.date(2025, 1, 10), dt.date(2025, 1, 11), 2), (dt.date(2025, 1, 12), dt.date(2025, 1, 13), 2)]


def test_organisations_without_country_stay_apart(tmp_path):
    con = store_with(tmp_path, [(art(1), [record("u", UN, RUS, "111", "2025-01-10")]),
                                (art(2), [record("e", EU, RUS, "111", "2025-01-10")])])
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    names = dict(con.execute("SELECT code, name FROM actors").fetchall())
    assert names["IGOUNO"] == "United Nations" and names["RUSGOV"] == "Russian government"


def test_undated_mentions_are_grouped_per_article(tmp_path):
    con = store_with(tmp_path, [(art(1), [record("a", JPN, RUS, "111", None), record("b", JPN, RUS, "111", None, 2)]),
                                (art(2), [record("c", JPN, RUS, "111", None)])])
    assert sorted(r[0] for r in con.execute("SELECT num_mentions FROM events").fetchall()) == [1, 2]


def test_a_failed_batch_leaves_nothing_behind(tmp_path, monkeypatch):
    con = open_store(str(tmp_path / "t.duckdb"))
    writer = StoreWriter(con, coder_version="test+1", batch_articles=10)
    writer.add_records(art(1), [record("r1", JPN, RUS, "163", "2025-01-10")])
    writer.flush()
    writer.add_records(art(2), [record("r2", JPN, RUS, "163", "2025-01-10")])
    import eventlens.store.writer as module

    real = module.insert_columns

    def fail_on_mentions(con_, table, columns, rows):
        if table == "mentions":
            raise RuntimeError("disk full")
        real(con_, table, columns, rows)

    monkeypatch.setattr(module, "insert_columns", fail_on_mentions)
    with pytest.raises(RuntimeError):
        writer.flush()
    # The article of the failed batch was not written without its mentions.
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM mentions").fetchone()[0] == 1


def test_mention_rows_keep_the_whole_record(tmp_path):
    rec = record("r1", JPN, RUS, "1631", "2025-01-10")
    rec["action_geo"] = {"type": 4, "full_name": "Tokyo, Japan", "country_code": "JPN", "fips": "JA",
                         "adm1": "JA40", "lat": 35.69, "lon": 139.69, "feature_id": "1850147"}
    con = store_with(tmp_path, [(art(1, source="Wire", url="https://w.example/1"), [rec])])
    row = con.execute("SELECT base_code, root_code, quad_class, goldstein, date, geo_fips, geo_lat, outlet, url, "
                      "record, in_lead FROM mentions").fetchone()
    assert row[:9] == ("163", "16", 3, -2.0, dt.date(2025, 1, 10), "JA", 35.69, "Wire", "https://w.example/1")
    assert json.loads(row[9]) == rec
    assert row[10] is True  # the action starts inside the first line of the article text


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("store") / "samples.duckdb")
    first = ingest_paths([SAMPLES], db=db, default_date=dt.date(2025, 3, 1), batch_articles=3)
    return db, first


def counts(db):
    con = open_store(db, read_only=True)
    try:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    finally:
        con.close()


def test_ingest_stores_every_article_once(sample_store):
    db, first = sample_store
    before = counts(db)
    assert first.articles == before["articles"] == 8 and first.skipped == 0
    assert before["mentions"] == first.mentions > 0
    assert 0 < before["events"] <= before["mentions"] == before["event_mentions"]
    again = ingest_paths([SAMPLES], db=db, default_date=dt.date(2025, 3, 1))
    assert again.articles == 0 and again.unchanged == 8
    assert counts(db) == before


def test_ingest_matches_code(sample_store, coder):
    """The store holds exactly the records `code` emits for the same inputs."""
    from eventlens.coding import code_articles
    from eventlens.ingest import iter_inputs

    db, _ = sample_store
    articles = [a for a in iter_inputs([SAMPLES], default_date=dt.date(2025, 3, 1)) if isinstance(a, Article)]
    expected = sorted((ev.to_dict() for r in code_articles(articles, coder=coder) for ev in r.events),
                      key=lambda e: e["id"])
    con = open_store(db, read_only=True)
    stored = sorted((json.loads(r[0]) for r in con.execute("SELECT record FROM mentions").fetchall()),
                    key=lambda e: e["id"])
    con.close()
    assert stored == expected


def test_recode_replaces_old_version(sample_store, tmp_path):
    import shutil

    db = str(tmp_path / "copy.duckdb")
    shutil.copy(sample_store[0], db)
    before = counts(db)
    con = open_store(db)
    mentions_before = sorted(r[0] for r in con.execute("SELECT event_record_id FROM mentions").fetchall())
    # Pretend half the articles were coded by an older lexicon.
    con.execute("UPDATE articles SET coder_version = 'old' WHERE content_hash < '8'")
    stale = con.execute("SELECT count(*) FROM articles WHERE coder_version = 'old'").fetchone()[0]
    con.close()
    stats = recode_store(db=db)
    assert stats.articles == stale > 0
    con = open_store(db, read_only=True)
    assert con.execute("SELECT count(DISTINCT coder_version) FROM articles").fetchone()[0] == 1
    assert sorted(r[0] for r in con.execute("SELECT event_record_id FROM mentions").fetchall()) == mentions_before
    leftovers = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'recode_%'").fetchone()[0]
    con.close()
    assert leftovers == 0
    assert counts(db) == before


def test_events_filters(sample_store):
    con = open_store(sample_store[0], read_only=True)
    everything = query.events(con)
    assert len(everything) == counts(sample_store[0])["events"]
    by_country = query.events(con, {"source": "arm"})
    assert by_country and all(e["source_code"].startswith("ARM") for e in by_country)
    assert len(by_country) == sum(1 for e in everything if e["source_code"].startswith("ARM"))
    conflict = query.events(con, {"code": "1"})
    assert conflict and all(e["code"].startswith("1") for e in conflict)
    dated = [e for e in everything if e["date"]]
    day = sorted(e["date"] for e in dated)[len(dated) // 2]
    window = query.events(con, {"since": day.isoformat(), "until": day.isoformat()})
    assert window and all(e["date"] == day for e in window)
    assert len(query.events(con, {"limit": 3})) == 3
    with pytest.raises(UsageError):
        query.events(con, {"code": "ab"})
    con.close()


def test_dyad_counts_both_directions(sample_store):
    con = open_store(sample_store[0], read_only=True)
    rows = query.dyad(con, "ARM", "AZE", by="month")
    assert {r["direction"] for r in rows} == {"ARM -> AZE", "AZE -> ARM"}
    events = [e for e in query.events(con) if e["date"] and e["target_code"]]
    for direction, (src, tgt) in (("ARM -> AZE", ("ARM", "AZE")), ("AZE -> ARM", ("AZE", "ARM"))):
        mine = [e for e in events if e["source_code"].startswith(src) and e["target_code"].startswith(tgt)]
        got = [r for r in rows if r["direction"] == direction]
        assert sum(r["events"] for r in got) == len(mine)
        assert sum(r["sum_goldstein"] for r in got) == pytest.approx(sum(e["goldstein"] for e in mine))
        assert sum(r["material_conflict"] for r in got) == sum(1 for e in mine if e["quad_class"] == 4)
    with pytest.raises(UsageError):
        query.dyad(con, "ARM", "AZE", by="year")
    con.close()


def test_actors_are_counted(sample_store):
    con = open_store(sample_store[0], read_only=True)
    top = query.actors(con, limit=5)
    assert len(top) == 5 and top[0]["mentions"] >= top[-1]["mentions"]
    code = top[0]["code"]
    expected = con.execute("SELECT count(*) FILTER (WHERE source_code = ?) + count(*) FILTER (WHERE target_code = ?) "
                           "FROM mentions", [code, code]).fetchone()[0]
    assert top[0]["mentions"] == expected
    con.close()


def test_sql_is_read_only(sample_store, tmp_path):
    db = sample_store[0]
    assert query.sql(db, "SELECT count(*) AS n FROM articles") == [{"n": 8}]
    assert query.sql(db, "-- a comment\nWITH x AS (SELECT 1 AS one) SELECT one FROM x") == [{"one": 1}]
    for statement in ("DELETE FROM articles", "DROP TABLE events", "UPDATE articles SET title = 'x'",
                      "WITH x AS (SELECT 1) DELETE FROM articles",
                      f"COPY articles TO '{tmp_path / 'leak.csv'}'",
                      "SELECT * FROM read_csv('/etc/hostname')"):
        with pytest.raises(UsageError):
            query.sql(db, statement)
    assert not (tmp_path / "leak.csv").exists()
    assert counts(db)["articles"] == 8


def test_rows_for_export_shape(sample_store):
    con = open_store(sample_store[0], read_only=True)
    rows = list(query.rows_for_export(con, {"source": "ARM"}))
    con.close()
    assert rows
    for row in rows:
        assert set(row) == {"event_id", "num_mentions", "num_sources", "num_articles", "is_root_event",
                            "date_added", "source_url", "mention"}
        assert len(row["date_added"]) == 14 and row["date_added"].isdigit()
        assert row["mention"]["source"]["code"].startswith("ARM")
        assert row["num_mentions"] >= row["num_articles"] >= 1


def test_same_text_under_another_date_is_another_article():
    text = "Japan imposed sanctions on Russia."
    assert content_hash(text, dt.date(2025, 1, 1)) != content_hash(text, dt.date(2025, 1, 2))
    assert content_hash(text, None) == content_hash(text, None)
