"""Parquet datasets of coded articles: what `eventlens code --out DIR` writes, how the store reads them.

A dataset is a directory (or an fsspec URL when it is written) laid out like this:

    DIR/_eventlens.json                          format version and the coder version of every file
    DIR/events/month=YYYY-MM/part-HASH.parquet   event mentions: the store's `mentions` rows
    DIR/events/month=undated/part-HASH.parquet   mentions with neither an event nor a publication date
    DIR/articles/part-HASH.parquet               one row per coded article (the store's `articles` rows)
    DIR/errors/part-HASH.parquet                 the inputs that were skipped, with reason and fix
    DIR/_runs/RUN_ID.json                        what each run did (started, finished, counts)

HASH is the content hash of one input partition (its articles and the coder version), so a partition
coded twice, by a retried task or a repeated run, writes the same files again instead of new ones.

The event rows have the columns of the store's `mentions` table (docs/store.md): the record's fields
flattened, plus the whole event record as JSON in `record`. They are mentions, not deduplicated
events; `open_dataset` deduplicates them with the store's own SQL, and `import_dataset` loads them
into a store.
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import os
from typing import Any

from ..errors import EventlensError
from .schema import ARTICLE_COLUMNS, MENTION_COLUMNS, StoreError, article_rows

FORMAT_VERSION = "1"
META_FILE = "_eventlens.json"
ERROR_COLUMNS = [("input", "VARCHAR"), ("error_code", "VARCHAR"), ("reason", "VARCHAR"), ("fix", "VARCHAR"),
                 ("run_id", "VARCHAR"), ("recorded_at", "TIMESTAMP")]
UNDATED = "undated"

_ARROW_TYPES = {"VARCHAR": "string", "JSON": "string", "INTEGER": "int32", "TINYINT": "int8",
                "BOOLEAN": "bool_", "DOUBLE": "float64", "DATE": "date32", "TIMESTAMP": "timestamp"}


def arrow_schema(columns: list[tuple[str, str]]):
    """The Arrow schema of a table given as the store's (name, DuckDB type) columns."""
    import pyarrow as pa

    fields = []
    for name, ddl in columns:
        kind = _ARROW_TYPES[ddl.split()[0]]
        fields.append(pa.field(name, pa.timestamp("us") if kind == "timestamp" else getattr(pa, kind)()))
    return pa.schema(fields)


