"""Scoring predicted events against gold records: pure functions over plain data, no spaCy, no files.

Every key of the dict `score` returns is documented in docs/eval.md; tests/test_scoring.py fails when
one is not.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..ontology import is_code, lookup
from .gold import GoldEvent, GoldRecord

CODE_LEVELS = ("full", "base", "root", "quad")
LEVELS = (*CODE_LEVELS, "actors")  # "actors": source and target only, the code ignored
ACTOR_MODES = ("strict", "country")
NO_EVENT = "none"  # the row/column of the root confusion matrix for a missed or a false event
NO_PLOVER = "NONE"  # a record's predicted PLOVER type when no prediction carries one

# Codes of actors that belong to no country. At country level the whole code counts ("IGOUNO" is
# not "IGOEU"), but a bare prefix, as the PLOVER GSR writes it ("IGO"), matches any member.
TRANSNATIONAL = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "UIS"})

# Older CAMEO (or pre-2002 ISO) country codes -> current ISO-3, applied to gold and predictions alike
# before any comparison. JAP, ITL and VTN occur in the PLOVER GSR; the others are ISO-3 retirements.
COUNTRY_ALIASES = {
    "JAP": "JPN",  # Japan (CAMEO)
    "ITL": "ITA",  # Italy (CAMEO)
    "VTN": "VNM",  # Viet Nam (GSR spelling)
    "ROM": "ROU",  # Romania, ISO-3 until 2002
    "ZAR": "COD",  # Zaire -> DR Congo
    "TMP": "TLS",  # East Timor, ISO-3 until 2002
    "BUR": "MMR",  # Burma, ISO-3 until 1989
}

# An organisation's code may carry the region a dictionary files it under between "IGO" and the body's
# own three letters: the African Union is IGOAFRAFU in the CAMEO dictionaries and IGOAFU in the short form
# writers use, NATO IGOWSTNAT and IGONAT. The region says where the body is filed, not which body it is, so
# both sides drop it before any comparison (since session 16; figures before then compared whole codes,
# which made these pairs different actors).
IGO_REGIONS = frozenset({"AFR", "AMR", "ARB", "ASA", "CAS", "EUR", "LAM", "MEA", "PAC", "SEA", "WST"})
# Other letters writers give the same body (since session 20): ECOWAS as IGOWAS (its English initials'
# end) and IGAD as IGOIAD, where the CAMEO dictionaries write ECW and IGD. Both forms occur in dev4.
ORGANISATION_ALIASES = {"IGOWAS": "IGOECW", "IGOIAD": "IGOIGD"}


def normalize_actor(code: str | None) -> str | None:
    """Upper case, country alias resolved, an organisation's filing region dropped; None (or blank) stays None."""
    if code is None or not str(code).strip():
        return None
    code = str(code).strip().upper()
    if code.startswith("IGO") and code[3:6] in IGO_REGIONS and len(code) >= 9:
        code = "IGO" + code[6:]
    code = ORGANISATION_ALIASES.get(code[:6], code[:6]) + code[6:] if code.startswith("IGO") else code
    return COUNTRY_ALIASES.get(code[:3], code[:3]) + code[3:]


def country_key(code: str | None) -> str | None:
    """The country an actor code belongs to: its first three letters, or the whole code of an IGO/NGO."""
    code = normalize_actor(code)
    if code is None:
        return None
    return code if code[:3] in TRANSNATIONAL else code[:3]


def actor_matches(gold: str | None, predicted: str | None, mode: str) -> bool:
    """Strict: same code. Country: same country (JPN == JPNGOV). A null actor matches only a null one."""
    g, p = normalize_actor(gold), normalize_actor(predicted)
    if g is None or p is None:
        return g is None and p is None
    if mode == "strict":
        return g == p
    gk, pk = country_key(g), country_key(p)
    if gk == pk:
        return True
    # A body of an organisation counts as the organisation at this level: IGOUNOICJ is IGOUNO.
    if gk[:3] in TRANSNATIONAL and pk[:3] == gk[:3]:
        return pk.startswith(gk) or gk.startswith(pk)
    return False


