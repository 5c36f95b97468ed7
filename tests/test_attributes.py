"""Counts and kinds of targets, named targets and disputed issues, on team-written sentences."""
import pytest

from eventlens.resolve.attributes import dispute_issue, event_attributes, parse_number


@pytest.mark.parametrize("words, value", [
    (["29"], 29), (["1,200"], 1200), (["three"], 3), (["twenty-five"], 25), (["2", "million"], 2_000_000),
    (["a", "dozen"], 12), (["several"], None),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("text, issue", [
    ("Japan will pursue a resolution to the territorial issue.", "territorial issue"),
    ("They hope to resolve the issue of the Northern Territories.", "territorial issue"),
    ("Russia could sign a peace treaty with Japan.", "peace treaty"),
    ("The sides agreed a ceasefire in the south.", "ceasefire"),
    ("Talks on Iran's nuclear programme resumed.", "nuclear programme"),
    ("The minister visited the capital.", None),
])
def test_dispute_issue(text, issue):
    assert dispute_issue(text) == issue


@pytest.fixture(scope="module")
def nlp():
    from eventlens.nlp import load_pipeline

    return load_pipeline()


def attrs(nlp, text, verb, target_words=()):
    sent = next(nlp(text).sents)
    action = [t for t in sent if t.text == verb][:1]
    target = [t for t in sent if t.text in target_words]
    return event_attributes(sent, action, target)


@pytest.mark.slow
def test_counts_of_sanctioned_targets(nlp):
    got = attrs(nlp, "On January 10, it was reported that Japan imposed sanctions on three Russian banks, "
                     "29 legal entities, and 11 individuals.", "imposed")
    assert got["target_counts"] == {"banks": 3, "legal entities": 29, "individuals": 11}


@pytest.mark.slow
def test_counts_from_the_direct_object(nlp):
    assert attrs(nlp, "Police arrested 1,200 protesters and two journalists in Minsk.", "arrested")[
        "target_counts"] == {"protesters": 1200, "journalists": 2}


@pytest.mark.slow
def test_counts_from_given_target_words(nlp):
    got = attrs(nlp, "The army said it killed twenty-five militants near the border.", "killed", ("militants",))
    assert got["target_counts"] == {"militants": 25}


@pytest.mark.slow
def test_named_targets(nlp):
    got = attrs(nlp, "The ministry sanctioned Alrosa CEO Pavel Marynichev and two other executives.", "sanctioned")
    assert "Pavel Marynichev" in got["named_targets"]
    assert got["target_counts"] == {"executives": 2}


@pytest.mark.slow
def test_no_attributes_when_the_sentence_has_none(nlp):
    assert attrs(nlp, "The minister criticised the decision.", "criticised") == {}


@pytest.mark.slow
def test_issue_is_an_attribute(nlp):
    got = attrs(nlp, "Ishiba said Japan will pursue a resolution to the territorial issue.", "pursue")
    assert got["issue"] == "territorial issue"
