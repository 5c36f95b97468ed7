"""The store's tables, how to open a store, and how an event record becomes a row.

One DuckDB file holds everything; `meta` records the schema version so that a later eventlens can tell
an old store from a new one instead of misreading it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from typing import Any, Sequence

from ..errors import EventlensError

SCHEMA_VERSION = "1"
DEFAULT_DB = "eventlens.duckdb"


class StoreError(EventlensError):
    """The store file cannot be opened or is not an eventlens store of this version."""

    code = "E020"


# Columns of `mentions` flattened from the event record, in insert order, with their types. The whole
# record is kept as JSON in `record` as well, so nothing the coder emits is ever lost to flattening.
MENTION_COLUMNS: list[tuple[str, str]] = [
    ("mention_id", "VARCHAR PRIMARY KEY"),
    ("event_record_id", "VARCHAR NOT NULL"),
    ("content_hash", "VARCHAR NOT NULL"),
    ("article_id", "VARCHAR"),
    ("sentence_index", "INTEGER"),
    ("in_lead", "BOOLEAN"),
    ("source_code", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("source_sector", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("target_sector", "VARCHAR"),
    ("code", "VARCHAR"),
    ("base_code", "VARCHAR"),
    ("root_code", "VARCHAR"),
    ("quad_class", "TINYINT"),
    ("goldstein", "DOUBLE"),
    ("date", "DATE"),
    ("date_precision", "VARCHAR"),
    ("publication_date", "DATE"),
    ("plover_event", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("modality", "VARCHAR"),
    ("negated", "BOOLEAN"),
    ("confidence", "DOUBLE"),
    ("geo_type", "INTEGER"),
    ("geo_full_name", "VARCHAR"),
    ("geo_country", "VARCHAR"),
    ("geo_fips", "VARCHAR"),
    ("geo_adm1", "VARCHAR"),
    ("geo_lat", "DOUBLE"),
    ("geo_lon", "DOUBLE"),
    ("geo_feature_id", "VARCHAR"),
    ("coder_version", "VARCHAR"),
    ("outlet", "VARCHAR"),
    ("url", "VARCHAR"),
    ("record", "JSON"),
]

ARTICLE_COLUMNS: list[tuple[str, str]] = [
    ("content_hash", "VARCHAR PRIMARY KEY"),
    ("id", "VARCHAR"),
    ("url", "VARCHAR"),
    ("title", "VARCHAR"),
    ("source", "VARCHAR"),
    ("publication_date", "DATE"),
    ("text", "VARCHAR"),
    ("coder_version", "VARCHAR"),
    ("n_events", "INTEGER"),
    ("ingested_at", "TIMESTAMP"),
]

# Fields the deduplicated event copies from its representative mention.
EVENT_FIELDS = [name for name, _ in MENTION_COLUMNS
                if name not in ("mention_id", "event_record_id", "content_hash", "article_id",
                                "sentence_index", "in_lead", "record", "confidence")]

_DDL = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE TABLE IF NOT EXISTS articles ({})".format(", ".join(f"{n} {t}" for n, t in ARTICLE_COLUMNS)),
    """CREATE TABLE IF NOT EXISTS sentences (
        content_hash VARCHAR NOT NULL, sentence_index INTEGER NOT NULL, text VARCHAR,
        PRIMARY KEY (content_hash, sentence_index))""",
    "CREATE TABLE IF NOT EXISTS mentions ({})".format(", ".join(f"{n} {t}" for n, t in MENTION_COLUMNS)),
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY, mention_id VARCHAR NOT NULL,
        num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, is_root_event BOOLEAN,
        date_added TIMESTAMP, source_url VARCHAR, first_date DATE, last_date DATE,
        {})""".format(", ".join(f"{n} {t}" for n, t in MENTION_COLUMNS if n in EVENT_FIELDS)),
    "CREATE TABLE IF NOT EXISTS event_mentions (mention_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS actors (
        code VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR, sector VARCHAR,
        as_source INTEGER, as_target INTEGER, mentions INTEGER, events INTEGER,
        first_date DATE, last_date DATE)""",
    """CREATE TABLE IF NOT EXISTS errors (
        input VARCHAR, error_code VARCHAR, reason VARCHAR, fix VARCHAR, run_id VARCHAR, recorded_at TIMESTAMP)""",
    # Articles written since `events` was last brought up to date (eventlens.store.dedup.update_events).
    "CREATE TABLE IF NOT EXISTS dedup_pending (content_hash VARCHAR PRIMARY KEY)",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id VARCHAR PRIMARY KEY, command VARCHAR, coder_version VARCHAR, started TIMESTAMP,
        finished TIMESTAMP, articles INTEGER, events INTEGER, unchanged INTEGER, skipped INTEGER)""",
]


