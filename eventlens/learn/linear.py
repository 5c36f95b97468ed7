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


def _softmax(z: np.ndarray) -> np.ndarray:
    z = np.exp(z - z.max())
    return z / z.sum()


@dataclass
class Ranker:
    """Scores candidates; softmax over one group gives the probability that each is the right one.
    With `deep`, the probability is the mean of the linear model's and the network's."""

    weights: np.ndarray
    bits: int
    meta: dict
    deep: "DeepRanker | None" = None

    def logits(self, group: list[list[str]]) -> np.ndarray:
        return np.array([float(self.weights[hash_features(f, self.bits)].sum()) for f in group])

    def probabilities(self, group: list[list[str]]) -> np.ndarray:
        p = _softmax(self.logits(group))
        if self.deep is None:
            return p
        return (p + _softmax(self.deep.logits([hash_features(f, self.bits) for f in group]))) / 2

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
        deep = self.deep.arrays() if self.deep is not None else {}
        with open(path, "wb") as fh:
            np.savez_compressed(fh, index=nonzero.astype(np.int32),
                                value=self.weights[nonzero].astype(np.float32),
                                meta=np.frombuffer(json.dumps(self.meta, sort_keys=True).encode(), dtype=np.uint8),
                                **deep)

    @classmethod
    def load(cls, path: Path) -> "Ranker":
        with np.load(path) as data:
            meta = json.loads(bytes(data["meta"]).decode())
            weights = np.zeros(1 << meta["bits"], dtype=np.float64)
            weights[data["index"]] = data["value"]
            deep = DeepRanker.from_arrays(data) if "deep_rows" in data.files else None
        return cls(weights=weights, bits=meta["bits"], meta=meta, deep=deep)


def train_ranker(groups: list[tuple[list[list[str]], list[int]]], *, bits: int = 18, epochs: int = 12,
                 rate: float = 0.2, l2: float = 1e-5, seed: int = 0, meta: dict | None = None,
                 deep: dict | None = None) -> Ranker:
    """Fit a Ranker on groups of (candidate features, indices of the right candidates), and with `deep`
    (dim, epochs, rate, vector_rate, min_count) a DeepRanker beside it.

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
    network = train_deep_ranker(hashed, bits=bits, l2=l2, seed=seed, **deep) if deep else None
    return Ranker(weights=weights, bits=bits, deep=network,
                  meta={**(meta or {}), "bits": bits, "epochs": epochs, "rate": rate, "l2": l2, "seed": seed,
                        **({"deep": deep} if deep else {})})


@dataclass
class HashedLayer:
    """One ReLU layer over hashed features, shared by the detector's DeepScorer and the DeepRanker: each
    feature seen in at least `min_count` training examples has a learned vector; an example's vectors are
    summed, plus b1, through ReLU. Stored compactly: only the buckets that have a vector.

    rows: hash bucket -> row of `vectors` (-1: none); vectors [n, dim]; b1 [dim]; w2 [dim, ...]."""

    rows: np.ndarray
    vectors: np.ndarray
    b1: np.ndarray
    w2: np.ndarray

    def __post_init__(self) -> None:
        # A zero row last, so a feature without a vector (row -1) adds nothing. Built once: copying the
        # table per sentence cost a quarter of the coder's time.
        self._table = np.vstack([self.vectors, np.zeros((1, self.vectors.shape[1]), dtype=self.vectors.dtype)])

    def hidden(self, hashed: list[np.ndarray]) -> np.ndarray:
        lengths = np.array([len(h) for h in hashed])
        a = np.tile(self.b1, (len(hashed), 1))
        nonempty = lengths > 0
        if nonempty.any():
            flat = self.rows[np.concatenate(hashed)]
            offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            a[nonempty] += np.add.reduceat(self._table[flat], offsets[nonempty], axis=0)
        return np.maximum(a, 0)

    def arrays(self, prefix: str = "deep_") -> dict[str, np.ndarray]:
        kept = np.flatnonzero(self.rows >= 0)
        return {f"{prefix}rows": kept.astype(np.int32), f"{prefix}vectors": self.vectors[self.rows[kept]].astype(np.float16),
                f"{prefix}b1": self.b1.astype(np.float32), f"{prefix}w2": self.w2.astype(np.float32),
                f"{prefix}size": np.array([len(self.rows)], dtype=np.int64)}

    @staticmethod
    def stored(data, prefix: str = "deep_") -> dict[str, np.ndarray]:
        """The fields saved by `arrays`, rows expanded back to one per hash bucket."""
        kept = data[f"{prefix}rows"]
        rows = np.full(int(data[f"{prefix}size"][0]), -1, dtype=np.int64)
        rows[kept] = np.arange(len(kept))
        return {"rows": rows, "vectors": data[f"{prefix}vectors"].astype(np.float32),
                "b1": data[f"{prefix}b1"].astype(np.float32), "w2": data[f"{prefix}w2"].astype(np.float32)}


@dataclass
class DeepRanker(HashedLayer):
    """The HashedLayer scored by one dot product per candidate, so that combinations of features count
    ("implied own government" for a protest by citizens, not for a ban by a state). Its softmax over a
    group is averaged with the linear ranker's. w2 [dim]."""

    def logits(self, hashed: list[np.ndarray]) -> np.ndarray:
        return self.hidden(hashed) @ self.w2

    @classmethod
    def from_arrays(cls, data) -> "DeepRanker":
        return cls(**cls.stored(data))


