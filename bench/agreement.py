"""Inter-annotator agreement on the training corpus: a second annotator re-labelled a random tenth of it
(records whose sha1(id) % 10 == 0) from the text alone; this prints Cohen's kappa.

    python bench/agreement.py [corpus/agreement/second_annotator.jsonl]

Items: each event of either annotation is paired with the other's event at an overlapping trigger (else
with the other's event of the same root, else with NONE); a record neither annotator gives an event is
one NONE/NONE item. Root kappa compares the roots of the pairs (NONE included); actor kappa compares the
source and target countries (first three letters) of the pairs both annotators coded.

It then scores the second annotator as if it were a coder, against the first, with bench/accuracy.py's
measures (eventlens.evaluate.scoring): F1 at root code with country actors, at full code with strict
actors, and the share of records without an event that the second annotator coded. Those figures are the
agreement of two people on the same conventions: what a coder can be expected to reach on such text.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventlens.evaluate.gold import record_from_team  # noqa: E402
from eventlens.evaluate.scoring import score  # noqa: E402
from eventlens.learn.corpus import find_span, read_records  # noqa: E402


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right.get(k, 0) for k in left) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _span(rec, ev):
    return find_span(rec["text"], ev.get("trigger") or "", ev.get("trigger_occurrence", 1)) or (-1, -1)


def align(first: dict, second: dict) -> list[tuple[dict | None, dict | None]]:
    left, right = list(first.get("events") or []), list(second.get("events") or [])
    pairs, used = [], set()
    for ev in left:
        s, e = _span(first, ev)
        match = next((j for j, o in enumerate(right) if j not in used
                      and (lambda a, b: a < e and s < b)(*_span(second, o))), None)
        if match is None:
            match = next((j for j, o in enumerate(right) if j not in used and o["code"][:2] == ev["code"][:2]), None)
        if match is not None:
            used.add(match)
        pairs.append((ev, right[match] if match is not None else None))
    pairs += [(None, o) for j, o in enumerate(right) if j not in used]
    return pairs


def as_coder(first: dict[str, dict], second: dict[str, dict]) -> dict:
    """The second annotation scored against the first, as bench/accuracy.py scores the coder: the first
    annotation read as `eventlens eval` reads a corpus record, the second's events as predictions."""
    shared = [rid for rid in second if rid in first]
    gold = [record_from_team(first[rid], where=f"corpus record {rid}") for rid in shared]
    return score(gold, {rid: second[rid].get("events") or [] for rid in shared})


def main(argv: list[str]) -> int:
    second_path = Path(argv[0]) if argv else REPO / "corpus" / "agreement" / "second_annotator.jsonl"
    first = {r["id"]: r for p in sorted((REPO / "corpus" / "train").glob("*.jsonl")) for r in read_records(p)}
    second = {r["id"]: r for r in read_records(second_path)}
    roots, sources, targets, codes = [], [], [], []
    for rid, rec in second.items():
        if rid not in first:
            continue
        pairs = align(first[rid], rec)
        if not pairs:
            roots.append(("NONE", "NONE"))
        for a, b in pairs:
            roots.append((a["code"][:2] if a else "NONE", b["code"][:2] if b else "NONE"))
            if a and b:
                codes.append((a["code"], b["code"]))
                sources.append((((a.get("source") or {}).get("code") or "-")[:3], ((b.get("source") or {}).get("code") or "-")[:3]))
                targets.append((((a.get("target") or {}).get("code") or "-")[:3], ((b.get("target") or {}).get("code") or "-")[:3]))
    print(f"records compared: {sum(1 for r in second if r in first)} of {len(first)} "
          f"({100 * sum(1 for r in second if r in first) / len(first):.1f}%)")
    print(f"root code (NONE included): kappa {kappa(roots):.3f} over {len(roots)} items, "
          f"raw agreement {sum(a == b for a, b in roots) / len(roots):.3f}")
    print(f"full code, events both coded: kappa {kappa(codes):.3f} over {len(codes)} pairs")
    print(f"source country: kappa {kappa(sources):.3f}; target country: kappa {kappa(targets):.3f} "
          f"over {len(sources)} pairs; both actors: kappa {kappa(sources + targets):.3f}")
    result = as_coder(first, second)
    f1 = {key: result["events"][level][mode]["f1"] for key, level, mode in
          (("root", "root", "country"), ("full", "full", "strict"))}
    print(f"the second annotator scored as a coder against the first: F1 root/country {100 * f1['root']:.1f}, "
          f"full/strict {100 * f1['full']:.1f}; records without an event it coded: "
          f"{100 * (result['no_event']['rate'] or 0):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
