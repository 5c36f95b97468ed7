"""Jobs the CLI (and later the web app) run: read inputs, code them, write events, count problems."""
from __future__ import annotations

import sys
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Callable

from .coding import Coder, code_articles
from .coding.explain import format_explanation
from .errors import EventlensError, InputError
from .ingest import iter_inputs
from .models import Article
from .output import WRITERS


@dataclass(slots=True)
class RunStats:
    articles: int = 0
    events: int = 0
    skipped: int = 0
    dictionary_problems: int = 0


def code_paths(paths, *, default_date=None, fmt="jsonl", output=None, processes="auto", batch_size=32,
               max_chars=1_000_000, warn: Callable[[EventlensError], None] = lambda e: None,
               article_timeout: float | None = 60.0, explain: bool = False, **coder_options) -> RunStats:
    """Code every article under `paths` and write its events (with `explain`, the text of
    eventlens.coding.explain instead, coded in this process); bad inputs are reported and skipped.
    `coder_options` are Coder's: actor_files, agent_files, verb_files, discard_files, lexicon_mode,
    keep_negated, model, min_confidence."""
    stats = RunStats()
    coder = Coder(**coder_options)
    if explain:
        coder.explanation, processes = [], 1
    for problem in list(coder.problems) + list(coder.warnings):
        warn(problem)
    stats.dictionary_problems = len(coder.problems)

    def good_articles():
        for item in iter_inputs(paths, default_date=default_date, max_chars=max_chars):
            if isinstance(item, InputError):
                stats.skipped += 1
                warn(item)
                continue
            yield item

    with ExitStack() as stack:
        out = stack.enter_context(open(output, "w", encoding="utf-8")) if output else sys.stdout
        writer = WRITERS[fmt](out) if not explain else None
        for result in code_articles(good_articles(), coder=coder, processes=processes, batch_size=batch_size,
                                    article_timeout=article_timeout):
            if result.error is not None:
                stats.skipped += 1
                warn(result.error)
                continue
            stats.articles += 1
            stats.events += len(result.events)
            if explain:
                out.write(format_explanation(coder.explanation))
                coder.explanation.clear()
                continue
            writer.write(result.article, result.events)
        if writer is not None:
            writer.close()
    return stats


def coder_fn(*, processes="auto", warn: Callable[[EventlensError], None] | None = None, **options):
    """A function from articles to their event dicts, for `evaluate`. An article that fails scores as
    one with no events, and `warn` (default: a line on standard error) hears why."""
    coder = Coder(**options)
    if warn is None:
        def warn(error):
            print(f"eventlens: {error.one_line()}", file=sys.stderr)

    def run(articles: list[Article]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        for result in code_articles(articles, coder=coder, processes=processes):
            if result.error is not None:
                warn(result.error)
            out[result.article.id] = [e.to_dict() for e in result.events]
        return out

    return run
