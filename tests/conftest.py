import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    from eventlens.coding import Coder

    return Coder()


@pytest.fixture(scope="session")
def code(coder):
    """code(text, date) -> events, with the real pipeline and the built-in lexicon."""
    from eventlens.coding import code_text

    def run(text: str, date: str | dt.date | None = "2025-01-24"):
        return code_text(text, date=date, coder=coder)

    return run


@pytest.fixture(scope="session")
def pipeline():
    """The English pipeline as the coder loads it (eventlens.nlp.load_pipeline)."""
    from eventlens.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_like_events(code):
    """Events of the bundled sample articles: a broad set of real outputs."""
    from eventlens.ingest import iter_inputs
    from eventlens.coding import code_articles
    from eventlens.models import Article

    articles = [a for a in iter_inputs([str(ROOT / "samples")], default_date=dt.date(2025, 3, 1))
                if isinstance(a, Article)]
    events = []
    for result in code_articles(articles):
        events.extend(result.events)
    assert events, "the samples gave no events at all"
    return events


def triples(events):
    return {(e.source.code, e.target.code if e.target else None, e.code) for e in events}


def country_triples(events):
    return {(e.source.code[:3], e.target.code[:3] if e.target else None, e.code) for e in events}
