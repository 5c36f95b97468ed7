"""Per-article budgets (docs/reliability.md): long unpunctuated runs are cut before parsing, a sentence
gives a bounded number of events, and an article over its time budget costs itself only."""
import resource
import sys
import time
from pathlib import Path

import pytest

from eventlens.coding import budgets, code_articles
from eventlens.models import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from budgets import hostile_text  # noqa: E402  (bench/budgets.py: the 560 KB case, smaller here)


def test_runs_without_punctuation_are_cut_before_parsing():
    from eventlens.nlp import load_pipeline

    doc = load_pipeline()(hostile_text(12))
    lengths = [len(s) for s in doc.sents]
    assert len(doc) > 1500
    assert max(lengths) <= budgets.MAX_SENTENCE_TOKENS


def test_a_sentence_under_the_bound_is_left_whole_and_one_over_it_is_cut():
    from eventlens.nlp import load_pipeline

    def sentence(repeats):
        return ("Japan, which had long argued, in talks with its allies, in Tokyo, in Washington and in Brussels, "
                "that sanctions alone would not work, announced on Friday " + "new and wider " * repeats
                + "measures against Russia.")

    nlp = load_pipeline()
    whole = nlp(sentence(25))
    assert 90 < len(whole) <= budgets.MAX_SENTENCE_TOKENS and len(list(whole.sents)) == 1
    cut = list(nlp(sentence(40)).sents)
    assert len(cut) >= 2 and all(len(s) <= budgets.MAX_SENTENCE_TOKENS for s in cut)


def test_a_sentence_gives_a_bounded_number_of_events(coder):
    results = list(code_articles([Article(id="t", text=hostile_text(20))], coder=coder, processes=1))
    per_sentence = {}
    for event in results[0].events:
        per_sentence[event.sentence_index] = per_sentence.get(event.sentence_index, 0) + 1
    assert results[0].error is None
    assert per_sentence and max(per_sentence.values()) <= budgets.MAX_EVENTS_PER_SENTENCE


class Runaway:
    """A coder that never finishes the article called "runaway" (but checks its budget, as the real one does)
    and allocates as it goes; every other article gives no events."""

    def __init__(self, real):
        self.real = real

    def code_doc(self, doc, article, deadline=None):
        if article.id.startswith("runaway"):
            hoard = []
            while True:
                hoard.append(bytearray(1 << 20))
                budgets.check(deadline)
                time.sleep(0.005)
        return self.real.code_doc(doc, article, deadline=deadline)


def test_an_article_over_its_time_budget_is_one_error_and_the_batch_goes_on(coder):
    articles = [Article(id="a", text="Japan imposed sanctions on Russia."),
                *[Article(id=f"runaway-{i}", text="Japan condemned Russia.", origin=f"x.jsonl:{i}") for i in range(5)],
                Article(id="b", text="France condemned Iran.")]
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results = list(code_articles(articles, coder=Runaway(coder), processes=1, article_timeout=0.3))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert time.monotonic() - start < 10
    assert [r.article.id for r in results] == [a.id for a in articles]
    assert [e.code for e in results[0].events] == ["163"] and results[-1].events
    errors = [r.error for r in results[1:-1]]
    assert all(isinstance(e, budgets.ArticleTimeout) and e.code == "E011" for e in errors)
    line = errors[0].one_line()
    assert "\n" not in line and "x.jsonl:0" in line and "--article-timeout" in line
    # Each runaway hoards ~60 MB before it is stopped; what it held is freed, so five cost about one.
    assert grown_mb < 150


def test_the_budget_counts_a_long_articles_parse(coder):
    text = hostile_text(60)
    assert len(text) >= budgets.LONG_ARTICLE_CHARS
    results = list(code_articles([Article(id="long", text=text), Article(id="ok", text="Japan imposed sanctions on Russia.")],
                                 coder=coder, processes=1, article_timeout=0.01))
    assert isinstance(results[0].error, budgets.ArticleTimeout)
    assert results[1].error is None or isinstance(results[1].error, budgets.ArticleTimeout)


def test_code_command_reports_a_timeout_and_goes_on(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from eventlens.cli import main

    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"id": "long", "text": "%s"}\n{"id": "ok", "text": "Japan imposed sanctions on Russia."}\n'
                      % hostile_text(60), encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(corpus), "--article-timeout", "0.5", "--format", "jsonl",
                                       "--processes", "1", "--date", "2025-01-24"])
    assert result.exit_code == 1
    assert "[E011]" in result.stderr and "in.jsonl:1" in result.stderr
    assert '"article_id": "ok"' in result.stdout