def open_store(path: str = DEFAULT_DB, *, read_only: bool = False, external_access: bool = True):
    """Open (and on first use create) a store. Read-only connections also lose file access, so a
    query can neither change the store nor read or write other files; `external_access=False` takes it
    from a writing connection too (`eventlens serve`)."""
    import duckdb

    if read_only and os.path.isdir(path):
        # A Parquet dataset of `eventlens code --out DIR`, queried in place (eventlens.store.dataset).
        from .dataset import open_dataset

        return open_dataset(path)
    try:
        if read_only:
            if not os.path.exists(path):
                raise StoreError("no store here", where=path, fix="create one with `eventlens ingest`")
            con = duckdb.connect(path, read_only=True, config={"enable_external_access": False})
        else:
            con = duckdb.connect(path, config={} if external_access else {"enable_external_access": False})
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the store ({exc})", where=path,
                         fix="check the path; only one process may write a store at a time") from None
    if read_only:
        _check_version(con, path)
        return con
    for statement in _DDL:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION])
    _check_version(con, path)
    return con


def _check_version(con, path: str) -> None:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except Exception:
        raise StoreError("not an eventlens store (no meta table)", where=path,
                         fix="point --db at a store made by `eventlens ingest`") from None
    if row is None or row[0] != SCHEMA_VERSION:
        found = row[0] if row else "none"
        raise StoreError(f"store schema version {found}, this eventlens reads {SCHEMA_VERSION}", where=path,
                         fix="ingest into a new store file")


def content_hash(text: str, date: dt.date | None) -> str:
    """What makes an article the same article: its text and the publication date it was given (the
    date changes how its events are dated, so the same text under another date is another input)."""
    h = hashlib.sha256()
    h.update((date.isoformat() if date else "").encode())
    h.update(b"\x00")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def lead_end(text: str) -> int:
    """Offset where the article's first paragraph ends: GDELT's root events are the lead's events."""
    stripped = len(text) - len(text.lstrip())
    cut = text.find("\n", stripped)
    return len(text) if cut < 0 else cut


def mention_values(event: dict[str, Any], *, mention_id: str, content_hash_: str, lead: int,
                   outlet: str | None, url: str | None, record_json: str) -> list[Any]:
    """One `mentions` row (in MENTION_COLUMNS order) from an event record dict."""
    source = event.get("source") or {}
    target = event.get("target") or {}
    geo = event.get("action_geo") or {}
    plover = event.get("plover") or {}
    action = (event.get("evidence") or {}).get("action") or []
    first = min((span[0] for span in action), default=None)
    in_lead = event.get("sentence_index") == 0 or (first is not None and first < lead)
    return [
        mention_id, event.get("id"), content_hash_, event.get("article_id"), event.get("sentence_index"), in_lead,
        source.get("code"), source.get("country"), source.get("sector"),
        target.get("code"), target.get("country"), target.get("sector"),
        event.get("code"), event.get("base_code"), event.get("root_code"), event.get("quad_class"),
        event.get("goldstein"), event.get("date"), event.get("date_precision"), event.get("publication_date"),
        plover.get("event"), plover.get("mode"), event.get("modality"), bool(event.get("negated")),
        event.get("confidence"),
        geo.get("type"), geo.get("full_name"), geo.get("country_code"), geo.get("fips"), geo.get("adm1"),
        geo.get("lat"), geo.get("lon"), geo.get("feature_id"),
        event.get("coder_version"), outlet, url, record_json,
    ]


def insert_columns(con, table: str, columns: Sequence[tuple[str, str]], rows: list[list[Any]]) -> None:
    """Insert many rows at once: each column goes to DuckDB as one list, which is some hundred times
    faster than executemany's row-by-row path."""
    if not rows:
        return
    names = [name for name, _ in columns]
    lists = [list(col) for col in zip(*rows)]
    select = ", ".join(f"CAST(unnest(${i + 1}) AS {_base_type(t)})" for i, (_, t) in enumerate(columns))
    con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {select}", lists)


def _base_type(ddl_type: str) -> str:
    return ddl_type.split()[0]


def article_rows(article, records: list[dict[str, Any]], *, coder_version: str, ingested_at: dt.datetime):
    """The `articles` row and the `mentions` rows of one coded article: the one place that decides
    content hashes and mention ids, for the store's writer and for Parquet datasets alike."""
    digest = content_hash(article.text, article.date)
    lead = lead_end(article.text)
    article_row = [digest, article.id, article.url, article.title, article.source, article.date,
                   article.text, coder_version, len(records), ingested_at]
    mentions = []
    seen_ids: dict[str, int] = {}
    for record in records:
        # The record id is a hash of the article's text, so the same text stored under two dates
        # gives the same record ids: the mention id adds the article's own hash.
        base = f"{digest[:16]}-{record['id']}"
        count = seen_ids.get(base, 0)
        seen_ids[base] = count + 1
        mention_id = base if count == 0 else f"{base}-{count}"
        row = mention_values(record, mention_id=mention_id, content_hash_=digest, lead=lead, outlet=article.source,
                             url=article.url, record_json=json.dumps(record, ensure_ascii=False))
        mentions.append(row)
    return article_row, mentions
