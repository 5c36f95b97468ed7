"""The learned coder: its corpus, its small models, the shipped weights, and their place in the coder."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from eventlens.learn import train
from eventlens.learn.corpus import cameo_codes, expected_of, statistics, validate_record, _countries, read_records
from eventlens.learn.detect import CLASSES, Detector, train_weights
from eventlens.learn.linear import Ranker, train_ranker

ROOT = Path(__file__).resolve().parents[1]


def test_ranker_learns_which_candidate_is_right():
    # The right candidate is the one after the verb with an object path, whatever else it carries.
    groups = []
    for i in range(60):
        noise = f"noise={i % 7}"
        cands = [["path=nsubj", noise], ["path=dobj", f"noise={(i + 3) % 7}"], ["kind=none", noise]]
        groups.append((cands, [1]))
    ranker = train_ranker(groups, bits=12, epochs=5, seed=0)
    probs = ranker.probabilities([["path=nsubj", "noise=9"], ["path=dobj", "noise=1"], ["kind=none"]])
    assert int(probs.argmax()) == 1 and probs.sum() == pytest.approx(1.0)
    assert ranker.top_features(["path=dobj", "noise=1"])[0][0] == "path=dobj"


def test_ranker_round_trips_and_is_deterministic(tmp_path):
    groups = [([["a", "b"], ["c"]], [0]), ([["c", "d"], ["a"]], [1])] * 10
    one, two = train_ranker(groups, bits=10, seed=3), train_ranker(groups, bits=10, seed=3)
    assert np.array_equal(one.weights, two.weights)
    one.meta["version"] = "x"
    one.save(tmp_path / "r.npz")
    back = Ranker.load(tmp_path / "r.npz")
    assert back.meta["version"] == "x"
    assert np.allclose(back.logits([["a", "b"], ["c"]]), one.logits([["a", "b"], ["c"]]), atol=1e-5)


def test_detector_weights_separate_event_words_from_others(tmp_path):
    examples = [["l=attack", "sa=True"], ["l=eat", "sa=False"], ["l=protest", "sa=True"], ["l=sleep", "sa=True"]] * 30
    labels = [CLASSES.index("19"), 0, CLASSES.index("14"), 0] * 30
    weights = train_weights(examples, labels, bits=10, epochs=4, rate=0.3, l2=0.0, seed=0)
    det = Detector(weights=weights.astype(np.float32), bits=10, codes_by_object={}, codes_by_lemma={"19|attack": "190"},
                   threshold=0.5, meta={"version": "t"})
    probs = det.probabilities([["l=attack", "sa=True"], ["l=eat", "sa=False"], ["l=protest", "sa=True"]])
    assert [CLASSES[int(p.argmax())] for p in probs] == ["19", "NONE", "14"]
    det.save(tmp_path / "d.npz")
    back = Detector.load(tmp_path / "d.npz")
    assert back.codes_by_lemma == {"19|attack": "190"} and back.threshold == 0.5
    assert np.allclose(back.probabilities([["l=attack", "sa=True"]]), probs[:1], atol=1e-2)


def test_code_in_context_chooses_the_code_within_the_root_and_round_trips(tmp_path):
    # Within root 16, "cut ties" is 161 and "cut aid" 162: the object decides, not the verb.
    codes = ["161", "162"]
    examples = [["l=cut", "o=tie"], ["l=cut", "o=aid"], ["l=sever", "o=tie"], ["l=halt", "o=aid"]] * 25
    labels = [0, 1, 0, 1] * 25
    code_weights = train_weights(examples, labels, bits=8, epochs=5, rate=0.3, l2=0.0, seed=0, classes=2)
    det = Detector(weights=np.zeros((1 << 10, len(CLASSES)), dtype=np.float32), bits=10, codes_by_object={},
                   codes_by_lemma={}, threshold=0.5, meta={"version": "t"},
                   code_models={"16": (codes, code_weights.astype(np.float32))})
    assert det.code_in_context(["l=cut", "o=aid"], "16")[0] == "162"
    assert det.code_in_context(["l=cut", "o=tie"], "16")[0] == "161"
    assert det.code_in_context(["l=cut", "o=tie"], "17") is None  # no model for the root: the tables decide
    det.save(tmp_path / "d.npz")
    back = Detector.load(tmp_path / "d.npz")
    code, p = back.code_in_context(["l=cut", "o=aid"], "16")
    assert code == "162" and p > 0.8 and back.code_models["16"][0] == codes


def test_validator_names_each_problem():
    codes, countries = cameo_codes(), _countries()
    good = {"id": "x", "text": "Moldova summoned the Russian ambassador.", "date": "2023-02-14", "style": "plain",
            "domain": "diplomacy", "events": [{"trigger": "summoned", "source": {"text": "Moldova", "code": "MDA"},
                                               "target": {"text": "the Russian ambassador", "code": "RUSGOV"},
                                               "code": "114", "plover": "ACCUSE", "modality": "asserted"}]}
    assert validate_record(good, codes, countries) == []
    assert expected_of(good) == [{"source": "MDA", "target": "RUSGOV", "code": "114"}]
    bad = json.loads(json.dumps(good))
    bad["events"][0].update(trigger="expelled", code="999")
    bad["events"][0]["target"] = {"text": None, "code": "RUSGOVX"}
    problems = " | ".join(validate_record(bad, codes, countries))
    assert "trigger 'expelled' does not occur" in problems and "'999' is not a CAMEO code" in problems
    assert "3-letter chunks" in problems and "implied" in problems
    # the dictionary's organisation codes may hold digits (the G7); a country's may not
    g7 = json.loads(json.dumps(good))
    g7["events"][0]["target"] = {"text": "the Russian ambassador", "code": "IGOWSTG7"}
    assert validate_record(g7, codes, countries) == []
    g7["events"][0]["target"]["code"] = "RUS6OV"
    assert "3-letter chunks" in " | ".join(validate_record(g7, codes, countries))


def test_gold_reader_scores_corpus_records(tmp_path):
    from eventlens.evaluate.gold import read_gold

    rec = {"id": "c1", "text": "Japan imposed sanctions on Russia.", "date": "2024-03-01", "style": "plain",
           "domain": "economy", "events": [{"trigger": "imposed", "source": {"text": "Japan", "code": "JPN"},
                                            "target": {"text": "Russia", "code": "RUS"}, "code": "163",
                                            "plover": "SANCTION", "modality": "asserted"}]}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    [gold] = read_gold(path)
    assert [(e.source, e.target, e.code) for e in gold.expected] == [("JPN", "RUS", "163")]


def test_corpus_is_valid_and_as_large_and_varied_as_promised():
    files = train.corpus_files()
    records = [r for p in files for r in read_records(p)]
    codes, countries = cameo_codes(), _countries()
    bad = [(r["id"], p) for r in records for p in validate_record(r, codes, countries)]
    assert not bad, bad[:5]
    assert len({r["id"] for r in records}) == len(records)
    stats = statistics(records, codes)
    assert stats["records"] >= 8000 and stats["no_event"] / stats["records"] >= 0.25
    assert stats["roots"] == 20 and stats["codes"] >= 200 and stats["codes_with_10"] >= 200
    real = {c for r in records for e in r["events"] for c in ((e["source"] or {}).get("code", "")[:3],
                                                                ((e.get("target") or {}).get("code") or "")[:3])}
    assert len(real & countries) >= 100


def test_blind_set_is_valid_and_apart_from_the_corpus():
    blind = read_records(ROOT / "eval" / "blind" / "blind.jsonl")
    codes, countries = cameo_codes(), _countries()
    assert len(blind) >= 600 and not [p for r in blind for p in validate_record(r, codes, countries)]
    corpus_texts = {r["text"] for p in train.corpus_files() for r in read_records(p)}
    assert not corpus_texts & {r["text"] for r in blind}


def test_the_second_dev_set_is_valid_and_apart_from_the_corpus_and_the_blind_set():
    dev2 = read_records(ROOT / "eval" / "dev2" / "dev2.jsonl")
    codes, countries = cameo_codes(), _countries()
    assert len(dev2) >= 450 and not [p for r in dev2 for p in validate_record(r, codes, countries)]
    texts = {r["text"] for r in dev2}
    assert not texts & {r["text"] for p in train.corpus_files() for r in read_records(p)}
    assert not texts & {r["text"] for r in read_records(ROOT / "eval" / "blind" / "blind.jsonl")}


def test_the_third_dev_set_is_valid_and_apart_from_every_other_set():
    dev3 = read_records(ROOT / "eval" / "dev3" / "dev3.jsonl")
    codes, countries = cameo_codes(), _countries()
    assert len(dev3) >= 450 and not [p for r in dev3 for p in validate_record(r, codes, countries)]
    # harder than dev2 where the blind set is hardest: over a third of its records hold no event
    assert sum(not r["events"] for r in dev3) / len(dev3) > 0.33
    texts = {r["text"] for r in dev3}
    assert not texts & {r["text"] for p in train.corpus_files() for r in read_records(p)}
    for other in ("blind/blind.jsonl", "dev2/dev2.jsonl"):
        assert not texts & {r["text"] for r in read_records(ROOT / "eval" / other)}


def test_the_fourth_dev_set_is_valid_and_apart_from_every_other_set():
    dev4 = read_records(ROOT / "eval" / "dev4" / "dev4.jsonl")
    codes, countries = cameo_codes(), _countries()
    assert len(dev4) >= 400 and not [p for r in dev4 for p in validate_record(r, codes, countries)]
    assert sum(not r["events"] for r in dev4) / len(dev4) > 0.33
    texts = {r["text"] for r in dev4}
    assert not texts & {r["text"] for p in train.corpus_files() for r in read_records(p)}
    for other in ("blind/blind.jsonl", "dev2/dev2.jsonl", "dev3/dev3.jsonl"):
        assert not texts & {r["text"] for r in read_records(ROOT / "eval" / other)}


@pytest.mark.parametrize("name", ["dev5", "dev6", "dev7"])
def test_the_later_dev_sets_are_valid_and_apart_from_every_other_set(name):
    records = read_records(ROOT / "eval" / name / f"{name}.jsonl")
    codes, countries = cameo_codes(), _countries()
    assert len(records) >= 300 and not [p for r in records for p in validate_record(r, codes, countries)]
    assert sum(not r["events"] for r in records) / len(records) >= 0.25  # as many negatives as the blind set
    texts = {r["text"] for r in records}
    assert not texts & {r["text"] for p in train.corpus_files() for r in read_records(p)}
    others = [p for p in (ROOT / "eval").glob("*/*.jsonl") if p.parent.name != name]
    assert len(others) >= 7
    for other in others:
        assert not texts & {r["text"] for r in read_records(other)}, other


def _seven_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 7]) for i in range(len(words) - 6)}


def test_no_corpus_record_paraphrases_an_evaluation_record():
    # Near copies leak as surely as copies: no corpus text shares three runs of seven words with one
    # record of the blind or the old gold sets (two such texts are the same sentence lightly edited).
    owner: dict[tuple, str] = {}
    for path in (ROOT / "eval" / "blind" / "blind.jsonl", ROOT / "eval" / "gold" / "test.jsonl",
                 ROOT / "eval" / "gold" / "dev.jsonl", ROOT / "eval" / "dev2" / "dev2.jsonl",
                 ROOT / "eval" / "dev3" / "dev3.jsonl", ROOT / "eval" / "dev4" / "dev4.jsonl"):
        # (dev5 to dev7 are left out: written in session 20 and 21 from memory of the same news as the
        # corpus, 8-14% of their records share three runs of seven words with a corpus text; their figures
        # are development figures, and docs/learned-coder.md says so)
        for r in read_records(path):
            for g in _seven_grams(r["text"]):
                owner.setdefault(g, r["id"])
    near = []
    for p in train.corpus_files():
        for r in read_records(p):
            shared = Counter(owner[g] for g in _seven_grams(r["text"]) if g in owner)
            if shared and shared.most_common(1)[0][1] >= 3:
                near.append((r["id"], shared.most_common(1)[0][0]))
    assert near == []


def test_shipped_weights_match_the_corpus_and_config():
    assert train.check() == []


@pytest.mark.slow
def test_training_is_deterministic(tmp_path):
    records = read_records(train.corpus_files()[0])[:120]
    first = train.fit(records, quiet=True, meta={"version": "t"})
    second = train.fit(records, quiet=True, meta={"version": "t"})
    assert np.array_equal(first[0].weights, second[0].weights)
    assert np.array_equal(first[1].weights, second[1].weights) and np.array_equal(first[2].weights, second[2].weights)
    one, two = (train.fit_calibrator(records[:90], quiet=True, meta={"version": "t"}) for _ in range(2))
    assert one.meta["events"] > 0 and np.array_equal(one.weights, two.weights)


@pytest.mark.slow
def test_learned_events_name_their_models(code):
    events = code("Moldova summoned the Russian ambassador on Tuesday to protest a missile that crossed its "
                  "airspace. Russia denied that its missile had strayed.", date="2023-02-14")
    summoned = [e for e in events if e.code.startswith("11") and e.source.country == "MDA"]
    assert summoned and summoned[0].target.country == "RUS"
    assert any("targets@" in e.rule for e in events)
    counts = Counter(e.rule.split("targets@")[1].split(":")[0] for e in events if "targets@" in e.rule)
    from eventlens.learn.choose import shipped_ranker

    assert set(counts) == {shipped_ranker().meta["version"]}


def test_calibrator_learns_how_often_each_kind_of_event_is_right():
    from eventlens.learn import calibrate

    # Lexicon events with a named target are right 4 times in 5, detector events with a fallback target
    # once in 5: the fitted probabilities must say so, in that order, close to those rates.
    examples, labels = [], []
    for i in range(400):
        examples.append({"origin": "lexicon", "target": ("named", 0.9), "root": "11"})
        labels.append(i % 5 != 0)
        examples.append({"origin": "detector", "detector": 0.6, "target": ("fallback", None), "root": "11"})
        labels.append(i % 5 == 0)
    model = calibrate.fit(examples, labels)
    good = model.probability({"origin": "lexicon", "target": ("named", 0.9), "root": "11"})
    poor = model.probability({"origin": "detector", "detector": 0.6, "target": ("fallback", None), "root": "11"})
    assert 0.7 < good < 0.9 and 0.1 < poor < 0.3


def test_confidence_is_the_calibrated_probability_and_min_confidence_filters(coder):
    from eventlens.coding import Coder, code_text
    from eventlens.learn.calibrate import shipped_calibrator

    text = ("Moldova summoned the Russian ambassador on Tuesday. Protesters in Chisinau burned a Russian flag, "
            "and the government said it would review trade ties with Moscow.")
    events = code_text(text, date="2023-02-14", coder=coder)
    assert events and all("confidence by calibration@" in e.rule for e in events)
    assert shipped_calibrator() is not None
    floor = sorted(e.confidence for e in events)[len(events) // 2]
    strict = code_text(text, date="2023-02-14", coder=Coder(min_confidence=floor))
    assert strict and all(e.confidence >= floor for e in strict)
    key = lambda e: (e.source.code, e.target.code if e.target else None, e.code, e.sentence_index)  # noqa: E731
    assert {key(e) for e in strict} <= {key(e) for e in events}
    assert len(strict) == sum(1 for e in events if e.confidence >= floor) < len(events) + (len(events) == 1)


def test_mutual_codes_are_the_codes_the_corpus_codes_both_ways():
    def rec(code, both):
        ev = {"trigger": "x", "source": {"code": "AAA"}, "target": {"code": "BBB"}, "code": code}
        back = {"trigger": "x", "source": {"code": "BBB"}, "target": {"code": "AAA"}, "code": code}
        return {"events": [ev, back] if both else [ev]}
    records = [rec("057", True)] * 10 + [rec("042", False)] * 20 + [rec("193", True)] * 2
    # 057: every event has its twin; 042: none has; 193: twinned, but too rare to say
    assert train.mutual_codes(records, least=15) == ["057"]


def test_acts_of_one_subject_are_mutual_only_where_the_corpus_codes_them_back_with_one_subject():
    def rec(text, source, target, both):
        ev = {"trigger": "share", "source": {"text": source, "code": source[:3].upper()},
              "target": {"text": target, "code": target[:3].upper()}, "code": "0314"}
        back = {"trigger": "share", "source": {"text": target, "code": target[:3].upper()},
                "target": {"text": source, "code": source[:3].upper()}, "code": "0314"}
        return {"text": text, "events": [ev, back] if both else [ev]}
    # listed together, the two are each other's target; one acting on the other is coded once
    joint = rec("Chile and Peru agreed to share radar data.", "Chile", "Peru", True)
    alone = rec("Chile pledged to share radar data with Peru.", "Chile", "Peru", False)
    records = [joint] * 12 + [alone] * 6
    assert train.mutual_codes(records, least=15) == ["0314"]  # 24 of 30 events have their twin
    assert train.mutual_single_codes(records, least=5) == []  # none of the 6 with one subject has
    # too few events with one subject to say otherwise: the code stays mutual, as CODEBOOK has it
    assert train.mutual_single_codes([joint] * 12 + [alone] * 2, least=5) == ["0314"]


def test_a_code_coded_both_ways_only_with_some_words_is_mutual_with_those_words():
    def rec(code, trigger, both):
        ev = {"trigger": trigger, "source": {"code": "AAA"}, "target": {"code": "BBB"}, "code": code}
        back = {"trigger": trigger, "source": {"code": "BBB"}, "target": {"code": "AAA"}, "code": code}
        return {"events": [ev, back] if both else [ev]}
    # 193 as a whole is one-way (ambushes outnumber exchanges of fire), "exchanged fire" is both ways
    records = [rec("193", "exchanged fire", True)] * 4 + [rec("193", "ambushed", False)] * 20
    assert train.mutual_codes(records, least=15) == ["193|exchang"]
    from eventlens.coding.codes import mutual_key

    assert mutual_key("193", "exchange") == mutual_key("193", "Exchanging") == "193|exchang"


def test_acts_the_corpus_codes_both_ways_give_two_events(code):
    from eventlens.learn.detect import shipped_detector

    assert "057" in shipped_detector().meta["mutual_codes"]
    signed = code("Japan signed a trade agreement with Vietnam on Monday.", date="2024-03-04")
    assert {(e.source.code, e.target.code) for e in signed if e.code == "057"} == {("JPN", "VNM"), ("VNM", "JPN")}
    visit = code("The Japanese prime minister visited Hanoi on Monday.", date="2024-03-04")
    assert all(e.source.country == "JPN" for e in visit if e.root_code == "04")  # a visit is the visitor's act


def test_sentence_gate_learns_which_sentences_hold_events_and_round_trips(tmp_path):
    from eventlens.learn.gate import gate_probability, sentence_labels

    # Labels: a sentence holds an event when an annotated trigger lies inside it.
    sentences = [("r1", 0, 40, ["x"]), ("r1", 41, 90, ["y"]), ("r2", 0, 30, ["z"])]
    assert sentence_labels(sentences, {"r1": [((50, 58), "111")], "r2": []}) == [0, 1, 0]
    # "took gold" on the sports page is no event, a summoned ambassador is one, whatever the lexicon says
    examples = [["w=summon", "w=ambassador", "rule=11"], ["w=take", "w=gold", "w=swimmer", "rule=07"],
                ["w=expel", "w=diplomat", "rule=16"], ["w=rally", "w=zloty", "w=election", "rule=14"]] * 30
    gate = train_weights(examples, [1, 0, 1, 0] * 30, bits=10, epochs=5, rate=0.3, l2=0.0, seed=0, classes=2)
    det = Detector(weights=np.zeros((1 << 10, len(CLASSES)), dtype=np.float32), bits=10, codes_by_object={},
                   codes_by_lemma={}, threshold=0.5, meta={"version": "t", "gate_threshold": 0.3},
                   gate=gate.astype(np.float32))
    assert gate_probability(det.gate, ["w=summon", "w=ambassador", "rule=11"]) > 0.8
    assert gate_probability(det.gate, ["w=take", "w=gold", "w=swimmer", "rule=07"]) < 0.2
    det.save(tmp_path / "d.npz")
    back = Detector.load(tmp_path / "d.npz")
    assert back.gate_threshold == 0.3 and np.allclose(back.gate, det.gate, atol=1e-2)


def test_the_gate_reads_how_actors_stand_to_each_rule_word(pipeline):
    from eventlens.learn.gate import actor_links, sentence_features

    sent = next(pipeline("Russia annexed Crimea in 2014.").sents)
    verb = next(t for t in sent if t.lower_ == "annexed")
    actors = {t.i for t in sent if t.text in ("Russia", "Crimea")}
    assert actor_links(verb, actors) == {"subj", "obj"}
    feats = sentence_features(sent, actors, {verb.i: "19"})
    assert {"rule=19&subj", "rule=19&link=obj+subj", "rw=annex&link=obj+subj", "rule=19&actors=2"} <= set(feats)
    # The same word with no actor around it: the sports page's "took gold" or a crime page arrest
    sport = next(pipeline("The swimmer took gold in the final.").sents)
    took = next(t for t in sport if t.lower_ == "took")
    assert actor_links(took, set()) == set()
    assert "rule=07&link=none" in sentence_features(sport, set(), {took.i: "07"})
    # An actor that modifies the object's noun stands as object: "the Russian ambassador"
    summon = next(pipeline("Moldova summoned the Russian ambassador.").sents)
    word = next(t for t in summon if t.lower_ == "summoned")
    assert actor_links(word, {summon[3].i}) == {"obj"}


def test_the_detector_reads_who_acts_and_the_rest_of_the_sentence(pipeline):
    from eventlens.learn.detect import sentence_context, token_features

    sent = next(pipeline("Chinese warships struck a Philippine supply boat near the shoal.").sents)
    struck = next(t for t in sent if t.lower_ == "struck")
    feats = set(token_features(struck, set(), {}, sentence_context(sent)))
    assert {"s=warship", "l=strike|s=warship", "ctx=boat", "ctx=shoal", "ctx=supply"} <= feats
    assert "ctx=strike" not in feats  # the word itself is not its own context
    sport = next(pipeline("The striker struck twice as the champions beat the visitors.").sents)
    word = next(t for t in sport if t.lower_ == "struck")
    sport_feats = set(token_features(word, set(), {}))  # the context is computed when not given
    assert {"ctx=striker", "ctx=champion"} <= sport_feats and "ctx=boat" not in sport_feats


def test_an_actor_the_ranker_picks_from_a_list_brings_the_list_but_not_the_co_actors(code):
    events = code("Egyptian officials warned they could abandon their mediation between Hamas and Fatah "
                  "if the factions kept trading insults.")
    warned = [e for e in events if e.root_code == "13" and e.source.country == "EGY"]
    assert sorted(e.target.code for e in warned) == ["PSEPTY", "PSEREB"]
    assert any("listed with it" in e.rule for e in warned)
    # The list that holds the source is its co-actors, not more targets
    events = code("The leaders of Russia, Ukraine, Germany and France agreed on a ceasefire in eastern Ukraine.")
    assert events and not [e for e in events if e.target and e.target.country == e.source.country]


def test_the_sentence_gate_drops_a_sentence_and_explain_says_why(coder):
    import dataclasses

    from eventlens.coding import code_text
    from eventlens.coding.explain import format_explanation

    text = "Moldova summoned the Russian ambassador on Tuesday to protest a missile that crossed its airspace."
    assert code_text(text, date="2023-02-14", coder=coder)
    closed = dataclasses.replace(coder.detector, meta={**coder.detector.meta, "gate_threshold": 1.01})
    shut, coder.detector = coder.detector, closed
    try:
        coder.explanation = []
        assert code_text(text, date="2023-02-14", coder=coder) == []
        assert "the sentence gate puts an event here" in format_explanation(coder.explanation)
    finally:
        coder.detector, coder.explanation = shut, None


def test_refines_knows_which_codes_are_more_specific():
    from eventlens.learn.detect import refines

    assert refines("1123", "112") and refines("0231", "020") and refines("042", "040")
    assert not refines("112", "112") and not refines("113", "112") and not refines("1123", "1124")
    assert not refines("0312", "020")  # another root


def test_a_state_body_acting_at_home_is_offered_its_own_people_as_target(coder):
    from eventlens.coding import code_text

    coder.explanation = []
    try:
        code_text("Myanmar's military imposed a curfew on Monday.", date="2021-03-01", coder=coder)
        weighed = [(kind, code) for entry in coder.explanation for cand in entry["candidates"]
                   for kind, code, _ in cand["targets"]]
    finally:
        coder.explanation = None
    assert ("implied_own_people", "MMRCVL") in weighed
    assert not [kind for kind, _ in weighed if kind == "implied_own_country"]


def test_deep_scorer_learns_combinations_the_linear_detector_cannot_and_round_trips(tmp_path):
    from eventlens.learn.detect import train_deep

    # Root 19 only when "strike" and an actor subject come together; each alone says nothing (XOR).
    examples = [["l=strike", "sa=True"], ["l=strike", "sa=False"], ["l=meet", "sa=True"], ["l=meet", "sa=False"]] * 60
    labels = [CLASSES.index("19"), 0, 0, CLASSES.index("19")] * 60
    deep = train_deep(examples, labels, bits=10, dim=16, epochs=30, rate=0.1, vector_rate=0.1, l2=0.0,
                      min_count=1, seed=0)
    det = Detector(weights=np.zeros((1 << 10, len(CLASSES)), dtype=np.float32), bits=10, codes_by_object={},
                   codes_by_lemma={}, threshold=0.5, meta={"version": "t"}, deep=deep)
    p = det.probabilities([["l=strike", "sa=True"], ["l=strike", "sa=False"], ["l=meet", "sa=False"],
                           ["l=meet", "sa=True"]])
    root = CLASSES.index("19")
    # No sum of one weight per feature orders the four this way: that takes the hidden layer.
    assert p[0, root] > p[1, root] and p[2, root] > p[1, root]
    assert p[3, root] < p[0, root] and p[3, root] < p[2, root]
    assert np.allclose(p.sum(axis=1), 1.0)
    det.save(tmp_path / "d.npz")
    back = Detector.load(tmp_path / "d.npz")
    assert np.allclose(back.probabilities([["l=strike", "sa=True"]]), p[:1], atol=1e-2)
    assert len(back.deep.vectors) == 4  # one vector per feature seen in training


def test_deep_ranker_learns_which_kind_fits_which_act_and_round_trips(tmp_path):
    from eventlens.learn.linear import Ranker, hash_features, train_ranker

    # The own government is right for a protest by citizens, the counterpart for a ban by a state: only
    # the combination of root and source says which, so the linear half alone cannot order all four.
    def group(root, src):
        return [["kind=own_gov", f"root={root}", f"src={src}"], ["kind=counterpart", f"root={root}", f"src={src}"]]
    cases = [("14", "CVL", 0), ("16", "GOV", 1), ("14", "GOV", 1), ("16", "CVL", 0)]
    groups = [(group(r, s), [right]) for r, s, right in cases] * 80
    ranker = train_ranker(groups, bits=10, epochs=2, rate=0.1, l2=0.0, seed=0,
                          deep={"dim": 16, "epochs": 30, "rate": 0.1, "vector_rate": 0.1, "min_count": 1})
    assert ranker.deep is not None
    net = [ranker.deep.logits([hash_features(f, 10) for f in group(r, s)]) for r, s, _ in cases]
    assert all(int(np.argmax(z)) == right for z, (_, _, right) in zip(net, cases))
    ranker.save(tmp_path / "r.npz")
    back = Ranker.load(tmp_path / "r.npz")
    for r, s, _ in cases:
        assert np.allclose(back.probabilities(group(r, s)), ranker.probabilities(group(r, s)), atol=1e-2)


def test_heldout_error_kinds_sort_each_missed_and_false_event():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from heldout import error_kind_counts

    rows = [
        # right root and source, wrong target; a second gold event of the same root coded once only
        {"gold": [["111", "RUSGOV", "UKR"], ["111", "RUSGOV", "POL"]],
         "coded": [["111", "RUSGOV", "DEU", False, ""]]},
        # a root the gold lacks coded instead of the gold's
        {"gold": [["173", "KENCOP", "KENCVL"]], "coded": [["145", "KENCVL", "KENCOP", False, ""]]},
        # nothing coded; and a false event on a record without events
        {"gold": [["042", "USAGOV", "CUB"]], "coded": []},
        {"gold": [], "coded": [["190", "SDNMIL", "SDNREB", False, ""]]},
        # swapped actors, and a right event beside a missed one
        {"gold": [["046", "RUS", "UKR"], ["0871", "RUS", "UKR"]],
         "coded": [["046", "RUS", "UKR", True, ""], ["0871", "UKR", "RUS", False, ""]]},
    ]
    assert error_kind_counts(rows) == Counter({
        "target wrong": 1, "coded fewer times than the gold": 1, "another root coded instead": 1,
        "false: a root the gold lacks": 1, "nothing coded in the record": 1, "false: record without events": 1,
        "swapped": 1})
