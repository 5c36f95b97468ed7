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

import numpy as np

from ..coding.codes import mutual_key
from .corpus import find_span, read_records

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus" / "train"
# Everything that decides the weights besides the corpus; change FEATURES when targets.py changes.
CONFIG = {"bits": 18, "epochs": 12, "rate": 0.2, "l2": 1e-5, "seed": 0, "features": "targets-v13",
          "detector_bits": 18, "detector_epochs": 8, "detector_rate": 0.1, "detector_threshold": 0.4, "recode_threshold": 0.5,
          "detector_features": "detect-v5", "mutual": "single-v2",
          "deep_dim": 64, "deep_epochs": 3, "deep_vector_rate": 0.05, "deep_min_count": 3,
          "ranker_deep": {"dim": 32, "epochs": 4, "rate": 0.05, "vector_rate": 0.05, "min_count": 3},
          "code_bits": 15, "code_epochs": 10, "code_threshold": 0.7, "refine_threshold": 0.4,
          "gate_bits": 18, "gate_epochs": 4, "gate_l2": 1e-4, "gate_threshold": 0.25, "gate_features": "gate-v3",
          "gate_deep": {"dim": 32, "epochs": 3, "vector_rate": 0.05, "min_count": 3},
          "calibration_features": "calibrate-v1", "calibration_folds": [1, 2, 3]}


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


def record_candidates(records: list[dict], detector=None, record_words: bool = False):
    """Code the records with the rules (and `detector`, if given), recording every event's target
    candidates and, with record_words, every candidate trigger word's and sentence's features (the
    DetectorRecorder, else None)."""
    from ..coding import Coder, code_articles
    from ..ingest import parse_date
    from ..models import Article
    from .choose import CandidateRecorder
    from .detect import DetectorRecorder

    coder = Coder(model="rules")
    recorder = CandidateRecorder("target")
    coder.target_chooser = recorder
    coder.source_chooser = source_recorder = CandidateRecorder("source")
    coder.detector = detector
    coder.detector_recorder = DetectorRecorder() if record_words else None
    articles = [Article(id=r["id"], text=r["text"], date=parse_date(r.get("date"))) for r in records]
    started = time.perf_counter()
    for n, _ in enumerate(code_articles(articles, coder=coder, processes=1), 1):
        if n % 2000 == 0:
            print(f"train: coded {n} of {len(articles)} records ({time.perf_counter() - started:.0f} s)",
                  file=sys.stderr, flush=True)
    return recorder.records, source_recorder.records, coder.detector_recorder


def trigger_spans(gold_by_id: dict[str, dict]) -> dict[str, list]:
    """Each record's annotated triggers as ((start, end), code)."""
    spans = {}
    for rid, gold in gold_by_id.items():
        found = []
        for ev in gold.get("events") or []:
            span = find_span(gold["text"], ev.get("trigger") or "", ev.get("trigger_occurrence", 1))
            if span:
                found.append((span, ev["code"]))
        spans[rid] = found
    return spans


def detector_data(words: list, gold_by_id: dict[str, dict]):
    """Features and root labels of every candidate word, and the code tables: which code the corpus
    gives a word (with its object) in each root."""
    from .detect import CLASSES

    spans = trigger_spans(gold_by_id)
    # Each annotated trigger labels one word: the one that heads the others inside its span ("agreed"
    # in "agreed to restore diplomatic relations"), so that one act is one firing.
    heads: dict[tuple[str, int, int], int] = {}
    for n, (rid, start, end, _, _, _, (hs, he)) in enumerate(words):
        for (s, e), _ in spans.get(rid, ()):
            if s < end and start < e and not (s < he and hs < e and (hs, he) != (start, end)):
                heads.setdefault((rid, s, e), n)
    labelled = {n: (rid, s, e) for (rid, s, e), n in heads.items()}
    examples, labels, codes = [], [], []
    by_object, by_lemma = {}, {}
    for n, (rid, start, end, feats, lem, obj, _) in enumerate(words):
        code = None
        if n in labelled:
            _, s0, e0 = labelled[n]
            code = next((c for (s, e), c in spans.get(rid, ()) if (s, e) == (s0, e0)), None)
        examples.append(feats)
        labels.append(CLASSES.index(code[:2]) if code else 0)
        codes.append(code)
        if code:
            by_object.setdefault(f"{code[:2]}|{lem}|{obj}", Counter())[code] += 1
            by_lemma.setdefault(f"{code[:2]}|{lem}", Counter())[code] += 1

    def best(table):  # the most frequent code; ties go to the smaller code, so the result is deterministic
        return {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in sorted(table.items())}

    # A word with its object says more than the word alone, but only where the corpus agrees with itself.
    sure = {k: v for k, v in by_object.items() if not k.endswith("|") and sum(v.values()) >= 2
            and max(v.values()) / sum(v.values()) >= 0.6}
    return examples, labels, codes, best(sure), best(by_lemma)


