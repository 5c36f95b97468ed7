"""`make train`: rebuild the shipped models from the team's corpus, deterministically.

    python -m eventlens.learn.train                 # corpus/train/*.jsonl -> eventlens/learn/data/
    python -m eventlens.learn.train --check         # do the shipped weights match corpus and config?

The target ranker learns from the corpus's annotated events: the corpus is coded by the rules with a
recorder in place of the chooser, each recorded event is matched to the annotated event at the same
trigger (else the same root code and source country), and the candidates whose actor code is the
annotated target are the right ones ("none" when the coder's event is not in the annotation at all).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

from .corpus import find_span, read_records

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus" / "train"
# Everything that decides the weights besides the corpus; change FEATURES when targets.py changes.
CONFIG = {"bits": 18, "epochs": 12, "rate": 0.2, "l2": 1e-5, "seed": 0, "features": "targets-v1"}


def corpus_files(folder: Path = CORPUS) -> list[Path]:
    return sorted(folder.glob("*.jsonl"))


def corpus_digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def config_digest(config: dict = CONFIG) -> str:
    return hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()


def record_candidates(records: list[dict]) -> list[dict]:
    """Code the records with the rules and record every event's target candidates."""
    from ..coding import Coder, code_articles
    from ..ingest import parse_date
    from ..models import Article
    from .choose import TargetRecorder

    coder = Coder()
    recorder = TargetRecorder()
    coder.target_chooser = recorder
    articles = [Article(id=r["id"], text=r["text"], date=parse_date(r.get("date"))) for r in records]
    started = time.perf_counter()
    for n, _ in enumerate(code_articles(articles, coder=coder, processes=1), 1):
        if n % 1000 == 0:
            print(f"train: coded {n} of {len(articles)} records ({time.perf_counter() - started:.0f} s)",
                  file=sys.stderr, flush=True)
    return recorder.records


def _match(rec: dict, gold: dict) -> dict | None:
    text = gold["text"]
    for ev in gold.get("events") or []:
        span = find_span(text, ev.get("trigger") or "", ev.get("trigger_occurrence", 1))
        if span and span[0] < rec["anchor"][1] and rec["anchor"][0] < span[1]:
            return ev
    for ev in gold.get("events") or []:
        src = (ev.get("source") or {}).get("code") or ""
        if ev.get("code", "")[:2] == rec["code"][:2] and src[:3] == rec["source"][:3]:
            return ev
    return None


def label(recorded: list[dict], gold_by_id: dict[str, dict]) -> tuple[list, Counter]:
    """(candidate features, indices of the right ones) per recorded event, and what happened to each."""
    groups, stats = [], Counter()
    for rec in recorded:
        gold = gold_by_id.get(rec["article_id"])
        if gold is None:
            continue
        ev = _match(rec, gold)
        kinds = [(kind, code) for kind, code, _ in rec["candidates"]]
        if ev is None:
            right = [i for i, (kind, _) in enumerate(kinds) if kind == "none"]
            stats["spurious: none is right"] += 1
        elif not ev.get("target"):
            right = [i for i, (kind, _) in enumerate(kinds) if kind == "none"]
            stats["gold without target"] += 1
        else:
            want = ev["target"]["code"]
            right = [i for i, (_, code) in enumerate(kinds) if code == want]
            if right:
                stats["target among candidates (strict)"] += 1
            else:
                right = [i for i, (_, code) in enumerate(kinds) if code and code[:3] == want[:3]]
                stats["target among candidates (country)" if right else "target not among candidates"] += 1
        if right:
            groups.append(([f for _, _, f in rec["candidates"]], right))
    return groups, stats


def train(files: list[Path] | None = None, out: Path | None = None, quiet: bool = False) -> dict:
    from .choose import model_path
    from .linear import train_ranker

    files = files or corpus_files()
    out = out or model_path()
    started = time.perf_counter()
    records = [r for path in files for r in read_records(path)]
    recorded = record_candidates(records)
    if not quiet:
        print(f"train: coded {len(records)} records, {len(recorded)} events recorded "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    groups, stats = label(recorded, {r["id"]: r for r in records})
    meta = {"version": config_digest()[:8] + "." + corpus_digest(files)[:8], "corpus_sha256": corpus_digest(files),
            "config_sha256": config_digest(), "config": CONFIG, "records": len(records),
            "examples": len(groups), "labels": dict(stats), "corpus_files": [p.name for p in files]}
    ranker = train_ranker(groups, **{k: CONFIG[k] for k in ("bits", "epochs", "rate", "l2", "seed")}, meta=meta)
    hits = sum(1 for feats, right in groups if int(ranker.probabilities(feats).argmax()) in right)
    ranker.meta["train_accuracy"] = round(hits / max(1, len(groups)), 4)
    ranker.save(out)
    if not quiet:
        print(json.dumps({k: v for k, v in ranker.meta.items() if k != "config"}, indent=1))
        print(f"train: {len(records)} records, {len(groups)} examples, {time.perf_counter() - started:.0f} s -> {out}")
    return ranker.meta


def check(files: list[Path] | None = None) -> list[str]:
    """Why the shipped weights do not match the corpus and config that should have produced them."""
    from .choose import model_path
    from .linear import Ranker

    files = files or corpus_files()
    path = model_path()
    if not path.exists():
        return [f"{path} is missing: run `make train`"]
    meta = Ranker.load(path).meta
    problems = []
    if meta.get("corpus_sha256") != corpus_digest(files):
        problems.append("the corpus changed since the weights were trained: run `make train`")
    if meta.get("config_sha256") != config_digest():
        problems.append("the training config changed since the weights were trained: run `make train`")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train eventlens's learned models from corpus/train/.")
    parser.add_argument("--check", action="store_true", help="only check that the shipped weights are current")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for p in problems:
            print(f"train: {p}", file=sys.stderr)
        return 1 if problems else 0
    train()
    return 0


if __name__ == "__main__":
    sys.exit(main())
