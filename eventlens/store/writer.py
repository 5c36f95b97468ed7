"""The one writer of a store: coded articles in, one transaction per batch out.

Coders may run anywhere (worker processes now, other machines later); they hand `Result`s to a single
StoreWriter, which is the only code that writes. A batch is written in one transaction, so a process
killed at any instant leaves the store as it was after the last committed batch, and the articles of
the lost batch are simply coded again by the next run (their content hashes are not in the store).
"""
from __future__ import annotations

import datetime as dt
import threading
import uuid
from dataclasses import dataclass
from typing import Any

from ..errors import EventlensError
from .schema import ARTICLE_COLUMNS, MENTION_COLUMNS, StoreError, article_rows, insert_columns

_SENTENCE_COLUMNS = [("content_hash", "VARCHAR"), ("sentence_index", "INTEGER"), ("text", "VARCHAR")]
_ERROR_COLUMNS = [("input", "VARCHAR"), ("error_code", "VARCHAR"), ("reason", "VARCHAR"), ("fix", "VARCHAR"),
                  ("run_id", "VARCHAR"), ("recorded_at", "TIMESTAMP")]


@dataclass(slots=True)
class WriteStats:
    articles: int = 0  # articles written in this run (new or re-coded)
    events: int = 0  # event mentions written
    skipped: int = 0  # bad inputs and articles that could not be coded
    unchanged: int = 0  # already stored with this coder version, not coded again


def _is_duckdb_error(exc: BaseException) -> bool:
    return type(exc).__module__.startswith(("duckdb", "_duckdb"))


def write_failure(exc: BaseException) -> StoreError:
    """A failed write (full disk, file-size limit, I/O error) as one clear error. The batch's transaction
    did not commit, so the store holds exactly the batches committed before it."""
    reason = str(exc).split("\n")[0]
    return StoreError(f"cannot write the store ({reason}); nothing of the failed batch was kept", where=None,
                      fix="free disk space (or raise the file-size limit), then run the same command again: "
                          "it codes only what is missing")


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class StoreWriter:
    """Collects coded articles and errors and writes them in batches of `batch_articles`.

    `add(result)` takes a `eventlens.coding.Result`; `error(err)` records a bad input; `flush()` writes
    what is pending in one transaction; `close()` flushes and marks the run finished. `error` may be
    called from another thread (the one feeding the coders) than `add`."""

    def __init__(self, con, *, coder_version: str, batch_articles: int = 64, command: str = "ingest",
                 prefix: str = ""):
        self.con = con
        # With a prefix (recode), batches go to staging tables that are swapped in at the end.
        self.prefix = prefix
        self.coder_version = coder_version
        self.batch_articles = batch_articles
        self.run_id = uuid.uuid4().hex[:12]
        self.stats = WriteStats()
        self._articles: list[list[Any]] = []
        self._sentences: list[list[Any]] = []
        self._mentions: list[list[Any]] = []
        self._hashes: list[str] = []
        self._errors: list[list[Any]] = []
        self._lock = threading.Lock()
        con.execute("INSERT INTO runs (run_id, command, coder_version, started) VALUES (?, ?, ?, ?)",
                    [self.run_id, command, coder_version, now()])

    def error(self, err: EventlensError) -> None:
        with self._lock:
            self.stats.skipped += 1
            self._errors.append([err.where or "", err.code, err.message, err.fix, self.run_id, now()])

    def add(self, result) -> None:
        if result.error is not None:
            self.error(result.error)
        else:
            self._stage(result.article, [ev.to_dict() for ev in result.events])
        if len(self._hashes) >= self.batch_articles:
            self.flush()

    def add_records(self, article, records: list[dict[str, Any]]) -> None:
        """Stage an article with event records already as dicts (a remote coder's JSON)."""
        self._stage(article, records)
        if len(self._hashes) >= self.batch_articles:
            self.flush()

    def _stage(self, article, records: list[dict[str, Any]]) -> None:
        article_row, mentions = article_rows(article, records, coder_version=self.coder_version, ingested_at=now())
        digest = article_row[0]
        self._hashes.append(digest)
        self._articles.append(article_row)
        self._mentions.extend(mentions)
        sentences: dict[int, str] = {}
        for record in records:
            sentences.setdefault(record["sentence_index"], record.get("sentence"))
        self._sentences.extend([digest, index, text] for index, text in sorted(sentences.items()))

    def flush(self) -> None:
        with self._lock:
            errors, self._errors = self._errors, []
        if not self._hashes and not errors:
            return
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if self._hashes and not self.prefix:
                # Only articles stored by another coder version are here again: their old rows go.
                stale = [row[0] for row in con.execute(
                    "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest($1))",
                    [self._hashes]).fetchall()]
                if stale:
                    for table in ("mentions", "sentences", "articles"):
                        con.execute(f"DELETE FROM {table} WHERE content_hash IN (SELECT unnest($1))", [stale])
            insert_columns(con, f"{self.prefix}articles", ARTICLE_COLUMNS, self._articles)
            insert_columns(con, f"{self.prefix}sentences", _SENTENCE_COLUMNS, self._sentences)
            insert_columns(con, f"{self.prefix}mentions", MENTION_COLUMNS, self._mentions)
            insert_columns(con, "errors", _ERROR_COLUMNS, errors)
            if self._hashes and not self.prefix:
                # Their events are brought up to date by eventlens.store.dedup.update_events, even if this
                # process is killed before it gets there.
                con.execute("INSERT INTO dedup_pending SELECT DISTINCT unnest($1) ON CONFLICT DO NOTHING",
                            [self._hashes])
            con.execute("COMMIT")
        except BaseException as exc:
            try:
                con.execute("ROLLBACK")
            except Exception:
                pass  # a COMMIT that failed (disk full) has already ended the transaction
            if _is_duckdb_error(exc):
                raise write_failure(exc) from None
            raise
        self.stats.articles += len(self._hashes)
        self.stats.events += len(self._mentions)
        self._articles, self._sentences, self._mentions, self._hashes = [], [], [], []

    def close(self) -> WriteStats:
        self.flush()
        s = self.stats
        self.con.execute("UPDATE runs SET finished = ?, articles = ?, events = ?, unchanged = ?, skipped = ? "
                         "WHERE run_id = ?", [now(), s.articles, s.events, s.unchanged, s.skipped, self.run_id])
        return s
