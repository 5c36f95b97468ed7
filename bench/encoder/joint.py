"""(c2) One softmax over the hashed sparse features AND a dense embedding, trained by minibatch AdaGrad
(the same scheme as the shipped trainer, with a dense block and a bias added)."""
import zlib

import numpy as np


def hash_rows(feature_lists, bits):
    mask = (1 << bits) - 1
    return [np.fromiter((zlib.crc32(f.encode("utf-8")) & mask for f in feats), dtype=np.int64, count=len(feats))
            for feats in feature_lists]


def train_joint(hashed, X, y, *, bits=18, classes=21, epochs=8, rate=0.1, dense_rate=0.03, l2=1e-5,
                dense_l2=1e-4, seed=0, batch=128):
    """hashed: per-example int arrays; X: [N, D] dense (standardised); returns (W [2**bits, C], V [D+1, C])."""
    N, D = X.shape
    Xb = np.hstack([X, np.ones((N, 1), X.dtype)])
    W = np.zeros((1 << bits, classes))
    GW = np.full_like(W, 1e-8)
    V = np.zeros((D + 1, classes))
    GV = np.full_like(V, 1e-8)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        order = rng.permutation(N)
        for s in range(0, N, batch):
            idx = order[s:s + batch]
            rows = [hashed[i] for i in idx]
            lens = np.array([len(r) for r in rows])
            flat = np.concatenate(rows)
            starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
            xb = Xb[idx]
            z = np.add.reduceat(W[flat], starts, axis=0) + xb @ V
            p = np.exp(z - z.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            p[np.arange(len(idx)), y[idx]] -= 1.0
            g = np.repeat(p, lens, axis=0) + l2 * W[flat]
            np.add.at(GW, flat, g * g)
            np.subtract.at(W, flat, rate * g / np.sqrt(GW[flat]))
            gv = xb.T @ p / len(idx) + dense_l2 * V
            GV += gv * gv
            V -= dense_rate * gv / np.sqrt(GV)
    return W, V


def predict_joint(W, V, hashed, X):
    Xb = np.hstack([X, np.ones((len(X), 1), X.dtype)])
    z = np.stack([W[r].sum(0) for r in hashed]) + Xb @ V
    z = np.exp(z - z.max(1, keepdims=True))
    return z / z.sum(1, keepdims=True)
