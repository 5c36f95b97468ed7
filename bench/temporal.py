"""Accuracy of the event-date resolver on the team's set of temporal expressions.

    python bench/temporal.py                  # bench/data/temporal.jsonl
    python bench/temporal.py --errors         # also list every miss

Each record is a sentence, its publication date, the event's action word and the expected date and
precision (the publication date with precision "day" where the sentence has no date of the event),
and, for scheduled acts, the expected effective_date. A record counts as right when both the date and
the precision match.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_SET = REPO / "bench" / "data" / "temporal.jsonl"


def action_tokens(sent, word: str):
    for tok in sent:
        if tok.text == word or tok.text.lower() == word.lower():
            return [tok]
    for tok in sent:
        if word in tok.text:
            return [tok]
    raise ValueError(f"action {word!r} not in {sent.text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--errors", action="store_true", help="print each miss")
    args = parser.parse_args(argv)

    from eventlens.nlp import load_pipeline
    from eventlens.resolve.dates import resolve_event_date

    nlp = load_pipeline()
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    right = date_right = effective_total = effective_right = 0
    misses = []
    for rec in records:
        doc = nlp(rec["sentence"])
        sent = next(doc.sents)
        got = resolve_event_date(sent, action_tokens(sent, rec["action"]), dt.date.fromisoformat(rec["publication_date"]))
        ok_date = got.date == rec["date"]
        ok = ok_date and got.precision == rec["precision"]
        date_right += ok_date
        right += ok
        if "effective_date" in rec:
            effective_total += 1
            effective_right += got.effective_date == rec["effective_date"]
            ok = ok and got.effective_date == rec["effective_date"]
        if not ok:
            misses.append((rec, got))
    seconds = time.perf_counter() - started
    n = len(records)
    print(f"temporal expressions: {n} records from {args.data.name}")
    print(f"  date and precision right: {right}/{n} = {right / n:.1%}")
    print(f"  date right:               {date_right}/{n} = {date_right / n:.1%}")
    if effective_total:
        print(f"  effective_date right:     {effective_right}/{effective_total} = {effective_right / effective_total:.1%}")
    print(f"  {seconds:.1f} s with parsing")
    if args.errors:
        for rec, got in misses:
            print(f"  MISS [{rec['publication_date']}] {rec['sentence']} ({rec['action']}): expected "
                  f"{rec['date']}/{rec['precision']} {rec.get('effective_date') or ''}, got {got.date}/"
                  f"{got.precision} {got.effective_date or ''} from {got.text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