def mutual_codes(records: list[dict], least: int = 15, share: float = 0.6, least_word: int = 5) -> list[str]:
    """The codes the corpus codes both ways: at least `least` events, and at least `share` of them with a
    twin at the same trigger from the target back to the source ("signed an agreement with", "held
    talks with"); and, for codes that are not, the code with a trigger's first word that is ("exchanged
    fire" is 193 both ways, an ambush 193 one way): keys of `mutual_key`, at least `least_word` events."""
    total, twinned = _twin_counts(records)
    codes = {c for c, n in total.items() if "|" not in c and n >= least and twinned[c] / n >= share}
    return sorted(codes | {k for k, n in total.items() if "|" in k and k.split("|")[0] not in codes
                           and n >= least_word and twinned[k] / n >= share})


def mutual_single_codes(records: list[dict], least: int = 15, share: float = 0.6, least_word: int = 5) -> list[str]:
    """The codes of `mutual_codes` that stay mutual when one actor does the act to another: counted over
    the events whose source is named before the act and the target after it ("Chile pledged to share
    radar data with Peru"), since sources listed together ("Chile and Peru pledged to share") are each
    other's targets by construction. A key is dropped only where such events are as many as
    `mutual_codes` asks for and too few of them have their twin; one they show mutual is added."""
    total, twinned = _twin_counts(records, named_after=True)

    def enough(key: str) -> bool:
        return total[key] >= (least_word if "|" in key else least)

    kept = {k for k in mutual_codes(records, least, share, least_word)
            if not enough(k) or twinned[k] / total[k] >= share}
    added = {k for k in total if enough(k) and twinned[k] / total[k] >= share
             and ("|" not in k or k.split("|")[0] not in kept)}
    return sorted(kept | added)


def _twin_counts(records: list[dict], named_after: bool = False) -> tuple[Counter, Counter]:
    """Per code and per code-with-word key, how many events and how many with their twin (the same
    trigger and code, from the target back to the source); with `named_after`, only the events whose
    source is named before the trigger and the target after it."""
    total, twinned = Counter(), Counter()
    for rec in records:
        events = rec.get("events") or []
        for ev in events:
            if named_after and not _source_act_target(rec["text"], ev):
                continue
            src, tgt = ev["source"]["code"][:3], ((ev.get("target") or {}).get("code") or "")[:3]
            twin = any(
                other is not ev and other.get("trigger") == ev.get("trigger") and other["code"] == ev["code"]
                and other["source"]["code"][:3] == tgt and ((other.get("target") or {}).get("code") or "")[:3] == src
                for other in events)
            words = (ev.get("trigger") or "").split()
            for key in (ev["code"], *([mutual_key(ev["code"], words[0])] if words else [])):
                total[key] += 1
                twinned[key] += twin
    return total, twinned


def _source_act_target(text: str, ev: dict) -> bool:
    """Whether the event's source is named before its trigger and its target after it."""
    target = ev.get("target") or {}
    spans = [find_span(text, part.get("text") or "", part.get("occurrence", 1) or 1) if part.get("text") else None
             for part in (ev["source"], {"text": ev.get("trigger"), "occurrence": ev.get("trigger_occurrence", 1)},
                          target)]
    return all(spans) and spans[0][0] < spans[1][0] < spans[2][0]


