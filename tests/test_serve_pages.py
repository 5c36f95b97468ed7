"""Pages of /api/events from the in-memory page table (eventlens.serve.network.page_table): the same events, in
the same order, to the byte, as the lookups by key and the plain SQL page; served without a store query once
built; and kept while the store is unchanged, even when the server's idle connection is closed and opened."""
from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from synth_store import record as synthetic_record  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

FILTERS = [{}, {"source": "JPN"}, {"target": "RUSGOV"}, {"code": "1"}, {"since": dt.date(2024, 1, 1)},
           {"source": "IGOUNO", "until": dt.date(2024, 6, 30)}, {"source": "ZZZ"}]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A store of 3,000 synthetic mentions, some undated, some without a target, some of actors without a
    country, some with names and sentences that need escaping."""
    from eventlens.models import Article
    from eventlens.store import StoreWriter, open_store, rebuild_events

    path = str(tmp_path_factory.mktemp("pages") / "pages.duckdb")
    rng = random.Random(11)
    con = open_store(path)
    writer = StoreWriter(con, coder_version="synthetic+1", batch_articles=25)
    for a in range(100):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(900))
        article = Article(id=f"p{a}", text=f"Article {a}.", date=day, source=f"outlet{a % 7}", url=f"https://x.org/{a}")
        records = []
        for i in range(30):
            rec = synthetic_record(rng, f"r{a}-{i}", article.id, i, day + dt.timedelta(days=rng.randrange(-3, 1)),
                                   name=rng.choice([None, 'Le "ministère" <b>', "Ærø ünïcode — ‘q’"]))
            if rng.random() < 0.05:
                rec.update(date=None, date_precision=None)
            if rng.random() < 0.05:
                rec["target"] = None
            if rng.random() < 0.05:
                rec["source"].update(code="IGOUNO", country=None, sector=None, name="United Nations")
            records.append(rec)
        writer.add_records(article, records)
    writer.close()
    rebuild_events(con)
    con.close()
    return path


def test_the_page_table_gives_the_pages_of_the_lookups_and_of_sql(db):
    from eventlens.serve import network
    from eventlens.serve.api import _json
    from eventlens.store import open_store

    con = open_store(db, read_only=True)
    try:
        table = network.page_table(con)
        total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        assert table.num_rows == total > 2500
        for filters in FILTERS:
            ids = network.ordered_event_ids(con, filters)
            positions = network.positions_of(con, table, filters) if filters else None
            for offset, limit in ((0, 50), (7, 1), (len(ids) // 2, 500), (max(0, len(ids) - 3), 50),
                                  (len(ids) + 5, 50)):
                reference = network.events_page(con, filters, offset=offset, limit=limit)
                from_table = network.events_page_from(table, positions, offset=offset, limit=limit)
                looked_up = network.events_page_of(con, ids, offset=offset, limit=limit)
                assert _json(from_table) == _json(looked_up) == _json(reference), (filters, offset, limit)
    finally:
        con.close()


def test_the_answer_bytes_are_fastapis_own(db):
    from fastapi.encoders import jsonable_encoder
    from fastapi.responses import JSONResponse

    from eventlens.serve import network
    from eventlens.serve.api import _json
    from eventlens.store import open_store

    con = open_store(db, read_only=True)
    try:
        page = network.events_page(con, {}, offset=100, limit=200)
    finally:
        con.close()
    assert _json(page) == JSONResponse(content=jsonable_encoder(page)).body


def wait_for_page_table(settings, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if settings.page_table() is not None:
            return settings.page_table()
        time.sleep(0.05)
    raise AssertionError("the page table was not built")


def test_once_built_the_page_table_answers_without_a_store_lookup(db, monkeypatch):
    from eventlens.serve import create_app, network
    from eventlens.store import open_store

    app = create_app(db=db)
    client = TestClient(app, raise_server_exceptions=False)
    settings = app.state.settings
    first = client.get("/api/events", params={"offset": 10, "limit": 20})
    assert first.status_code == 200
    wait_for_page_table(settings)

    def no_lookup(*args, **kwargs):
        raise AssertionError("looked up by key")

    monkeypatch.setattr(network, "events_page_of", no_lookup)
    monkeypatch.setattr(network, "ordered_event_ids", no_lookup)
    con = open_store(db, read_only=True)
    try:
        for filters in FILTERS:
            for offset in (0, 333, 1999):
                params = {k: str(v) for k, v in filters.items()}
                got = client.get("/api/events", params={**params, "offset": offset, "limit": 25})
                assert got.status_code == 200, got.text
                page = network.events_page(con, filters, offset=offset, limit=25)
                expected = json.loads(json.dumps(page, default=str))
                assert got.json() == expected
    finally:
        con.close()


def test_the_page_table_is_kept_while_the_store_is_unchanged_and_rebuilt_after_a_write(db, tmp_path):
    import shutil

    from eventlens.models import Article
    from eventlens.serve.app import Settings
    from eventlens.store import StoreWriter, open_store, update_events

    path = str(tmp_path / "copy.duckdb")
    shutil.copy(db, path)
    settings = Settings(db=path)
    with settings.reader():
        pass
    generation, table = wait_for_page_table(settings)
    settings.close()  # what the server does after half a second without requests
    with settings.reader():
        pass
    assert settings.page_table() == (generation, table)  # the same store: the same generation and table
    settings.close()
    # Another process writes the store while the server's connection is closed.
    con = open_store(path)
    writer = StoreWriter(con, coder_version="synthetic+1")
    writer.add_records(Article(id="late", text="A late article.", date=dt.date(2024, 2, 2)),
                       [synthetic_record(random.Random(1), "late-0", "late", 0, dt.date(2024, 2, 2))])
    writer.close()
    update_events(con)
    events_now = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    with settings.reader():
        pass
    assert settings._generation > generation
    new_generation, new_table = wait_for_page_table(settings)
    assert new_generation > generation and new_table is not table and new_table.num_rows == events_now
    assert "late" in new_table.column("article_id").to_pylist()
    settings.close()
