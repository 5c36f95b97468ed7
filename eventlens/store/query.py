"""Questions asked of a store. Each function takes an open connection and returns plain dicts, so the
CLI, a notebook and a web app share one implementation.

Filters (all optional): `source` / `target` match an actor's country or a prefix of its full code
("JPN" matches JPN, JPNGOV, JPNMIL; "IGOUNO" matches IGOUNO...), `code` a prefix of the CAMEO code
("16" matches 160-166), `since` / `until` the event date (YYYY-MM-DD, inclusive), `limit`.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Iterator

from ..errors import UsageError
from .schema import DEFAULT_DB, open_store

PERIODS = ("day", "week", "month")


def _actor_match(column: str, value: str, params: list) -> str:
    params.extend([value.upper(), value.upper()])
    return f"({column}_country = ? OR starts_with({column}_code, ?))"


def _as_date(value, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"{name} {value!r} is not a date", fix="use YYYY-MM-DD") from None


def where_clause(filters: dict[str, Any] | None, alias: str = "e") -> tuple[str, list]:
    """SQL condition and parameters for the filters, over the `events` table under `alias`."""
    filters = filters or {}
    parts: list[str] = []
    params: list = []
    if filters.get("source"):
        parts.append(_actor_match(f"{alias}.source", filters["source"], params))
    if filters.get("target"):
        parts.append(_actor_match(f"{alias}.target", filters["target"], params))
    if filters.get("code"):
        code = str(filters["code"])
        if not code.isdigit():
            raise UsageError(f"event code {code!r} is not a CAMEO code", fix="give digits, e.g. 16 or 163")
        parts.append(f"starts_with({alias}.code, ?)")
        params.append(code)
    if filters.get("since"):
        parts.append(f"{alias}.date >= ?")
        params.append(_as_date(filters["since"], "since"))
    if filters.get("until"):
        parts.append(f"{alias}.date <= ?")
        params.append(_as_date(filters["until"], "until"))
    return (" AND ".join(parts) or "TRUE"), params


def _dicts(cursor) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _limit(filters: dict[str, Any] | None) -> str:
    limit = (filters or {}).get("limit")
    return f" LIMIT {int(limit)}" if limit else ""


def events(con, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Deduplicated events matching `filters`, in date order, with their counts and a sentence."""
    where, params = where_clause(filters)
    # Filter, sort and cut the events first: the JSON of only the rows returned is read.
    cursor = con.execute(f"""
        WITH e AS (SELECT * FROM events e WHERE {where} ORDER BY e.date NULLS LAST, e.event_id{_limit(filters)})
        SELECT e.event_id, e.date, e.source_code, json_extract_string(m.record, '$.source.name') AS source_name,
               e.target_code, json_extract_string(m.record, '$.target.name') AS target_name,
               e.code, json_extract_string(m.record, '$.name') AS name, e.quad_class, e.goldstein,
               e.plover_event, e.num_mentions, e.num_sources, e.num_articles, e.geo_full_name AS place,
               e.source_url, json_extract_string(m.record, '$.sentence') AS sentence
        FROM e JOIN mentions m USING (mention_id)
        ORDER BY e.date NULLS LAST, e.event_id""", params)
    return _dicts(cursor)


