"""The event store: a DuckDB file of articles, their coded event mentions, and deduplicated events.

Jobs the CLI (and later a web app or a distributed runner) call:
  ingest_paths(paths, db=...)   read, skip what is stored, code, write batch by batch, deduplicate (incrementally)
  recode_store(db=...)          code stored articles again with the current coder, swap atomically
Tables and guarantees: docs/store.md.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Callable

from ..errors import EventlensError, InputError
from ..models import Article
from .dedup import rebuild_events, update_events
from .schema import DEFAULT_DB, SCHEMA_VERSION, StoreError, content_hash, open_store
from .writer import StoreWriter, WriteStats, _is_duckdb_error, write_failure

_STAGED = ("recode_articles", "recode_sentences", "recode_mentions")


@dataclass(slots=True)
class JobStats:
    articles: int = 0  # coded and written in this run
    mentions: int = 0  # event mentions written in this run
    unchanged: int = 0  # already stored with this coder version (or repeated within the run)
    skipped: int = 0  # bad inputs and articles that could not be coded
    events: int = 0  # deduplicated events in the store afterwards
    dictionary_problems: int = 0
    coder_version: str = ""

    @classmethod
    def of(cls, written: WriteStats, events: int, problems: int, version: str) -> "JobStats":
        return cls(written.articles, written.events, written.unchanged, written.skipped, events, problems, version)


def _chunk_size(batch_articles: int) -> int:
    """Coders hand back whole chunks: a chunk no bigger than a batch lets every batch commit on time."""
    return max(1, min(64, batch_articles))


def _code_into(writer, articles, coder, processes, batch_size, batch_articles, warn, progress,
               article_timeout=60.0):
    """Code articles in the workers and hand every result to the one writer; returns its totals."""
    from ..coding import code_articles  # spaCy loads only when something is coded

    for result in code_articles(articles, coder=coder, processes=processes, batch_size=batch_size,
                                chunk_size=_chunk_size(batch_articles), article_timeout=article_timeout):
        if result.error is not None:
            warn(result.error)
        writer.add(result)
        progress(writer.stats.articles + len(writer._hashes), writer.stats.events + len(writer._mentions))
    return writer.close()


def _no_progress(articles: int, mentions: int) -> None:
    pass


def ingest_paths(paths, *, db: str = DEFAULT_DB, default_date: dt.date | None = None, text_col: str = "text",
                 id_col: str = "id", date_col: str = "date", max_chars: int = 1_000_000, processes: int | str = "auto",
                 batch_size: int = 32, batch_articles: int = 64, article_timeout: float | None = 60.0,
                 warn: Callable[[EventlensError], None] = lambda e: None,
                 progress: Callable[[int, int], None] = _no_progress, **coder_options) -> JobStats:
    """Code and store every article under `paths` that the store does not already hold with this
    coder version; then bring the deduplicated events up to date (only the grouping keys the new articles
    touch). Bad inputs go to `errors` and to `warn`."""
    from ..coding import Coder
    from ..ingest.formats import iter_rich_inputs

    coder = Coder(**coder_options)
    for problem in coder.problems:
        warn(problem)
    con = open_store(db)
    try:
        writer = StoreWriter(con, coder_version=coder.version, batch_articles=batch_articles, command="ingest")
        seen: set[str] = set()

        def articles_to_code():
            # Runs in the thread that feeds the coders, so it asks the store through its own cursor.
            lookup = con.cursor()
            for item in iter_rich_inputs(paths, default_date=default_date, text_col=text_col, id_col=id_col,
                                         date_col=date_col, max_chars=max_chars):
                if isinstance(item, InputError):
                    writer.error(item)
                    warn(item)
                    continue
                digest = content_hash(item.text, item.date)
                if digest in seen:
                    writer.stats.unchanged += 1
                    continue
                seen.add(digest)
                stored = lookup.execute("SELECT coder_version FROM articles WHERE content_hash = ?",
                                        [digest]).fetchone()
                if stored is not None and stored[0] == coder.version:
                    writer.stats.unchanged += 1
                    continue
                yield item
            lookup.close()

        with _write_errors():
            written = _code_into(writer, articles_to_code(), coder, processes, batch_size, batch_articles,
                                 warn, progress, article_timeout)
            events = update_events(con)
    finally:
        _close(con)
    return JobStats.of(written, events, len(coder.problems), coder.version)


def recode_store(*, db: str = DEFAULT_DB, processes: int | str = "auto", batch_size: int = 32, batch_articles: int = 64,
                 force: bool = False, article_timeout: float | None = 60.0,
                 warn: Callable[[EventlensError], None] = lambda e: None,
                 progress: Callable[[int, int], None] = _no_progress, **coder_options) -> JobStats:
    """Code the stored articles again with the current coder (those of another coder version, or all
    with `force`). New mentions are staged batch by batch, then replace the old ones in one transaction."""
    from ..coding import Coder

    coder = Coder(**coder_options)
    for problem in coder.problems:
        warn(problem)
    con = open_store(db)
    try:
        # Staging left by a recode that was killed is incomplete: start it again.
        for table in _STAGED:
            con.execute(f"DROP TABLE IF EXISTS {table}")
        for table in ("articles", "sentences", "mentions"):
            con.execute(f"CREATE TABLE recode_{table} AS SELECT * FROM {table} LIMIT 0")
        writer = StoreWriter(con, coder_version=coder.version, batch_articles=batch_articles, command="recode",
                             prefix="recode_")

        def stored_articles():
            reader = con.cursor()
            where = "" if force else "WHERE coder_version IS DISTINCT FROM ?"
            reader.execute(f"SELECT id, text, publication_date, title, url, source FROM articles {where} "
                           "ORDER BY ingested_at, content_hash", [] if force else [coder.version])
            while rows := reader.fetchmany(256):
                for article_id, text, day, title, url, source in rows:
                    yield Article(id=article_id, text=text, date=day, title=title, url=url, source=source,
                                  origin=f"store: {article_id}")
            reader.close()

        with _write_errors():
            written = _code_into(writer, stored_articles(), coder, processes, batch_size, batch_articles,
                                 warn, progress, article_timeout)
            _swap_in_recoded(con)
            events = rebuild_events(con)
    finally:
        _close(con)
    return JobStats.of(written, events, len(coder.problems), coder.version)


@contextlib.contextmanager
def _write_errors():
    """A write that fails in DuckDB (a full disk, a file-size limit) becomes one StoreError."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        if _is_duckdb_error(exc):
            raise write_failure(exc) from None
        raise


def _close(con) -> None:
    try:
        con.close()
    except Exception:  # closing checkpoints; on a full disk that fails, and the log keeps the commits
        pass


def _swap_in_recoded(con) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("mentions", "sentences"):
            con.execute(f"DELETE FROM {table} WHERE content_hash IN (SELECT content_hash FROM recode_articles)")
            con.execute(f"INSERT INTO {table} SELECT * FROM recode_{table}")
        # The article keeps its first ingest time: only its coding changed.
        con.execute("""UPDATE articles SET coder_version = r.coder_version, n_events = r.n_events
                       FROM recode_articles r WHERE articles.content_hash = r.content_hash""")
        for table in _STAGED:
            con.execute(f"DROP TABLE {table}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "JobStats", "StoreError", "StoreWriter", "content_hash",
           "ingest_paths", "open_store", "rebuild_events", "recode_store", "update_events"]
