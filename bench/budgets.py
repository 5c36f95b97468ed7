"""The per-article budgets (issue 13): one 560 KB article of words without sentence punctuation, the kind
scraped tables and lists give, coded once; prints wall time, peak memory (RSS high-water mark) and events.

    .venv/bin/python bench/budgets.py                      # the defaults: --article-timeout 60
    .venv/bin/python bench/budgets.py --article-timeout 0  # no time budget (sentence and event bounds only)
    .venv/bin/python bench/budgets.py --kb 560 --articles 3   # several such articles in one batch
    PYTHONPATH=/some/other/checkout .venv/bin/python bench/budgets.py   # that checkout's eventlens (before/after)

Each run is a fresh process, so the peak memory is this article's alone. Figures: docs/reliability.md.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

if "PYTHONPATH" not in __import__("os").environ:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Table cells and list items: names, verbs the lexicon codes, numbers, filler; no . ! ? and no line breaks.
WORDS = ("Japan Russia China France Germany Iran Israel Ukraine India Pakistan Turkey Egypt Brazil Mexico "
         "government ministry army police president minister rebels protesters police "
         "condemned accused attacked sanctions signed met praised threatened rejected agreed visited "
         "talks aid troops border trade deal agreement meeting statement report table total list item "
         "2024 2025 12 345 6789 0 1 2 3 4 5 percent million billion USD EUR the of and to in on for with").split()


def hostile_text(kb: int, seed: int = 13) -> str:
    rng = random.Random(seed)
    out, size = [], 0
    while size < kb * 1000:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def cut_pieces(articles) -> int:
    """How many sentences of the articles split_long_runs marks as cut by the bound (no parser needed: the
    marks are made before it)."""
    from eventlens.coding import budgets
    from eventlens.nlp import load_pipeline

    nlp = load_pipeline()
    others = [name for name in nlp.pipe_names if name != "eventlens_paragraphs"]
    with nlp.select_pipes(disable=others):
        return sum(1 for doc in nlp.pipe(a.text for a in articles) for tok in doc if tok._.get(budgets.CUT_BY_BOUND))


def coder_skips_cut_pieces() -> bool:
    """Whether this eventlens's coder skips the pieces (calls budgets.cut_by_bound per sentence)."""
    import inspect

    from eventlens.coding.coder import Coder

    return "cut_by_bound" in inspect.getsource(Coder.code_doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=560)
    parser.add_argument("--articles", type=int, default=1)
    parser.add_argument("--article-timeout", type=float, default=None,
                        help="seconds per article (default: eventlens's default; 0 turns it off)")
    args = parser.parse_args()

    from eventlens.coding import Coder, code_articles
    from eventlens.models import Article

    try:
        from eventlens.coding import budgets
    except ImportError:  # an eventlens from before the budgets (PYTHONPATH=an older checkout), for "before"
        budgets = None
    timeout = (budgets.DEFAULT_ARTICLE_TIMEOUT if budgets else None) if args.article_timeout is None \
        else args.article_timeout
    options = {"article_timeout": timeout or None} if budgets else {}
    coder = Coder()
    from eventlens.nlp import load_pipeline

    load_pipeline()
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    articles = [Article(id=f"hostile-{i}", text=hostile_text(args.kb, seed=13 + i)) for i in range(args.articles)]
    start = time.perf_counter()
    results = list(code_articles(articles, coder=coder, processes=1, **options))
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pieces = cut_pieces(articles) if budgets is not None and hasattr(budgets, "cut_by_bound") else None
    per_sentence: dict[tuple, int] = {}
    for r in results:
        for ev in r.events:
            per_sentence[(r.article.id, ev.sentence_index)] = per_sentence.get((r.article.id, ev.sentence_index), 0) + 1
    print(json.dumps({
        "kb": args.kb, "articles": args.articles, "article_timeout_s": timeout or None,
        "max_sentence_tokens": budgets.MAX_SENTENCE_TOKENS if budgets else None,
        "max_events_per_sentence": budgets.MAX_EVENTS_PER_SENTENCE if budgets else None,
        "wall_s": round(wall, 1), "peak_rss_mb": round(peak), "rss_after_pipeline_load_mb": round(base_rss),
        "events": sum(len(r.events) for r in results),
        # Pieces of the text cut by the bound that are no sentences (after the peak is taken: a light parse).
        "pieces_cut_by_bound": pieces,
        "coder_skips_them": coder_skips_cut_pieces(),
        "max_events_in_one_sentence": max(per_sentence.values(), default=0),
        "errors": [r.error.one_line() for r in results if r.error],
    }, indent=1))


if __name__ == "__main__":
    main()
