"""Coding a corpus into a Parquet dataset, partition by partition, on any Runner.

`code_partition` is the task: it runs where the runner puts it (this process, a pool process, a Dask
worker's coder process), reads its partition straight from the input, codes it with the process's one
pipeline and coder, and writes that partition's files. `code_to_dataset` is the client: it plans the partitions,
hands them to the runner a few at a time, and adds up what the tasks report.

Why a retried or repeated task never doubles a row: every file of a partition is named by the
partition's content hash (its articles, their metadata, its bad inputs, and the coder version), written
under a temporary name and renamed into place. Running a partition again renames the same rows onto
the same names.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import EventlensError, InputError, UsageError
from ..models import Article
from ..store.dataset import (ERROR_COLUMNS, FORMAT_VERSION, META_FILE, article_rows, event_month, table_of)
from ..store.schema import ARTICLE_COLUMNS, MENTION_COLUMNS, content_hash
from .partitions import DEFAULT_PARTITION_SIZE, Partition, ReadOptions, plan, read_partition

MAX_MESSAGES = 20  # error lines a task sends back for printing; all of them are in the errors dataset


@dataclass(frozen=True, slots=True)
class Job:
    """What every task of one run needs: small, so it travels with each task."""

    out: str
    coder_config: dict
    coder_version: str
    read: ReadOptions
    batch_size: int
    run_id: str
    started: dt.datetime


@dataclass(slots=True)
class JobStats:
    partitions: int = 0
    articles: int = 0
    events: int = 0
    skipped: int = 0
    unchanged: int = 0
    words: int = 0
    seconds: float = 0.0
    dictionary_problems: int = 0
    coder_version: str = ""
    run_id: str = ""
    messages: list[str] = field(default_factory=list)


# -- the worker side -------------------------------------------------------------------------------

_STATE: dict[str, tuple[Any, Any]] = {}
_WARM_UP = "PARIS, Jan. 1 - France met Germany in Berlin on Monday and said it would send aid to Kenya."
_STATE_LOCK = threading.Lock()


def worker_state(coder_config: dict):
    """This process's (coder, pipeline), built once per process and coder configuration."""
    key = json.dumps(coder_config, sort_keys=True, default=list)
    with _STATE_LOCK:
        if key not in _STATE:
            from ..coding import Coder
            from ..nlp import load_pipeline, single_thread_blas

            single_thread_blas()
            _STATE.clear()  # one configuration at a time: a pipeline is some hundred MB
            coder, nlp = Coder(**coder_config), load_pipeline()
            # Code one sentence now, so that what loads on first use (the gazetteer, ~3 s) is loaded
            # when the worker starts, not inside its first partition.
            coder.code_doc(nlp(_WARM_UP), Article(id="warm-up", text=_WARM_UP, date=dt.date(2025, 1, 1)))
            _STATE[key] = (coder, nlp)
        return _STATE[key]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _write(fs, path: str, table, run_id: str) -> None:
    """Write a Parquet file under a temporary name beside `path`, then rename it onto `path`."""
    import pyarrow.parquet as pq

    folder, name = path.rsplit("/", 1)
    fs.makedirs(folder, exist_ok=True)
    temporary = f"{folder}/.{name}.{run_id}-{uuid.uuid4().hex[:8]}.tmp"
    try:
        with fs.open(temporary, "wb") as handle:
            pq.write_table(table, handle, compression="zstd")
        fs.mv(temporary, path)
    except BaseException:
        try:
            fs.rm(temporary)
        except (OSError, FileNotFoundError):
            pass
        raise


def _error_row(err: EventlensError, run_id: str) -> list[Any]:
    return [err.where or "", err.code, err.message, err.fix, run_id, _now()]


