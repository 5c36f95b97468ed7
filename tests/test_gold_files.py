"""Format and coverage checks for the team-written gold standard in eval/gold/."""
from __future__ import annotations

import collections
import datetime
import json
import re
from pathlib import Path

import pycountry
import pytest

from eventlens import ontology

GOLD_DIR = Path(__file__).resolve().parent.parent / "eval" / "gold"
SPLITS = ("dev", "test")
SECTORS = frozenset({
    "GOV", "LEG", "MIL", "COP", "JUD", "BUS", "MED", "OPP", "REB", "CVL", "EDU", "NGO",
    "LAB", "HLH", "REF", "SPY", "CRM", "ELI", "UAF",
})
PHENOMENA = frozenset({
    "simple", "passive", "reported_speech", "quote", "nominal", "negation", "modality_intent",
    "modality_conditional", "multiple_events", "coordination", "no_event", "pronoun",
    "title_person", "date_expression",
})
RECORD_KEYS = {"id", "text", "date", "expected", "phenomena"}
OPTIONAL_KEYS = {"plover", "note"}


def _load(split: str) -> list[dict]:
    path = GOLD_DIR / f"{split}.jsonl"
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{lineno} is blank"
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            pytest.fail(f"{path.name}:{lineno} is not valid JSON: {exc}")
    return rows


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict]]:
    return {split: _load(split) for split in SPLITS}


@pytest.fixture(scope="module")
def all_records(gold) -> list[dict]:
    return [rec for split in SPLITS for rec in gold[split]]


@pytest.fixture(scope="module")
def international_codes() -> frozenset[str]:
    # The README's organisation table is the one list of allowed international actor codes.
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    codes = set(re.findall(r"^\|\s*`((?:IGO|IMG)[A-Z0-9]+)`\s*\|", readme, flags=re.MULTILINE))
    assert codes, "README.md lists no IGO codes"
    return frozenset(codes | {"NGO"})


def _actor_problem(code: str, international: frozenset[str]) -> str | None:
    for prefix in sorted(international, key=len, reverse=True):
        if code.startswith(prefix):
            sector = code[len(prefix):]
            return None if sector == "" or sector in SECTORS else f"unknown sector {sector!r}"
    if not re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", code):
        return "not COUNTRY or COUNTRY+SECTOR"
    if pycountry.countries.get(alpha_3=code[:3]) is None:
        return f"{code[:3]!r} is not an ISO alpha-3 country"
    if len(code) == 6 and code[3:] not in SECTORS:
        return f"unknown sector {code[3:]!r}"
    return None


def test_both_splits_present_and_non_empty(gold):
    for split in SPLITS:
        assert gold[split], f"{split}.jsonl is empty"


def test_record_fields_and_types(gold):
    for split, rows in gold.items():
        for rec in rows:
            keys = set(rec)
            assert RECORD_KEYS <= keys, f"{rec.get('id')}: missing {RECORD_KEYS - keys}"
            assert keys <= RECORD_KEYS | OPTIONAL_KEYS, f"{rec['id']}: unexpected {keys - RECORD_KEYS - OPTIONAL_KEYS}"
            assert re.fullmatch(rf"{split}-\d{{4}}", rec["id"]), f"{rec['id']} in {split}.jsonl"
            assert isinstance(rec["text"], str) and rec["text"].strip()
            datetime.date.fromisoformat(rec["date"])
            assert isinstance(rec["expected"], list)
            assert isinstance(rec["phenomena"], list) and rec["phenomena"]


def test_ids_unique_and_no_text_in_both_splits(gold, all_records):
    ids = collections.Counter(rec["id"] for rec in all_records)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = collections.Counter(rec["text"] for rec in all_records)
    assert [t for t, n in texts.items() if n > 1] == [], "a sentence appears twice"


def test_every_code_exists_and_is_a_string(all_records):
    bad = [(rec["id"], ev.get("code")) for rec in all_records for ev in rec["expected"]
           if not isinstance(ev.get("code"), str) or not ontology.is_code(ev["code"])]
    assert bad == []


def test_actor_codes_well_formed(all_records, international_codes):
    problems = []
    for rec in all_records:
        for ev in rec["expected"]:
            assert set(ev) == {"source", "target", "code"}, rec["id"]
            if not isinstance(ev["source"], str):
                problems.append((rec["id"], "source", ev["source"], "missing"))
            elif (why := _actor_problem(ev["source"], international_codes)):
                problems.append((rec["id"], "source", ev["source"], why))
            if ev["target"] is not None and (why := _actor_problem(ev["target"], international_codes)):
                problems.append((rec["id"], "target", ev["target"], why))
    assert problems == []


def test_plover_follows_the_ontology_mapping(all_records):
    for rec in all_records:
        if not rec["expected"]:
            assert "plover" not in rec, f"{rec['id']}: plover on a no-event record"
            continue
        mapped, _ = ontology.plover_for(rec["expected"][0]["code"])
        if mapped is None:
            assert "plover" not in rec, f"{rec['id']}: {rec['expected'][0]['code']} maps to no PLOVER type"
        else:
            assert rec.get("plover") == mapped, f"{rec['id']}: plover {rec.get('plover')} != {mapped}"
            assert mapped in ontology.PLOVER_EVENTS


def test_phenomena_tags_valid_and_no_event_consistent(all_records):
    for rec in all_records:
        tags = set(rec["phenomena"])
        assert tags <= PHENOMENA, f"{rec['id']}: unknown tags {tags - PHENOMENA}"
        assert ("no_event" in tags) == (not rec["expected"]), f"{rec['id']}: no_event tag vs expected"


def test_size_and_no_event_share(all_records):
    assert len(all_records) >= 500
    no_event = sum(1 for rec in all_records if not rec["expected"])
    assert no_event / len(all_records) >= 0.15


def test_code_coverage(all_records):
    codes = {ev["code"] for rec in all_records for ev in rec["expected"]}
    assert len(codes) >= 120
    roots = {code[:2] for code in codes}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_each_split_covers_every_root(gold):
    # A split that lost a root would silently stop measuring that event family.
    for split, rows in gold.items():
        roots = {ev["code"][:2] for rec in rows for ev in rec["expected"]}
        assert roots == {f"{n:02d}" for n in range(1, 21)}, f"{split} lacks {sorted({f'{n:02d}' for n in range(1, 21)} - roots)}"
