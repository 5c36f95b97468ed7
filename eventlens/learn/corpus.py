"""The annotated corpus format (training corpus and blind test set), its validator and its statistics.

One JSON object a line::

    {"id": "ca-00001", "text": "...", "date": "2023-02-14", "style": "wire_lead", "domain": "politics",
     "events": [{"trigger": "summoned",
                 "source": {"text": "Moldova", "code": "MDA"},
                 "target": {"text": "the Russian ambassador", "code": "RUSGOV"},
                 "code": "114", "plover": "ACCUSE", "mode": null, "modality": "asserted"}]}

- ``trigger``, ``source.text`` and ``target.text`` are words that occur verbatim in ``text`` (the first
  occurrence is meant unless ``"occurrence": N`` says the N-th, counting from 1).
- An implied target has ``"text": null, "implied": true`` and still its code (CODEBOOK.md).
- ``events: []`` says the text holds no codable event.
- ``expected`` (the shape ``eventlens eval`` scores) is derived from ``events``.

``python -m eventlens.learn.corpus validate FILE...`` checks records and prints statistics; it needs
only the standard library (pycountry, when importable, also checks country codes).
"""
from __future__ import annotations

import collections
import csv
import datetime as dt
import json
import sys
from pathlib import Path

STYLES = ("wire_lead", "dateline", "headline", "quote", "reported_speech", "passive", "multi_clause",
          "background_clause", "list", "plain", "analysis")
DOMAINS = ("politics", "security", "diplomacy", "economy", "sport", "business", "crime", "weather",
           "science", "culture", "other")
MODALITIES = ("asserted", "intended", "hypothetical", "conditional")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
SECTORS = frozenset("GOV MIL BUS LEG JUD REB CRM CVL MED COP PTY NGO SPY OPP REL EDU UAF LAB HLH HRI "
                    "AGR REF ELI ENV SEP MNC IGO MOD RAD INS IND".split())
NON_STATE = frozenset("IGO NGO MNC IMG".split())  # CAMEO actor codes that start without a country
CAMEO_EXTRA_COUNTRIES = frozenset("USR XKX YUG SCG CSK DDR EUR AFR ASA LAM MEA WST".split())

_ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "data" / "cameo.tsv"


def cameo_codes() -> dict[str, dict]:
    with _ONTOLOGY.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {r["code"]: r for r in rows}


def _countries() -> frozenset[str] | None:
    try:
        import pycountry
    except ImportError:
        return None
    return frozenset(c.alpha_3 for c in pycountry.countries) | CAMEO_EXTRA_COUNTRIES