def code_partition(partition: Partition, job: Job, skip: frozenset | None = None) -> dict[str, Any]:
    """Read, code and write one partition; returns its counts (small: it goes back to the client)."""
    import fsspec

    from ..coding import _code_batch
    from . import resolve

    skip = resolve(skip)
    began, began_cpu = time.perf_counter(), time.thread_time()
    coder, nlp = worker_state(job.coder_config)
    if coder.version != job.coder_version:
        raise UsageError(f"this worker codes as {coder.version}, the run as {job.coder_version}",
                         fix="install the same eventlens, lexicon and dictionary files on every worker")
    digest = hashlib.sha256(f"{FORMAT_VERSION}|{job.coder_version}".encode())
    articles: list[Article] = []
    errors: list[list[Any]] = []
    messages: list[str] = []
    unchanged = 0
    for item in read_partition(partition, job.read):
        if isinstance(item, InputError):
            errors.append(_error_row(item, job.run_id))
            digest.update(f"\x01{item.where}\x00{item.message}".encode("utf-8", "surrogatepass"))
            continue
        key = content_hash(item.text, item.date)
        if skip and key[:16] in skip:
            unchanged += 1
            continue
        digest.update(f"\x02{key}\x00{item.id}\x00{item.title}\x00{item.url}\x00{item.source}".encode(
            "utf-8", "surrogatepass"))
        articles.append(item)
    name = f"part-{digest.hexdigest()[:32]}.parquet"

    article_table: list[list[Any]] = []
    months: dict[str, list[list[Any]]] = {}
    words = 0
    events = 0
    for result in (_code_batch(coder, nlp, articles, job.batch_size) if articles else []):
        if result.error is not None:
            errors.append(_error_row(result.error, job.run_id))
            continue
        row, mentions = article_rows(result.article, [e.to_dict() for e in result.events],
                                     coder_version=job.coder_version, ingested_at=job.started)
        article_table.append(row)
        words += len(result.article.text.split())
        events += len(mentions)
        for mention in mentions:
            months.setdefault(event_month(mention), []).append(mention)
    for where, code, message, fix, *_ in errors[:MAX_MESSAGES]:
        messages.append(f"[{code}] {where}: {message}" + (f" -- {fix}" if fix else ""))

    fs, root = fsspec.core.url_to_fs(job.out)
    root = root.rstrip("/")
    # Events first, the articles file last: a partition whose articles file exists is complete.
    for month, rows in sorted(months.items()):
        _write(fs, f"{root}/events/month={month}/{name}", table_of(MENTION_COLUMNS, rows), job.run_id)
    if errors:
        _write(fs, f"{root}/errors/{name}", table_of(ERROR_COLUMNS, errors), job.run_id)
    if article_table:
        _write(fs, f"{root}/articles/{name}", table_of(ARTICLE_COLUMNS, article_table), job.run_id)
    return {"index": partition.index, "name": name, "articles": len(article_table), "events": events,
            "skipped": len(errors), "unchanged": unchanged, "words": words, "messages": messages,
            "seconds": time.perf_counter() - began, "cpu_seconds": time.thread_time() - began_cpu}


# -- the client side -------------------------------------------------------------------------------