def train_deep_ranker(hashed: list[tuple[list[np.ndarray], list[int]]], *, bits: int, dim: int, epochs: int,
                      rate: float, vector_rate: float, l2: float, min_count: int, seed: int) -> DeepRanker:
    """Fit a DeepRanker by AdaGrad, one group at a time, deterministic for a seed."""
    counts = np.bincount(np.concatenate([h for cands, _ in hashed for h in cands]), minlength=1 << bits)
    keep = counts >= min_count
    groups = [([h[keep[h]] for h in cands], right) for cands, right in hashed]
    rng = np.random.default_rng(seed)
    vectors = rng.normal(0.0, 0.05, (1 << bits, dim)) * keep[:, None]
    g_vectors = np.full((1 << bits,), 1e-8)
    b1, w2 = np.zeros(dim), rng.normal(0.0, 0.1, dim)
    g_b1, g_w2 = np.full(dim, 1e-8), np.full(dim, 1e-8)
    for _ in range(epochs):
        for gi in rng.permutation(len(groups)):
            cands, right = groups[gi]
            a = np.stack([vectors[h].sum(axis=0) for h in cands]) + b1
            h1 = np.maximum(a, 0)
            z = h1 @ w2
            p = np.exp(z - z.max())
            p /= p.sum()
            q = np.zeros(len(cands))
            q[right] = p[right] / p[right].sum()
            dz = p - q
            if not np.any(np.abs(dz) > 1e-6):
                continue
            grad_a = np.outer(dz, w2) * (a > 0)
            gw2 = dz @ h1
            gb1 = grad_a.sum(axis=0)
            g_w2 += gw2 * gw2
            w2 -= rate * gw2 / np.sqrt(g_w2)
            g_b1 += gb1 * gb1
            b1 -= rate * gb1 / np.sqrt(g_b1)
            for ci, h in enumerate(cands):
                if not len(h) or not dz[ci]:
                    continue
                step = grad_a[ci][None, :] + l2 * vectors[h]
                # one accumulator per row (the mean square of its step) keeps the state small
                g_vectors[h] += (step * step).mean(axis=1)
                vectors[h] -= vector_rate * step / np.sqrt(g_vectors[h])[:, None]
    kept = np.flatnonzero(keep)
    row_of = np.full(1 << bits, -1, dtype=np.int64)
    row_of[kept] = np.arange(len(kept))
    return DeepRanker(rows=row_of, vectors=vectors[kept].astype(np.float32), b1=b1.astype(np.float32),
                      w2=w2.astype(np.float32))
