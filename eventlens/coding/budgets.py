"""Per-article budgets: what one article may cost, whatever its text (docs/reliability.md).

- MAX_SENTENCE_TOKENS: a run of this many tokens with no sentence punctuation and no line break is cut
  before parsing (at its last comma, colon or semicolon when there is one, else at the bound), so the
  parser and the rules never see an unbounded "sentence" (scraped tables and lists). Pieces of a run that
  is no sentence (it has no sentence punctuation, or half a bound of words without any punctuation where it
  was cut) are marked where they are cut, and `cut_by_bound(sent)` tells the coder to code nothing there.
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

    parts = pieces(text)
    docs = []
    for doc in nlp.pipe(parts, batch_size=1):
        docs.append(doc)
        check(deadline)
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:
        return nlp(text)  # offsets must be the article's
    # A piece cut at a space (no line break or sentence end for half a piece) splits a run of words in two.
    inside, at = [], 0
    for part, doc in zip(parts[:-1], docs[:-1]):
        at += len(doc)
        if not part.endswith(("\n", ". ", "? ")):
            inside.append(at)
    mend_cut_runs(joined, inside)
    return joined


_SENTENCE_END = {".", "!", "?", "…"}
_SOFT_BREAK = {",", ";", ":", "—", "–", "-", "|", "•", "·"}
# The token extension that marks the first token of a piece of a run that is no sentence (split_long_runs).
CUT_BY_BOUND = "eventlens_cut_by_bound"


def _cut_extension() -> None:
    from spacy.tokens import Token

    if not Token.has_extension(CUT_BY_BOUND):
        Token.set_extension(CUT_BY_BOUND, default=False)


def split_long_runs(doc, bound: int = MAX_SENTENCE_TOKENS) -> None:
    """Mark sentence starts inside runs of more than `bound` tokens that have no sentence punctuation
    or preset boundary (called before the parser, which keeps preset starts).

    A run so cut is a sentence only when it ends with sentence punctuation and every cut fell on a comma,
    colon, semicolon or dash (a long sentence of clauses). Otherwise (no sentence punctuation before a line
    break or the end of the text, or half a bound of words with no punctuation at all where a cut fell:
    a scraped table or list) its pieces are no sentences: each is kept whole by the parser (no sentence
    starts inside it) and its first token carries the CUT_BY_BOUND extension, so that `cut_by_bound`
    tells the coder to skip it. Texts are never changed, only sentence starts."""
    from spacy.attrs import SENT_START

    _cut_extension()
    # Sentence starts are read and written as one array: setting Token.is_sent_start checks the whole
    # document each time, which would make a long text quadratic.
    starts = doc.to_array(SENT_START).astype("int64")  # 1 a start, -1 none, 0 not decided yet
    marked: list[int] = []
    run_start = piece_start = 0
    last_soft = -1
    cuts: list[int] = []
    hard = False

    def end_run(end: int, punctuated: bool) -> None:
        if cuts and (hard or not punctuated):
            # Pieces [run_start, cut), [cut, next cut) ... [last cut, end): no sentences.
            for first, stop in zip([run_start, *cuts], [*cuts, end]):
                marked.append(first)
                starts[first + 1:stop] = -1

    for tok in doc:
        i = tok.i
        if i > run_start and starts[i] == 1:
            end_run(i, False)
            run_start = piece_start = i
            last_soft, cuts, hard = -1, [], False
        if i - piece_start + 1 > bound:
            soft = last_soft > piece_start + bound // 2
            cut = last_soft + 1 if soft else i
            hard = hard or not soft
            starts[cut] = 1
            cuts.append(cut)
            piece_start, last_soft = cut, -1
        if _ends_sentence(tok):
            end_run(i + 1, True)
            run_start = piece_start = i + 1
            last_soft, cuts, hard = -1, [], False
        elif tok.text in _SOFT_BREAK:
            last_soft = i
    end_run(len(doc), False)
    if len(doc):
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    for i in marked:
        doc[i]._.set(CUT_BY_BOUND, True)


def _ends_sentence(tok) -> bool:
    text = tok.text
    return text in _SENTENCE_END or (len(text) > 1 and text[-1] in ".!?")


def _paragraph_start(doc, i: int) -> bool:
    return i > 0 and doc[i - 1].is_space and "\n" in doc[i - 1].text


def mend_cut_runs(doc, boundaries: list[int], bound: int = MAX_SENTENCE_TOKENS) -> None:
    """`doc` was parsed in pieces (parse_in_pieces), and a piece starts inside a run of words at each token
    index of `boundaries`. Each piece's run was judged on its own; the run that spans a boundary is judged
    whole: longer than `bound`, it is no sentence (its cut fell on no punctuation), and every sentence that
    starts in it is marked CUT_BY_BOUND (the short end of such a run would otherwise be coded)."""
    _cut_extension()
    for b in boundaries:
        lo = b
        while lo > 0 and not _paragraph_start(doc, lo) and not _ends_sentence(doc[lo - 1]):
            lo -= 1
        hi = b
        while hi < len(doc) and not (hi > b and _paragraph_start(doc, hi)):
            hi += 1
            if _ends_sentence(doc[hi - 1]):
                break
        if hi - lo > bound:
            for i in range(lo, hi):
                if doc[i].is_sent_start:
                    doc[i]._.set(CUT_BY_BOUND, True)


def cut_by_bound(sent) -> bool:
    """True when the sentence `sent` (a Span of doc.sents) is a piece of a run that split_long_runs cut by
    the bound and found to be no sentence: the coder codes no events from it (docs/reliability.md)."""
    from spacy.tokens import Token

    return len(sent) > 0 and Token.has_extension(CUT_BY_BOUND) and bool(sent[0]._.get(CUT_BY_BOUND))


__all__ = ["ArticleTimeout", "CUT_BY_BOUND", "cut_by_bound", "parse_in_pieces", "pieces", "DEFAULT_ARTICLE_TIMEOUT",
           "LONG_ARTICLE_CHARS", "MAX_EVENTS_PER_SENTENCE", "mend_cut_runs",
           "MAX_SENTENCE_TOKENS", "check", "deadline_after", "split_long_runs", "timeout_error"]
