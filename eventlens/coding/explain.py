"""`eventlens code --explain`: why each sentence gave the events it gave.

Per sentence the coder records every candidate event (a lexicon entry, a construction or the learned
detector's proposal), the scores the learned models gave it (the detector's root probability, every
target and source the rankers weighed), and what became of it: the events it gave, or why it gave none
(the reason `Coder._drop` names). The detector's scores for the words it did not fire on are kept too,
so a missing event can be traced to a word the model judged below its threshold.
"""
from __future__ import annotations


def sentence_entry(explanation: list[dict], article, si: int, sent) -> dict:
    entry = {"article": article.id, "sentence_index": si, "sentence": sent.text.strip(), "detector": [],
             "candidates": []}
    explanation.append(entry)
    return entry


def candidate_entry(cand, events: list, why: str | None, trace: dict | None) -> dict:
    return {
        "words": " ".join(t.text for t in cand.action), "code": cand.code, "rule": cand.rule,
        "detector": cand.scores.get("detector"),
        "outcome": "coded" if events else f"dropped: {why or 'the same event as one above'}",
        "events": [{"source": e.source.code, "target": e.target.code if e.target else None, "code": e.code,
                    "confidence": e.confidence} for e in events],
        "targets": list((trace or {}).get("targets") or []),
        "sources": list((trace or {}).get("sources") or []),
    }


def _choices(label: str, scored: list, by_actor: bool) -> list[str]:
    """The candidates a ranker weighed, best first. A target's probability is the sum over the roads that
    reach the same actor (named, and implied as the article's counterpart), as the chooser adds them."""
    if not scored:
        return []
    if by_actor:
        totals: dict[str, list] = {}
        for kind, code, p in scored:
            totals.setdefault(code or "none", []).append((kind, p))
        ranked = sorted(totals.items(), key=lambda kv: -sum(p for _, p in kv[1]))
        cells = [f"{code} {sum(p for _, p in roads):.2f} ({' + '.join(f'{k} {p:.2f}' for k, p in roads)})"
                 for code, roads in ranked[:5]]
        more = len(ranked) - 5
    else:
        ranked = sorted(scored, key=lambda c: -c[2])
        cells = [f"{code or 'none'} {p:.2f} ({kind})" for kind, code, p in ranked[:5]]
        more = len(ranked) - 5
    return [f"      {label}: " + "; ".join(cells) + (f"; +{more} more" if more > 0 else "")]


def format_explanation(explanation: list[dict]) -> str:
    """The recorded explanation as text, one block per sentence."""
    out: list[str] = []
    for entry in explanation:
        out.append(f"[{entry['article']} #{entry['sentence_index']}] {entry['sentence']}")
        if not entry["candidates"]:
            out.append("  no candidate event")
        for c in entry["candidates"]:
            det = f", detector p={c['detector']:.2f}" if c["detector"] is not None else ""
            out.append(f"  - '{c['words']}' {c['code']}{det}: {c['outcome']}")
            out.append(f"      rule: {c['rule']}")
            for e in c["events"]:
                out.append(f"      event: {e['source']} -> {e['target'] or '(none)'} {e['code']} "
                           f"confidence {e['confidence']:.2f}")
            out += _choices("targets weighed", c["targets"], by_actor=True)
            out += _choices("sources weighed", c["sources"], by_actor=False)
        below = [d for d in entry["detector"] if not d["fired"]]
        if below:
            cells = [f"'{d['word']}' {d['root']} {d['p']:.2f}" for d in sorted(below, key=lambda d: -d["p"])[:5]]
            out.append("  detector, below its threshold: " + "; ".join(cells))
        out.append("")
    return "\n".join(out)
