"""Scoring of predicted events against gold: every metric on small hand-built cases."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from eventlens.errors import InputError
from eventlens.evaluate import evaluate, format_comparison, format_table, gold_articles, to_json
from eventlens.evaluate.gold import GoldEvent, GoldRecord, read_gold, record_from_gsr
from eventlens.evaluate.scoring import actor_matches, country_key, max_matching, normalize_actor, score
from eventlens.ontology import lookup, plover_for

DOCS = Path(__file__).resolve().parents[1] / "docs" / "eval.md"
GSR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "plover_gsr.jsonl"


def pred(source, target, code, *, negated=False, plover="mapped", sentence="", rule="test-rule"):
    """A prediction shaped like Event.to_dict(), derived fields from the ontology as the coder does."""
    if plover == "mapped":
        plover = plover_for(code)[0]
    return {
        "source": {"code": source}, "target": {"code": target} if target else None,
        "code": code, "base_code": code[:3], "root_code": code[:2], "quad_class": lookup(code).quad_class,
        "plover": {"event": plover, "mode": None, "context": None}, "negated": negated,
        "modality": "asserted", "sentence": sentence, "rule": rule,
    }


def rec(rid, *events, plover=None, text=None):
    return GoldRecord(id=rid, text=text or f"text of {rid}", date=None,
                      expected=[GoldEvent(s, t, c) for s, t, c in events], plover=plover)


def counts(result, level, mode):
    entry = result["events"][level][mode]
    return entry["tp"], entry["fp"], entry["fn"]


# --- event matching -------------------------------------------------------------------------------

def test_perfect_predictions_score_one_everywhere():
    gold = [rec("a", ("JPNGOV", "RUS", "163")), rec("b", ("USA", None, "010"), ("CHN", "USA", "036")), rec("c")]
    preds = {"a": [pred("JPNGOV", "RUS", "163")], "b": [pred("CHN", "USA", "036"), pred("USA", None, "010")]}
    result = score(gold, preds)
    assert result["exact_match"] == {"records": 3, "matched": 3, "rate": 1.0}
    for level in ("full", "base", "root", "quad", "actors"):
        for mode in ("strict", "country"):
            assert result["events"][level][mode]["f1"] == 1.0
            assert counts(result, level, mode) == (3, 0, 0)
    assert result["no_event"] == {"records": 1, "wrongly_coded": 0, "rate": 0.0}
    assert result["errors"]["misses"] == [] and result["errors"]["false_events"] == []


def test_partial_predictions_count_hits_misses_and_false_events():
    gold = [rec("a", ("JPN", "RUS", "163"), ("RUS", "JPN", "111"))]
    preds = {"a": [pred("JPN", "RUS", "163"), pred("RUS", "JPN", "120")]}
    result = score(gold, preds)
    assert counts(result, "full", "strict") == (1, 1, 1)
    full = result["events"]["full"]["strict"]
    assert full["precision"] == 0.5 and full["recall"] == 0.5 and full["f1"] == 0.5
    # 111 and 120 share neither base nor root, but both are Verbal Conflict.
    assert counts(result, "root", "strict") == (1, 1, 1)
    assert counts(result, "quad", "strict") == (2, 0, 0)
    assert result["exact_match"]["matched"] == 0
    assert [m["code"] for m in result["errors"]["misses"]] == ["111"]
    false = result["errors"]["false_events"]
    assert [(f["record"], f["code"], f["rule"]) for f in false] == [("a", "120", "test-rule")]


def test_extra_events_lower_precision_only():
    gold = [rec("a", ("ISR", "PSE", "190"))]
    preds = {"a": [pred("ISR", "PSE", "190"), pred("PSE", "ISR", "190")]}
    full = score(gold, preds)["events"]["full"]["strict"]
    assert (full["tp"], full["fp"], full["fn"]) == (1, 1, 0)
    assert full["precision"] == 0.5 and full["recall"] == 1.0
    assert full["f1"] == pytest.approx(2 / 3)


def test_missing_events_give_zero_recall_and_no_precision():
    gold = [rec("a", ("ISR", "PSE", "190"), ("PSE", "ISR", "190"))]
    full = score(gold, {})["events"]["full"]["strict"]
    assert (full["tp"], full["fp"], full["fn"]) == (0, 0, 2)
    assert full["precision"] is None and full["recall"] == 0.0 and full["f1"] == 0.0


def test_no_event_records_wrongly_coded():
    gold = [rec("q1"), rec("q2"), rec("q3"), rec("e", ("USA", "CHN", "042"))]
    preds = {"q2": [pred("USA", None, "010"), pred("USA", "CHN", "042")], "e": [pred("USA", "CHN", "042")]}
    result = score(gold, preds)
    assert result["no_event"] == {"records": 3, "wrongly_coded": 1, "rate": pytest.approx(1 / 3)}
    assert counts(result, "full", "strict") == (1, 2, 0)
    assert result["exact_match"]["matched"] == 3  # q1, q3 (both empty) and e


def test_country_level_matches_what_strict_does_not():
    gold = [rec("a", ("JPNGOV", "CHN", "036"))]
    preds = {"a": [pred("JPN", "CHNGOV", "036")]}
    result = score(gold, preds)
    assert counts(result, "full", "strict") == (0, 1, 1)
    assert counts(result, "full", "country") == (1, 0, 0)
    assert result["exact_match"]["matched"] == 0


def test_country_keys_aliases_and_transnational_actors():
    assert country_key("JPNGOV") == "JPN" and country_key("IGOUNO") == "IGOUNO"
    assert actor_matches("JAP", "JPNGOV", "country") and actor_matches("JAPGOV", "JPNGOV", "strict")
    assert actor_matches("IGO", "IGOUNO", "country") and not actor_matches("IGO", "IGOUNO", "strict")
    assert not actor_matches("IGOEU", "IGOUNO", "country")
    assert not actor_matches("USA", "USR", "country")
    # NATO under both conventions: the codebook's IGONAT and the dictionaries' IGOWSTNAT
    assert actor_matches("IGONAT", "IGOWSTNAT", "strict") and actor_matches("IGOWSTNAT", "igonat", "country")
    assert not actor_matches("IGONAT", "IGOUNO", "country")
    # The filing region inside an organisation's code is dropped on both sides, and only that:
    # the African Union, ECOWAS and the EU's parliament under both conventions are one actor each
    assert actor_matches("IGOAFU", "IGOAFRAFU", "strict") and actor_matches("IGOAFRECW", "IGOECW", "country")
    assert actor_matches("IGOEUREECLEG", "IGOEECLEG", "strict") and actor_matches("IGOEUREEC", "IGOEEC", "country")
    assert normalize_actor("IGOUNOHCR") == "IGOUNOHCR" and normalize_actor("IGOWSTG7") == "IGOWSTG7"
    assert not actor_matches("IGOAFRAFU", "IGOAFRECW", "country") and not actor_matches("IGOARBARL", "IGOAFU", "country")
    # ECOWAS and IGAD under the letters writers give them
    assert actor_matches("IGOWAS", "IGOAFRECW", "strict") and actor_matches("IGOIAD", "IGOAFRIGD", "country")
    assert not actor_matches("IGOWAS", "IGOAFRIGD", "country")


def test_root_and_base_levels_forgive_finer_code_differences():
    gold = [rec("a", ("USA", "IRN", "0311")), rec("b", ("USA", "IRN", "036")), rec("c", ("RUS", "UKR", "190"))]
    preds = {"a": [pred("USA", "IRN", "031")], "b": [pred("USA", "IRN", "031")], "c": [pred("RUS", "UKR", "180")]}
    result = score(gold, preds)
    assert counts(result, "full", "strict") == (0, 3, 3)
    assert counts(result, "base", "strict") == (1, 2, 2)  # 0311 ~ 031 only
    assert counts(result, "root", "strict") == (2, 1, 1)  # 03 twice; 19 vs 18 differs
    assert counts(result, "quad", "strict") == (3, 0, 0)  # 18 and 19 are both Material Conflict


def test_null_target_matches_only_null_target():
    gold = [rec("a", ("USA", None, "010")), rec("b", ("USA", "CHN", "010")), rec("c", ("USA", None, "010"))]
    preds = {"a": [pred("USA", "CHN", "010")], "b": [pred("USA", None, "010")], "c": [pred("USA", None, "010")]}
    result = score(gold, preds)
    assert counts(result, "full", "country") == (1, 2, 2)
    assert counts(result, "actors", "country") == (1, 2, 2)


def test_coded_events_without_a_target_are_counted_where_the_gold_has_one():
    gold = [rec("a", ("USA", "CHN", "010")), rec("b", ("USA", "CHN", "036"), ("RUS", None, "010")),
            rec("c", ("JPN", "RUS", "163"))]
    # a: right code, no target; b: one with a target (wrong one still counts as having one), and an event
    # whose gold has no target, which is not asked; c: nothing coded, so nothing to count.
    preds = {"a": [pred("USA", None, "010")], "b": [pred("USA", "IRN", "036"), pred("RUS", None, "010")]}
    result = score(gold, preds)
    assert result["missing_target"] == {"events": 2, "without": 1, "rate": 0.5}
    assert "coded events without a target where the gold has one: 50.0%  (1/2)" in format_table(result)


def test_one_prediction_is_never_counted_twice():
    gold = [rec("a", ("JPN", "RUS", "163"), ("JPN", "RUS", "163"))]
    assert counts(score(gold, {"a": [pred("JPN", "RUS", "163")]}), "full", "strict") == (1, 0, 1)


def test_matching_finds_the_largest_assignment_not_the_first_greedy_one():
    # Gold 0 fits both predictions, gold 1 only the first: taking 0-0 first would strand gold 1.
    compatible = {(0, 0), (0, 1), (1, 0)}
    assert max_matching(2, 2, lambda i, j: (i, j) in compatible) == [(0, 1), (1, 0)]
    # The same shape in real codes: a bare IGO fits any IGO, IGOUNO only itself.
    gold = [rec("a", ("IGO", "RUS", "163"), ("IGOUNO", "RUS", "163"))]
    preds = {"a": [pred("IGOUNO", "RUS", "163"), pred("IGOEU", "RUS", "163")]}
    assert counts(score(gold, preds), "full", "country") == (2, 0, 0)


def test_negated_predictions_are_set_aside_unless_asked():
    gold = [rec("a"), rec("b", ("USA", "CHN", "042"))]
    preds = {"a": [pred("USA", "CHN", "190", negated=True)], "b": [pred("USA", "CHN", "042")]}
    result = score(gold, preds)
    assert result["no_event"]["wrongly_coded"] == 0
    assert result["predictions"] == {"scored": 1, "negated_ignored": 1, "unknown_record": 0}
    kept = score(gold, preds, include_negated=True)
    assert kept["no_event"]["wrongly_coded"] == 1 and kept["predictions"]["scored"] == 2


def test_predictions_for_unknown_records_are_counted_not_scored():
    result = score([rec("a")], {"zzz": [pred("USA", None, "010")]})
    assert result["predictions"]["unknown_record"] == 1
    assert result["no_event"]["wrongly_coded"] == 0


# --- PLOVER ---------------------------------------------------------------------------------------

def test_plover_accuracy_and_macro_f1_by_hand():
    gold = [rec("1", plover="AGREE"), rec("2", plover="AGREE"), rec("3", plover="ASSAULT"), rec("4", plover="PROTEST")]
    preds = {"1": [pred("USA", None, "036")], "2": [pred("USA", None, "190")], "3": [pred("USA", None, "190")]}
    plover = score(gold, preds)["plover"]
    assert plover["records"] == 4 and plover["correct"] == 2 and plover["accuracy"] == 0.5
    # AGREE: tp 1, gold 2, pred 1 -> 2/3. ASSAULT: tp 1, gold 1, pred 2 -> 2/3. PROTEST: 0. NONE (predicted once): 0.
    assert set(plover["per_type"]) == {"AGREE", "ASSAULT", "PROTEST", "NONE"}
    assert plover["per_type"]["AGREE"]["f1"] == pytest.approx(2 / 3)
    assert plover["per_type"]["ASSAULT"]["precision"] == 0.5
    assert plover["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0 + 0) / 4)


def test_record_plover_type_is_the_first_prediction_that_has_one():
    gold = [rec("a", plover="ASSAULT"), rec("b", plover="CONSULT")]
    preds = {"a": [pred("USA", None, "010"), pred("USA", "IRQ", "190"), pred("USA", "IRQ", "042")],
             "b": [pred("USA", None, "010")]}
    result = score(gold, preds)
    assert result["plover"]["correct"] == 1
    assert result["errors"]["plover_mistakes"] == [
        {"record": "b", "sentence": "text of b", "gold": "CONSULT", "predicted": "NONE"}]


# --- confusion ------------------------------------------------------------------------------------

def test_root_confusion_counts():
    gold = [rec("1", ("JPN", "RUS", "163")), rec("2", ("RUS", "UKR", "190")), rec("3", ("USA", "IRN", "036")),
            rec("4"), rec("5", ("USA", "IRN", "036"), ("USA", "IRN", "163"))]
    preds = {"1": [pred("JPN", "RUS", "163")], "2": [pred("RUS", "UKR", "180")], "4": [pred("USA", None, "010")],
             "5": [pred("USA", "IRN", "190"), pred("USA", "IRN", "163")]}
    confusion = score(gold, preds)["root_confusion"]
    assert confusion["matrix"] == {"16": {"16": 2}, "19": {"18": 1}, "03": {"none": 1, "19": 1}, "none": {"01": 1}}
    assert confusion["labels"] == ["01", "03", "16", "18", "19", "none"]


def test_gsr_records_count_only_for_plover_and_actors():
    gsr = record_from_gsr({"id": "g1", "text": "Israel shelled Gaza.", "event_plover_current": "ASSAULT",
                           "actor": [{"code": "ISR", "sector": "MIL"}], "recipient": [{"code": "PSE", "sector": None}],
                           "markup": "(SRC: Israel) (EVT: shelled) (TAR: Gaza)."}, where="x:1")
    result = score([gsr], {"g1": [pred("ISRMIL", "PSE", "195")]})
    assert result["records_coded"] == 0 and result["exact_match"]["rate"] is None
    assert result["events"]["full"]["records"] == 0 and result["events"]["full"]["strict"]["f1"] is None
    assert counts(result, "actors", "strict") == (1, 0, 0)
    assert result["plover"]["accuracy"] == 1.0
    assert result["root_confusion"]["matrix"] == {}


# --- gold files -----------------------------------------------------------------------------------

def test_gsr_adapter_builds_actor_pairs():
    mutual = record_from_gsr({"id": "m", "text": "Jordan and Britain agreed.", "event_plover_current": "AGREE",
                              "actor": [{"code": "JOR", "sector": None}, {"code": "GBR", "sector": "GOV"}],
                              "recipient": [{"code": None, "sector": None}],
                              "markup": "(SRC/TAR: Jordan) and (SRC/TAR: Britain) (EVT: agreed)."}, where="x:1")
    assert [(e.source, e.target) for e in mutual.expected] == [("JOR", "GBRGOV"), ("GBRGOV", "JOR")]
    assert mutual.has_codes is False and mutual.plover == "AGREE"
    spread = record_from_gsr({"id": "s", "text": "t", "event_plover_current": "SANCTION",
                              "actor": [{"code": "RUS", "sector": "***"}],
                              "recipient": [{"code": "IRN", "sector": "CVLkur"}, {"code": "TUR", "sector": None}]},
                             where="x:2")
    assert [(e.source, e.target, e.code) for e in spread.expected] == [("RUS", "IRNCVL", None), ("RUS", "TUR", None)]
    passive = record_from_gsr({"id": "p", "text": "t", "event_plover_current": "ASSAULT", "actor": [],
                               "recipient": [{"code": "IRQ", "sector": "CVL"}]}, where="x:3")
    assert passive.expected == [] and passive.has_actors is False


def test_read_gold_team_lines_and_dates(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(
        json.dumps({"id": "1", "text": "a", "date": "20240301", "expected": [{"source": "jpn", "target": None,
                                                                              "code": "010"}]}) + "\n\n"
        + json.dumps({"id": "2", "text": "b", "date": "2024-03-02", "expected": [], "plover": "none"}) + "\n",
        encoding="utf-8")
    records = read_gold(path)
    assert [r.date for r in records] == [dt.date(2024, 3, 1), dt.date(2024, 3, 2)]
    assert records[0].expected == [GoldEvent("JPN", None, "010")]
    assert records[1].plover == "NONE" and records[1].origin == f"{path}:3"


@pytest.mark.parametrize("bad, message", [
    ("{not json", "not valid JSON"),
    (json.dumps({"id": "2", "text": "b", "expected": [{"source": "USA", "target": None, "code": "999"}]}), "999"),
    (json.dumps({"id": "2", "text": "b", "expected": [{"source": "USA", "target": None, "code": 10}]}), "CAMEO"),
    (json.dumps({"id": "1", "text": "b", "expected": []}), "already used"),
    (json.dumps({"id": "2", "text": "b", "date": "03/01/2024", "expected": []}), "YYYYMMDD"),
    (json.dumps({"id": "2", "text": "b", "expected": [], "plover": "HUG"}), "PLOVER"),
    (json.dumps({"id": "2", "text": "", "expected": []}), "text"),
    (json.dumps({"id": "2", "text": "b"}), "expected"),
])
def test_read_gold_names_file_and_line_of_a_bad_line(tmp_path, bad, message):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "a", "expected": []}) + "\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert f"{path}:2" in str(caught.value) and message in str(caught.value)


@pytest.mark.skipif(not GSR.exists(), reason="shared PLOVER GSR not present")
def test_reads_the_shared_gsr():
    records = read_gold(GSR)
    assert len(records) == len([line for line in GSR.read_text(encoding="utf-8").splitlines() if line.strip()])
    assert len({r.id for r in records}) == len(records)
    assert all(not r.has_codes and r.plover for r in records)
    assert sum(r.has_actors for r in records) >= len(records) - 5


# --- evaluate, reports, docs ----------------------------------------------------------------------

def test_evaluate_passes_articles_to_the_coder_and_writes_errors(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("\n".join(json.dumps(o) for o in [
        {"id": "1", "text": "Japan imposed sanctions on Russia.", "date": "2024-03-01",
         "expected": [{"source": "JPN", "target": "RUS", "code": "163"}], "plover": "COERCE"},
        {"id": "2", "text": "It rained.", "expected": []},
    ]) + "\n", encoding="utf-8")
    seen = []

    def code_fn(articles):
        seen.extend(articles)
        return {"1": [pred("JPN", "RUS", "172")], "2": [pred("USA", None, "010", sentence="It rained.")]}

    errors = tmp_path / "errors.jsonl"
    result = evaluate(gold, code_fn=code_fn, errors_path=errors)
    assert [(a.id, a.date) for a in seen] == [("1", dt.date(2024, 3, 1)), ("2", None)]
    assert result["events"]["quad"]["strict"]["tp"] == 1 and result["events"]["full"]["strict"]["tp"] == 0
    lines = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["kind"] for line in lines) == ["false_events", "false_events", "misses"]
    assert {line["record"] for line in lines if line["kind"] == "false_events"} == {"1", "2"}
    assert gold_articles(read_gold(gold))[0].origin == f"{gold}:1"


def test_reports_show_the_numbers():
    result = score([rec("a", ("JPN", "RUS", "163"), plover="COERCE"), rec("b")],
                   {"a": [pred("JPN", "RUS", "163")], "b": [pred("USA", None, "010")]})
    table = format_table(result)
    assert "record exact match: 50.0%  (1/2)" in table
    assert "no-event records wrongly coded: 100.0%  (1/1)" in table
    assert re.search(r"full code\s+2\s+50\.0\s+100\.0\s+66\.7", table)
    assert json.loads(to_json(result)) == json.loads(json.dumps(result))
    line = format_comparison({"dev": result}).splitlines()[2]
    assert line.split()[:4] == ["dev", "2", "50.0", "66.7"]


def _documented_keys(value, path=""):
    """Every fixed key of a result; the keys of per_type and matrix are data (types, roots), not names."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield key, f"{path}.{key}"
            if key == "matrix":
                continue
            if key == "per_type":
                for entry in child.values():
                    yield from _documented_keys(entry, f"{path}.{key}.*")
            else:
                yield from _documented_keys(child, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _documented_keys(item, f"{path}[]")


def test_every_result_key_is_documented():
    gold = [rec("a", ("JPN", "RUS", "163"), plover="COERCE"), rec("b", plover="NONE")]
    result = score(gold, {"a": [pred("JPN", "RUS", "172")], "b": [pred("USA", None, "036")]})
    assert all(result["errors"][kind] for kind in ("misses", "false_events", "plover_mistakes"))
    docs = DOCS.read_text(encoding="utf-8")
    missing = sorted({where for key, where in _documented_keys(result) if f"`{key}`" not in docs})
    assert not missing, f"result keys not described in docs/eval.md: {missing}"


def test_reliability_table_compares_confidence_with_the_share_right():
    gold = [GoldRecord(id="r1", text="x", date=None, expected=[GoldEvent(source="USA", target="RUS", code="111")]),
            GoldRecord(id="r2", text="y", date=None, expected=[])]
    predictions = {"r1": [{"source": {"code": "USA"}, "target": {"code": "RUS"}, "code": "112", "confidence": 0.9},
                          {"source": {"code": "USA"}, "target": {"code": "CHN"}, "code": "111", "confidence": 0.85}],
                   "r2": [{"source": {"code": "FRA"}, "target": {"code": "DEU"}, "code": "040", "confidence": 0.1}]}
    bins = {b["bin"]: b for b in score(gold, predictions)["reliability"]}
    assert bins["0.8-1.0"]["events"] == 2 and bins["0.8-1.0"]["right"] == 0.5
    assert bins["0.0-0.2"]["events"] == 1 and bins["0.0-0.2"]["right"] == 0.0
    assert bins["0.4-0.6"]["events"] == 0 and bins["0.4-0.6"]["right"] is None
