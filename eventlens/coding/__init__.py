"""Coding: articles in, events out. `code_articles` streams; `code_text` codes one text."""
from __future__ import annotations

import datetime as dt
import itertools
import os
import multiprocessing as mp
import threading
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..errors import EventlensError
from ..models import Article, Event
from ..nlp import load_pipeline, single_thread_blas
from .coder import Coder


@dataclass(slots=True)
class Result:
    """The events of one article, or why it could not be coded."""

    article: Article
    events: list[Event]
    error: EventlensError | None = None


class CodingError(EventlensError):
    code = "E010"


def _code_batch(coder: Coder, nlp, articles: list[Article], batch_size: int) -> list[Result]:
    out = []
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs):
        try:
            out.append(Result(article, coder.code_doc(doc, article)))
        except Exception as exc:  # one article's failure must cost that article only
            out.append(Result(article, [], CodingError(f"could not code this article ({type(exc).__name__}: {exc})",
                                                       where=article.origin or article.id,
                                                       fix="report it with the article attached")))
    return out


_WORKER: dict = {}


def _worker_init(config: dict) -> None:
    single_thread_blas()
    _WORKER["coder"] = Coder(**config)
    _WORKER["nlp"] = load_pipeline()


def _worker_run(args) -> list[Result]:
    articles, batch_size = args
    return _code_batch(_WORKER["coder"], _WORKER["nlp"], articles, batch_size)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Below this much text a second process costs more (its own pipeline load, ~1-2 s) than it saves.
AUTO_MIN_CHARS = 60_000


def available_cores() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def plan_processes(processes: int | str | None, articles: Iterable[Article]) -> tuple[int, Iterable[Article]]:
    """How many worker processes to code with: a number as given, or for "auto" (and None) the available
    cores, unless the input is too small to pay for a second pipeline. Reads ahead only as far as it
    must to decide, and hands back an iterator that still yields every article."""
    if processes not in (None, "auto"):
        return int(processes), articles
    cores = available_cores()
    if cores <= 1:
        return 1, articles
    it = iter(articles)
    ahead, chars = [], 0
    for article in it:
        ahead.append(article)
        chars += len(article.text or "")
        if chars >= AUTO_MIN_CHARS:
            return cores, itertools.chain(ahead, it)
    return 1, ahead


def code_articles(articles: Iterable[Article], *, coder: Coder | None = None, processes: int | str = "auto",
                  batch_size: int = 32, chunk_size: int = 64, **coder_options) -> Iterator[Result]:
    """Code articles in order, streaming: memory does not grow with the number of articles.

    With processes > 1 each worker loads the pipeline and the coder once and codes whole chunks, so
    only articles and events cross process boundaries, never parsed documents."""
    coder = coder or Coder(**coder_options)
    processes, articles = plan_processes(processes, articles)
    if processes <= 1:
        nlp = load_pipeline()
        for chunk in _chunks(articles, chunk_size):
            yield from _code_batch(coder, nlp, chunk, batch_size)
        return
    # Bound the chunks in flight: Pool.imap would otherwise read the whole input ahead.
    slots = threading.BoundedSemaphore(processes * 2)

    def feed():
        for chunk in _chunks(articles, chunk_size):
            slots.acquire()
            yield chunk, batch_size

    ctx = mp.get_context("fork")
    with ctx.Pool(processes, initializer=_worker_init, initargs=(coder.config,)) as pool:
        for results in pool.imap(_worker_run, feed()):
            slots.release()
            yield from results


def code_text(text: str, date: dt.date | str | None = None, article_id: str = "text",
              coder: Coder | None = None) -> list[Event]:
    """The events of one text (a convenience for notebooks and the API)."""
    if isinstance(date, str):
        from ..ingest import parse_date

        date = parse_date(date)
    result = next(code_articles([Article(id=article_id, text=text, date=date)], coder=coder))
    if result.error:
        raise result.error
    return result.events


__all__ = ["Coder", "Result", "code_articles", "code_text", "CodingError", "plan_processes", "available_cores"]
