"""Evaluation results as text: a plain table for people, JSON for machines."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .scoring import ACTOR_MODES, LEVELS, NO_EVENT

_LEVEL_NAMES = {"full": "full code", "base": "base (3-digit)", "root": "root (2-digit)", "quad": "QuadClass",
                "actors": "actors only"}


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _pct_sign(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _grid(header: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned first column, right-aligned others, widths fitted to the content."""
    widths = [max(len(str(row[k])) for row in [header, *rows]) for k in range(len(header))]

    def line(cells: list[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        return "  ".join([first, *(str(c).rjust(w) for c, w in zip(cells[1:], widths[1:]))]).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def format_table(result: Mapping[str, Any], *, confusion_limit: int = 12) -> str:
    """A readable report of one `score` result; percentages, '-' where there was nothing to measure."""
    out: list[str] = []
    predictions = result["predictions"]
    out.append(f"records: {result['records']}  (with CAMEO codes: {result['records_coded']}, "
               f"with PLOVER type: {result['records_plover']})")
    out.append(f"predictions scored: {predictions['scored']}  (negated, set aside: {predictions['negated_ignored']}; "
               f"for unknown records: {predictions['unknown_record']})")
    exact = result["exact_match"]
    no_event = result["no_event"]
    out.append(f"record exact match: {_pct_sign(exact['rate'])}  ({exact['matched']}/{exact['records']})")
    out.append(f"no-event records wrongly coded: {_pct_sign(no_event['rate'])}  "
               f"({no_event['wrongly_coded']}/{no_event['records']})")
    missing = result["missing_target"]
    out.append(f"coded events without a target where the gold has one: {_pct_sign(missing['rate'])}  "
               f"({missing['without']}/{missing['events']})")
    out.append("")

    header = ["events", "records"]
    for mode in ACTOR_MODES:
        header += [f"P {mode}", f"R {mode}", f"F1 {mode}"]
    rows = []
    for level in LEVELS:
        entry = result["events"][level]
        row = [_LEVEL_NAMES[level], str(entry["records"])]
        for mode in ACTOR_MODES:
            row += [_pct(entry[mode]["precision"]), _pct(entry[mode]["recall"]), _pct(entry[mode]["f1"])]
        rows.append(row)
    out += _grid(header, rows)
    out.append("")

    plover = result["plover"]
    out.append(f"PLOVER type: accuracy {_pct_sign(plover['accuracy'])}  ({plover['correct']}/{plover['records']}), "
               f"macro-F1 {_pct(plover['macro_f1'])}")
    if plover["per_type"]:
        rows = [[label, str(e["gold"]), str(e["predicted"]), _pct(e["precision"]), _pct(e["recall"]), _pct(e["f1"])]
                for label, e in plover["per_type"].items()]
        out += _grid(["type", "gold", "pred", "P", "R", "F1"], rows)
    out.append("")

    bins = [b for b in result.get("reliability") or [] if b["events"]]
    if bins:
        out.append("confidence against accuracy (root code, country actors; calibrated: the two columns agree)")
        out += _grid(["confidence", "events", "mean confidence", "right"],
                     [[b["bin"], str(b["events"]), _pct(b["mean_confidence"]), _pct(b["right"])] for b in bins])
        out.append("")

    out += _format_confusion(result["root_confusion"], confusion_limit)
    return "\n".join(out).rstrip() + "\n"


def _format_confusion(confusion: Mapping[str, Any], limit: int) -> list[str]:
    labels = list(confusion["labels"])
    matrix = confusion["matrix"]
    if not labels:
        return ["root confusion: nothing to show"]
    # Keep the busiest roots when there are many, and always the "none" line, where misses show.
    totals = {label: sum(matrix.get(label, {}).values()) + sum(row.get(label, 0) for row in matrix.values())
              for label in labels}
    busiest = set(sorted(labels, key=lambda x: -totals[x])[:limit])
    shown = [label for label in labels if label == NO_EVENT or label in busiest]
    title = "root confusion (rows gold, columns predicted)"
    if len(shown) < len(labels):
        title += f", busiest {len(shown)} of {len(labels)} roots"
    rows = [[g, *(str(matrix.get(g, {}).get(p, "")) or "." for p in shown)] for g in shown]
    return [title + ":", *_grid(["gold\\pred", *shown], rows)]


def format_comparison(results: Mapping[str, Mapping[str, Any]]) -> str:
    """One line per gold set: the headline numbers side by side (bench/accuracy.py prints this)."""
    header = ["gold set", "records", "exact", "F1 full/strict", "F1 root/country", "F1 quad/country",
              "F1 actors/country", "no-event FP", "no target", "PLOVER acc", "PLOVER mF1"]
    rows = []
    for name, r in results.items():
        events = r["events"]
        rows.append([name, str(r["records"]), _pct(r["exact_match"]["rate"]),
                     _pct(events["full"]["strict"]["f1"]), _pct(events["root"]["country"]["f1"]),
                     _pct(events["quad"]["country"]["f1"]), _pct(events["actors"]["country"]["f1"]),
                     _pct(r["no_event"]["rate"]), _pct(r["missing_target"]["rate"]),
                     _pct(r["plover"]["accuracy"]), _pct(r["plover"]["macro_f1"])])
    return "\n".join(_grid(header, rows)) + "\n(percentages; '-' where the set has nothing to measure)\n"


def to_json(result: Mapping[str, Any], *, indent: int | None = 2) -> str:
    return json.dumps(result, indent=indent, ensure_ascii=False, sort_keys=False)


__all__ = ["format_comparison", "format_table", "to_json"]
