"""Flat tables of stored events: CSV (with a header) and Parquet, with one schema for both.

One column per scalar field of the event record; nested objects are flattened with underscores
(source_code, action_geo_lat, evidence_target_start). The two open-ended parts of the record, the
list of action spans, the attributes object and the list of places, are JSON text columns. docs/export.md lists them.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from ..ontology import cameo_table

Getter = Callable[[Mapping[str, Any]], Any]


def _path(*keys: str | int) -> Getter:
    """A getter that walks row -> key -> key ..., giving None where anything on the way is missing."""
    def get(row: Mapping[str, Any]) -> Any:
        value: Any = row
        for key in keys:
            if value is None:
                return None
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError):
                return None
        return value
    return get


def _date_added(row: Mapping[str, Any]) -> str | None:
    raw = row.get("date_added")
    if not raw:
        return None
    return dt.datetime.strptime(str(raw), "%Y%m%d%H%M%S").strftime("%Y-%m-%d %H:%M:%S")


def _plover_context(row: Mapping[str, Any]) -> str | None:
    code = row["mention"].get("code") or ""
    table = cameo_table()
    rec = table.get(code) or table.get(code[:3]) or table.get(code[:2])
    return rec.plover_context if rec else None


def _json_of(*keys: str) -> Getter:
    inner = _path(*keys)

    def get(row: Mapping[str, Any]) -> str | None:
        value = inner(row)
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return get


def _build_columns() -> list[tuple[str, str, Getter]]:
    m = ("mention",)
    cols: list[tuple[str, str, Getter]] = [
        ("event_id", "VARCHAR", _path("event_id")),
        ("num_mentions", "INTEGER", _path("num_mentions")),
        ("num_sources", "INTEGER", _path("num_sources")),
        ("num_articles", "INTEGER", _path("num_articles")),
        ("is_root_event", "BOOLEAN", _path("is_root_event")),
        ("date_added", "TIMESTAMP", _date_added),
        ("source_url", "VARCHAR", _path("source_url")),
        ("mention_id", "VARCHAR", _path(*m, "id")),
        ("article_id", "VARCHAR", _path(*m, "article_id")),
        ("sentence_index", "INTEGER", _path(*m, "sentence_index")),
        ("sentence", "VARCHAR", _path(*m, "sentence")),
    ]
    for role in ("source", "target", "speaker"):
        for field, kind in (("code", "VARCHAR"), ("name", "VARCHAR"), ("country", "VARCHAR"),
                            ("sector", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"),
                            ("end", "INTEGER"), ("via", "VARCHAR")):
            cols.append((f"{role}_{field}", kind, _path(*m, role, field)))
    cols += [
        ("code", "VARCHAR", _path(*m, "code")),
        ("base_code", "VARCHAR", _path(*m, "base_code")),
        ("root_code", "VARCHAR", _path(*m, "root_code")),
        ("name", "VARCHAR", _path(*m, "name")),
        ("plover_event", "VARCHAR", _path(*m, "plover", "event")),
        ("plover_mode", "VARCHAR", _path(*m, "plover", "mode")),
        ("plover_context", "VARCHAR", _plover_context),
        ("goldstein", "DOUBLE", _path(*m, "goldstein")),
        ("quad_class", "INTEGER", _path(*m, "quad_class")),
        ("date", "DATE", _path(*m, "date")),
        ("date_precision", "VARCHAR", _path(*m, "date_precision")),
        ("date_expression_text", "VARCHAR", _path(*m, "date_expression", "text")),
        ("date_expression_start", "INTEGER", _path(*m, "date_expression", "start")),
        ("date_expression_end", "INTEGER", _path(*m, "date_expression", "end")),
        ("publication_date", "DATE", _path(*m, "publication_date")),
        ("publication_date_inferred", "BOOLEAN", _path(*m, "publication_date_inferred")),
        ("publication_date_confidence", "DOUBLE", _path(*m, "publication_date_confidence")),
    ]
    for geo in ("action_geo", "source_geo", "target_geo"):
        for field, kind in (("type", "INTEGER"), ("full_name", "VARCHAR"), ("country_code", "VARCHAR"),
                            ("fips", "VARCHAR"), ("adm1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
                            ("feature_id", "VARCHAR")):
            cols.append((f"{geo}_{field}", kind, _path(*m, geo, field)))
    cols += [("negated", "BOOLEAN", _path(*m, "negated")), ("modality", "VARCHAR", _path(*m, "modality"))]
    for role in ("source", "target", "speaker"):
        cols.append((f"evidence_{role}_start", "INTEGER", _path(*m, "evidence", role, 0)))
        cols.append((f"evidence_{role}_end", "INTEGER", _path(*m, "evidence", role, 1)))
    cols += [
        ("evidence_action", "VARCHAR", _json_of(*m, "evidence", "action")),
        ("rule", "VARCHAR", _path(*m, "rule")),
        ("confidence", "DOUBLE", _path(*m, "confidence")),
        ("attributes", "VARCHAR", _json_of(*m, "attributes")),
        ("coder_version", "VARCHAR", _path(*m, "coder_version")),
        ("places", "VARCHAR", _json_of(*m, "places")),
    ]
    return cols


COLUMNS = _build_columns()
SCHEMA = {name: kind for name, kind, _ in COLUMNS}


def flat_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """One stored event as {column: value}; values keep their Python types. Missing values and
    empty text are None, since CSV cannot tell the two apart and both formats must agree."""
    out: dict[str, Any] = {}
    for name, kind, get in COLUMNS:
        value = get(row)
        if value is not None and kind == "VARCHAR" and not isinstance(value, str):
            value = str(value)
        out[name] = None if value == "" else value
    return out


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """CSV with a header, RFC 4180 quoting (quotes doubled; fields with commas, quotes or line
    breaks quoted, so tabs and newlines inside text survive). Missing values are empty."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _, _ in COLUMNS])
    count = 0
    for row in rows:
        writer.writerow([_csv_value(v) for v in flat_row(row).values()])
        count += 1
    return count


def write_parquet(rows: Iterable[Mapping[str, Any]], out_path: str | os.PathLike[str]) -> int:
    """Stream the rows to a temporary JSON-lines file, then let DuckDB copy it to Parquet with the
    declared column types; nothing but one row is held in Python memory at a time."""
    import duckdb

    out_path = Path(out_path)
    count = 0
    fd, tmp_name = tempfile.mkstemp(suffix=".jsonl", prefix=".eventlens-export-",
                                    dir=str(out_path.parent.resolve()))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as tmp:
            for row in rows:
                tmp.write(json.dumps(flat_row(row), ensure_ascii=True))
                tmp.write("\n")
                count += 1
        columns = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in SCHEMA.items()) + "}"
        select = ", ".join(f'"{name}"' for name in SCHEMA)
        con = duckdb.connect(":memory:")
        try:
            con.execute(
                f"COPY (SELECT {select} FROM read_json(?, format='newline_delimited', columns={columns})) "
                f"TO '{_sql_string(str(out_path))}' (FORMAT parquet)", [tmp_name])
        finally:
            con.close()
    finally:
        os.unlink(tmp_name)
    return count


def _sql_string(text: str) -> str:
    return text.replace("'", "''")
