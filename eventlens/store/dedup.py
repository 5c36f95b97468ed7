"""Deduplication: mentions of the same real-world event become one row of `events`.

Two mentions are one event when they have the same source (country and sector), the same target
(country and sector), the same CAMEO base code, and dates within one day of each other. Actors without
a country (international organisations) are keyed by their full code, so the UN and the EU stay apart.
Within one key, mentions are grouped greedily in date order: a group starts at its earliest date and
takes every date up to one day later, so every pair in a group is at most one day apart (chaining
day after day of similar reports into one endless event cannot happen). Undated mentions are grouped
per article.

The tables `events`, `event_mentions` and `actors` depend only on the mentions stored, never on the order
they came in. Two ways to bring them up to date, each in one transaction:

- `rebuild_events(con)`: all of them, from all mentions (recode, a dataset opened in place).
- `update_events(con)`: only what the articles written since the last rebuild can change (ingest). A
  grouping key's groups depend on that key's mentions alone, so the keys of those articles' mentions (and
  of the events their old mentions made, when an article was coded again) are grouped again from all of
  their mentions, their old events and links replaced; the actors seen in those keys are counted again
  (every actor when a mention was replaced or removed). The result is the full rebuild's, row for row
  (tests/test_dedup.py), at a cost that follows the new mentions instead of the store.

The writer marks the articles it writes in `dedup_pending`, in the same transaction as their mentions;
the update clears the marks in its own, so a run killed in between leaves them for the next one.
"""
from __future__ import annotations

import datetime as dt

from .schema import EVENT_FIELDS, insert_columns

PENDING = "dedup_pending"  # articles written since events were last brought up to date
_MARK = ("dedup", "pending-marks")  # meta row: this store's writers keep PENDING (else: rebuild in full once)


def _skey(a: str) -> str:
    return f"coalesce({a}.source_country || '/' || coalesce({a}.source_sector, ''), {a}.source_code)"


def _tkey(a: str) -> str:
    return f"coalesce({a}.target_country || '/' || coalesce({a}.target_sector, ''), {a}.target_code, '')"


# The mentions to group, with their keys; `{where}` restricts them (to the dirty keys) or not.
_KEY_SQL = """
    CREATE OR REPLACE TEMP TABLE dedup_keys AS
    SELECT m.mention_id, m.content_hash, m.date, m.base_code, m.sentence_index, m.in_lead, m.url,
           {skey} AS skey, {tkey} AS tkey,
           a.ingested_at,
           coalesce(a.source,
                    nullif(lower(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)', 1)), ''),
                    a.id, m.content_hash) AS outlet_key
    FROM mentions m JOIN articles a USING (content_hash)
    {where}
""".replace("{skey}", _skey("m")).replace("{tkey}", _tkey("m"))

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

# Restricts a query over mentions or events to the dirty keys (dedup_dirty holds each key once).
_DIRTY_JOIN = ("JOIN dedup_dirty d ON d.skey IS NOT DISTINCT FROM {skey} AND d.tkey IS NOT DISTINCT FROM {tkey} "
               "AND d.base_code IS NOT DISTINCT FROM {base}")

_TEMP = ("dedup_keys", "dedup_anchor", "dedup_event_of", "dedup_groups", "dedup_changed", "dedup_dirty",
         "dedup_old_events", "dedup_codes")


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


def _group(con, where: str = "") -> None:
    """dedup_keys, dedup_event_of (mention -> event) and dedup_groups (one row per event) for the mentions
    `where` selects: every mention of a key must be selected with it."""
    con.execute(_KEY_SQL.replace("{where}", where))
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


def _insert_groups(con) -> None:
    fields = ", ".join(f"m.{name}" for name in EVENT_FIELDS)
    con.execute(f"""
        INSERT INTO events (event_id, mention_id, num_mentions, num_sources, num_articles, is_root_event,
                            date_added, source_url, first_date, last_date, {', '.join(EVENT_FIELDS)})
        SELECT g.event_id, g.rep, g.num_mentions, g.num_sources, g.num_articles, g.is_root_event,
               g.date_added, m.url, g.first_date, g.last_date, {fields}
        FROM dedup_groups g JOIN mentions m ON m.mention_id = g.rep
    """)
    con.execute("INSERT INTO event_mentions SELECT mention_id, event_id FROM dedup_event_of")


def _has_table(con, name: str) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary",
                       [name]).fetchone()[0] > 0


def _finish(con) -> int:
    """Clear the pending marks, note that they are kept, drop the work tables; the number of events."""
    if _has_table(con, PENDING):
        con.execute(f"DELETE FROM {PENDING}")
        con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value", list(_MARK))
    count = con.execute("SELECT count(*) FROM events").fetchone()[0]
    for table in _TEMP:
        con.execute(f"DROP TABLE IF EXISTS {table}")
    return count