def train_detector(records: list[dict], words: list, config: dict, meta: dict, sentences: list | None = None):
    from .detect import Detector, train_deep, train_weights
    from .gate import sentence_labels

    gate = gate_deep = None
    if sentences and config.get("gate_bits"):
        y = sentence_labels(sentences, trigger_spans({r["id"]: r for r in records}))
        features = [f for *_, f in sentences]
        gate = train_weights(features, y, bits=config["gate_bits"], epochs=config["gate_epochs"],
                             rate=config["detector_rate"], l2=config["gate_l2"], seed=config["seed"],
                             classes=2).astype(np.float32)
        if config.get("gate_deep"):
            settings = config["gate_deep"]
            gate_deep = train_deep(features, y, bits=config["gate_bits"], dim=settings["dim"],
                                   epochs=settings["epochs"], rate=config["detector_rate"],
                                   vector_rate=settings["vector_rate"], l2=config["l2"],
                                   min_count=settings["min_count"], seed=config["seed"], classes=2)
    examples, labels, codes, by_object, by_lemma = detector_data(words, {r["id"]: r for r in records})
    weights = train_weights(examples, labels, bits=config["detector_bits"], epochs=config["detector_epochs"],
                            rate=config["detector_rate"], l2=config["l2"], seed=config["seed"])
    deep = None
    if config.get("deep_dim"):
        deep = train_deep(examples, labels, bits=config["detector_bits"], dim=config["deep_dim"],
                          epochs=config["deep_epochs"], rate=config["detector_rate"],
                          vector_rate=config["deep_vector_rate"], l2=config["l2"],
                          min_count=config["deep_min_count"], seed=config["seed"])
    # The code within each root, in context: one small model per root over the same features, from the
    # words the corpus labels with an event of that root.
    code_models = {}
    for root in sorted({c[:2] for c in codes if c}):
        rows = [(f, c) for f, c in zip(examples, codes) if c and c[:2] == root]
        classes = sorted({c for _, c in rows})
        if len(classes) < 2:
            continue
        w = train_weights([f for f, _ in rows], [classes.index(c) for _, c in rows], bits=config["code_bits"],
                          epochs=config["code_epochs"], rate=config["detector_rate"], l2=config["l2"],
                          seed=config["seed"], classes=len(classes))
        code_models[root] = (classes, w.astype(np.float32))
    return Detector(weights=weights.astype(np.float32), bits=config["detector_bits"], codes_by_object=by_object,
                    codes_by_lemma=by_lemma, threshold=config["detector_threshold"],
                    meta={**meta, "words": len(examples), "event_words": int(sum(1 for y in labels if y)),
                          "recode_threshold": config["recode_threshold"], "code_threshold": config["code_threshold"],
                          "refine_threshold": config["refine_threshold"],
                          "mutual_codes": mutual_codes(records),
                          "mutual_single_codes": mutual_single_codes(records),
                          "gate_threshold": config.get("gate_threshold", 0.0),
                          "sentences": len(sentences or ())},
                    code_models=code_models, gate=gate, deep=deep, gate_deep=gate_deep)


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


def label(recorded: list[dict], gold_by_id: dict[str, dict], role: str = "target") -> tuple[list, Counter]:
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
        elif not ev.get(role):
            right = [i for i, (kind, _) in enumerate(kinds) if kind == "none"]
            stats[f"gold without {role}"] += 1
        else:
            want = ev[role]["code"]
            right = [i for i, (_, code) in enumerate(kinds) if code == want]
            if right:
                stats[f"{role} among candidates (strict)"] += 1
            else:
                right = [i for i, (_, code) in enumerate(kinds) if code and code[:3] == want[:3]]
                stats[f"{role} among candidates (country)" if right else f"{role} not among candidates"] += 1
        if right:
            groups.append(([f for _, _, f in rec["candidates"]], right))
    return groups, stats


