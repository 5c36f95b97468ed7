"""Per-article budgets: what one article may cost, whatever its text (docs/reliability.md).

- MAX_SENTENCE_TOKENS: a run of this many tokens with no sentence punctuation and no line break is cut
  before parsing (at its last comma, colon or semicolon when there is one, else at the bound), so the
  parser and the rules never see an unbounded "sentence" (scraped tables and lists).
- MAX_EVENTS_PER_SENTENCE: a sentence gives at most this many events; the rest are dropped.
- DEFAULT_ARTICLE_TIMEOUT: seconds one article may take to parse and code (`--article-timeout`); past it
  the article is stopped and becomes one error, and the batch goes on.
"""
from __future__ import annotations

import time

from ..errors import EventlensError

MAX_SENTENCE_TOKENS = 120
MAX_EVENTS_PER_SENTENCE = 16
DEFAULT_ARTICLE_TIMEOUT = 60.0
# Articles this long are parsed on their own, so that the time budget counts their parse and no other's,
# and in pieces of about PIECE_CHARS, so that the parser's memory does not grow with the article.
LONG_ARTICLE_CHARS = 50_000
PIECE_CHARS = 20_000


class ArticleTimeout(EventlensError):
    """An article took longer than its time budget: it is skipped, the batch goes on."""

    code = "E011"


def deadline_after(seconds: float | None, start: float | None = None) -> float | None:
    """The monotonic time an article must be done by, or None for no budget."""
    if not seconds or seconds <= 0:
        return None
    return (time.monotonic() if start is None else start) + seconds


def check(deadline: float | None) -> None:
    """Raise ArticleTimeout once `deadline` has passed (called between sentences and candidates)."""
    if deadline is not None and time.monotonic() > deadline:
        raise ArticleTimeout("over the time budget")


def timeout_error(article, seconds: float, sentences_done: str = "") -> ArticleTimeout:
    return ArticleTimeout(f"stopped after {seconds:g} s, over the per-article time budget{sentences_done}",
                          where=article.origin or article.id,
                          fix="split the article, or raise --article-timeout (0 turns the budget off)")


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most about `size` characters that join back into it exactly, each cut
    after a line break, else after a sentence end, else after a space (else anywhere)."""
    out, i = [], 0
    while len(text) - i > size:
        window_end = i + size
        cut = text.rfind("\n", i + size // 2, window_end)
        if cut < 0:
            cut = max(text.rfind(". ", i + size // 2, window_end), text.rfind("? ", i + size // 2, window_end))
            cut = cut + 1 if cut >= 0 else text.rfind(" ", i + size // 2, window_end)
        end = cut + 1 if cut >= 0 else window_end
        out.append(text[i:end])
        i = end
    out.append(text[i:])
    return out


def parse_in_pieces(nlp, text: str, deadline: float | None = None):
    """One Doc of a long text, parsed piece by piece (memory bounded by the piece, not the article); its
    text is the article's, character for character. Stops with ArticleTimeout between pieces."""
    from spacy.tokens import Doc

    docs = []
    for doc in nlp.pipe(pieces(text), batch_size=1):
        docs.append(doc)
        check(deadline)
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    return joined if joined.text == text else nlp(text)  # offsets must be the article's


_SENTENCE_END = {".", "!", "?", "…"}
_SOFT_BREAK = {",", ";", ":", "—", "–", "-", "|", "•", "·"}


def split_long_runs(doc, bound: int = MAX_SENTENCE_TOKENS) -> None:
    """Mark sentence starts inside runs of more than `bound` tokens that have no sentence punctuation
    or preset boundary (called before the parser, which keeps preset starts)."""
    run_start = 0
    last_soft = -1
    for tok in doc:
        i = tok.i
        if i > run_start and tok.is_sent_start:
            run_start, last_soft = i, -1
        if i - run_start + 1 > bound:
            cut = last_soft + 1 if last_soft > run_start + bound // 2 else i
            doc[cut].is_sent_start = True
            run_start, last_soft = cut, -1
        text = tok.text
        if text in _SENTENCE_END or (len(text) > 1 and text[-1] in ".!?"):
            run_start, last_soft = i + 1, -1
        elif text in _SOFT_BREAK:
            last_soft = i


__all__ = ["ArticleTimeout", "parse_in_pieces", "pieces", "DEFAULT_ARTICLE_TIMEOUT", "LONG_ARTICLE_CHARS", "MAX_EVENTS_PER_SENTENCE",
           "MAX_SENTENCE_TOKENS", "check", "deadline_after", "split_long_runs", "timeout_error"]