def dyad(con, a: str, b: str, by: str = "month", filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Events between two actors in both directions, per period: counts per QuadClass, mean and summed
    Goldstein, and the mentions behind them. Undated events are left out."""
    if by not in PERIODS:
        raise UsageError(f"--by {by!r} is not a period", fix="use day, week or month")
    params: list = []
    a_src = _actor_match("e.source", a, params)
    b_tgt = _actor_match("e.target", b, params)
    forward = f"{a_src} AND {b_tgt}"
    backward_params: list = []
    backward = (f"{_actor_match('e.source', b, backward_params)} AND "
                f"{_actor_match('e.target', a, backward_params)}")
    where, extra = where_clause({k: v for k, v in (filters or {}).items() if k in ("code", "since", "until")})
    label_a, label_b = a.upper(), b.upper()
    cursor = con.execute(f"""
        SELECT CAST(date_trunc('{by}', e.date) AS DATE) AS period,
               CASE WHEN {forward} THEN ? ELSE ? END AS direction,
               count(*) AS events,
               count(*) FILTER (WHERE e.quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE e.quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict,
               round(avg(e.goldstein), 3) AS mean_goldstein,
               round(sum(e.goldstein), 3) AS sum_goldstein,
               sum(e.num_mentions) AS mentions
        FROM events e
        WHERE e.date IS NOT NULL AND (({forward}) OR ({backward})) AND {where}
        GROUP BY ALL ORDER BY period, direction""",
        # The labels are parameters too: actor names typed on the command line never become SQL.
        params + [f"{label_a} -> {label_b}", f"{label_b} -> {label_a}"] + params + backward_params + extra)
    return _dicts(cursor)


def actors(con, limit: int = 20) -> list[dict[str, Any]]:
    """The most active actors: mentions as source or target, distinct events, first and last dates."""
    return _dicts(con.execute("SELECT * FROM actors ORDER BY mentions DESC, code LIMIT ?", [int(limit)]))


_STATEMENT_START = re.compile(r"^\s*(?:--[^\n]*\n\s*|/\*.*?\*/\s*)*(\w+)", re.S)
_READ_STATEMENTS = {"select", "with", "describe", "show", "explain", "pragma", "summarize", "from", "values",
                    "table"}


def sql(db: str, query: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Run one read-only query on the store at `db`. The connection is opened read-only and without
    file access, so no statement can change the store or touch other files."""
    match = _STATEMENT_START.match(query)
    if not match or match.group(1).lower() not in _READ_STATEMENTS:
        raise UsageError("only queries are allowed (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN, SUMMARIZE)",
                         fix="the store is read-only here; change it with ingest or recode")
    import duckdb

    con = open_store(db, read_only=True)
    try:
        cursor = con.execute(query)
        if cursor.description is None:
            return []
        names = [column[0] for column in cursor.description]
        rows = cursor.fetchmany(limit) if limit else cursor.fetchall()
        return [dict(zip(names, row)) for row in rows]
    except duckdb.Error as exc:
        raise UsageError(f"query failed: {exc}", fix="check the SQL; `eventlens sql \"SHOW TABLES\"` lists tables") \
            from None
    finally:
        con.close()


def rows_for_export(con, filters: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """The deduplicated events as export rows: counts plus the representative mention's full record.
    Streams, so an export of the whole store does not hold it in memory."""
    where, params = where_clause(filters)
    cursor = con.cursor()
    cursor.execute(f"""
        SELECT e.event_id, e.num_mentions, e.num_sources, e.num_articles, e.is_root_event,
               strftime(e.date_added, '%Y%m%d%H%M%S') AS date_added, e.source_url, m.record
        FROM events e JOIN mentions m USING (mention_id)
        WHERE {where}
        ORDER BY e.date NULLS LAST, e.event_id{_limit(filters)}""", params)
    try:
        while rows := cursor.fetchmany(1000):
            for event_id, n_mentions, n_sources, n_articles, root, added, url, record in rows:
                yield {"event_id": event_id, "num_mentions": n_mentions, "num_sources": n_sources,
                       "num_articles": n_articles, "is_root_event": bool(root), "date_added": added,
                       "source_url": url, "mention": json.loads(record)}
    finally:
        cursor.close()


def summary(con) -> dict[str, int]:
    """Row counts of the main tables."""
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "sentences", "mentions", "events", "event_mentions", "actors", "errors")}


def errors(con, run: str = "last") -> list[dict[str, Any]]:
    """Recorded bad inputs: of the last run (`run="last"`), of one run id, or all (`run="all"`)."""
    if run == "all":
        return _dicts(con.execute("SELECT * FROM errors ORDER BY recorded_at, input"))
    if run == "last":
        row = con.execute("SELECT run_id FROM runs ORDER BY started DESC LIMIT 1").fetchone()
        if row is None:
            return []
        run = row[0]
    return _dicts(con.execute("SELECT * FROM errors WHERE run_id = ? ORDER BY recorded_at, input", [run]))


__all__ = ["DEFAULT_DB", "PERIODS", "actors", "dyad", "errors", "events", "rows_for_export", "sql", "summary",
           "where_clause"]
