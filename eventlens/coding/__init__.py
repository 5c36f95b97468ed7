"""Coding: articles in, events out. `code_articles` streams; `code_text` codes one text."""
from __future__ import annotations

import datetime as dt
import itertools
import os
import multiprocessing as mp
import threading
import time
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..errors import EventlensError
from ..models import Article, Event
from ..nlp import load_pipeline, single_thread_blas
from . import budgets
from .coder import Coder


@dataclass(slots=True)
class Result:
    """The events of one article, or why it could not be coded."""

    article: Article
    events: list[Event]
    error: EventlensError | None = None


class CodingError(EventlensError):
    code = "E010"


def _code_one(coder: Coder, doc, article: Article, deadline: float | None, timeout: float | None) -> Result:
    try:
        budgets.check(deadline)  # the parse alone may have used up the budget
        return Result(article, coder.code_doc(doc, article, deadline=deadline))
    except budgets.ArticleTimeout:
        return Result(article, [], budgets.timeout_error(article, timeout))
    except Exception as exc:  # one article's failure must cost that article only
        return Result(article, [], CodingError(f"could not code this article ({type(exc).__name__}: {exc})",
                                               where=article.origin or article.id,
                                               fix="report it with the article attached"))


def _code_batch(coder: Coder, nlp, articles: list[Article], batch_size: int,
                article_timeout: float | None = budgets.DEFAULT_ARTICLE_TIMEOUT) -> list[Result]:
    """Code a chunk in order. Short articles are parsed together (nlp.pipe); a long one is parsed on its
    own, so that its time budget (`article_timeout` seconds, None for none) counts its own parse."""
    out: list[Result] = []
    short: list[Article] = []

    def flush_short():
        done = 0
        try:
            docs = nlp.pipe((a.text for a in short), batch_size=batch_size)
            for article in short:
                start = time.monotonic()
                doc = next(docs)
                out.append(_code_one(coder, doc, article, budgets.deadline_after(article_timeout, start),
                                     article_timeout))
                done += 1
        except Exception:  # the parser failed on a text of the group: parse the rest one by one
            out.extend(_code_alone(coder, nlp, a, article_timeout) for a in short[done:])
        short.clear()

    for article in articles:
        if len(article.text or "") >= budgets.LONG_ARTICLE_CHARS:
            if short:
                flush_short()
            out.append(_code_alone(coder, nlp, article, article_timeout))
        else:
            short.append(article)
    if short:
        flush_short()
    return out


def _code_alone(coder: Coder, nlp, article: Article, article_timeout: float | None) -> Result:
    deadline = budgets.deadline_after(article_timeout)
    try:
        doc = budgets.parse_in_pieces(nlp, article.text, deadline)
    except budgets.ArticleTimeout:
        return Result(article, [], budgets.timeout_error(article, article_timeout))
    except Exception as exc:
        return Result(article, [], CodingError(f"could not parse this article ({type(exc).__name__}: {exc})",
                                               where=article.origin or article.id,
                                               fix="report it with the article attached"))
    return _code_one(coder, doc, article, deadline, article_timeout)


_WORKER: dict = {}


def _worker_init(config: dict) -> None:
    single_thread_blas()
    _WORKER["coder"] = Coder(**config)
    _WORKER["nlp"] = load_pipeline()


def _worker_run(args) -> list[Result]:
    articles, batch_size, article_timeout = args
    return _code_batch(_WORKER["coder"], _WORKER["nlp"], articles, batch_size, article_timeout)


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
                  batch_size: int = 32, chunk_size: int = 64,
                  article_timeout: float | None = budgets.DEFAULT_ARTICLE_TIMEOUT, **coder_options) -> Iterator[Result]:
    """Code articles in order, streaming: memory does not grow with the number of articles.

    With processes > 1 each worker loads the pipeline and the coder once and codes whole chunks, so
    only articles and events cross process boundaries, never parsed documents. An article over
    `article_timeout` seconds (None or 0: no budget) is stopped and comes back as an ArticleTimeout."""
    coder = coder or Coder(**coder_options)
    processes, articles = plan_processes(processes, articles)
    if processes <= 1:
        nlp = load_pipeline()
        for chunk in _chunks(articles, chunk_size):
            yield from _code_batch(coder, nlp, chunk, batch_size, article_timeout)
        return
    # Bound the chunks in flight: Pool.imap would otherwise read the whole input ahead.
    slots = threading.BoundedSemaphore(processes * 2)

    def feed():
        for chunk in _chunks(articles, chunk_size):
            slots.acquire()
            yield chunk, batch_size, article_timeout

    ctx = mp.get_context("fork")
    with ctx.Pool(processes, initializer=_worker_init, initargs=(coder.config,)) as pool:
        for results in pool.imap(_worker_run, feed()):
            slots.release()
            yield from results


def code_text(text: str, date: dt.date | str | None = None, article_id: str = "text",
              coder: Coder | None = None,
              article_timeout: float | None = budgets.DEFAULT_ARTICLE_TIMEOUT) -> list[Event]:
    """The events of one text (a convenience for notebooks and the API)."""
    if isinstance(date, str):
        from ..ingest import parse_date

        date = parse_date(date)
    result = next(code_articles([Article(id=article_id, text=text, date=date)], coder=coder,
                                article_timeout=article_timeout))
    if result.error:
        raise result.error
    return result.events


__all__ = ["Coder", "Result", "code_articles", "code_text", "CodingError", "plan_processes", "available_cores"]
