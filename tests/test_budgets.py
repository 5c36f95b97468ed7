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


# A long sentence of clauses, as news has them: 152 tokens, cut before parsing at a comma, still a sentence.
LONG_SENTENCE = (
    "The European Union on Monday imposed sanctions on 21 Russian officials, including the governor of Crimea, two "
    "deputy defence ministers, the commander of the Black Sea Fleet, the head of the Rosgvardia national guard, three "
    "members of the State Duma who voted for the annexation, the chief executive of the state shipping company "
    "Sovcomflot, four officers of the FSB border service, the mayor of Sevastopol, the chairman of the Crimean "
    "parliament's security committee, the prosecutor who brought charges against the Crimean Tatar leaders, and five "
    "officials of the Russian central election commission who organised what Brussels called an illegal referendum "
    "in the occupied peninsula, freezing their assets in the bloc and barring them from travelling to any of its 27 "
    "member states, while France, Germany and Italy said they would press for further measures against Moscow.")


def test_the_pieces_of_an_unpunctuated_run_are_marked_as_no_sentences():
    from eventlens.nlp import load_pipeline

    sents = list(load_pipeline()(hostile_text(12)).sents)
    assert len(sents) > 10 and all(budgets.cut_by_bound(s) for s in sents)


def test_a_long_punctuated_sentence_is_cut_but_stays_a_sentence(coder):
    from eventlens.nlp import load_pipeline

    nlp = load_pipeline()
    doc = nlp(LONG_SENTENCE)
    pieces = list(doc.sents)
    assert len(doc) > budgets.MAX_SENTENCE_TOKENS and len(pieces) >= 2
    assert not any(budgets.cut_by_bound(s) for s in pieces)
    results = list(code_articles([Article(id="eu", text=LONG_SENTENCE, date=None)], coder=coder, processes=1))
    assert results[0].events  # coded as before: the cut changes nothing for a sentence of clauses
    # The same words without their punctuation are a run of words, not a sentence.
    bare = LONG_SENTENCE.replace(",", "").replace(".", "")
    assert all(budgets.cut_by_bound(s) for s in nlp(bare).sents)


def test_a_run_without_punctuation_for_half_the_bound_is_no_sentence_even_if_it_ends_with_a_full_stop():
    from eventlens.nlp import load_pipeline

    listing = " ".join(hostile_text(2).split()[:200]) + "."  # a scraped list that happens to end in a full stop
    sents = list(load_pipeline()(listing).sents)
    assert len(sents) >= 2 and all(budgets.cut_by_bound(s) for s in sents)


def test_every_piece_of_a_long_article_parsed_in_pieces_is_marked_even_its_short_tail():
    from eventlens.nlp import load_pipeline

    nlp = load_pipeline()
    text = hostile_text(45)[:40_400].rsplit(" ", 1)[0]
    parts = budgets.pieces(text)
    # The last piece is a run shorter than the bound: alone it would look like a short sentence.
    assert len(parts) == 3 and len(nlp.tokenizer(parts[-1])) < budgets.MAX_SENTENCE_TOKENS
    sents = list(budgets.parse_in_pieces(nlp, text).sents)
    assert all(budgets.cut_by_bound(s) for s in sents)


def test_real_texts_have_no_piece_cut_by_bound():
    """The gold, blind and sample texts (news-like, 1,300+ records): nothing of them is taken for a run of words."""
    import json

    from eventlens.nlp import load_pipeline

    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in (root / "samples").iterdir() if p.suffix == ".txt"]
    for name in ("eval/gold/dev.jsonl", "eval/gold/test.jsonl", "eval/blind/blind.jsonl"):
        texts += [json.loads(line)["text"] for line in (root / name).read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    assert len(texts) > 1300
    nlp = load_pipeline()
    others = [name for name in nlp.pipe_names if name != "eventlens_paragraphs"]
    with nlp.select_pipes(disable=others):  # the marks are made before the parser
        marked = [doc.text[:80] for doc in nlp.pipe(texts, batch_size=256)
                  if any(tok._.get(budgets.CUT_BY_BOUND) for tok in doc)]
    assert marked == []


def test_an_unpunctuated_article_gives_no_events(coder):
    results = list(code_articles([Article(id="t", text=hostile_text(20))], coder=coder, processes=1))
    assert results[0].error is None and results[0].events == []


def test_a_sentence_gives_a_bounded_number_of_events(coder):
    text = ("Japan, China, France, Germany, India and Brazil condemned and sanctioned Russia, Iran, Israel, Turkey "
            "and Egypt.")  # 6 sources, 2 verbs, 5 targets: 60 candidate events in one sentence
    results = list(code_articles([Article(id="t", text=text)], coder=coder, processes=1))
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


def test_an_article_that_fails_during_an_evaluation_is_reported_and_scores_as_no_events(coder, monkeypatch):
    import eventlens.run as run

    class Failing:
        def code_doc(self, doc, article, deadline=None):
            if article.id == "bad":
                raise ValueError("boom")
            return coder.code_doc(doc, article, deadline=deadline)

    monkeypatch.setattr(run, "Coder", lambda **options: Failing())
    heard = []
    code = run.coder_fn(processes=1, warn=heard.append)
    out = code([Article(id="bad", text="Japan condemned Russia."), Article(id="ok", text="France condemned Iran.")])
    assert out["bad"] == [] and out["ok"]
    assert len(heard) == 1 and "bad" in heard[0].one_line() and "ValueError: boom" in heard[0].one_line()
