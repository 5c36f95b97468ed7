"""eventlens: open, offline, explainable political event coding (CAMEO and PLOVER) from news text."""

__version__ = "0.1.0"

from .errors import DictionaryError, EventlensError, InputError, OntologyError, UsageError  # noqa: E402
from .models import ActorRef, Article, DictEntry, Event  # noqa: E402


def code_text(text, date=None, article_id="text", coder=None):
    """The events of one text; see eventlens.coding.code_text."""
    from .coding import code_text as _code_text

    return _code_text(text, date=date, article_id=article_id, coder=coder)


def code_articles(articles, **options):
    """Stream Results (article, events, error) for many articles; see eventlens.coding.code_articles."""
    from .coding import code_articles as _code_articles

    return _code_articles(articles, **options)


__all__ = ["__version__", "code_text", "code_articles", "Article", "Event", "ActorRef", "DictEntry",
           "EventlensError", "InputError", "DictionaryError", "OntologyError", "UsageError"]
