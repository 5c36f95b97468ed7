"""An event's `confidence` as a calibrated probability: P(the event is right, at root code with the source
and target countries a careful coder would give), from what the coder knows when it emits the event.

The signals are the event's origin (a lexicon entry, a construction, the detector), the rule's own
confidence, the detector's probability, how the target and the source were chosen and with what
probability, the root, the modality and whether the words are quoted. A logistic regression over hashed
indicator features maps them to a probability. `make train` fits it on the events the coder emits for
three held-out tenths of the corpus, each while its models are trained on the other nine tenths, so the
probabilities are those of unseen text, not of the text the models learned from (eventlens.learn.train).
"""
from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_FILE = "calibration.npz"
BITS = 14


def _bucket(p: float | None) -> str:
    if p is None:
        return "-"
    return f"{min(9, int(p * 10))}"


def features(signals: dict) -> list[str]:
    """The indicator features of one event's signals (few and uncrossed: the calibration set is small)."""
    tkind, tp = signals.get("target", ("-", None))
    skind, sp = signals.get("source", ("parse", None))
    return ["bias", f"origin={signals.get('origin')}", f"detector={_bucket(signals.get('detector'))}",
            f"rule_confidence={_bucket(signals.get('rule_confidence'))}", f"target={tkind}",
            f"target_p={_bucket(tp)}", f"target={tkind}|target_p={_bucket(tp)}", f"source={skind}",
            f"source_p={_bucket(sp)}", f"root={signals.get('root')}", f"modality={signals.get('modality')}",
            f"quote={signals.get('in_quote')}", f"recoded={signals.get('recoded', False)}",
            f"events_in_sentence={min(4, signals.get('events_in_sentence', 1))}"]


def _hash(feats: list[str]) -> np.ndarray:
    mask = (1 << BITS) - 1
    return np.fromiter((zlib.crc32(x.encode("utf-8")) & mask for x in feats), dtype=np.int64, count=len(feats))


@dataclass
class Calibrator:
    weights: np.ndarray
    meta: dict

    @property
    def name(self) -> str:
        return f"calibration@{self.meta.get('version', '?')}"

    def probability(self, signals: dict) -> float:
        z = float(self.weights[_hash(features(signals))].sum())
        return float(1.0 / (1.0 + np.exp(-z)))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, weights=self.weights.astype(np.float32),
                                meta=np.frombuffer(json.dumps(self.meta, sort_keys=True).encode(), dtype=np.uint8))

    @classmethod
    def load(cls, path: Path) -> "Calibrator":
        with np.load(path) as data:
            return cls(weights=data["weights"].astype(np.float64), meta=json.loads(bytes(data["meta"]).decode()))


def fit(examples: list[dict], labels: list[bool], *, epochs: int = 10, rate: float = 0.1, l2: float = 1e-2,
        seed: int = 0, meta: dict | None = None) -> Calibrator:
    """Logistic regression by AdaGrad, deterministic (fixed seed, no threads)."""
    rows = [_hash(features(s)) for s in examples]
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(1 << BITS)
    g2 = np.full_like(w, 1e-8)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        for i in rng.permutation(len(rows)):
            r = rows[i]
            p = 1.0 / (1.0 + np.exp(-w[r].sum()))
            grad = (p - y[i]) + l2 * w[r]
            g2[r] += grad * grad
            w[r] -= rate * grad / np.sqrt(g2[r])
    return Calibrator(weights=w, meta=dict(meta or {}))


def model_path() -> Path:
    from .choose import data_path

    return data_path(MODEL_FILE)


@lru_cache(maxsize=1)
def shipped_calibrator() -> Calibrator | None:
    path = model_path()
    return Calibrator.load(path) if path.exists() else None
