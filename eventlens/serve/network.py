"""Store questions the dashboard asks that the CLI does not: a page of events with the links back to
their sentences, an article with its event spans, the actor network, the busiest pair and map points.

Every function takes an open DuckDB connection and returns plain dicts. Filters reuse
`eventlens.store.query.where_clause`, so `source=JPN` means here exactly what it means to `eventlens events`.
"""
from __future__ import annotations

import json
from typing import Any

from ..store.query import where_clause

ACTOR_LEVELS = ("country", "actor")


def _dicts(cursor) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def events_page(con, filters: dict[str, Any] | None, *, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """One page of deduplicated events (date order) and the total that match. Each event names the
    article (`article_key`, its content hash) and sentence of its representative mention."""
    filters = {k: v for k, v in (filters or {}).items() if k != "limit"}
    where, params = where_clause(filters)
    total = con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
    # Filter, sort and cut the events first: only the page's mentions are joined and their JSON read.
    cursor = con.execute(f"""
        WITH e AS (SELECT * FROM events e WHERE {where} ORDER BY e.date NULLS LAST, e.event_id LIMIT ? OFFSET ?)
        SELECT e.event_id, e.date, e.source_code, json_extract_string(m.record, '$.source.name') AS source_name,
               e.target_code, json_extract_string(m.record, '$.target.name') AS target_name,
               e.code, json_extract_string(m.record, '$.name') AS name, e.quad_class, e.goldstein,
               e.plover_event, e.num_mentions, e.num_sources, e.num_articles, e.geo_full_name AS place,
               e.geo_lat AS lat, e.geo_lon AS lon, e.source_url,
               m.content_hash AS article_key, m.article_id, m.sentence_index, m.mention_id,
               json_extract_string(m.record, '$.sentence') AS sentence
        FROM e JOIN mentions m USING (mention_id)
        ORDER BY e.date NULLS LAST, e.event_id""", params + [int(limit), int(offset)])
    return {"total": total, "offset": offset, "limit": limit, "events": _dicts(cursor)}


def ordered_event_ids(con, filters: dict[str, Any] | None) -> list[str]:
    """The ids of the events matching `filters`, in the order of events_page."""
    filters = {k: v for k, v in (filters or {}).items() if k != "limit"}
    where, params = where_clause(filters)
    return [row[0] for row in con.execute(
        f"SELECT event_id FROM events e WHERE {where} ORDER BY e.date NULLS LAST, e.event_id", params).fetchall()]


# The fields of an event in a page of /api/events, in order.
PAGE_COLUMNS = ("event_id", "date", "source_code", "source_name", "target_code", "target_name", "code", "name",
                "quad_class", "goldstein", "plover_event", "num_mentions", "num_sources", "num_articles", "place",
                "lat", "lon", "source_url", "article_key", "article_id", "sentence_index", "mention_id", "sentence")


def page_table(con):
    """Every event's page fields (PAGE_COLUMNS), in the order of events_page, as one Arrow table. Built once
    per store generation, it answers a page of any filter by position, without a query (events_page_from);
    it costs about 350 bytes an event (37 MB for 105,000)."""
    return _arrow(con, """
        SELECT e.event_id, e.date, e.source_code, json_extract_string(m.record, '$.source.name') AS source_name,
               e.target_code, json_extract_string(m.record, '$.target.name') AS target_name,
               e.code, json_extract_string(m.record, '$.name') AS name, e.quad_class, e.goldstein,
               e.plover_event, e.num_mentions, e.num_sources, e.num_articles, e.geo_full_name AS place,
               e.geo_lat AS lat, e.geo_lon AS lon, e.source_url,
               m.content_hash AS article_key, m.article_id, m.sentence_index, e.mention_id,
               json_extract_string(m.record, '$.sentence') AS sentence
        FROM events e LEFT JOIN mentions m ON m.mention_id = e.mention_id
        ORDER BY e.date NULLS LAST, e.event_id""")


def _arrow(con, query: str, params: list | None = None):
    """A query's result as an Arrow table, without the copy a DB-API result makes."""
    con.abort()  # a result an earlier execute() on this cursor left unfetched would refuse sql()
    return con.sql(query, params=params).to_arrow_table()


def positions_of(con, table, filters: dict[str, Any] | None):
    """The rows of `table` (page_table) that match `filters`, in page order, as an Arrow array of positions
    (null where an event is not in the table: the store was written after the table was built)."""
    import pyarrow.compute as pc

    filters = {k: v for k, v in (filters or {}).items() if k != "limit"}
    where, params = where_clause(filters)
    ids = _arrow(con, f"SELECT event_id FROM events e WHERE {where} ORDER BY e.date NULLS LAST, e.event_id",
                 params).column(0)
    return pc.index_in(ids, value_set=table.column("event_id"))


def events_page_from(table, positions, *, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """events_page from the page table and a filter's positions (None: no filter, every row in order): a
    slice of arrays, microseconds however deep the page."""
    if positions is None:
        total, rows = table.num_rows, table.slice(offset, limit)
    else:
        total = len(positions)
        rows = table.take(positions.slice(offset, limit).drop_null()) if offset < total else table.slice(0, 0)
    return {"total": total, "offset": offset, "limit": limit, "events": rows.to_pylist()}


def events_page_of(con, ids: list[str], *, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """events_page from the ordered ids of its filter (ordered_event_ids, computed once and kept): the page's
    events and mentions are looked up by key, so a page costs milliseconds however deep it is."""
    page = ids[offset:offset + limit]
    out = {"total": len(ids), "offset": offset, "limit": limit, "events": []}
    if not page:
        return out
    marks = ", ".join("?" * len(page))
    events = _dicts(con.execute(f"""
        SELECT event_id, date, source_code, target_code, code, quad_class, goldstein, plover_event, num_mentions,
               num_sources, num_articles, geo_full_name AS place, geo_lat AS lat, geo_lon AS lon, source_url, mention_id
        FROM events WHERE event_id IN ({marks})""", page))
    mention_ids = [e["mention_id"] for e in events]
    mentions = {row["mention_id"]: row for row in _dicts(con.execute(f"""
        SELECT mention_id, content_hash AS article_key, article_id, sentence_index,
               json_extract_string(record, '$.source.name') AS source_name,
               json_extract_string(record, '$.target.name') AS target_name,
               json_extract_string(record, '$.name') AS name, json_extract_string(record, '$.sentence') AS sentence
        FROM mentions WHERE mention_id IN ({", ".join("?" * len(mention_ids))})""", mention_ids))}
    by_id = {e["event_id"]: e for e in events}
    for event_id in page:
        event = by_id.get(event_id)
        if event is None:
            continue
        row = {**event, **mentions.get(event["mention_id"], {})}
        out["events"].append({name: row.get(name) for name in PAGE_COLUMNS})
    return out


def find_article(con, key: str) -> dict[str, Any] | None:
    """An article by its content hash or by its own id (the first stored, when ids repeat)."""
    row = con.execute("""SELECT content_hash, id, title, url, source, publication_date, text, coder_version
                         FROM articles WHERE content_hash = ? OR id = ?
                         ORDER BY content_hash = ? DESC, ingested_at LIMIT 1""", [key, key, key]).fetchone()
    if row is None:
        return None
    names = ["article_key", "id", "title", "url", "source", "publication_date", "text", "coder_version"]
    return dict(zip(names, row))


def article_with_spans(con, key: str) -> dict[str, Any] | None:
    """The article's text, its sentences with their offsets, and every event mention with the spans
    that justify it (actors, action words, the date expression), for highlighting."""
    article = find_article(con, key)
    if article is None:
        return None
    text = article["text"] or ""
    sentences = []
    cursor_at = 0
    for index, sentence in con.execute("SELECT sentence_index, text FROM sentences WHERE content_hash = ? "
                                       "ORDER BY sentence_index", [article["article_key"]]).fetchall():
        # Stored sentences are the article's own words, in order: find each after the previous one.
        start = text.find(sentence, cursor_at) if sentence else -1
        end = start + len(sentence) if start >= 0 else None
        sentences.append({"index": index, "text": sentence, "start": start if start >= 0 else None, "end": end})
        if start >= 0:
            cursor_at = end
    mentions = []
    for mention_id, event_id, record in con.execute("""
            SELECT m.mention_id, em.event_id, m.record FROM mentions m
            LEFT JOIN event_mentions em USING (mention_id)
            WHERE m.content_hash = ? ORDER BY m.sentence_index, m.mention_id""", [article["article_key"]]).fetchall():
        event = json.loads(record)
        event["mention_id"] = mention_id
        event["event_id"] = event_id
        event["spans"] = spans_of(event)
        mentions.append(event)
    article["sentences"] = sentences
    article["events"] = mentions
    return article


def spans_of(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The highlightable spans of one event record: [{start, end, kind}] with kind actor, action or date."""
    evidence = event.get("evidence") or {}
    spans = []
    for role in ("source", "target", "speaker"):
        span = evidence.get(role)
        if span:
            spans.append({"start": span[0], "end": span[1], "kind": "actor", "role": role})
    for span in evidence.get("action") or []:
        spans.append({"start": span[0], "end": span[1], "kind": "action", "role": "action"})
    expression = event.get("date_expression")
    if expression and expression.get("start") is not None:
        spans.append({"start": expression["start"], "end": expression["end"], "kind": "date", "role": "date"})
    return spans


def _actor_expr(column: str, level: str) -> str:
    # International organisations have no country: their own code stands for them at country level.
    if level == "country":
        return f"coalesce(e.{column}_country, e.{column}_code)"
    return f"e.{column}_code"


def network(con, filters: dict[str, Any] | None = None, *, level: str = "country", min_events: int = 1,
            limit: int = 200) -> dict[str, Any]:
    """Actors as nodes and directed source→target edges with event counts and mean Goldstein.
    `level` "country" folds JPNGOV, JPNMIL… into JPN; "actor" keeps full codes. Events with no target
    add to their source's node but make no edge."""
    if level not in ACTOR_LEVELS:
        raise ValueError(level)
    where, params = where_clause({k: v for k, v in (filters or {}).items() if k != "limit"})
    src, tgt = _actor_expr("source", level), _actor_expr("target", level)
    edges = _dicts(con.execute(f"""
        SELECT {src} AS source, {tgt} AS target, count(*) AS events,
               round(avg(e.goldstein), 3) AS mean_goldstein,
               count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict
        FROM events e
        WHERE {where} AND e.target_code IS NOT NULL AND {src} IS NOT NULL AND {src} <> {tgt}
        GROUP BY ALL HAVING count(*) >= ?
        ORDER BY events DESC, source, target LIMIT ?""", params + [int(min_events), int(limit)]))
    nodes = _dicts(con.execute(f"""
        WITH ends AS (
            SELECT {src} AS actor, e.goldstein FROM events e WHERE {where} AND {src} IS NOT NULL
            UNION ALL
            SELECT {tgt} AS actor, e.goldstein FROM events e WHERE {where} AND e.target_code IS NOT NULL)
        SELECT actor AS id, count(*) AS events, round(avg(goldstein), 3) AS mean_goldstein
        FROM ends GROUP BY actor ORDER BY events DESC, id""", params + params))
    names = _actor_names(con, level)
    linked = {edge["source"] for edge in edges} | {edge["target"] for edge in edges}
    for node in nodes:
        node["name"] = names.get(node["id"], node["id"])
        node["linked"] = node["id"] in linked
    return {"level": level, "nodes": nodes, "edges": edges}


def _actor_names(con, level: str) -> dict[str, str]:
    if level == "actor":
        return {code: name for code, name in con.execute("SELECT code, name FROM actors").fetchall() if name}
    import pycountry

    out = {}
    for (code,) in con.execute("SELECT DISTINCT coalesce(country, code) FROM actors").fetchall():
        country = pycountry.countries.get(alpha_3=code) if code and len(code) == 3 else None
        out[code] = country.name if country else code
    for code, name in con.execute("SELECT code, name FROM actors WHERE country IS NULL").fetchall():
        out[code] = name or code
    return out


def busiest_pair(con, level: str = "country", actor: str | None = None) -> dict[str, Any] | None:
    """The pair of actors with the most dated events between them, either direction; with `actor`
    (a country or code prefix, as the filters take it), that actor's busiest partner."""
    src, tgt = _actor_expr("source", level), _actor_expr("target", level)
    params: list = []
    involving = "TRUE"
    if actor:
        value = actor.upper()
        involving = ("((e.source_country = ? OR starts_with(e.source_code, ?)) "
                     "OR (e.target_country = ? OR starts_with(e.target_code, ?)))")
        params = [value] * 4
    row = con.execute(f"""
        SELECT least({src}, {tgt}) AS a, greatest({src}, {tgt}) AS b, count(*) AS events
        FROM events e WHERE e.date IS NOT NULL AND e.target_code IS NOT NULL AND {src} <> {tgt} AND {involving}
        GROUP BY ALL ORDER BY events DESC, a, b LIMIT 1""", params).fetchone()
    if row is None:
        return None
    pair = {"a": row[0], "b": row[1], "events": row[2]}
    if actor:
        # The asked-for actor first, as asked ("JPNGOV"), its partner at the network's level.
        asked = actor.upper()
        first_is_asked = asked.startswith(row[0]) or row[0].startswith(asked)
        pair["a"], pair["b"] = asked, row[1] if first_is_asked else row[0]
    return pair


def map_points(con, filters: dict[str, Any] | None = None, limit: int = 5000) -> list[dict[str, Any]]:
    """Events that have a place of action, with its coordinates, for the map."""
    where, params = where_clause({k: v for k, v in (filters or {}).items() if k != "limit"})
    return _dicts(con.execute(f"""
        SELECT e.event_id, e.date, e.source_code, e.target_code, e.code, e.quad_class, e.goldstein,
               e.geo_full_name AS place, e.geo_lat AS lat, e.geo_lon AS lon,
               m.content_hash AS article_key, m.sentence_index,
               json_extract_string(m.record, '$.name') AS name
        FROM events e JOIN mentions m USING (mention_id)
        WHERE {where} AND e.geo_lat IS NOT NULL AND e.geo_lon IS NOT NULL
        ORDER BY e.date NULLS LAST, e.event_id LIMIT ?""", params + [int(limit)]))


def date_range(con) -> dict[str, Any]:
    """First and last event date in the store, for the dashboard's time filters."""
    first, last = con.execute("SELECT min(date), max(date) FROM events").fetchone()
    return {"first": first, "last": last}