def find_span(text: str, words: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Character span of the occurrence-th appearance of words in text, or None."""
    start = -1
    for _ in range(max(1, occurrence)):
        start = text.find(words, start + 1)
        if start < 0:
            return None
    return start, start + len(words)


def check_actor_code(code: object, countries: frozenset[str] | None) -> str | None:
    """Why an actor code is malformed, or None."""
    if isinstance(code, str) and code[:3] in NON_STATE and code.isalnum() and code == code.upper():
        return None  # organisation codes may hold digits, as the dictionary's do (IGOWSTG7, IGOG20)
    if not isinstance(code, str) or not code or len(code) % 3 or not code.isalpha() or not code.isupper():
        return f"actor code {code!r} is not 3-letter chunks in capitals (JPN, JPNGOV, IGOUNO)"
    head, rest = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    if countries is not None and head not in countries and head not in SECTORS:
        return f"actor code {code!r} starts with {head!r}, not an ISO-3 country or IGO/NGO/MNC"
    if rest and rest[0] not in SECTORS:
        return f"actor code {code!r}: {rest[0]!r} is not a CAMEO sector ({', '.join(sorted(SECTORS)[:8])} ...)"
    return None


def validate_record(rec: object, codes: dict[str, dict], countries: frozenset[str] | None) -> list[str]:
    """Every problem with one record, as short messages; [] when it is well formed."""
    if not isinstance(rec, dict):
        return ["a record must be a JSON object"]
    problems = []
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return ["`text` must be a non-empty string"]
    if not isinstance(rec.get("id"), str):
        problems.append("`id` must be a string")
    try:
        dt.date.fromisoformat(str(rec.get("date")))
    except ValueError:
        problems.append(f"`date` {rec.get('date')!r} is not YYYY-MM-DD")
    if rec.get("style") not in STYLES:
        problems.append(f"`style` {rec.get('style')!r} is not one of {STYLES}")
    if rec.get("domain") not in DOMAINS:
        problems.append(f"`domain` {rec.get('domain')!r} is not one of {DOMAINS}")
    events = rec.get("events")
    if not isinstance(events, list):
        return problems + ["`events` must be a list ([] for no event)"]
    for i, ev in enumerate(events):
        where = f"events[{i}]"
        if not isinstance(ev, dict):
            problems.append(f"{where} must be an object")
            continue
        trig = ev.get("trigger")
        if not isinstance(trig, str) or find_span(text, trig, ev.get("trigger_occurrence", 1)) is None:
            problems.append(f"{where}.trigger {trig!r} does not occur in the text")
        code = ev.get("code")
        if code not in codes:
            problems.append(f"{where}.code {code!r} is not a CAMEO code (keep the leading zero: '036')")
        plover = ev.get("plover")
        if plover is not None and plover not in PLOVER_TYPES:
            problems.append(f"{where}.plover {plover!r} is not a PLOVER type")
        if code in codes and not code.startswith("01") and plover is None:
            problems.append(f"{where}.plover is null, but only 01x statements have no PLOVER type")
        if ev.get("modality", "asserted") not in MODALITIES:
            problems.append(f"{where}.modality {ev.get('modality')!r} is not one of {MODALITIES}")
        for role in ("source", "target"):
            actor = ev.get(role)
            if actor is None and role == "target":
                continue
            if not isinstance(actor, dict):
                problems.append(f"{where}.{role} must be an object {{text, code}}")
                continue
            bad = check_actor_code(actor.get("code"), countries)
            if bad:
                problems.append(f"{where}.{role}: {bad}")
            words = actor.get("text")
            if words is None:
                if not actor.get("implied"):
                    problems.append(f"{where}.{role} has no text: mark it \"implied\": true or give its words")
            elif not isinstance(words, str) or find_span(text, words, actor.get("occurrence", 1)) is None:
                problems.append(f"{where}.{role}.text {words!r} does not occur in the text")
    return problems


def expected_of(rec: dict) -> list[dict]:
    """The record's events in the shape `eventlens eval` scores."""
    out = []
    for ev in rec.get("events") or []:
        target = ev.get("target") or {}
        out.append({"source": (ev.get("source") or {}).get("code"), "target": target.get("code"),
                    "code": ev.get("code")})
    return out


def read_records(path: str | Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
    return out


def statistics(records: list[dict], codes: dict[str, dict]) -> dict:
    code_counts = collections.Counter(ev["code"] for r in records for ev in r.get("events") or []
                                      if ev.get("code") in codes)
    countries = collections.Counter()
    for r in records:
        for ev in r.get("events") or []:
            for role in ("source", "target"):
                c = ((ev.get(role) or {}).get("code") or "")[:3]
                if c and c not in NON_STATE:
                    countries[c] += 1
    return {
        "records": len(records),
        "no_event": sum(1 for r in records if not r.get("events")),
        "events": sum(len(r.get("events") or []) for r in records),
        "implied_targets": sum(1 for r in records for ev in r.get("events") or []
                               if (ev.get("target") or {}).get("implied")),
        "null_targets": sum(1 for r in records for ev in r.get("events") or [] if not ev.get("target")),
        "roots": len({c[:2] for c in code_counts}),
        "codes": len(code_counts),
        "codes_with_10": sum(1 for n in code_counts.values() if n >= 10),
        "countries": len(countries),
        "styles": dict(collections.Counter(r.get("style") for r in records).most_common()),
        "domains": dict(collections.Counter(r.get("domain") for r in records).most_common()),
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "validate":
        print("usage: python -m eventlens.learn.corpus validate FILE...", file=sys.stderr)
        return 2
    codes, countries = cameo_codes(), _countries()
    all_records, bad, ids = [], 0, collections.Counter()
    for path in argv[1:]:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{n}: not JSON ({exc.msg})")
                bad += 1
                continue
            problems = validate_record(rec, codes, countries)
            for p in problems:
                print(f"{path}:{n}: {rec.get('id') if isinstance(rec, dict) else ''}: {p}")
            bad += bool(problems)
            if isinstance(rec, dict):
                ids[rec.get("id")] += 1
                all_records.append(rec)
    for rid, k in ids.items():
        if k > 1:
            print(f"duplicate id {rid!r} ({k} times)")
            bad += 1
    stats = statistics(all_records, codes)
    print(json.dumps(stats, indent=1))
    print(f"{bad} bad record(s)" if bad else "all records valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