@dataclass(frozen=True, slots=True)
class ScoredEvent:
    """One event, gold or predicted, reduced to what scoring compares."""

    source: str | None
    target: str | None
    code: str | None
    base: str | None
    root: str | None
    quad: int | None
    plover: str | None = None


def gold_event(event: GoldEvent) -> ScoredEvent:
    if event.code is None:
        return ScoredEvent(event.source, event.target, None, None, None, None)
    return ScoredEvent(event.source, event.target, event.code, event.code[:3], event.code[:2],
                       lookup(event.code).quad_class)


def _actor_code(actor: Any) -> str | None:
    if isinstance(actor, Mapping):
        return actor.get("code")
    return actor if isinstance(actor, str) else None


def predicted_event(event: Mapping[str, Any]) -> ScoredEvent:
    """An Event.to_dict() reduced for scoring; base/root/quad come from the dict, else from its code."""
    code = event.get("code") or None
    quad = event.get("quad_class")
    if quad is None and code and is_code(code):
        quad = lookup(code).quad_class
    plover = event.get("plover")
    return ScoredEvent(
        source=_actor_code(event.get("source")),
        target=_actor_code(event.get("target")),
        code=code,
        base=event.get("base_code") or (code[:3] if code else None),
        root=event.get("root_code") or (code[:2] if code else None),
        quad=quad,
        plover=plover.get("event") if isinstance(plover, Mapping) else None,
    )


def code_matches(gold: ScoredEvent, predicted: ScoredEvent, level: str) -> bool:
    if level == "actors":
        return True
    attribute = {"full": "code", "base": "base", "root": "root", "quad": "quad"}[level]
    value = getattr(gold, attribute)
    return value is not None and value == getattr(predicted, attribute)


def event_matches(gold: ScoredEvent, predicted: ScoredEvent, level: str, mode: str) -> bool:
    return (code_matches(gold, predicted, level)
            and actor_matches(gold.source, predicted.source, mode)
            and actor_matches(gold.target, predicted.target, mode))


def max_matching(n_gold: int, n_predicted: int, compatible: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """A largest one-to-one set of (gold, predicted) index pairs (augmenting paths): no prediction twice."""
    options = [[j for j in range(n_predicted) if compatible(i, j)] for i in range(n_gold)]
    owner = [-1] * n_predicted

    def augment(i: int, visited: set[int]) -> bool:
        for j in options[i]:
            if j not in visited:
                visited.add(j)
                if owner[j] == -1 or augment(owner[j], visited):
                    owner[j] = i
                    return True
        return False

    for i in range(n_gold):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i != -1)


def _code_agreement(gold: ScoredEvent, predicted: ScoredEvent) -> int:
    for depth, level in zip((4, 3, 2, 1), CODE_LEVELS):
        if code_matches(gold, predicted, level):
            return depth
    return 0


def _actor_agreement(gold: ScoredEvent, predicted: ScoredEvent) -> int:
    for depth, mode in ((2, "strict"), (1, "country")):
        if (actor_matches(gold.source, predicted.source, mode)
                and actor_matches(gold.target, predicted.target, mode)):
            return depth
    return 0


