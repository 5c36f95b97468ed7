"""Deduplication: mentions of the same real-world event become one row of `events`.

Two mentions are one event when they have the same source (country and sector), the same target
(country and sector), the same CAMEO base code, and dates within one day of each other. Actors without
a country (international organisations) are keyed by their full code, so the UN and the EU stay apart.
Within one key, mentions are grouped greedily in date order: a group starts at its earliest date and
takes every date up to one day later, so every pair in a group is at most one day apart (chaining
day after day of similar reports into one endless event cannot happen). Undated mentions are grouped
per article.

The tables `events`, `event_mentions` and `actors` are rebuilt in full, in one transaction, after each
ingest or recode: the result depends only on the mentions stored, never on the order they came in.
"""
from __future__ import annotations

import datetime as dt

from .schema import EVENT_FIELDS, insert_columns

_KEY_SQL = """
    CREATE OR REPLACE TEMP TABLE dedup_keys AS
    SELECT m.mention_id, m.content_hash, m.date, m.base_code, m.sentence_index, m.in_lead, m.url,
           coalesce(m.source_country || '/' || coalesce(m.source_sector, ''), m.source_code) AS skey,
           coalesce(m.target_country || '/' || coalesce(m.target_sector, ''), m.target_code, '') AS tkey,
           a.ingested_at,
           coalesce(a.source,
                    nullif(lower(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)', 1)), ''),
                    a.id, m.content_hash) AS outlet_key
    FROM mentions m JOIN articles a USING (content_hash)
"""

_EVENT_SQL = """
    CREATE OR REPLACE TEMP TABLE dedup_groups AS
    SELECT e.event_id,
           first(k.mention_id ORDER BY k.ingested_at, k.content_hash, k.sentence_index, k.mention_id) AS rep,
           count(*) AS num_mentions,
           count(DISTINCT k.outlet_key) AS num_sources,
           count(DISTINCT k.content_hash) AS num_articles,
           bool_or(k.in_lead) AS is_root_event,
           min(k.ingested_at) AS date_added,
           min(k.date) AS first_date, max(k.date) AS last_date
    FROM dedup_keys k JOIN dedup_event_of e USING (mention_id)
    GROUP BY e.event_id
"""


def _anchors(con) -> list[list]:
    """(skey, tkey, base_code, date, anchor) for every distinct dated key: the greedy day grouping."""
    rows = con.execute("""SELECT DISTINCT skey, tkey, base_code, date FROM dedup_keys WHERE date IS NOT NULL
                          ORDER BY skey, tkey, base_code, date""").fetchall()
    out = []
    previous_key = None
    anchor: dt.date | None = None
    for skey, tkey, base, day in rows:
        key = (skey, tkey, base)
        if key != previous_key or (day - anchor).days > 1:
            anchor = day
            previous_key = key
        out.append([skey, tkey, base, day, anchor])
    return out


def rebuild_events(con) -> int:
    """Rebuild `events`, `event_mentions` and `actors` from `mentions`; returns the number of events."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_KEY_SQL)
        con.execute("CREATE OR REPLACE TEMP TABLE dedup_anchor (skey VARCHAR, tkey VARCHAR, base_code VARCHAR, "
                    "date DATE, anchor DATE)")
        insert_columns(con, "dedup_anchor", [("skey", "VARCHAR"), ("tkey", "VARCHAR"), ("base_code", "VARCHAR"),
                                             ("date", "DATE"), ("anchor", "DATE")], _anchors(con))
        con.execute("""
            CREATE OR REPLACE TEMP TABLE dedup_event_of AS
            SELECT k.mention_id,
                   substr(md5(k.skey || '|' || k.tkey || '|' || k.base_code || '|' ||
                              coalesce(CAST(x.anchor AS VARCHAR), 'undated:' || k.content_hash)), 1, 16) AS event_id
            FROM dedup_keys k
            LEFT JOIN dedup_anchor x ON x.skey = k.skey AND x.tkey = k.tkey AND x.base_code = k.base_code
                                      AND x.date = k.date
        """)
        con.execute(_EVENT_SQL)
        for table in ("events", "event_mentions", "actors"):
            con.execute(f"DELETE FROM {table}")
        fields = ", ".join(f"m.{name}" for name in EVENT_FIELDS)
        con.execute(f"""
            INSERT INTO events (event_id, mention_id, num_mentions, num_sources, num_articles, is_root_event,
                                date_added, source_url, first_date, last_date, {', '.join(EVENT_FIELDS)})
            SELECT g.event_id, g.rep, g.num_mentions, g.num_sources, g.num_articles, g.is_root_event,
                   g.date_added, m.url, g.first_date, g.last_date, {fields}
            FROM dedup_groups g JOIN mentions m ON m.mention_id = g.rep
        """)
        con.execute("INSERT INTO event_mentions SELECT mention_id, event_id FROM dedup_event_of")
        _rebuild_actors(con)
        count = con.execute("SELECT count(*) FROM events").fetchone()[0]
        for table in ("dedup_keys", "dedup_anchor", "dedup_event_of", "dedup_groups"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return count


def _rebuild_actors(con) -> None:
    con.execute("""
        INSERT INTO actors
        WITH roles AS (
            SELECT m.source_code AS code, json_extract_string(m.record, '$.source.name') AS name,
                   m.source_country AS country, m.source_sector AS sector, 1 AS as_source, 0 AS as_target,
                   e.event_id, m.date
            FROM mentions m JOIN event_mentions e USING (mention_id)
            UNION ALL
            SELECT m.target_code, json_extract_string(m.record, '$.target.name'),
                   m.target_country, m.target_sector, 0, 1, e.event_id, m.date
            FROM mentions m JOIN event_mentions e USING (mention_id)
            WHERE m.target_code IS NOT NULL
        )
        SELECT code, mode(name), any_value(country), any_value(sector), sum(as_source), sum(as_target),
               count(*), count(DISTINCT event_id), min(date), max(date)
        FROM roles GROUP BY code
    """)