def fit(records: list[dict], *, quiet: bool = False, meta: dict | None = None):
    """Both models from annotated records: the detector from a rules-only pass, then the target ranker
    from a pass with the detector, so it learns to place the detector's events too."""
    from .linear import train_ranker

    meta = dict(meta or {})
    started = time.perf_counter()
    _, source_recorded, words = record_candidates(records, record_words=True)
    detector = train_detector(records, words.records, CONFIG, meta, sentences=words.sentences)
    gold_by_id = {r["id"]: r for r in records}
    params = {k: CONFIG[k] for k in ("bits", "epochs", "rate", "l2", "seed")} | {"deep": CONFIG.get("ranker_deep")}
    if not quiet:
        print(f"train: detector from {len(words.records)} words ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    recorded, source_recorded2, _ = record_candidates(records, detector=detector)
    groups, stats = label(recorded, gold_by_id)
    ranker = train_ranker(groups, **params, meta={**meta, "examples": len(groups), "labels": dict(stats)})
    hits = sum(1 for feats, right in groups if int(ranker.probabilities(feats).argmax()) in right)
    ranker.meta["train_accuracy"] = round(hits / max(1, len(groups)), 4)
    # The source ranker sees the subject-less events of both passes (lexicon and detector events).
    sgroups, sstats = label(source_recorded + source_recorded2, gold_by_id, role="source")
    source_ranker = train_ranker(sgroups, **params, meta={**meta, "examples": len(sgroups), "labels": dict(sstats)})
    if not quiet:
        print(f"train: rankers from {len(groups)} and {len(sgroups)} events ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr)
    return detector, ranker, source_ranker


def _fold(record_id: str, folds: int) -> int:
    return int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % folds


def right_events(events, gold: dict) -> list[bool]:
    """Which coded events a careful coder would also give: the same root code, source country and target
    country as one of the record's annotated events (each annotated event matches once)."""
    left = Counter((ev["code"][:2], (ev["source"].get("code") or "")[:3], ((ev.get("target") or {}).get("code") or "")[:3])
                   for ev in gold.get("events") or [])
    out = []
    for e in events:
        key = (e.root_code, (e.source.code or "")[:3], ((e.target.code if e.target else "") or "")[:3])
        out.append(left[key] > 0)
        if left[key] > 0:
            left[key] -= 1
    return out


def fit_calibrator(records: list[dict], *, quiet: bool = False, meta: dict | None = None):
    """The confidence calibration, from the events the coder gives three held-out tenths of the records,
    each while its models are trained on the other nine (so the probabilities are those of unseen text)."""
    from ..coding import Coder, code_articles
    from ..ingest import parse_date
    from ..models import Article
    from . import calibrate
    from .choose import SourceChooser, TargetChooser

    examples, labels, held_records = [], [], 0
    for fold in CONFIG["calibration_folds"]:
        held = [r for r in records if _fold(r["id"], 10) == fold]
        rest = [r for r in records if _fold(r["id"], 10) != fold]
        detector, ranker, source_ranker = fit(rest, quiet=True, meta={"version": "calibration"})
        coder = Coder(model="rules")
        coder.detector, coder.target_chooser = detector, TargetChooser(ranker)
        coder.source_chooser, coder.signal_recorder = SourceChooser(source_ranker), {}
        gold_by_id = {r["id"]: r for r in held}
        articles = [Article(id=r["id"], text=r["text"], date=parse_date(r.get("date"))) for r in held]
        for result in code_articles(articles, coder=coder, processes=1):
            events = result.events or []
            examples += [coder.signal_recorder[e.id] for e in events]
            labels += right_events(events, gold_by_id[result.article.id])
        held_records += len(held)
        if not quiet:
            print(f"train: calibration fold {fold}: {len(examples)} events so far", file=sys.stderr)
    calibrator = calibrate.fit(examples, labels, seed=CONFIG["seed"],
                               meta={**(meta or {}), "events": len(examples), "right": int(sum(labels)),
                                     "held_out_records": held_records})
    return calibrator


def train(files: list[Path] | None = None, quiet: bool = False) -> dict:
    from . import calibrate, choose, detect

    files = files or corpus_files()
    records = [r for path in files for r in read_records(path)]
    meta = {"version": config_digest()[:8] + "." + corpus_digest(files)[:8], "corpus_sha256": corpus_digest(files),
            "config_sha256": config_digest(), "config": CONFIG, "records": len(records),
            "corpus_files": [p.name for p in files]}
    calibrator = fit_calibrator(records, quiet=quiet, meta=meta)
    detector, ranker, source_ranker = fit(records, quiet=quiet, meta=meta)
    calibrator.save(calibrate.model_path())
    detector.save(detect.model_path())
    ranker.save(choose.model_path())
    source_ranker.save(choose.source_model_path())
    if not quiet:
        print(json.dumps({k: v for k, v in ranker.meta.items() if k != "config"}, indent=1))
        print(f"train: {len(records)} records -> {detect.model_path().parent}")
    return ranker.meta


def check(files: list[Path] | None = None) -> list[str]:
    """Why the shipped weights do not match the corpus and config that should have produced them."""
    from . import calibrate, choose, detect
    from .linear import Ranker

    files = files or corpus_files()
    problems = []
    for path, load in ((choose.model_path(), Ranker.load), (choose.source_model_path(), Ranker.load),
                       (detect.model_path(), detect.Detector.load),
                       (calibrate.model_path(), calibrate.Calibrator.load)):
        if not path.exists():
            problems.append(f"{path} is missing: run `make train`")
            continue
        meta = load(path).meta
        if meta.get("corpus_sha256") != corpus_digest(files):
            problems.append(f"{path.name}: the corpus changed since it was trained: run `make train`")
        if meta.get("config_sha256") != config_digest():
            problems.append(f"{path.name}: the training config changed since it was trained: run `make train`")
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