def _day(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_DATE_COLUMNS = [i for i, (_, kind) in enumerate(MENTION_COLUMNS) if kind.startswith("DATE")]
_DATE_INDEX = [name for name, _ in MENTION_COLUMNS].index("date")
_PUBLISHED_INDEX = [name for name, _ in MENTION_COLUMNS].index("publication_date")


def event_month(row: list[Any]) -> str:
    """The hive partition of a mention row: the month of its event date, else of its article's
    publication date, else `undated`."""
    day = _day(row[_DATE_INDEX]) or _day(row[_PUBLISHED_INDEX])
    return f"{day.year:04d}-{day.month:02d}" if day else UNDATED


def table_of(columns: list[tuple[str, str]], rows: list[list[Any]]):
    """An Arrow table of rows given in `columns` order."""
    import pyarrow as pa

    schema = arrow_schema(columns)
    data = [list(col) for col in zip(*rows)] if rows else [[] for _ in columns]
    if columns is MENTION_COLUMNS:
        for i in _DATE_COLUMNS:
            data[i] = [_day(v) for v in data[i]]
    return pa.Table.from_arrays([pa.array(col, type=field.type) for col, field in zip(data, schema)],
                                schema=schema)


# -- reading ---------------------------------------------------------------------------------------

def is_dataset(path: str) -> bool:
    """Whether `path` is a local directory holding an eventlens dataset."""
    return os.path.isdir(path) and os.path.exists(os.path.join(path, META_FILE))


def read_meta(path: str) -> dict[str, Any]:
    try:
        with open(os.path.join(path, META_FILE), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise StoreError(f"not an eventlens Parquet dataset ({exc})", where=path,
                         fix="point --db at a directory written by `eventlens code --out DIR`") from None


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _source(con, root: str, folder: str, columns: list[tuple[str, str]], *, hive: bool = False) -> str:
    """A SELECT over the Parquet files of one folder, or over an empty table when there are none."""
    pattern = os.path.join(root, folder, "**", "*.parquet") if hive else os.path.join(root, folder, "*.parquet")
    names = ", ".join(name for name, _ in columns)
    if not glob.glob(pattern, recursive=hive):
        empty = f"empty_{folder}"
        con.execute(f"CREATE TEMP TABLE {empty} ({', '.join(f'{n} {t.split()[0]}' for n, t in columns)})")
        return f"SELECT {names} FROM {empty}"
    option = "true" if hive else "false"
    return f"SELECT {names} FROM read_parquet({_sql_text(pattern)}, hive_partitioning={option}, union_by_name=true)"


def _attach(con, root: str) -> None:
    """Views over the dataset named like the store's tables: articles, mentions, sentences, errors."""
    mention_names = ", ".join(name for name, _ in MENTION_COLUMNS)
    con.execute(f"""CREATE VIEW ds_mentions AS SELECT DISTINCT ON (mention_id) {mention_names}
                    FROM ({_source(con, root, 'events', MENTION_COLUMNS, hive=True)})""")
    article_names = ", ".join(name for name, _ in ARTICLE_COLUMNS)
    # The same article in two input files is coded twice into the same rows: keep one.
    con.execute(f"""CREATE VIEW ds_articles AS SELECT DISTINCT ON (content_hash) {article_names}
                    FROM ({_source(con, root, 'articles', ARTICLE_COLUMNS)}) ORDER BY content_hash, ingested_at""")
    con.execute(f"CREATE VIEW ds_errors AS {_source(con, root, 'errors', ERROR_COLUMNS)}")


def open_dataset(path: str):
    """A read-only view of a dataset as a store: `articles`, `sentences`, `mentions`, `errors`, `runs`
    read the Parquet files; `events`, `event_mentions` and `actors` are deduplicated here, by the
    store's own group-by (eventlens.store.dedup). Queries can read the dataset's folder and no other
    file, and cannot change any setting."""
    import duckdb

    from .dedup import rebuild_events
    from .schema import _DDL, SCHEMA_VERSION

    meta = read_meta(path)
    if str(meta.get("format")) != FORMAT_VERSION:
        raise StoreError(f"dataset format {meta.get('format')}, this eventlens reads {FORMAT_VERSION}", where=path,
                         fix="write the dataset again with this eventlens")
    root = os.path.realpath(path)
    con = duckdb.connect(":memory:")
    try:
        _attach(con, root)
        con.execute("CREATE VIEW articles AS SELECT * FROM ds_articles")
        con.execute("CREATE VIEW mentions AS SELECT * FROM ds_mentions")
        con.execute("""CREATE VIEW sentences AS SELECT content_hash, sentence_index,
                       any_value(json_extract_string(record, '$.sentence')) AS text
                       FROM ds_mentions GROUP BY ALL""")
        con.execute("CREATE VIEW errors AS SELECT * FROM ds_errors")
        for statement in _DDL:
            if any(f"EXISTS {name} " in statement for name in ("meta", "events", "event_mentions", "actors", "runs")):
                con.execute(statement)
        con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('dataset', ?), ('coder_version', ?)",
                    [SCHEMA_VERSION, root, meta.get("coder_version")])
        for name in sorted(glob.glob(os.path.join(root, "_runs", "*.json"))):
            try:
                with open(name, encoding="utf-8") as fh:
                    run = json.load(fh)
                con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [run.get(k) for k in ("run_id", "command", "coder_version", "started", "finished",
                                                  "articles", "events", "unchanged", "skipped")])
            except (OSError, ValueError, duckdb.Error):
                continue  # a run file being written right now: the run shows once it is complete
        rebuild_events(con)
        con.execute(f"SET allowed_directories = [{_sql_text(root + os.sep)}]")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"cannot read the Parquet dataset ({exc})", where=path,
                         fix="check that the directory was written by `eventlens code --out`") from None
    return con


