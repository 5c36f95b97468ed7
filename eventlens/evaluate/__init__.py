"""`eventlens eval`: code a gold set with a caller-supplied coder and score the result.

The coder is passed in (`code_fn`) so that this package never imports spaCy: scoring stays fast
and testable on hand-built predictions.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..models import Article
from .gold import GoldEvent, GoldRecord, read_gold
from .report import format_comparison, format_table, to_json
from .scoring import score

CodeFn = Callable[[list[Article]], Mapping[str, Sequence[Mapping[str, Any]]]]


def gold_articles(records: Iterable[GoldRecord]) -> list[Article]:
    """One Article per gold record, with the record's id, text, date and file:line origin."""
    return [Article(id=r.id, text=r.text, date=r.date, origin=r.origin or None) for r in records]


def write_errors(result: Mapping[str, Any], path: str | Path) -> int:
    """Misses, false events and PLOVER mistakes as JSONL, one per line with a "kind"; returns the count."""
    errors = result["errors"]
    lines = [json.dumps({"kind": kind, **entry}, ensure_ascii=False)
             for kind in ("misses", "false_events", "plover_mistakes") for entry in errors[kind]]
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def evaluate(gold_path: str | Path, *, code_fn: CodeFn, errors_path: str | Path | None = None,
             include_negated: bool = False) -> dict[str, Any]:
    """Read a gold file, code its texts with `code_fn`, score; write the error list when asked."""
    records = read_gold(gold_path)
    predictions = code_fn(gold_articles(records))
    result = score(records, predictions, include_negated=include_negated)
    if errors_path is not None:
        write_errors(result, errors_path)
    return result


__all__ = ["CodeFn", "GoldEvent", "GoldRecord", "evaluate", "format_comparison", "format_table",
           "gold_articles", "read_gold", "score", "to_json", "write_errors"]
