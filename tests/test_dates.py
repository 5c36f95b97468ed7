"""Event dates, effective dates and publication-date inference on team-written sentences."""
import datetime as dt

import pytest

from eventlens.resolve.dates import (EITHER, FUTURE, PAST, find_expressions, infer_publication_date, resolve,
                                     resolve_event_date)
from tests.conftest import SHARED

FRIDAY = dt.date(2025, 1, 24)
SEED = SHARED / "seed" / "japan-russia-peace-treaty.txt"


def only(text):
    found = [e for e in find_expressions(text)]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, direction, expected", [
    ("They met on 9 February 2025.", PAST, ("2025-02-09", "day")),
    ("They met on February 9, 2025.", PAST, ("2025-02-09", "day")),
    ("They met on 2024-12-15.", PAST, ("2024-12-15", "day")),
    ("The minister spoke in November 2024.", PAST, ("2024-11-01", "month")),
    ("The pact was signed in 2019.", PAST, ("2019-01-01", "year")),
    ("On January 10, it was reported.", PAST, ("2025-01-10", "day")),
    ("It takes effect on February 9.", FUTURE, ("2025-02-09", "day")),
    ("It happened on February 9.", PAST, ("2024-02-09", "day")),
    ("They met on the 5th of March.", FUTURE, ("2025-03-05", "day")),
    ("The army struck in December.", PAST, ("2024-12-01", "month")),
    ("Talks will start in March.", FUTURE, ("2025-03-01", "month")),
    ("Police raided the office on Monday.", PAST, ("2025-01-20", "day")),
    ("They will meet on Monday.", FUTURE, ("2025-01-27", "day")),
    ("It happened last Friday.", EITHER, ("2025-01-17", "day")),
    ("It happened yesterday.", EITHER, ("2025-01-23", "day")),
    ("They meet tomorrow.", EITHER, ("2025-01-25", "day")),
    ("It happened last week.", EITHER, ("2025-01-13", "week")),
    ("It happened earlier this month.", EITHER, ("2025-01-01", "month")),
    ("It happened last year.", EITHER, ("2024-01-01", "year")),
    ("It happened three days ago.", EITHER, ("2025-01-21", "day")),
])
def test_each_form_resolves_against_the_reference(text, direction, expected):
    day, precision = resolve(only(text), FRIDAY, direction)
    assert (day.isoformat(), precision) == expected


@pytest.mark.parametrize("text", [
    "The treaty has remained unsigned for over 70 years.",
    "The area has been occupied since 2014.",
    "Shelling went on over the past week.",
    "The siege lasted for three months.",
])
def test_durations_are_no_date(text):
    expressions = find_expressions(text)
    assert expressions and all(e.is_duration for e in expressions)
    assert all(resolve(e, FRIDAY) is None for e in expressions)


def test_may_the_verb_is_not_a_month():
    assert find_expressions("Russia may sign the treaty, and troops march on.") == []


def test_relative_dates_need_a_reference():
    assert resolve(only("It happened yesterday."), None) is None
    assert resolve(only("They met on 9 February 2025."), None) == (dt.date(2025, 2, 9), "day")


def test_dateline_gives_the_publication_date():
    text = "MOSCOW, January 24, 2025 - Officials met on Monday.\nMore text."
    assert infer_publication_date(text) == (dt.date(2025, 1, 24), 0.9, False)


def test_metadata_date_wins():
    assert infer_publication_date("In November 2024 they met.", dt.date(2025, 3, 1)) == (dt.date(2025, 3, 1), 1.0, False)


def test_text_without_dates_gives_no_publication_date():
    assert infer_publication_date("The minister spoke to reporters.")[0] is None


def test_inference_from_plain_text_bounds_by_past_and_future_dates():
    text = ("In March 2023, the two sides signed a pact. On June 2, the army withdrew. "
            "The new rules will take effect on July 15.")
    day, confidence, inferred = infer_publication_date(text)
    assert inferred and day == dt.date(2023, 6, 2)
    assert 0.5 <= confidence <= 0.9


@pytest.fixture(scope="module")
def nlp():
    from eventlens.nlp import load_pipeline

    return load_pipeline()


def event_date(nlp, text, verb, publication=FRIDAY):
    sent = next(nlp(text).sents)
    tokens = [t for t in sent if t.text == verb]
    assert tokens, verb
    return resolve_event_date(sent, tokens[:1], publication)


@pytest.mark.slow
def test_the_date_of_the_events_own_clause(nlp):
    text = "The minister said on Wednesday that the talks would resume on February 3."
    assert event_date(nlp, text, "said").date == "2025-01-22"
    resumed = event_date(nlp, text, "resume")
    assert (resumed.date, resumed.precision, resumed.text) == ("2025-02-03", "day", "February 3")
    assert text[resumed.start:resumed.end] == "February 3"


@pytest.mark.slow
def test_a_date_on_the_reporting_verb_dates_the_reported_act(nlp):
    got = event_date(nlp, "On January 10, it was reported that Japan imposed sanctions on three banks.", "imposed")
    assert (got.date, got.precision) == ("2025-01-10", "day")


@pytest.mark.slow
def test_scheduled_dates_become_effective_dates(nlp):
    got = event_date(nlp, "The restrictions on financial institutions are set to take effect on February 9.", "set")
    assert got.effective_date == "2025-02-09"
    assert (got.date, got.precision, got.text) == ("2025-01-24", "day", None)


@pytest.mark.slow
def test_a_duration_leaves_the_publication_date(nlp):
    got = event_date(nlp, "The peace treaty has remained unsigned for over 70 years.", "remained")
    assert (got.date, got.precision, got.text) == ("2025-01-24", "day", None)


@pytest.mark.slow
def test_no_publication_date_and_no_expression_gives_none(nlp):
    got = event_date(nlp, "Japan criticised the decision.", "criticised", publication=None)
    assert (got.date, got.precision) == (None, None)


@pytest.mark.slow
@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_article_dates(nlp):
    text = SEED.read_text(encoding="utf-8")
    doc = nlp(text)
    sents = list(doc.sents)

    def sentence_with(words):
        return next(s for s in sents if words in s.text)

    reiterate = sentence_with("Ishiba reiterated")
    got = resolve_event_date(reiterate, [t for t in reiterate if t.text == "reiterated"], FRIDAY)
    assert (got.date, got.precision) == ("2024-11-01", "month")
    sanctions = sentence_with("imposed sanctions")
    got = resolve_event_date(sanctions, [t for t in sanctions if t.text == "imposed"], FRIDAY)
    assert (got.date, got.precision) == ("2025-01-10", "day")
    restrictions = sentence_with("take effect")
    got = resolve_event_date(restrictions, [t for t in restrictions if t.text == "set"], FRIDAY)
    assert got.effective_date == "2025-02-09"
    day, confidence, inferred = infer_publication_date(doc)
    assert inferred and (day.year, day.month) == (2025, 1) and confidence > 0.5
    assert infer_publication_date(text)[0].month == 1
