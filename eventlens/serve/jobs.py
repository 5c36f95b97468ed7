"""Ingest jobs of `POST /api/ingest`: coded in a background thread, never under the store lock.

A job codes its articles first without touching the store (the slow part, so reads go on meanwhile); only
the write (one transaction per batch, then the update of the deduplicated events the new articles touch)
takes the store lock, for a fraction of a second. One job runs at a time; a bounded number wait;
`GET /api/jobs/{id}` polls one.
"""
from __future__ import annotations

import datetime as dt
import queue
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

MAX_WAITING_JOBS = 8
KEEP_FINISHED = 100


@dataclass
class Job:
    id: str
    articles: list
    status: str = "queued"  # queued, running, done, failed
    submitted: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    finished: str | None = None
    result: dict[str, Any] | None = None
    error: str | None = None

    def view(self) -> dict[str, Any]:
        return {"job": self.id, "status": self.status, "submitted": self.submitted, "finished": self.finished,
                "articles_submitted": len(self.articles), "result": self.result, "error": self.error}


class JobsFull(Exception):
    pass


class Jobs:
    """The ingest jobs of one server."""

    def __init__(self, settings):
        self.settings = settings
        self.jobs: dict[str, Job] = {}
        self.queue: queue.Queue[Job] = queue.Queue(maxsize=MAX_WAITING_JOBS)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, articles: list) -> Job:
        job = Job(id=uuid.uuid4().hex, articles=articles)
        try:
            self.queue.put_nowait(job)
        except queue.Full:
            raise JobsFull() from None
        with self._lock:
            self.jobs[job.id] = job
            finished = [j for j in self.jobs.values() if j.status in ("done", "failed")]
            for old in finished[:-KEEP_FINISHED]:
                self.jobs.pop(old.id, None)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="eventlens-ingest", daemon=True)
                self._thread.start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self.jobs.get(job_id)

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """For tests and scripts: poll until the job has finished."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            job = self.get(job_id)
            if job is None or job.status in ("done", "failed"):
                return job
            time.sleep(0.05)
        return self.get(job_id)

    def _work(self) -> None:
        while True:
            try:
                job = self.queue.get(timeout=5)
            except queue.Empty:
                return
            job.status = "running"
            try:
                job.result = run_ingest(self.settings, job.articles)
                job.status = "done"
            except Exception as exc:  # a job's failure is reported on the job, never kills the server
                from ..errors import EventlensError

                job.error = exc.one_line() if isinstance(exc, EventlensError) else f"{type(exc).__name__}: {exc}"
                job.status = "failed"
            finally:
                job.articles = []  # the texts are not kept once coded
                job.finished = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def run_ingest(settings, articles: list) -> dict[str, Any]:
    """Code `articles` (eventlens Articles) outside the store lock, then write them under it."""
    import os

    from ..coding import code_articles
    from ..store import update_events
    from ..store.schema import content_hash
    from ..store.writer import StoreWriter

    coder = settings.coder()
    stored: dict[str, str] = {}
    if os.path.exists(settings.db):
        with settings.reader() as con:
            hashes = [content_hash(a.text, a.date) for a in articles]
            stored = dict(con.execute("SELECT content_hash, coder_version FROM articles "
                                      "WHERE content_hash IN (SELECT unnest($1))", [hashes]).fetchall())
    todo, seen, unchanged = [], set(), 0
    for article in articles:
        digest = content_hash(article.text, article.date)
        if digest in seen or stored.get(digest) == coder.version:
            unchanged += 1
            continue
        seen.add(digest)
        todo.append(article)
    problems: list[str] = []
    results = []
    with settings.coder_lock:  # the pipeline is shared with /api/code
        for result in code_articles(todo, coder=coder, processes=1, article_timeout=settings.article_timeout):
            if result.error is not None:
                problems.append(result.error.one_line())
            results.append(result)
    with settings.writer() as con:  # only the write holds up the readers
        writer = StoreWriter(con, coder_version=coder.version, batch_articles=64, command="ingest")
        writer.stats.unchanged = unchanged
        for result in results:
            writer.add(result)
        stats = writer.close()
        events = update_events(con)  # only the keys the new articles touch: a small write
    return {"articles": stats.articles, "mentions": stats.events, "unchanged": stats.unchanged,
            "skipped": stats.skipped, "events": events, "coder_version": coder.version, "problems": problems}
