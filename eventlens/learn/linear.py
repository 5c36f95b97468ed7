"""A small learned scorer: a linear model over hashed string features, trained with softmax loss to pick
one candidate among several (a ranker), in numpy only, so the installed tool needs no ML framework.

Features are plain strings ("path=dobj", "kind=implied_gov|root=14"); each is hashed (CRC-32, the same on
every machine and Python) into 2**bits weights. Training is deterministic: a fixed seed orders the
examples, and AdaGrad needs no learning-rate schedule to tune.
"""
from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np


def hash_features(features: list[str], bits: int) -> np.ndarray:
    mask = (1 << bits) - 1
    return np.fromiter((zlib.crc32(f.encode("utf-8")) & mask for f in features), dtype=np.int64,
                       count=len(features))


@dataclass
class Ranker:
    """Scores candidates; softmax over one group gives the probability that each is the right one."""

    weights: np.ndarray
    bits: int
    meta: dict

    def logits(self, group: list[list[str]]) -> np.ndarray:
        return np.array([float(self.weights[hash_features(f, self.bits)].sum()) for f in group])

    def probabilities(self, group: list[list[str]]) -> np.ndarray:
        z = self.logits(group)
        z = np.exp(z - z.max())
        return z / z.sum()

    def top_features(self, features: list[str], k: int = 4) -> list[tuple[str, float]]:
        """The features that pushed a candidate up or down most, for reading why a candidate won."""
        w = self.weights[hash_features(features, self.bits)]
        order = np.argsort(-np.abs(w))[:k]
        return [(features[i], round(float(w[i]), 3)) for i in order if w[i] != 0]

    # -- persistence ------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Weights as a compressed .npz, and the meta data (config, corpus hash, figures) inside it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        nonzero = np.flatnonzero(self.weights)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, index=nonzero.astype(np.int32),
                                value=self.weights[nonzero].astype(np.float32),
                                meta=np.frombuffer(json.dumps(self.meta, sort_keys=True).encode(), dtype=np.uint8))

    @classmethod
    def load(cls, path: Path) -> "Ranker":
        with np.load(path) as data:
            meta = json.loads(bytes(data["meta"]).decode())
            weights = np.zeros(1 << meta["bits"], dtype=np.float64)
            weights[data["index"]] = data["value"]
        return cls(weights=weights, bits=meta["bits"], meta=meta)


def train_ranker(groups: list[tuple[list[list[str]], list[int]]], *, bits: int = 18, epochs: int = 12,
                 rate: float = 0.2, l2: float = 1e-5, seed: int = 0, meta: dict | None = None) -> Ranker:
    """Fit a Ranker on groups of (candidate features, indices of the right candidates).

    The loss is -log of the probability mass on the right candidates (several may be right: "Russia" and
    "the Kremlin" are both RUS at country level)."""
    weights = np.zeros(1 << bits)
    grad_sq = np.full(1 << bits, 1e-8)
    hashed = [([hash_features(f, bits) for f in cands], right) for cands, right in groups if right]
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        for gi in rng.permutation(len(hashed)):
            cands, right = hashed[gi]
            z = np.array([weights[h].sum() for h in cands])
            p = np.exp(z - z.max())
            p /= p.sum()
            q = np.zeros(len(cands))
            mass = p[right].sum()
            q[right] = p[right] / mass
            for ci, h in enumerate(cands):
                g = p[ci] - q[ci]
                if g == 0.0:
                    continue
                step = g + l2 * weights[h]
                grad_sq[h] += step * step
                np.subtract.at(weights, h, rate * step / np.sqrt(grad_sq[h]))
    return Ranker(weights=weights, bits=bits, meta={**(meta or {}), "bits": bits, "epochs": epochs,
                                                    "rate": rate, "l2": l2, "seed": seed})