def rebuild_events(con) -> int:
    """Rebuild `events`, `event_mentions` and `actors` from all of `mentions`; returns the number of events."""
    con.execute("BEGIN TRANSACTION")
    try:
        _group(con)
        for table in ("events", "event_mentions", "actors"):
            con.execute(f"DELETE FROM {table}")
        _insert_groups(con)
        _rebuild_actors(con)
        count = _finish(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return count


def update_events(con) -> int:
    """Bring `events`, `event_mentions` and `actors` up to date with the articles written since they were
    last built (those in `dedup_pending`, and any article with a mention not yet in `event_mentions`),
    touching only the grouping keys those articles' mentions have or had. Equal to rebuild_events, row for
    row; returns the number of events. A store whose writers did not keep the marks is rebuilt in full
    once."""
    if not _has_table(con, PENDING) or con.execute("SELECT value FROM meta WHERE key = ?",
                                                   [_MARK[0]]).fetchone() != (_MARK[1],):
        return rebuild_events(con)
    con.execute("BEGIN TRANSACTION")
    try:
        # The articles whose mentions changed: marked by the writer, or (a writer that did not mark them)
        # with a mention no event holds yet.
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE dedup_changed AS
            SELECT content_hash FROM {PENDING}
            UNION
            SELECT DISTINCT m.content_hash FROM mentions m ANTI JOIN event_mentions em USING (mention_id)
        """)
        # The events those articles' mentions made before (an article coded again keeps the ids of the
        # mentions it still has), and those of mentions that are gone.
        con.execute("""
            CREATE OR REPLACE TEMP TABLE dedup_old_events AS
            SELECT em.event_id FROM event_mentions em JOIN mentions m USING (mention_id)
            WHERE m.content_hash IN (SELECT content_hash FROM dedup_changed)
            UNION
            SELECT em.event_id FROM event_mentions em ANTI JOIN mentions m USING (mention_id)
        """)
        replaced = con.execute("SELECT count(*) FROM dedup_old_events").fetchone()[0] > 0
        # The dirty keys: those of the changed articles' mentions now, and of the events they made before.
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE dedup_dirty AS
            SELECT {_skey('m')} AS skey, {_tkey('m')} AS tkey, m.base_code FROM mentions m
            WHERE m.content_hash IN (SELECT content_hash FROM dedup_changed)
            UNION
            SELECT {_skey('e')}, {_tkey('e')}, e.base_code FROM events e
            WHERE e.event_id IN (SELECT event_id FROM dedup_old_events)
        """)
        if con.execute("SELECT count(*) FROM dedup_dirty").fetchone()[0]:
            # Every event of a dirty key goes, with its links; the keys are grouped again from all their mentions.
            con.execute(f"""
                INSERT INTO dedup_old_events
                SELECT e.event_id FROM events e
                {_DIRTY_JOIN.format(skey=_skey("e"), tkey=_tkey("e"), base="e.base_code")}
            """)
            _group(con, _DIRTY_JOIN.format(skey=_skey("m"), tkey=_tkey("m"), base="m.base_code"))
            con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM dedup_old_events)")
            con.execute("""DELETE FROM event_mentions WHERE event_id IN (SELECT event_id FROM dedup_old_events)
                           OR mention_id IN (SELECT mention_id FROM dedup_keys)""")
            _insert_groups(con)
            if replaced:
                # A mention replaced or gone: the actors it counted are not known any more; count all again.
                con.execute("DELETE FROM actors")
                _rebuild_actors(con)
            else:
                # Only new mentions: the actors they name, and those whose events in the dirty keys changed.
                con.execute("""
                    CREATE OR REPLACE TEMP TABLE dedup_codes AS
                    SELECT m.source_code AS code FROM mentions m JOIN dedup_keys USING (mention_id)
                    UNION
                    SELECT m.target_code FROM mentions m JOIN dedup_keys USING (mention_id)
                    WHERE m.target_code IS NOT NULL
                """)
                con.execute("DELETE FROM actors WHERE code IN (SELECT code FROM dedup_codes)")
                _rebuild_actors(con, only="dedup_codes")
        count = _finish(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return count


def _rebuild_actors(con, only: str | None = None) -> None:
    """Insert the `actors` rows of every actor (or of the codes in the table `only`). Every value is
    decided by the actor's own mentions, whatever order they are read in: the most frequent name (ties:
    the first in sort order), the least country and sector (an actor has one). Each record's JSON is read
    once, for both names."""
    in_only = f"IN (SELECT code FROM {only})" if only else ""
    con.execute(f"""
        INSERT INTO actors
        WITH m AS MATERIALIZED (
            SELECT m.source_code, m.source_country, m.source_sector, m.target_code, m.target_country,
                   m.target_sector, m.date, e.event_id,
                   json_extract_string(m.record, ['$.source.name', '$.target.name']) AS names
            FROM mentions m JOIN event_mentions e USING (mention_id)
            {f"WHERE m.source_code {in_only} OR m.target_code {in_only}" if only else ""}
        ),
        roles AS (
            SELECT source_code AS code, names[1] AS name, source_country AS country, source_sector AS sector,
                   1 AS as_source, 0 AS as_target, event_id, date
            FROM m {f"WHERE source_code {in_only}" if only else ""}
            UNION ALL
            SELECT target_code, names[2], target_country, target_sector, 0, 1, event_id, date
            FROM m WHERE target_code IS NOT NULL {f"AND target_code {in_only}" if only else ""}
        ),
        names AS (SELECT code, name, count(*) AS n FROM roles WHERE name IS NOT NULL GROUP BY code, name),
        best AS (SELECT code, first(name ORDER BY n DESC, name) AS name FROM names GROUP BY code)
        SELECT r.code, any_value(b.name), min(r.country), min(r.sector), sum(r.as_source), sum(r.as_target),
               count(*), count(DISTINCT r.event_id), min(r.date), max(r.date)
        FROM roles r LEFT JOIN best b USING (code) GROUP BY r.code
    """)