def confusion_pairs(golds: Sequence[ScoredEvent], preds: Sequence[ScoredEvent]) -> list[tuple[int, int]]:
    """Pairs for the root confusion matrix: greedy on code agreement, then actor agreement, one-to-one.

    Actors do not gate the pairing: the matrix asks which code the coder gave the sentence's event.
    """
    ranked = sorted(((-_code_agreement(g, p), -_actor_agreement(g, p), i, j)
                     for i, g in enumerate(golds) for j, p in enumerate(preds)))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, i, j in ranked:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Counts with precision, recall and F1; a ratio with nothing to measure is None."""
    return {"gold": tp + fn, "predicted": tp + fp, "tp": tp, "fp": fp, "fn": fn,
            "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn), "f1": ratio(2 * tp, 2 * tp + fp + fn)}


def plover_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Accuracy and macro-F1 over (gold type, predicted type) pairs, one per record.

    Macro-F1 is the mean per-type F1 over every type seen in gold or in predictions (NONE included
    when predicted), so a spurious type lowers it as well as a missed one.
    """
    pairs = list(pairs)
    gold_counts = Counter(g for g, _ in pairs)
    pred_counts = Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    per_type = {}
    for label in sorted(set(gold_counts) | set(pred_counts)):
        tp, gold_n, pred_n = hits[label], gold_counts[label], pred_counts[label]
        per_type[label] = {"gold": gold_n, "predicted": pred_n, "tp": tp, "precision": ratio(tp, pred_n),
                           "recall": ratio(tp, gold_n), "f1": ratio(2 * tp, gold_n + pred_n)}
    f1s = [entry["f1"] for entry in per_type.values()]
    return {"records": len(pairs), "correct": sum(hits.values()), "accuracy": ratio(sum(hits.values()), len(pairs)),
            "macro_f1": sum(f1s) / len(f1s) if f1s else None, "per_type": per_type}


def predicted_plover(preds: Sequence[ScoredEvent]) -> str:
    """A record's PLOVER type: that of its first prediction that has one, else NONE."""
    return next((p.plover for p in preds if p.plover), NO_PLOVER)


def _exact_key(event: ScoredEvent) -> tuple[str | None, str | None, str | None]:
    return normalize_actor(event.source), normalize_actor(event.target), event.code


def _error_entry(record: GoldRecord, event: ScoredEvent, level: str, mode: str,
                 raw: Mapping[str, Any] | None = None) -> dict[str, Any]:
    entry = {"record": record.id, "sentence": record.text, "level": f"{level}/{mode}",
             "source": event.source, "target": event.target, "code": event.code}
    if raw is not None:
        entry["sentence"] = raw.get("sentence") or record.text
        entry["plover"] = event.plover
        entry["rule"] = raw.get("rule")
    return entry


def reliability(confidences: Sequence[float], right: Sequence[bool], bins: int = 5) -> list[dict[str, Any]]:
    """Per confidence bin: how many events, their mean confidence and the share that is right. A
    calibrated coder's share right is close to its mean confidence in every bin."""
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if lo <= c < hi or (b == bins - 1 and c >= 1.0)]
        out.append({"bin": f"{lo:.1f}-{hi:.1f}", "events": len(idx),
                    "mean_confidence": round(sum(confidences[i] for i in idx) / len(idx), 3) if idx else None,
                    "right": round(sum(1 for i in idx if right[i]) / len(idx), 3) if idx else None})
    return out


