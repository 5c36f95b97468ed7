"""Every lexicon entry fires on its own example sentence, coded by the real coder."""
import pytest

from eventlens.coding.lexicon import load_lexicon

pytestmark = pytest.mark.slow

ENTRIES = load_lexicon().entries


def test_every_example_codes_its_entry():
    # The lexicon's own promise, so the rules alone: the learned models may recode or drop an event.
    from eventlens.coding import Coder, code_articles
    from eventlens.models import Article

    coder = Coder(model="rules")
    articles = [Article(id=str(i), text=e.example) for i, e in enumerate(ENTRIES)]
    failures = []
    for entry, result in zip(ENTRIES, code_articles(articles, coder=coder)):
        origins = {ev.rule.split(": ")[0].split(" ", 1)[-1] for ev in result.events}
        codes = {ev.code for ev in result.events}
        if entry.origin not in origins and entry.code not in codes:
            failures.append(f"{entry.origin} {entry.form} {entry.code}: {entry.example!r} -> "
                            f"{sorted(codes) or 'no event'}")
    share = len(failures) / len(ENTRIES)
    assert not failures, f"{len(failures)} of {len(ENTRIES)} examples ({share:.0%}) fail:\n" + "\n".join(failures[:40])