def import_dataset(path: str, *, db: str, command: str = "ingest --from-parquet") -> dict[str, Any]:
    """Load a dataset into the store at `db` and deduplicate again. Idempotent: an article the store
    holds with the same coder version is left as it is (counted `unchanged`); one held with another
    coder version has its rows replaced. One transaction: a killed import leaves the store as it was."""
    import uuid

    from .dedup import update_events
    from .schema import open_store
    from .writer import now

    if not is_dataset(path):
        raise StoreError("not an eventlens Parquet dataset (no _eventlens.json)", where=path,
                         fix="give a directory written by `eventlens code --out DIR`")
    meta = read_meta(path)
    root = os.path.realpath(path)
    con = open_store(db)
    run_id = uuid.uuid4().hex[:12]
    started = now()
    try:
        _attach(con, root)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("""CREATE OR REPLACE TEMP TABLE incoming AS
                           SELECT d.content_hash FROM ds_articles d LEFT JOIN articles a USING (content_hash)
                           WHERE a.content_hash IS NULL OR a.coder_version IS DISTINCT FROM d.coder_version""")
            total = con.execute("SELECT count(*) FROM ds_articles").fetchone()[0]
            fresh = con.execute("SELECT count(*) FROM incoming").fetchone()[0]
            for table in ("mentions", "sentences", "articles"):
                con.execute(f"DELETE FROM {table} WHERE content_hash IN (SELECT content_hash FROM incoming)")
            article_names = ", ".join(name for name, _ in ARTICLE_COLUMNS if name != "ingested_at")
            con.execute(f"""INSERT INTO articles ({article_names}, ingested_at)
                            SELECT {article_names}, ? FROM ds_articles
                            WHERE content_hash IN (SELECT content_hash FROM incoming)""", [started])
            names = ", ".join(name for name, _ in MENTION_COLUMNS)
            con.execute(f"""INSERT INTO mentions ({names}) SELECT {names} FROM ds_mentions
                            WHERE content_hash IN (SELECT content_hash FROM incoming)""")
            con.execute("""INSERT INTO sentences SELECT content_hash, sentence_index,
                               any_value(json_extract_string(record, '$.sentence'))
                           FROM ds_mentions WHERE content_hash IN (SELECT content_hash FROM incoming)
                           GROUP BY ALL""")
            mentions = con.execute("""SELECT count(*) FROM mentions
                                      WHERE content_hash IN (SELECT content_hash FROM incoming)""").fetchone()[0]
            skipped = con.execute("SELECT count(*) FROM ds_errors").fetchone()[0]
            con.execute("""INSERT INTO errors SELECT input, error_code, reason, fix, ?, recorded_at
                           FROM ds_errors""", [run_id])
            con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [run_id, command, meta.get("coder_version"), started, now(), fresh, mentions,
                         total - fresh, skipped])
            con.execute("INSERT INTO dedup_pending SELECT content_hash FROM incoming ON CONFLICT DO NOTHING")
            con.execute("DROP TABLE incoming")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        for view in ("ds_mentions", "ds_articles", "ds_errors"):
            con.execute(f"DROP VIEW IF EXISTS {view}")
        events = update_events(con)
    except EventlensError:
        raise
    except Exception as exc:
        import duckdb

        if isinstance(exc, duckdb.Error):
            raise StoreError(f"cannot load the dataset ({exc})", where=path,
                             fix="check that the directory was written by `eventlens code --out`") from None
        raise
    finally:
        con.close()
    return {"articles": fresh, "mentions": mentions, "unchanged": total - fresh, "skipped": skipped,
            "events": events, "coder_version": meta.get("coder_version") or ""}


__all__ = ["ERROR_COLUMNS", "FORMAT_VERSION", "META_FILE", "UNDATED", "arrow_schema", "article_rows",
           "event_month", "import_dataset", "is_dataset", "open_dataset", "read_meta", "table_of"]