def _prepare(out: str, coder_version: str) -> None:
    """Create the dataset's folder and meta file; refuse a folder of another coder version."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(out)
    root = root.rstrip("/")
    meta_path = f"{root}/{META_FILE}"
    if fs.exists(meta_path):
        with fs.open(meta_path, "rb") as handle:
            try:
                meta = json.loads(handle.read())
            except ValueError:
                meta = {}
        if meta.get("coder_version") != coder_version or str(meta.get("format")) != FORMAT_VERSION:
            raise UsageError(f"{out} holds events of coder {meta.get('coder_version')}, this run codes as "
                             f"{coder_version}", where=out,
                             fix="write to a new --out directory (one coder version per dataset)")
        return
    if fs.exists(root) and fs.isdir(root) and fs.ls(root):
        raise UsageError("--out is a folder that holds other files", where=out,
                         fix="give a new or empty folder for the dataset")
    fs.makedirs(root, exist_ok=True)
    with fs.open(meta_path, "wb") as handle:
        handle.write(json.dumps({"format": FORMAT_VERSION, "coder_version": coder_version,
                                 "layout": "events/month=YYYY-MM/part-HASH.parquet"}, indent=1).encode())


def _finish(out: str, stats: JobStats, run: dict[str, Any], planning_errors: list[InputError]) -> None:
    import fsspec

    fs, root = fsspec.core.url_to_fs(out)
    root = root.rstrip("/")
    if planning_errors:
        digest = hashlib.sha256(stats.coder_version.encode())
        for err in planning_errors:
            digest.update(f"{err.where}\x00{err.message}".encode("utf-8", "surrogatepass"))
        _write(fs, f"{root}/errors/plan-{digest.hexdigest()[:32]}.parquet",
               table_of(ERROR_COLUMNS, [_error_row(e, stats.run_id) for e in planning_errors]), stats.run_id)
    # Temporary files of this run's killed tasks (a retry wrote the file under its own temporary name).
    for left in fs.glob(f"{root}/**/.*.{stats.run_id}-*.tmp"):
        try:
            fs.rm(left)
        except (OSError, FileNotFoundError):
            pass
    fs.makedirs(f"{root}/_runs", exist_ok=True)
    with fs.open(f"{root}/_runs/{stats.run_id}.json", "wb") as handle:
        handle.write(json.dumps(run, default=str).encode())


def code_to_dataset(paths, *, out: str, runner, coder, default_date: dt.date | None = None,
                    max_chars: int = 1_000_000, text_col: str = "text", id_col: str = "id", date_col: str = "date",
                    batch_size: int = 32, partition_size: int = DEFAULT_PARTITION_SIZE,
                    skip_hashes: frozenset | None = None, command: str = "code",
                    warn: Callable[[str], None] = lambda line: None,
                    on_result: Callable[[dict[str, Any]], None] = lambda result: None) -> JobStats:
    """Code every article under `paths` into the Parquet dataset at `out` (a path or fsspec URL) on
    `runner`. Articles whose content hash starts with one of `skip_hashes` (16 hex digits) are not
    coded. `warn` gets one line per bad input (the first few of each partition)."""
    from .coder_process import single_threaded_environment

    # Before pyarrow is imported: its jemalloc would start a thread, and spaCy's parser runs ~13% slower
    # in a process with threads (eventlens.runners.coder_process). Here for the local runner's processes.
    single_threaded_environment()
    began = time.perf_counter()
    stats = JobStats(coder_version=coder.version, run_id=uuid.uuid4().hex[:12],
                     dictionary_problems=len(coder.problems))
    started = _now()
    _prepare(out, coder.version)
    job = Job(out=out, coder_config=coder.config, coder_version=coder.version,
              read=ReadOptions(default_date=default_date, max_chars=max_chars, text_col=text_col, id_col=id_col,
                               date_col=date_col),
              batch_size=batch_size, run_id=stats.run_id, started=started)
    planning_errors: list[InputError] = []

    def partitions() -> Iterator[Partition]:
        for item in plan(paths, partition_size, text_col=text_col):
            if isinstance(item, InputError):
                planning_errors.append(item)
                stats.skipped += 1
                warn(item.one_line())
                continue
            yield item

    runner.prepare(coder.config)
    shared = runner.share(skip_hashes) if skip_hashes else None
    for result in runner.map_unordered(code_partition, partitions(), job, shared):
        stats.partitions += 1
        for key in ("articles", "events", "skipped", "unchanged", "words"):
            setattr(stats, key, getattr(stats, key) + result[key])
        for line in result["messages"]:
            warn(line)
        if result["skipped"] > len(result["messages"]):
            warn(f"... and {result['skipped'] - len(result['messages'])} more in partition {result['name']} "
                 f"(all in {out}/errors)")
        on_result(result)
    stats.seconds = time.perf_counter() - began
    _finish(out, stats, {"run_id": stats.run_id, "command": command, "coder_version": coder.version,
                         "started": started, "finished": _now(), "articles": stats.articles,
                         "events": stats.events, "unchanged": stats.unchanged, "skipped": stats.skipped,
                         "partitions": stats.partitions, "runner": runner.describe()}, planning_errors)
    return stats


__all__ = ["Job", "JobStats", "code_partition", "code_to_dataset", "worker_state"]