def score(gold: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Mapping[str, Any]]], *,
          include_negated: bool = False) -> dict[str, Any]:
    """Compare predicted event dicts (Event.to_dict() shape, keyed by record id) with the gold records.

    A record absent from `predictions` got no events. Predictions marked negated are set aside unless
    include_negated: gold lists events that happened, and a negated event says one did not.
    """
    counts = {(level, mode): [0, 0, 0] for level in LEVELS for mode in ACTOR_MODES}  # tp, fp, fn
    level_records = Counter()
    exact_total = exact_hits = no_event_total = no_event_wrong = 0
    # Coded events paired with a gold event that has a target, and how many of them came out with none:
    # the loss the issue tracker measured first (events are dyadic; a missing target is a missing event).
    targeted_pairs = targetless = 0
    negated_ignored = scored = 0
    plover_pairs: list[tuple[str, str]] = []
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[dict[str, Any]] = []
    false_events: list[dict[str, Any]] = []
    plover_mistakes: list[dict[str, Any]] = []
    calibration: list[tuple[float, bool]] = []  # (confidence, right at root code, country actors)

    for record in gold:
        raw_all = list(predictions.get(record.id, ()))
        raw = [d for d in raw_all if include_negated or not d.get("negated")]
        negated_ignored += len(raw_all) - len(raw)
        scored += len(raw)
        preds = [predicted_event(d) for d in raw]
        golds = [gold_event(e) for e in record.expected]
        levels = (CODE_LEVELS if record.has_codes else ()) + (("actors",) if record.has_actors else ())
        error_level = ("full", "strict") if record.has_codes else ("actors", "country")
        for level in levels:
            level_records[level] += 1
            for mode in ACTOR_MODES:
                pairs = max_matching(len(golds), len(preds),
                                     lambda i, j: event_matches(golds[i], preds[j], level, mode))
                tally = counts[level, mode]
                tally[0] += len(pairs)
                tally[1] += len(preds) - len(pairs)
                tally[2] += len(golds) - len(pairs)
                if (level, mode) == ("root", "country"):
                    hit = {j for _, j in pairs}
                    calibration += [(float(d.get("confidence") or 0.0), j in hit) for j, d in enumerate(raw)]
                if (level, mode) == error_level:
                    hit_gold = {i for i, _ in pairs}
                    hit_pred = {j for _, j in pairs}
                    misses += [_error_entry(record, g, level, mode) for i, g in enumerate(golds) if i not in hit_gold]
                    false_events += [_error_entry(record, p, level, mode, raw[j])
                                     for j, p in enumerate(preds) if j not in hit_pred]
        if record.has_codes:
            exact_total += 1
            exact_hits += {_exact_key(g) for g in golds} == {_exact_key(p) for p in preds}
            if not golds:
                no_event_total += 1
                no_event_wrong += bool(preds)
            paired = confusion_pairs(golds, preds)
            for i, j in paired:
                confusion[golds[i].root, preds[j].root or "?"] += 1
                if golds[i].target:
                    targeted_pairs += 1
                    targetless += not preds[j].target
            paired_gold = {i for i, _ in paired}
            paired_pred = {j for _, j in paired}
            confusion.update((g.root, NO_EVENT) for i, g in enumerate(golds) if i not in paired_gold)
            confusion.update((NO_EVENT, p.root or "?") for j, p in enumerate(preds) if j not in paired_pred)
        if record.plover is not None:
            guess = predicted_plover(preds)
            plover_pairs.append((record.plover, guess))
            if guess != record.plover:
                plover_mistakes.append({"record": record.id, "sentence": record.text,
                                        "gold": record.plover, "predicted": guess})

    events = {level: {"records": level_records[level],
                      **{mode: prf(*counts[level, mode]) for mode in ACTOR_MODES}} for level in LEVELS}
    known = {record.id for record in gold}
    labels = sorted({g for g, _ in confusion} | {p for _, p in confusion}, key=lambda x: (x == NO_EVENT, x))
    matrix: dict[str, dict[str, int]] = {}
    for (g, p), n in sorted(confusion.items()):
        matrix.setdefault(g, {})[p] = n
    return {
        "records": len(gold),
        "records_coded": exact_total,
        "records_plover": len(plover_pairs),
        "predictions": {"scored": scored, "negated_ignored": negated_ignored,
                        "unknown_record": sum(len(v) for k, v in predictions.items() if k not in known)},
        "exact_match": {"records": exact_total, "matched": exact_hits, "rate": ratio(exact_hits, exact_total)},
        "events": events,
        "no_event": {"records": no_event_total, "wrongly_coded": no_event_wrong,
                     "rate": ratio(no_event_wrong, no_event_total)},
        "missing_target": {"events": targeted_pairs, "without": targetless,
                           "rate": ratio(targetless, targeted_pairs)},
        "plover": plover_scores(plover_pairs),
        "reliability": reliability([c for c, _ in calibration], [r for _, r in calibration]),
        "root_confusion": {"labels": labels, "matrix": matrix},
        "errors": {"misses": misses, "false_events": false_events, "plover_mistakes": plover_mistakes},
    }


__all__ = ["ACTOR_MODES", "CODE_LEVELS", "COUNTRY_ALIASES", "LEVELS", "NO_EVENT", "NO_PLOVER", "ScoredEvent",
           "TRANSNATIONAL", "actor_matches", "code_matches", "confusion_pairs", "country_key", "event_matches",
           "gold_event", "max_matching", "normalize_actor", "plover_scores", "predicted_event",
           "predicted_plover", "prf", "ratio", "reliability", "score"]
